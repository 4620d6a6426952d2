using System.Globalization;
using V = BudgetGrpc.Engine.Tests.Variants.VariantVocabulary;

namespace BudgetGrpc.Engine.Tests.Variants;

internal static partial class VariantRenderer
{
    private enum EvalRole { Level1, Level2, Level3, Comparator, Direction, Value, Unit, Actual, Weight, Score, Reason, Review, Method }

    private sealed record EvalColumn(EvalRole Role, string Header, string? Group = null);

    /// <summary>How one self-evaluation variant writes its indicator table (the families of docs/selfeval-survey.md §2).</summary>
    private sealed record EvalTable(
        IReadOnlyList<EvalColumn> Columns, bool TwoRows, string TargetShape, string Actuals, string LevelCells, string LevelWeights,
        bool FirstLevelBlank, string Vertical, string EmptyReason, TargetStyle Style)
    {
        /// <summary>none, numbered (指标1：name, family I) or core (★ before core indicators, family C).</summary>
        public string NamePrefix { get; init; } = "none";
        /// <summary>none, placeholder (指标1 left from the template) or ellipsis (……): an empty row closing each first level's block.</summary>
        public string EmptyRows { get; init; } = "none";
        /// <summary>Equality and bounds in the unusual forms family Y prints (﹦, ═, ≧).</summary>
        public bool OddSigns { get; init; }
        public int Width => Columns.Count;
        public int HeaderRows => TwoRows ? 2 : 1;
        public bool HasWeight => Columns.Any(c => c.Role == EvalRole.Weight);
        public int? At(EvalRole role)
        {
            var k = Columns.ToList().FindIndex(c => c.Role == role);
            return k < 0 ? null : k;
        }
    }

