using System.Globalization;
using V = BudgetGrpc.Engine.Tests.Variants.VariantVocabulary;

namespace BudgetGrpc.Engine.Tests.Variants;

internal static partial class VariantRenderer
{
    /// <summary>A label written down a merged column: spaced (`绩 效 指 标`) or one character per line; a parenthesis stays whole.</summary>
    private static string Vertical(string label, string style)
    {
        if (style == "plain") return label;
        var cut = label.IndexOf('（');
        var (word, rest) = cut > 0 ? (label[..cut], label[cut..]) : (label, "");
        return string.Join(style == "spaced" ? " " : "\n", word.Select(ch => ch.ToString())) + rest;
    }

    /// <summary>The label block of a form (label | value | label | value), written over the full width.</summary>
    /// <summary>The government above a department (示例县水利局 → 示例县人民政府).</summary>
    private static string SupervisorOf(string department)
    {
        var end = department.IndexOfAny(['县', '区', '市']);
        return (end > 0 ? department[..(end + 1)] : "示例县") + "人民政府";
    }

    private static void LabelRow(VariantGrid grid, string label1, string value1, string? label2 = null, string? value2 = null)
    {
        var w = grid.Columns;
        if (label2 is null || w < 4)
        {
            var r = grid.AddRow(label1, value1);
            grid.Merge(r, 1, 1, w - 1);
            if (label2 is not null) LabelRow(grid, label2, value2!);
            return;
        }
        var mid = w / 2;
        var row = new string[w];
        row[0] = label1;
        row[1] = value1;
        row[mid] = label2;
        row[mid + 1] = value2!;
        var at = grid.AddRow(row);
        grid.Merge(at, 1, 1, mid - 1);
        grid.Merge(at, mid + 1, 1, w - mid - 1);
    }

    /// <summary>A money block: a group label down the left, one row per item.</summary>
    private static void MoneyBlock(VariantGrid grid, string? group, IReadOnlyList<(string Label, string Amount)> items)
    {
        var w = grid.Columns;
        var start = grid.Rows.Count;
        foreach (var (label, amount) in items)
        {
            if (group is null)
            {
                var r = grid.AddRow(label, amount);
                grid.Merge(r, 1, 1, w - 1);
            }
            else
            {
                var split = Math.Max(2, w / 2);
                var row = new string[w];
                row[1] = label;
                row[split] = amount;
                var r = grid.AddRow(row);
                grid.Merge(r, 1, 1, split - 1);
                grid.Merge(r, split, 1, w - split);
            }
        }
        if (group is not null)
        {
            grid.Rows[start][0] = group;
            grid.Merge(start, 0, items.Count, 1);
        }
    }