    /// <summary>
    /// Self-evaluations (项目支出绩效自评表): title block, 项目名称, 主管部门 and 实施单位, the budget block (年初预算数, 全年预算数,
    /// 全年执行数, 执行率, 分值, 得分 in the shapes and orders the survey met), 年度总体目标 with 预期目标 | 实际完成情况, the
    /// indicator table with the target glued or split, the actual, weight, score and reason columns in the families' orders,
    /// a 总分 row and the rows under the table. One form per project, stacked or on sheets of their own.
    /// </summary>
    private static VariantDocument RenderSelfEvaluation(RenderContext x)
    {
        var a = x.Axes;
        var d = x.Disclosure;
        var titleForm = a.Pick("seTitle", "titleAndYearLine", "titleAndYearLine", "yearInTitle");
        var titleText = titleForm == "yearInTitle" ? a.Pick("label.seTitle", V.SelfEvalYearTitles, w => w) : a.Pick("label.seTitle", V.SelfEvalTitles, w => w);
        var yearLine = x.Fill(a.Pick("label.yearLine", V.YearLines, w => w));
        var titleInside = a.Pick("titlePlacement", "lines", "rows") == "rows";
        var placement = a.Pick("forms", "stacked", "sheets");
        var titles = a.Pick("formTitles", "each", "once");
        var scoreLine = a.Flag("seScoreLine", 0.15);
        var vertical = a.Pick("verticalLabels", "plain", "plain", "spaced", "perCharacter");

        var budgetTemplate = a.Pick("label.seBudget", V.SelfEvalBudgetLabel, w => w);
        var unitOptions = new List<string> { "ownLine", "headCell" };
        if (budgetTemplate.Contains("{unit}", StringComparison.Ordinal)) unitOptions.Add("budgetLabel");
        if (x.Unit == "万元") unitOptions.Add("none");
        var unitStatement = a.Pick("unitStatement", [.. unitOptions]);
        var budgetLabel = unitStatement == "budgetLabel" ? x.Fill(budgetTemplate) : budgetTemplate.Replace("（{unit}）", "");
        var budgetHeads = a.Pick("label.seBudgetHeads", V.SelfEvalBudgetHeads, h => string.Join("|", h));
        // full and noInitial (C, D, E) per the heads drawn; hubei: 预算数（A）| 执行数（B）| 执行率（B/A）| 得分（10分*执行率）, no
        // weight column (H); sources: H2's 中央 | 省、地 | 本级 | 合计 | 执行数 | 执行率 in columns over one row of figures.
        var budgetShape = a.Pick("seBudgetShape", "full", "full", "full", "noInitial", "hubei", "sources");
        var budgetWeightAt = a.Pick("seBudgetWeightAt", "beforeRate", "afterRate");
        var budgetRows = a.Pick("seBudgetRows", "totalFiscalOther", "totalFiscalOther", "totalFiscal", "totalOnly", "zeroTotal");
        var rateForm = a.Pick("seRate", "percent", "twoDecimals", "bare");
        var subMark = a.Pick("label.seSubMark", V.SelfEvalSubRowMarks, w => w.Length == 0 ? "blank" : w);
        var totalLabel = a.Pick("label.seBudgetTotal", V.SelfEvalBudgetTotal, w => w);
        var fiscalLabel = a.Pick("label.seBudgetFiscal", V.SelfEvalBudgetFiscal, w => w);
        var otherLabel = a.Pick("label.seBudgetOther", V.SelfEvalBudgetOther, w => w);

        var identity = a.Pick("seIdentity", "pair", "pair", "rows", "supervisorOnly", "region");
        var above = a.Pick("seAbove", "none", "none", "none", "line");
        var aboveLine = above == "line" ? x.Fill(a.Pick("label.seAbove", V.SelfEvalAboveLines, w => w)).Replace("{next}", (d.Year + 1).ToString(CultureInfo.InvariantCulture)) : "";
        var supervisorLabel = a.Pick("label.seSupervisor", V.SelfEvalSupervisor, w => w);
        var implementerLabel = a.Pick("label.seImplementer", V.SelfEvalImplementer, w => w);
        var codePrefix = a.Flag("seProjectCode", 0.15);
        // Survey §7: 主管部门 with its budget level after the name (本级, 部门, （部门）) in 3 of 20.
        var departmentForm = a.Pick("seDepartmentForm", "plain", "plain", "plain", "本级", "部门", "（部门）");
        var blankInitial = a.Flag("seBlankInitial", 0.2);
        var objectives = a.Pick("label.seObjectives", V.SelfEvalObjectives, o => $"{o.Label}|{o.Expected}|{o.Achieved}");
        // H prints no objectives at all (4 of 24).
        var objectivesShown = a.Pick("seObjectives", "shown", "shown", "shown", "shown", "shown", "none") == "shown";

        var table = ChooseEvalTable(a);
        var blockLabel = a.Pick("indicatorBlockLabel", "column", "none") == "column" ? Vertical("绩效指标", vertical) : null;
        var totalRow = a.Pick("seTotalRow", "total", "total", "sum", "none");
        var totalWord = totalRow == "sum" ? "合计" : a.Pick("label.seTotal", V.SelfEvalTotal.Where(w => w != "合计").ToArray(), w => w);
        var grade = totalRow == "total" && a.Flag("seGrade", 0.2);
        var footer = a.Pick("seFooter", "none", "none", "conclusion", "contact", "note", "all");
        var footerAsRows = footer is "contact" or "note" or "all" && a.Pick("footerPlacement", "lines", "rows") == "rows";
        var conclusionLabel = footer is "conclusion" or "all" ? a.Pick("label.seConclusion", V.SelfEvalConclusions, w => w) : "";
        var contactLine = footer is "contact" or "all" ? x.Fill(a.Pick("label.seContact", V.SelfEvalContactLines, w => w)) : "";
        var noteLine = footer is "note" or "all" ? a.Pick("label.seNote", V.SelfEvalNotes, w => w) : "";

        var offset = blockLabel is null ? 0 : 1;
        var budgetWidth = 2 + budgetShape switch { "noInitial" => 5, "hubei" => 4, "sources" => 6, _ => 6 };
        var width = Math.Max(Math.Max(offset + table.Width, budgetWidth), 6);

        List<string> TitleLines()
        {
            var lines = new List<string>();
            if (aboveLine.Length > 0) lines.Add(aboveLine);
            if (titleForm == "yearInTitle") lines.Add(x.Fill(titleText));
            else
            {
                lines.Add(titleText);
                lines.Add(yearLine);
            }
            if (unitStatement == "ownLine") lines.Add(x.Fill("单位：{unit}"));
            return lines;
        }

        var sheets = new List<VariantSheet>();
        var blocks = new List<VariantBlock>();
        var footerLines = new List<string>();
        if (!footerAsRows)
        {
            if (contactLine.Length > 0) footerLines.Add(contactLine);
            if (noteLine.Length > 0) footerLines.Add(noteLine);
        }
        for (var k = 0; k < d.Projects.Count; k++)
        {
            var p = d.Projects[k];
            var title = titles == "each" || k == 0 ? TitleLines() : [];
            if (scoreLine && title.Count > 0) title.Add("自评总分：" + TargetWriting.Number(p.DeclaredScore));
            var grid = GridWithTitle(width, title, titleInside);

            var name = codePrefix ? $"51{(x.Disclosure.Year % 100):00}0021R{k + 1:000000000000}-{p.Name}" : p.Name;
            LabelRow(grid, "项目名称", name);
            var implementer = d.Implementer.Length > 0 ? d.Implementer : d.Department;
            var department = departmentForm == "plain" ? d.Department : d.Department + departmentForm;
            switch (identity)
            {
                case "pair":
                    LabelRow(grid, supervisorLabel, department, implementerLabel, implementer);
                    break;
                case "rows":
                    LabelRow(grid, supervisorLabel, department);
                    LabelRow(grid, implementerLabel, implementer);
                    break;
                case "region":
                    // 自治区主管部门 names the region's department; the county's 主管部门 publishes the table.
                    var region = V.SelfEvalRegionRows[0];
                    LabelRow(grid, region.Upper, "示例自治区" + d.Department[(d.Department.IndexOfAny(['县', '市']) + 1)..].Replace("局", "厅"), region.Local, department);
                    LabelRow(grid, region.Finance, SupervisorOf(d.Department).Replace("人民政府", "财政局"), implementerLabel, implementer);
                    break;
                default:
                    LabelRow(grid, supervisorLabel, department);
                    break;
            }

            EvalBudget(x, grid, p.Budget!, Vertical(budgetLabel, vertical), unitStatement == "headCell", budgetHeads, budgetShape, budgetWeightAt, budgetRows, rateForm, subMark,
                totalLabel, fiscalLabel, otherLabel, blankInitial);
            if (objectivesShown) EvalObjectives(x, grid, objectives, p);
            EvalIndicators(grid, table, blockLabel, p, x.Random);
            if (totalRow != "none") EvalTotal(grid, table, offset, totalWord, totalRow == "total" ? p.DeclaredScore : null, grade);
            if (table.Columns.All(c => c.Role != EvalRole.Reason) && a.Get("seReason") == "below")
            {
                var reasons = string.Join("；", p.Indicators.Where(i => i.Reason.Length > 0).Select(i => i.Reason.TrimEnd('。')));
                LabelRow(grid, "偏差大或目标未完成原因分析", reasons.Length == 0 ? "无" : reasons + "。");
            }
            if (conclusionLabel.Length > 0)
                LabelRow(grid, conclusionLabel, p.DeclaredScore >= 90 ? "项目目标基本完成，自评等级为优。" : "项目目标部分完成，自评等级为良。");
            if (footerAsRows)
                AddFooterRows(grid, new[] { contactLine, noteLine }.Where(l => l.Length > 0).Select(l => new[] { l }));

            var placed = Place(x, title, grid, k == d.Projects.Count - 1 ? footerLines : [], titleInside);
            if (placement == "sheets") sheets.Add(new VariantSheet($"项目{k + 1}", placed));
            else blocks.AddRange(placed);
        }
        if (placement != "sheets") sheets.Add(new VariantSheet("Sheet1", blocks));
        return new VariantDocument(sheets);
    }

    private static EvalTable ChooseEvalTable(VariantAxes a)
    {
        var target = a.Pick("seTarget", "glued", "glued", "split", "splitGroup", "words");
        var weightAt = a.Pick("seWeightAt", "afterActual", "afterActual", "beforeTarget", "none");
        var reason = a.Pick("seReason", "column", "column", "column", "below", "none");
        var levelCells = a.Pick("levelCells", "merged", "repeated", "blank");
        var levelWeights = a.Pick("seLevelWeights", "none", "none", "bracket", "spaced", "both");
        var firstLevelBlank = a.Pick("firstLevel", "column", "column", "column", "column", "column", "blank") == "blank";
        var unitColumn = target is "split" or "splitGroup" or "words";
        var actuals = unitColumn ? a.Pick("seActual", "bare", "withUnit") : a.Pick("seActual", "withUnit", "withUnit", "bare", "copyTarget");
        var vertical = a.Get("verticalLabels") ?? "plain";
        var emptyReason = a.Pick("seEmptyReason", "blank", "blank", "无");
        // Survey §2: H2's reviewer column (复核分, blank) right of the score, F's 得分计算方法 before it.
        var extra = a.Pick("seExtra", "none", "none", "none", "review", "method");
        // Survey §2 A: head words broken over two lines by the export (年度⏎指标值).
        var spacing = a.Pick("labelSpacing", "none", "none", "none", "linebreak");
        var namePrefix = a.Pick("seNamePrefix", "none", "none", "none", "numbered", "core");
        var emptyRows = a.Pick("seEmptyRows", "none", "none", "none", "placeholder", "ellipsis");
        var oddSigns = a.Flag("seOddSigns", 0.15);
        var style = TargetStyle.Choose(a);
        if (target == "words") style = style with { ComparatorCells = a.Record("comparatorCells", "words") };

        var levelGroup = target == "splitGroup" ? a.Pick("label.group", V.IndicatorGroup, w => w) : null;
        var columns = new List<EvalColumn>
        {
            new(EvalRole.Level1, a.Pick("label.level1", ["一级指标", "一级指标", "一级"], w => w), levelGroup),
            new(EvalRole.Level2, a.Pick("label.level2", ["二级指标", "二级指标", "二级"], w => w), levelGroup),
            new(EvalRole.Level3, a.Pick("label.level3", V.SelfEvalLevel3, w => w), levelGroup),
        };
        var targetHead = IndicatorTable.Space(a.Pick("label.seTarget", V.SelfEvalTarget, w => w), spacing, a.Random);
        var unitHead = unitColumn ? a.Pick("label.unit", ["度量单位", "计量单位"], w => w) : "";
        var targets = target switch
        {
            "split" => new List<EvalColumn> { new(EvalRole.Comparator, "指标性质"), new(EvalRole.Value, "指标值"), new(EvalRole.Unit, unitHead) },
            "splitGroup" => [new(EvalRole.Comparator, "指标性质", targetHead), new(EvalRole.Value, "指标值", targetHead), new(EvalRole.Unit, unitHead, targetHead)],
            "words" => [new(EvalRole.Direction, V.SelfEvalWordColumns[0].Direction), new(EvalRole.Comparator, V.SelfEvalWordColumns[0].Comparator), new(EvalRole.Value, targetHead)],
            _ => [new(EvalRole.Value, targetHead)],
        };
        var actual = new EvalColumn(EvalRole.Actual, IndicatorTable.Space(a.Pick("label.seActual", V.SelfEvalActual, w => w), spacing, a.Random));
        var weight = new EvalColumn(EvalRole.Weight, a.Pick("label.seWeight", V.SelfEvalWeight, w => w));
        var score = new EvalColumn(EvalRole.Score, a.Pick("label.seScore", V.SelfEvalScore, w => w));
        if (weightAt == "beforeTarget") columns.Add(weight);
        columns.AddRange(targets);
        columns.Add(actual);
        // Family I writes the unit after the actual.
        if (target == "words") columns.Add(new(EvalRole.Unit, unitHead));
        if (weightAt == "afterActual") columns.Add(weight);
        if (extra == "method") columns.Add(new(EvalRole.Method, "得分计算方法"));
        columns.Add(score);
        if (extra == "review") columns.Add(new(EvalRole.Review, "复核分"));
        if (reason == "column") columns.Add(new(EvalRole.Reason, IndicatorTable.Space(a.Pick("label.seReason", V.SelfEvalReason, w => w), spacing, a.Random)));
        return new EvalTable(columns, target == "splitGroup", target, actuals, levelCells, levelWeights, firstLevelBlank, vertical, emptyReason == "无" ? "无" : "", style)
        {
            NamePrefix = namePrefix,
            EmptyRows = emptyRows,
            OddSigns = oddSigns,
        };
    }