    /// <summary>
    /// A money block laid out in columns: the label beside or above the sources (财政拨款 | 其他资金 | 合计, 合计 first, last
    /// or not written) and the figures under them (round 3 and 4 tables).
    /// </summary>
    private static void MoneyColumns(RenderContext x, VariantGrid grid, decimal amount, bool unitInLabel)
    {
        var a = x.Axes;
        var label = a.Pick("label.moneyColumns", V.MoneyColumnLabels, w => w) + (unitInLabel ? $"（{x.Unit}）" : "");
        var layout = a.Pick("moneyColumnsLayout", "beside", "above");
        var totalAt = a.Pick("moneyColumnsTotal", "last", "first", "none");
        var other = Math.Round(amount * 0.2m, 2);
        var sources = new List<(string Head, decimal Figure)> { (a.Pick("label.moneyColumnsFiscal", ["财政拨款", "财政资金", "一般公共预算"], w => w), amount - other), ("其他资金", other) };
        if (totalAt == "first") sources.Insert(0, ("合计", amount));
        if (totalAt == "last") sources.Add(("合计", amount));
        var w = grid.Columns;
        // 财政资金 over a second header row of its parts (中央 | 省级 | 市级 | 本级, 中央资金 | 省级资金 | 市县资金, a 小计
        // first), where the form is wide enough for them.
        var parts = a.Flag("moneyColumnsParts", 0.4) ? a.Pick("label.moneyColumnsParts", V.MoneyColumnParts, w => w).Split('|') : null;
        if (parts is not null && sources.Count - 1 + parts.Length > w) parts = null;
        a.Record("moneyColumnsParts", parts is null ? "off" : "on");
        var fiscalAt = totalAt == "first" ? 1 : 0;
        var span = parts?.Length ?? 1;
        var used = sources.Count - 1 + span;
        var offset = layout == "beside" ? 1 : 0;
        if (offset + used > w) offset = 0;
        if (offset == 0)
        {
            var l = grid.AddRow(label);
            grid.Merge(l, 0, 1, w);
        }
        var heads = new string[w];
        var subHeads = new string[w];
        var figures = new string[w];
        var c = offset;
        for (var k = 0; k < sources.Count; k++)
        {
            heads[c] = sources[k].Head;
            if (k == fiscalAt && parts is not null)
            {
                var fiscal = sources[k].Figure;
                var subtotal = parts[0] == "小计";
                var shares = parts.Length - (subtotal ? 1 : 0);
                decimal rest = fiscal;
                for (var j = 0; j < parts.Length; j++)
                {
                    subHeads[c + j] = parts[j];
                    if (subtotal && j == 0) { figures[c + j] = AmountText(x, fiscal); continue; }
                    var last = j == parts.Length - 1;
                    var share = last ? rest : Math.Round(fiscal * (shares - (j - (subtotal ? 1 : 0))) / (shares * (shares + 1) / 2m), 2);
                    rest -= share;
                    figures[c + j] = AmountText(x, share);
                }
                c += parts.Length;
                continue;
            }
            figures[c++] = AmountText(x, sources[k].Figure);
        }
        if (offset == 1) heads[0] = label;
        var h = grid.AddRow(heads);
        var s = parts is null ? -1 : grid.AddRow(subHeads);
        var f = grid.AddRow(figures);
        var headRows = parts is null ? 1 : 2;
        if (offset == 1) grid.Merge(h, 0, headRows + 1, 1);
        var end = offset + used - 1;
        for (int k = 0, col = offset; k < sources.Count; k++)
        {
            var width = k == fiscalAt && parts is not null ? parts.Length : 1;
            var toEdge = col + width - 1 == end && end < w - 1 ? w - end : 1;
            if (width > 1) grid.Merge(h, col, 1, width);
            else if (headRows > 1 || toEdge > 1) grid.Merge(h, col, headRows, toEdge);
            col += width;
        }
        if (end < w - 1)
        {
            if (s >= 0 && subHeads[end] is not null) grid.Merge(s, end, 1, w - end);
            grid.Merge(f, end, 1, w - end);
        }
    }

    /// <summary>The indicator block of a form: an optional label down the left, then the indicator table.</summary>
    private static void IndicatorBlock(VariantGrid grid, IndicatorTable table, string? blockLabel, IReadOnlyList<CanonIndicator> indicators, Random random)
    {
        var offset = blockLabel is null ? 0 : 1;
        var start = grid.Rows.Count;
        var rows = table.RowsFor(indicators);
        for (var r = 0; r < table.HeaderRows + rows.Count; r++) grid.AddRow();
        table.WriteHeader(grid, start, offset);
        table.WriteRows(grid, start + table.HeaderRows, offset, rows, random);
        FitIndicatorBlock(grid, start, offset, table.Width, blockLabel);
    }

    /// <summary>
    /// An indicator table written from <paramref name="start"/> narrower than the form: its last column takes the rest of the
    /// width; the block's label, if any, is merged down its rows in the first column.
    /// </summary>
    private static void FitIndicatorBlock(VariantGrid grid, int start, int offset, int width, string? blockLabel)
    {
        var extra = grid.Columns - offset - width;
        if (extra > 0)
            for (var r = start; r < grid.Rows.Count; r++)
                if (grid.CoveringMerge(r, offset + width - 1) is null && grid.AnchorAt(r, offset + width - 1) is null)
                    grid.Merge(r, offset + width - 1, 1, extra + 1);
        if (blockLabel is not null)
        {
            grid.Rows[start][0] = blockLabel;
            grid.Merge(start, 0, grid.Rows.Count - start, 1);
        }
    }