    private static string Rate(decimal rate, string form) => form switch
    {
        "twoDecimals" => rate.ToString("0.00", CultureInfo.InvariantCulture) + "%",
        "bare" => TargetWriting.Number(rate),
        _ => TargetWriting.Number(rate) + "%",
    };

    /// <summary>
    /// The budget block: its label down the left, a head row (the first head names the rows' unit where the unit is stated
    /// there, as B's 年度预算数（万元）), then the total, fiscal and other rows with "-", "—", "/" or blanks in the sub-rows' 分值
    /// and 得分; a total row of zeros where the exporter left it so and the fiscal row holds the money.
    /// </summary>
    private static void EvalBudget(RenderContext x, VariantGrid grid, CanonBudget b, string label, bool unitInHead, string[] heads, string shape,
        string weightAt, string rows, string rateForm, string subMark, string totalLabel, string fiscalLabel, string otherLabel, bool blankInitial)
    {
        var w = grid.Columns;
        if (shape == "sources")
        {
            EvalBudgetSources(x, grid, b, label, rateForm);
            return;
        }
        // Roles in the order printed: initial, adjusted, executed, then weight and rate in the drawn order, score.
        var roles = new List<int> { 0, 1, 2 };
        if (shape is "noInitial" or "hubei") roles.Remove(0);
        if (shape == "hubei")
        {
            roles.AddRange([3, 5]);
            heads = ["", "预算数（A）", "执行数（B）", "执行率（B/A）", "", $"得分（{TargetWriting.Number(b.Weight)}分*执行率）"];
        }
        else
        {
            roles.AddRange(weightAt == "beforeRate" ? [4, 3] : [3, 4]);
            roles.Add(5);
        }
        string Cell(int role, decimal initial, decimal adjusted, decimal executed, bool scored, bool zero) => role switch
        {
            // 年初预算数 left blank where nothing was budgeted at the start of the year (survey §3).
            0 => blankInitial && (zero || initial == 0) ? "" : AmountText(x, zero ? 0 : initial),
            1 => AmountText(x, zero ? 0 : adjusted),
            2 => AmountText(x, zero ? 0 : executed),
            3 => scored || !zero ? Rate(b.Rate, rateForm) : subMark,
            4 => scored ? TargetWriting.Number(b.Weight) : subMark,
            _ => scored ? TargetWriting.Number(b.Score) : subMark,
        };
        var start = grid.Rows.Count;
        var head = new string[w];
        head[1] = unitInHead ? $"年度预算数（{x.Unit}）" : "";
        for (var k = 0; k < roles.Count; k++) head[2 + k] = heads[roles[k]];
        grid.AddRow(head);
        var items = new List<string[]>();
        string[] Line(string rowLabel, decimal initial, decimal adjusted, decimal executed, bool scored, bool zero)
        {
            var cells = new string[w];
            cells[1] = rowLabel;
            for (var k = 0; k < roles.Count; k++) cells[2 + k] = Cell(roles[k], initial, adjusted, executed, scored, zero);
            return cells;
        }
        var zeroTotal = rows == "zeroTotal";
        items.Add(Line(totalLabel, b.Initial, b.Adjusted, b.Executed, scored: true, zero: zeroTotal));
        if (rows != "totalOnly") items.Add(Line(fiscalLabel, b.Initial, b.Adjusted, b.Executed, scored: false, zero: false));
        if (rows is "totalFiscalOther" or "zeroTotal") items.Add(Line(otherLabel, 0, 0, 0, scored: false, zero: true));
        foreach (var cells in items) grid.AddRow(cells);
        // The last head and its figures take the rest of the width.
        var last = 2 + roles.Count - 1;
        if (last < w - 1)
            for (var r = start; r < grid.Rows.Count; r++) grid.Merge(r, last, 1, w - last);
        grid.Rows[start][0] = label;
        grid.Merge(start, 0, grid.Rows.Count - start, 1);
    }

    /// <summary>
    /// H2's budget: the sources laid in columns (中央 | 省、地 | 本级 | 合计, each in the unit) beside 执行数 and 执行率, their
    /// figures in the one row below, no stated budget weight or score; the label carries the weight.
    /// </summary>
    private static void EvalBudgetSources(RenderContext x, VariantGrid grid, CanonBudget b, string label, string rateForm)
    {
        var w = grid.Columns;
        var central = Math.Round(b.Adjusted * 0.4m, 2);
        var province = Math.Round(b.Adjusted * 0.3m, 2);
        var heads = new string[w];
        var figures = new string[w];
        string[] words = ["中央", "省、地", "本级", "合计", "执行数"];
        decimal[] amounts = [central, province, b.Adjusted - central - province, b.Adjusted, b.Executed];
        for (var k = 0; k < words.Length; k++)
        {
            heads[1 + k] = $"{words[k]}（{x.Unit}）";
            figures[1 + k] = AmountText(x, amounts[k]);
        }
        heads[6] = "执行率";
        figures[6] = Rate(b.Rate, rateForm);
        var h = grid.AddRow(heads);
        var f = grid.AddRow(figures);
        if (w > 7)
        {
            grid.Merge(h, 6, 1, w - 6);
            grid.Merge(f, 6, 1, w - 6);
        }
        grid.Rows[h][0] = label.Contains('分') ? label : label + $"（{TargetWriting.Number(b.Weight)}分）";
        grid.Merge(h, 0, 2, 1);
    }