    private static VariantDocument RenderForms(RenderContext x)
    {
        var a = x.Axes;
        var departmentSource = a.Pick("departmentSource", "fillLine", "label", "title");
        var titles = a.Pick("formTitles", "each", "once");
        var titleInside = a.Pick("titlePlacement", "lines", "rows") == "rows";
        var placement = a.Pick("forms", "stacked", "sheets", "oneTable");
        var unitStatement = a.Pick("unitStatement", x.Unit == "万元" ? ["fillLine", "ownLine", "moneyLabel", "glued", "none"] : ["fillLine", "ownLine", "moneyLabel", "glued"]);
        var vertical = a.Pick("verticalLabels", "plain", "plain", "spaced", "perCharacter");
        var money = a.Pick("formMoney", "group", "group", "single", "columns");
        var attributes = a.Flag("formAttributes", 0.6);
        var blockLabel = a.Pick("indicatorBlockLabel", "column", "column", "none") == "column" ? Vertical(a.Pick("label.indicatorBlock", V.FormIndicatorBlock, w => w), vertical) : null;
        var amountNote = a.Flag("amountNote", 0.15);
        var table = IndicatorTable.Choose(a);
        var (footerLines, footerRows) = Footer(x);
        var nameLabel = a.Pick("label.formProjectName", V.FormProjectName, w => w);
        var deptLabel = a.Pick("label.formDepartment", V.FormDepartment, w => w);
        var implLabel = a.Pick("label.formImplementer", V.FormImplementer, w => w);
        var attribute = a.Pick("label.formAttribute", V.FormAttributes, w => w.Label);
        var moneyGroup = a.Pick("label.formMoney", V.FormMoneyGroup, w => w);
        moneyGroup = Vertical(moneyGroup.Replace("（万元）", ""), vertical) + (unitStatement == "moneyLabel" ? $"（{x.Unit}）" : "");
        var totalLabel = a.Pick("label.formTotal", V.FormTotal, w => w);
        if (money == "single" && unitStatement == "moneyLabel") totalLabel += $"（{x.Unit}）";
        var fiscalLabel = a.Pick("label.formFiscal", V.FormFiscal, w => w);
        var otherLabel = a.Pick("label.formOther", V.FormOther, w => w);
        var nestedObjectives = a.Flag("objectivesUnderOverall", 0.2);
        // Survey: 项目概况 / 立项依据 prose (with other years and sums), 长期/中期/实施期 goals beside the year's, more money rows.
        var overview = a.Flag("formOverview", 0.3);
        var longTerm = a.Flag("longTermObjectives", 0.25) ? a.Pick("label.longTermObjectives", ["长期目标", "中期目标", "实施期绩效目标", "长期绩效目标"], w => w) : null;
        var moneyRows = a.Pick("moneyRows", "standard", "standard", "extended");
        // A unit filling its own table names its supervising body in the form (主管部门 | 示例县人民政府): the fill line's unit is
        // the department (rounds 9–10: schools under their bureau).
        var supervisor = departmentSource == "fillLine" && a.Flag("supervisorRow", 0.3)
            ? (Label: a.Pick("label.formSupervisor", V.FormSupervisor, w => w), Name: SupervisorOf(x.Disclosure.Department)) : default;
        var objectivesLabel = nestedObjectives ? a.Pick("label.formObjectives", ["年度目标", "年度绩效目标", "本年度绩效目标"], w => w) : a.Pick("label.formObjectives", V.FormObjectives, w => w);
        var formTitle = a.Pick("label.title", V.FormTitles, w => w);
        var yearLine = x.Fill(a.Pick("label.yearLine", V.YearLines, w => w));
        var fillLabel = a.Pick("label.fillUnit", V.FillUnitLabels, w => w);
        var unitLine = x.Fill(a.Pick("label.unitLine", V.UnitLines, w => w));
        var width = Math.Max(table.Width + (blockLabel is null ? 0 : 1), 4);

        List<string> TitleLines()
        {
            var lines = new List<string>();
            if (departmentSource == "title") lines.Add(x.Fill("{dept}{year}年") + formTitle);
            else
            {
                lines.Add(formTitle);
                lines.Add(yearLine);
            }
            var fill = departmentSource == "fillLine" ? fillLabel + x.Disclosure.Department : "";
            if (unitStatement == "fillLine") fill += (fill.Length > 0 ? "　　　　" : "") + unitLine;
            if (fill.Length > 0) lines.Add(fill);
            if (unitStatement == "ownLine") lines.Add(unitLine);
            return lines;
        }

        var sheets = new List<VariantSheet>();
        var blocks = new List<VariantBlock>();
        VariantGrid? shared = null;
        for (var k = 0; k < x.Disclosure.Projects.Count; k++)
        {
            var p = x.Disclosure.Projects[k];
            var withTitle = titles == "each" || k == 0;
            var title = withTitle ? TitleLines() : [];
            VariantGrid grid;
            if (placement == "oneTable" && shared is not null)
            {
                grid = shared;
                foreach (var line in title)
                {
                    var r = grid.AddRow(line);
                    grid.Merge(r, 0, 1, width);
                }
            }
            else grid = GridWithTitle(width, title, titleInside || placement == "oneTable" && k > 0);
            shared ??= grid;

            if (departmentSource == "label") LabelRow(grid, nameLabel, p.Name, deptLabel, x.Disclosure.Department);
            else LabelRow(grid, nameLabel, p.Name);
            if (supervisor.Label is not null) LabelRow(grid, supervisor.Label, supervisor.Name);
            if (attributes)
                LabelRow(grid, implLabel, x.Disclosure.Department.Replace("局", "局机关"), attribute.Label, x.Fill(attribute.Value));
            if (overview)
                LabelRow(grid, "项目概况", $"项目总投资{TargetWriting.Number(p.Amount * 2)}万元，其中{x.Disclosure.Year}年安排{TargetWriting.Number(p.Amount)}万元，"
                    + $"{x.Disclosure.Year + 1}年完成剩余建设内容。");
            var amount = AmountText(x, p.Amount, amountNote && k == 0);
            if (money == "single") MoneyBlock(grid, null, [(totalLabel, amount)]);
            else if (money == "columns") MoneyColumns(x, grid, p.Amount, unitStatement == "moneyLabel");
            else if (moneyRows == "extended")
            {
                var upper = Math.Round(p.Amount * 0.4m, 2);
                MoneyBlock(grid, moneyGroup,
                [
                    (totalLabel, amount), (fiscalLabel, AmountText(x, p.Amount)), ("其中：上级资金", AmountText(x, upper)),
                    ("本级资金", AmountText(x, p.Amount - upper)), ("自有资金", "0"), (otherLabel, "0"),
                ]);
            }
            else MoneyBlock(grid, moneyGroup, [(totalLabel, amount), (fiscalLabel, amount), (otherLabel, "0")]);
            var longTermText = $"1.到{x.Disclosure.Year + 2}年，项目成效全面巩固。2.建立长效管护机制。3.群众满意度持续提高。";
            if (nestedObjectives)
            {
                // 总体目标 down the left, 年度目标 beside it: the year's objectives are the project's.
                var start = grid.Rows.Count;
                if (longTerm is not null)
                {
                    var l = grid.AddRow("", longTerm, longTermText);
                    grid.Merge(l, 2, 1, width - 2);
                }
                var r = grid.AddRow("", objectivesLabel, ObjectivesText(x, p.Objectives));
                grid.Merge(r, 2, 1, width - 2);
                grid.Rows[start][0] = Vertical("总体目标", vertical);
                grid.Merge(start, 0, grid.Rows.Count - start, 1);
            }
            else
            {
                if (longTerm is not null) LabelRow(grid, longTerm, longTermText);
                LabelRow(grid, objectivesLabel, ObjectivesText(x, p.Objectives));
            }
            IndicatorBlock(grid, table, blockLabel, p.Indicators, x.Random);
            if (k == x.Disclosure.Projects.Count - 1 || placement != "oneTable") AddFooterRows(grid, footerRows);

            if (placement == "oneTable")
            {
                if (k == 0) blocks.AddRange(titleInside ? [VariantBlock.Of(grid)] : [.. title.Select(VariantBlock.Text), VariantBlock.Of(grid)]);
                continue;
            }
            var placed = Place(x, title, grid, k == x.Disclosure.Projects.Count - 1 ? footerLines : [], titleInside);
            if (placement == "sheets") sheets.Add(new VariantSheet($"项目{k + 1}", placed));
            else blocks.AddRange(placed);
        }
        if (placement == "oneTable") blocks.AddRange(footerLines.Select(VariantBlock.Text));
        if (placement != "sheets") sheets.Add(new VariantSheet("Sheet1", blocks));
        return new VariantDocument(sheets);
    }
}