    /// <summary>年度总体目标 with 预期目标 | 实际完成情况 heads over the two texts, or B's two label rows under 项目基本情况.</summary>
    private static void EvalObjectives(RenderContext x, VariantGrid grid, (string Label, string Expected, string Achieved) words, CanonProject p)
    {
        var w = grid.Columns;
        var text = ObjectivesText(x, p.Objectives);
        var start = grid.Rows.Count;
        if (words.Label == "项目基本情况")
        {
            var r1 = grid.AddRow("", words.Expected, text);
            grid.Merge(r1, 2, 1, w - 2);
            var r2 = grid.AddRow("", words.Achieved, p.Achieved);
            grid.Merge(r2, 2, 1, w - 2);
        }
        else
        {
            var mid = 1 + (w - 1) / 2;
            var h = grid.AddRow();
            grid.Rows[h][1] = words.Expected;
            grid.Rows[h][mid] = words.Achieved;
            grid.Merge(h, 1, 1, mid - 1);
            grid.Merge(h, mid, 1, w - mid);
            var t = grid.AddRow();
            grid.Rows[t][1] = text;
            grid.Rows[t][mid] = p.Achieved;
            grid.Merge(t, 1, 1, mid - 1);
            grid.Merge(t, mid, 1, w - mid);
        }
        grid.Rows[start][0] = words.Label;
        grid.Merge(start, 0, 2, 1);
    }

    private static string EvalLevel1(EvalTable t, CanonProject p, string level1)
    {
        var weight = TargetWriting.Number(p.Indicators.Where(i => i.Level1 == level1).Sum(i => i.Weight));
        // Written down a merged cell the word is spaced or broken per character; the weight stays whole (产 出 指 标 （50分）).
        var word = t.LevelCells == "merged" ? Vertical(level1, t.Vertical) : level1;
        return t.LevelWeights switch
        {
            "bracket" => $"{word}（{weight}分）",
            "spaced" or "both" => $"{word} {weight}分",
            _ => word,
        };
    }

    /// <summary>A second level with its weight where the variant writes them on both levels (H2: 数量指标 15 分).</summary>
    private static string EvalLevel2(EvalTable t, CanonProject p, string level1, string level2) =>
        t.LevelWeights == "both"
            ? $"{level2} {TargetWriting.Number(p.Indicators.Where(i => i.Level1 == level1 && i.Level2 == level2).Sum(i => i.Weight))} 分"
            : level2;

    private static string EvalName(EvalTable t, CanonIndicator i, int row) => t.NamePrefix switch
    {
        "numbered" => $"指标{row + 1}：{i.Name}",
        // Core indicators marked ★ (survey §2 C): here those of 15 points and more.
        "core" when i.Weight >= 15 => "★" + i.Name,
        _ => i.Name,
    };

    /// <summary>Family Y's signs: ﹦ (U+FE66) or ═ (U+2550) for equality, ≧ for at least.</summary>
    private static string OddSigns(EvalTable t, string cell)
    {
        if (!t.OddSigns) return cell;
        return cell.Replace("＝", cell.Length % 2 == 0 ? "﹦" : "═").Replace("≥", "≧");
    }

    private static string EvalActual(EvalTable t, CanonIndicator i, Random random)
    {
        var actual = i.Actual!;
        if (actual.Value is not { } value) return actual.Qualitative;
        var number = TargetWriting.Number(value);
        var unit = t.Style.PercentSpelling == "百分比" && i.Unit == "%" ? "%" : t.Style.Spell(i.Unit);
        return t.Actuals switch
        {
            "bare" => number,
            // 衔接资金 tables copy the target's sign into the actual (≥266米).
            "copyTarget" => TargetWriting.ValueCell(i, value, "", t.Style with { Words = "none" }, comparatorColumn: false, unitColumn: false, random),
            _ => number + unit,
        };
    }

    private static void EvalIndicators(VariantGrid grid, EvalTable t, string? blockLabel, CanonProject p, Random random)
    {
        var offset = blockLabel is null ? 0 : 1;
        var start = grid.Rows.Count;
        for (var r = 0; r < t.HeaderRows; r++) grid.AddRow();
        grid.IndicatorHeader ??= (start, t.HeaderRows);
        for (var k = 0; k < t.Columns.Count; k++)
        {
            var col = t.Columns[k];
            var c = offset + k;
            if (!t.TwoRows) grid.Rows[start][c] = col.Header;
            else if (col.Group is null)
            {
                grid.Rows[start][c] = col.Header;
                grid.Merge(start, c, 2, 1);
            }
            else
            {
                if (k == 0 || t.Columns[k - 1].Group != col.Group)
                {
                    grid.Rows[start][c] = col.Group;
                    grid.Merge(start, c, 1, t.Columns.Skip(k).TakeWhile(x => x.Group == col.Group).Count());
                }
                grid.Rows[start + 1][c] = col.Header;
            }
        }
        // The rows: each indicator, and where the variant keeps the template's empty rows one closing each first level's block.
        var indicators = new List<CanonIndicator>();
        foreach (var i in p.Indicators)
        {
            indicators.Add(i);
            var endOfBlock = ReferenceEquals(i, p.Indicators[^1]) || p.Indicators[p.Indicators.ToList().IndexOf(i) + 1].Level1 != i.Level1;
            if (endOfBlock && t.EmptyRows != "none")
                indicators.Add(new CanonIndicator(i.Level1, i.Level2, t.EmptyRows == "ellipsis" ? "……" : "指标" + (p.Indicators.Count(x => x.Level1 == i.Level1 && x.Level2 == i.Level2) + 1), "", null, "", ""));
        }
        var first = grid.Rows.Count;
        int level1Start = first, level2Start = first;
        for (var n = 0; n < indicators.Count; n++)
        {
            var i = indicators[n];
            var r = grid.AddRow();
            var newLevel1 = n == 0 || indicators[n - 1].Level1 != i.Level1;
            var newLevel2 = newLevel1 || indicators[n - 1].Level2 != i.Level2;
            var placeholder = i.Actual is null;
            for (var k = 0; k < t.Columns.Count; k++)
            {
                var role = t.Columns[k].Role;
                if (placeholder && role is not (EvalRole.Level1 or EvalRole.Level2 or EvalRole.Level3)) continue;
                grid.Rows[r][offset + k] = role switch
                {
                    EvalRole.Level1 => t.FirstLevelBlank ? "" : newLevel1 || t.LevelCells == "repeated" ? EvalLevel1(t, p, i.Level1) : "",
                    EvalRole.Level2 => newLevel2 || t.LevelCells == "repeated" ? EvalLevel2(t, p, i.Level1, i.Level2) : "",
                    EvalRole.Level3 => placeholder ? i.Name : EvalName(t, i, n),
                    EvalRole.Direction => i.IsQualitative ? "定性" : i.Comparator is "<=" or "<" ? "反向" : "正向",
                    EvalRole.Comparator => OddSigns(t, TargetWriting.ComparatorCell(i, t.Style, random)),
                    EvalRole.Review => "",
                    EvalRole.Method => i.IsQualitative ? "达成得满分，部分达成酌情扣分" : i.Comparator is "<=" or "<" ? "A/B×分值" : "B/A×分值",
                    EvalRole.Value => t.TargetShape == "glued"
                        ? OddSigns(t, TargetWriting.ValueCell(i, i.Value, i.Qualitative, t.Style, comparatorColumn: false, unitColumn: false, random))
                        : TargetWriting.ValueCell(i, i.Value, i.Qualitative, t.Style, comparatorColumn: true, unitColumn: true, random),
                    EvalRole.Unit => TargetWriting.UnitCell(i, t.Style),
                    EvalRole.Actual => EvalActual(t, i, random),
                    EvalRole.Weight => TargetWriting.Number(i.Weight),
                    EvalRole.Score => TargetWriting.Number(i.Score),
                    _ => i.Reason.Length > 0 ? i.Reason : t.EmptyReason,
                };
            }
            if (t.LevelCells != "merged") continue;
            var last = n == indicators.Count - 1;
            var endLevel1 = last || indicators[n + 1].Level1 != i.Level1;
            var endLevel2 = endLevel1 || indicators[n + 1].Level2 != i.Level2;
            if (newLevel1) level1Start = r;
            if (newLevel2) level2Start = r;
            if (endLevel1 && !t.FirstLevelBlank && t.At(EvalRole.Level1) is { } c1) grid.Merge(level1Start, offset + c1, r - level1Start + 1, 1);
            if (endLevel2 && t.At(EvalRole.Level2) is { } c2) grid.Merge(level2Start, offset + c2, r - level2Start + 1, 1);
        }
        FitIndicatorBlock(grid, start, offset, t.Width, blockLabel);
    }

    /// <summary>The 总分 (or 合计) row: its word over the columns before the first figure, 100 under the weights, the total score (or a blank, as B prints it), a grade after it.</summary>
    private static void EvalTotal(VariantGrid grid, EvalTable t, int offset, string word, decimal? total, bool grade)
    {
        var weightAt = t.At(EvalRole.Weight);
        var scoreAt = t.At(EvalRole.Score)!.Value;
        var firstFigure = offset + Math.Min(weightAt ?? scoreAt, scoreAt);
        var r = grid.AddRow();
        grid.Rows[r][0] = word;
        grid.Merge(r, 0, 1, firstFigure);
        if (weightAt is { } wc) grid.Rows[r][offset + wc] = "100";
        grid.Rows[r][offset + scoreAt] = total is { } score ? TargetWriting.Number(score) : "";
        if (grade && scoreAt + 1 < t.Width) grid.Rows[r][offset + scoreAt + 1] = "优";
        var lastCell = offset + t.Width - 1;
        if (lastCell < grid.Columns - 1) grid.Merge(r, lastCell, 1, grid.Columns - lastCell);
    }
}
