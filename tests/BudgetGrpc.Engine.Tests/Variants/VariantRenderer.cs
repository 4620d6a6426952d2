using System.Globalization;
using V = BudgetGrpc.Engine.Tests.Variants.VariantVocabulary;

namespace BudgetGrpc.Engine.Tests.Variants;

/// <summary>One generated variant: the canonical disclosure it states (the gold), the seeded choices and the rendered table.</summary>
internal sealed record Variant(
    string Id, VariantFamily Family, int Seed, VariantContainer Container, VariantAxes Axes,
    CanonDisclosure Disclosure, string AmountUnit, decimal Scale, VariantDocument Document)
{
    public string FileName => Id + VariantContainers.Extension(Container);
}

/// <summary>
/// Renders canonical disclosures into variants along the axes real tables vary in. Everything is chosen from the seed,
/// so a variant is reproduced from (family, seed, container) alone.
/// </summary>
internal static class VariantRenderer
{
    public static Variant Generate(VariantFamily family, int seed, VariantContainer container, IReadOnlyDictionary<string, string>? overrides = null)
    {
        var axes = new VariantAxes(seed, overrides);
        axes.Record("family", FamilyName(family));
        axes.Record("container", container.ToString());
        var pool = family == VariantFamily.DepartmentTargets ? Canonical.DepartmentTables : Canonical.ProjectTables;
        var canonical = axes.Pick("canonical", pool, d => d.Department);
        if (family != VariantFamily.DepartmentTargets)
        {
            var counts = Enumerable.Range(1, canonical.Projects.Count).Where(n => n >= (family == VariantFamily.Form ? 1 : 2)).ToList();
            var count = axes.Pick("projects", counts, n => n.ToString(CultureInfo.InvariantCulture));
            canonical = canonical with { Projects = canonical.Projects.Take(count).ToList() };
        }
        var unit = axes.Pick("amountUnit", "万元", "万元", "元");
        var scale = unit == "元" ? 10000m : 1m;
        var context = new RenderContext(axes, canonical, unit, scale);
        var document = family switch
        {
            VariantFamily.Wide => RenderWide(context),
            VariantFamily.Long => RenderLong(context),
            VariantFamily.Form => RenderForms(context),
            _ => RenderDepartment(context),
        };
        AddOtherTable(context, document);
        return new Variant($"{FamilyName(family)}-{seed}", family, seed, container, axes, canonical, unit, scale, document);
    }

    public static string FamilyName(VariantFamily family) => family switch
    {
        VariantFamily.Wide => "wide",
        VariantFamily.Long => "long",
        VariantFamily.Form => "form",
        _ => "departmentTargets",
    };

    private sealed record RenderContext(VariantAxes Axes, CanonDisclosure Disclosure, string Unit, decimal Scale)
    {
        public Random Random => Axes.Random;
        public string Fill(string template) =>
            template.Replace("{dept}", Disclosure.Department).Replace("{year}", Disclosure.Year.ToString(CultureInfo.InvariantCulture)).Replace("{unit}", Unit);
    }

    // ---- shared pieces -------------------------------------------------------------------------------------------

    /// <summary>
    /// Another table of the same notice (a fund allocation table with its own title, unit and 合计), before or after
    /// the target tables, or on a sheet of its own: the survey met them on 6 pages. It is no disclosure table.
    /// </summary>
    private static void AddOtherTable(RenderContext x, VariantDocument document)
    {
        var where = x.Axes.Pick("otherTable", "none", "none", "none", "before", "after", "ownSheet");
        if (where == "none") return;
        var grid = new VariantGrid(4);
        grid.AddRow("序号", "单位名称", "金额（万元）", "备注");
        var amounts = new[] { 120.5m, 86m, 43.2m };
        for (var k = 0; k < amounts.Length; k++)
            grid.AddRow((k + 1).ToString(CultureInfo.InvariantCulture), $"示例{"甲乙丙"[k]}镇人民政府", TargetWriting.Number(amounts[k]), "");
        grid.AddRow("合计", "", TargetWriting.Number(amounts.Sum()), "");
        var blocks = new List<VariantBlock>
        {
            VariantBlock.Text(x.Fill("{year}年专项资金分配表")),
            VariantBlock.Text("单位：万元"),
            VariantBlock.Of(grid),
        };
        if (where == "ownSheet") document.Sheets.Add(new VariantSheet("资金分配表", blocks));
        else if (where == "before") document.Sheets[0].Blocks.InsertRange(0, blocks);
        else document.Sheets[^1].Blocks.AddRange(blocks);
    }

    private static string AmountText(RenderContext x, decimal amount, bool withNote = false)
    {
        var scaled = amount * x.Scale;
        var format = x.Axes.Get("amountFormat") ?? x.Axes.Pick("amountFormat", x.Unit == "元" ? ["plain", "twoDecimals", "thousands"] : ["plain", "twoDecimals"]);
        var text = format switch
        {
            "twoDecimals" => scaled.ToString("0.00", CultureInfo.InvariantCulture),
            "thousands" => scaled.ToString("#,##0.00", CultureInfo.InvariantCulture),
            _ => TargetWriting.Number(scaled),
        };
        var unitGlued = x.Axes.Get("unitStatement") == "glued";
        if (unitGlued) text += x.Unit;
        if (withNote)
        {
            var part = TargetWriting.Number(Math.Round(scaled / 10, 0));
            var form = x.Axes.Get("amountNoteForm") ?? x.Axes.Pick("amountNoteForm", "carryOver", "upperFunds");
            text += form switch
            {
                "upperFunds" => $"（其中上级资金{part}{x.Unit}）",
                _ => $"（含上年结转{part}）",
            };
        }
        return text;
    }

    private static string ObjectivesText(RenderContext x, IReadOnlyList<string> objectives)
    {
        var numbering = x.Axes.Get("objectiveNumbering") ?? x.Axes.Pick("objectiveNumbering", "1.", "1、", "（1）", "目标1：");
        var join = x.Axes.Get("objectiveJoin") ?? x.Axes.Pick("objectiveJoin", "none", "newline", "semicolon");
        if (objectives.Count == 1) return objectives[0];
        var parts = objectives.Select((o, k) =>
        {
            var n = (k + 1).ToString(CultureInfo.InvariantCulture);
            var prefix = numbering switch { "1、" => n + "、", "（1）" => $"（{n}）", "目标1：" => $"目标{n}：", _ => n + "." };
            return prefix + (join == "semicolon" ? o.TrimEnd('。') : o);
        });
        return string.Join(join switch { "newline" => "\n", "semicolon" => "；", _ => "" }, parts);
    }

    /// <summary>The title block of a project table: title, year, department and amount unit in one of the forms real tables use.</summary>
    private static List<string> ProjectTitleBlock(RenderContext x, bool departmentElsewhere, out bool unitInHeader)
    {
        var a = x.Axes;
        var lines = new List<string>();
        var form = a.Pick("titleBlock", departmentElsewhere
            ? ["yearTitle", "genericFillLine"]
            : ["deptTitle", "deptTitle", "attachmentDeptTitle", "genericFillLine"]);
        var unitOptions = new List<string> { "ownLine", "headerCell" };
        if (form == "genericFillLine") unitOptions.Add("fillLine");
        if (x.Unit == "万元") unitOptions.Add("none");
        var unitStatement = a.Pick("unitStatement", [.. unitOptions]);
        unitInHeader = unitStatement == "headerCell";
        switch (form)
        {
            case "deptTitle":
            case "attachmentDeptTitle":
                if (form == "attachmentDeptTitle") lines.Add(a.Pick("label.attachment", V.AttachmentLabels, w => w));
                lines.Add(x.Fill(a.Pick("label.title", V.ProjectTitles, w => w)));
                break;
            case "yearTitle":
                lines.Add(x.Fill("{year}年项目支出绩效目标表"));
                break;
            default:
                lines.Add(a.Pick("label.title", V.FormTitles, w => w));
                lines.Add(x.Fill(a.Pick("label.yearLine", V.YearLines, w => w)));
                // Without the department the line is the form's blank 填报单位（盖章）： as printed.
                var fill = departmentElsewhere ? "填报单位（盖章）：" : a.Pick("label.fillUnit", V.FillUnitLabels, w => w) + x.Disclosure.Department;
                if (unitStatement == "fillLine") fill += "　　　　" + x.Fill(a.Pick("label.unitLine", V.UnitLines, w => w));
                lines.Add(fill);
                break;
        }
        if (unitStatement == "ownLine") lines.Add(x.Fill(a.Pick("label.unitLine", V.UnitLines, w => w)));
        return lines;
    }

    /// <summary>Lines under the table (signatures, notes) and approval rows inside it.</summary>
    private static (List<string> Lines, List<(string Label, string Text)> Rows) Footer(RenderContext x)
    {
        var a = x.Axes;
        var footer = a.Pick("footer", "none", "none", "signature", "note", "approval", "all");
        var lines = new List<string>();
        var rows = new List<(string, string)>();
        if (footer is "approval" or "all") rows.Add(V.ApprovalRows[x.Random.Next(V.ApprovalRows.Length)]);
        if (footer is "note" or "all") lines.Add(V.NoteLines[x.Random.Next(V.NoteLines.Length)]);
        if (footer is "signature" or "all") lines.Add(V.SignatureLines[x.Random.Next(V.SignatureLines.Length)]);
        if (lines.Count > 0 && a.Pick("footerPlacement", "lines", "rows") == "rows")
        {
            rows.AddRange(lines.Select(l => (l, "")));
            lines.Clear();
        }
        return (lines, rows);
    }

    private static void AddFooterRows(VariantGrid grid, IEnumerable<(string Label, string Text)> rows)
    {
        foreach (var (label, text) in rows)
        {
            if (text.Length == 0)
            {
                var r = grid.AddRow(label);
                grid.Merge(r, 0, 1, grid.Columns);
            }
            else
            {
                var r = grid.AddRow(label, text);
                grid.Merge(r, 1, 1, grid.Columns - 1);
            }
        }
    }

    /// <summary>Title lines either above the table or as merged rows at the top of it.</summary>
    private static List<VariantBlock> Place(RenderContext x, List<string> title, VariantGrid grid, List<string> after, bool titleInside)
    {
        var blocks = new List<VariantBlock>();
        if (!titleInside) blocks.AddRange(title.Select(VariantBlock.Text));
        blocks.Add(VariantBlock.Of(grid));
        blocks.AddRange(after.Select(VariantBlock.Text));
        return blocks;
    }

    private static VariantGrid GridWithTitle(int columns, List<string> title, bool titleInside)
    {
        var grid = new VariantGrid(columns);
        if (!titleInside) return grid;
        foreach (var line in title)
        {
            var r = grid.AddRow(line);
            grid.Merge(r, 0, 1, columns);
        }
        return grid;
    }

    // ---- long ----------------------------------------------------------------------------------------------------

    private static VariantDocument RenderLong(RenderContext x)
    {
        var a = x.Axes;
        var unitColumn = a.Pick("departmentSource", "title", "title", "unitColumn") == "unitColumn";
        var title = ProjectTitleBlock(x, departmentElsewhere: unitColumn, out var unitInHeader);
        var titleInside = a.Pick("titlePlacement", "lines", "rows") == "rows";
        var codeColumn = a.Flag("codeColumn", 0.4);
        var projectCells = a.Pick("projectCells", "merged", "repeated", "blank");
        var total = a.Pick("totalRow", "none", "top", "bottom");
        var tables = a.Pick("tables", "one", "one", "perProject");
        var departmentRow = a.Flag("departmentRow", 0.2);
        var amountNote = a.Flag("amountNote", 0.15);
        var table = IndicatorTable.Choose(a);
        var (footerLines, footerRows) = Footer(x);

        var headers = new List<string>();
        if (unitColumn) headers.Add(a.Pick("label.reportingUnit", V.ReportingUnit, w => w));
        if (codeColumn) headers.Add(a.Pick("label.projectCode", V.ProjectCode, w => w));
        headers.Add(a.Pick("label.projectName", V.ProjectName, w => w));
        var amountWord = a.Pick("label.amount", V.Amount, w => w);
        headers.Add(unitInHeader ? $"{amountWord}（{x.Unit}）" : amountWord);
        headers.Add(a.Pick("label.objectives", V.Objectives, w => w));
        var projectColumns = headers.Count;
        var width = projectColumns + table.Width;

        VariantGrid NewTable(bool first)
        {
            var grid = GridWithTitle(width, first ? title : [], titleInside);
            var h = grid.Rows.Count;
            grid.AddRow();
            if (table.TwoRows) grid.AddRow();
            for (var c = 0; c < projectColumns; c++)
            {
                grid.Rows[h][c] = headers[c];
                if (table.TwoRows) grid.Merge(h, c, 2, 1);
            }
            table.WriteHeader(grid, h, projectColumns);
            return grid;
        }

        void TotalRow(VariantGrid grid)
        {
            var cells = new string[width];
            cells[0] = "合计";
            cells[projectColumns - 2] = AmountText(x, x.Disclosure.Projects.Sum(p => p.Amount));
            grid.AddRow(cells);
        }

        var sheets = new List<VariantSheet>();
        var current = NewTable(first: true);
        if (total == "top") TotalRow(current);
        if (departmentRow)
        {
            // An export's department line: code-name and the department's total, no indicators.
            var cells = new string[width];
            cells[0] = $"{100 + x.Disclosure.Year % 100}-{x.Disclosure.Department}";
            cells[projectColumns - 2] = AmountText(x, x.Disclosure.Projects.Sum(p => p.Amount));
            current.AddRow(cells);
        }
        for (var k = 0; k < x.Disclosure.Projects.Count; k++)
        {
            var p = x.Disclosure.Projects[k];
            if (k > 0 && tables == "perProject")
            {
                sheets.Add(new VariantSheet($"项目{k}", Place(x, k == 1 ? title : [], current, [], titleInside)));
                current = NewTable(first: false);
            }
            var start = current.Rows.Count;
            var rows = table.RowsFor(p.Indicators);
            for (var i = 0; i < rows.Count; i++) current.AddRow();
            table.WriteRows(current, start, projectColumns, rows, x.Random);
            var values = new List<string>();
            if (unitColumn) values.Add($"{(k + 1) * 101 + 100000}-{x.Disclosure.Department}");
            if (codeColumn) values.Add(p.Code);
            values.Add(p.Name);
            values.Add(AmountText(x, p.Amount, amountNote && k == 0));
            values.Add(ObjectivesText(x, p.Objectives));
            for (var c = 0; c < projectColumns; c++)
            {
                for (var r = start; r < start + rows.Count; r++)
                    current.Rows[r][c] = r == start || projectCells == "repeated" ? values[c] : "";
                if (projectCells == "merged") current.Merge(start, c, rows.Count, 1);
            }
        }
        if (total == "bottom") TotalRow(current);
        AddFooterRows(current, footerRows);
        sheets.Add(new VariantSheet(tables == "perProject" ? $"项目{x.Disclosure.Projects.Count}" : "Sheet1",
            Place(x, sheets.Count == 0 ? title : [], current, footerLines, titleInside)));
        return new VariantDocument(sheets);
    }

    // ---- wide ----------------------------------------------------------------------------------------------------

    private static VariantDocument RenderWide(RenderContext x)
    {
        var a = x.Axes;
        var title = ProjectTitleBlock(x, departmentElsewhere: false, out var unitInHeader);
        var titleInside = a.Pick("titlePlacement", "lines", "rows") == "rows";
        var total = a.Pick("totalRow", "none", "top", "bottom");
        var amountNote = a.Flag("amountNote", 0.15);
        var perLevel1 = a.Pick("wideColumns", "one", "one", "perLevel1") == "perLevel1";
        var text = a.Pick("wideText", "lines", "paragraphs", "inline");
        var separator = a.Pick("itemSeparator", "glued", "colon", "space") switch { "colon" => "：", "space" => " ", _ => "" };
        var qualitativeSeparator = a.Pick("qualitativeItem", "定性", "colon", "space") switch { "colon" => "：", "space" => " ", _ => " 定性 " };
        var markup = a.Pick("wideMarkup", "plain", "plain", "paragraphs", "math");
        var style = TargetStyle.Choose(a);
        var (footerLines, footerRows) = Footer(x);

        var level1s = x.Disclosure.Projects.SelectMany(p => p.Indicators).Select(i => i.Level1).Distinct().ToList();
        var headers = new List<string>
        {
            a.Pick("label.projectCode", V.WideCode, w => w),
            a.Pick("label.projectName", V.WideName, w => w),
        };
        var amountWord = a.Pick("label.amount", V.Amount, w => w);
        headers.Add(unitInHeader ? $"{amountWord}（{x.Unit}）" : amountWord);
        headers.Add(a.Pick("label.objectives", V.Objectives, w => w));
        var indicatorWord = a.Pick("label.indicators", V.WideIndicators, w => w);
        var twoRows = perLevel1 && a.Flag("wideGroupHeader", 0.5);
        var width = headers.Count + (perLevel1 ? level1s.Count : 1);

        var grid = GridWithTitle(width, title, titleInside);
        var h = grid.AddRow();
        if (twoRows) grid.AddRow();
        for (var c = 0; c < headers.Count; c++)
        {
            grid.Rows[h][c] = headers[c];
            if (twoRows) grid.Merge(h, c, 2, 1);
        }
        if (!perLevel1) grid.Rows[h][headers.Count] = indicatorWord;
        else if (twoRows)
        {
            grid.Rows[h][headers.Count] = indicatorWord;
            grid.Merge(h, headers.Count, 1, level1s.Count);
            for (var k = 0; k < level1s.Count; k++) grid.Rows[h + 1][headers.Count + k] = level1s[k];
        }
        else
            for (var k = 0; k < level1s.Count; k++) grid.Rows[h][headers.Count + k] = level1s[k];

        void TotalRow()
        {
            var cells = new string[width];
            cells[0] = "合计";
            cells[2] = AmountText(x, x.Disclosure.Projects.Sum(p => p.Amount));
            grid.AddRow(cells);
        }
        if (total == "top") TotalRow();
        for (var k = 0; k < x.Disclosure.Projects.Count; k++)
        {
            var p = x.Disclosure.Projects[k];
            var cells = new List<string> { p.Code, p.Name, AmountText(x, p.Amount, amountNote && k == 0), ObjectivesText(x, p.Objectives) };
            if (!perLevel1) cells.Add(Markup(WideIndicatorText(p.Indicators, text, separator, qualitativeSeparator, style, withLevel1: true, x.Random), markup));
            else
                foreach (var l1 in level1s)
                    cells.Add(Markup(WideIndicatorText(p.Indicators.Where(i => i.Level1 == l1).ToList(), text, separator, qualitativeSeparator, style, withLevel1: false, x.Random), markup));
            grid.AddRow([.. cells]);
        }
        if (total == "bottom") TotalRow();
        AddFooterRows(grid, footerRows);
        return new VariantDocument([new VariantSheet("Sheet1", Place(x, title, grid, footerLines, titleInside))]);
    }

    /// <summary>
    /// Cell text as OCR'd pages leave it (the seed): each line in `&lt;p&gt;…&lt;/p&gt;`, and with "math" the signs as
    /// TeX inside `&lt;math&gt;` as well.
    /// </summary>
    private static string Markup(string text, string markup)
    {
        if (markup == "plain") return text;
        if (markup == "math")
            text = text.Replace("≥", "<math>\\geq</math>").Replace("≤", "<math>\\leq</math>")
                .Replace(">=", "<math>\\geq</math>").Replace("<=", "<math>\\leq</math>");
        return string.Join(" ", text.Split('\n').Select(line => $"<p>{line}</p>"));
    }

    private static readonly string[] ChineseNumerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

    /// <summary>A wide table's indicator cell: headings and numbered items in one of the ways free text is written.</summary>
    private static string WideIndicatorText(IReadOnlyList<CanonIndicator> indicators, string text, string separator, string qualitativeSeparator, TargetStyle style, bool withLevel1, Random random)
    {
        var lines = new List<string>();
        var level1s = indicators.Select(i => i.Level1).Distinct().ToList();
        for (var a = 0; a < level1s.Count; a++)
        {
            var under1 = indicators.Where(i => i.Level1 == level1s[a]).ToList();
            var level2s = under1.Select(i => i.Level2).Distinct().ToList();
            var paragraph = new List<string>();
            if (withLevel1) paragraph.Add(text == "inline" ? level1s[a] + "：" : $"{ChineseNumerals[a]}、{level1s[a]}");
            for (var b = 0; b < level2s.Count; b++)
            {
                var items = under1.Where(i => i.Level2 == level2s[b]).Select(i => TargetWriting.Item(i, style, separator, qualitativeSeparator, random)).ToList();
                switch (text)
                {
                    case "inline":
                        paragraph.Add(level2s[b] + "：" + string.Join("；", items) + "；");
                        break;
                    default:
                        paragraph.Add($"（{ChineseNumerals[b]}）{level2s[b]}");
                        paragraph.AddRange(items.Select((item, n) => $"{n + 1}.{item}"));
                        break;
                }
            }
            if (text == "lines") lines.AddRange(paragraph);
            else lines.Add(string.Join(text == "inline" ? "" : " ", paragraph));
        }
        return string.Join("\n", lines);
    }

    // ---- forms ---------------------------------------------------------------------------------------------------

    /// <summary>A label written down a merged column: spaced (`绩 效 指 标`) or one character per line; a parenthesis stays whole.</summary>
    private static string Vertical(string label, string style)
    {
        if (style == "plain") return label;
        var cut = label.IndexOf('（');
        var (word, rest) = cut > 0 ? (label[..cut], label[cut..]) : (label, "");
        return string.Join(style == "spaced" ? " " : "\n", word.Select(ch => ch.ToString())) + rest;
    }

    /// <summary>The label block of a form (label | value | label | value), written over the full width.</summary>
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

    /// <summary>The indicator block of a form: an optional label down the left, then the indicator table.</summary>
    private static void IndicatorBlock(VariantGrid grid, IndicatorTable table, string? blockLabel, IReadOnlyList<CanonIndicator> indicators, Random random)
    {
        var offset = blockLabel is null ? 0 : 1;
        var start = grid.Rows.Count;
        var rows = table.RowsFor(indicators);
        for (var r = 0; r < table.HeaderRows + rows.Count; r++) grid.AddRow();
        table.WriteHeader(grid, start, offset);
        table.WriteRows(grid, start + table.HeaderRows, offset, rows, random);
        // A table narrower than the form: its last column takes the rest of the width.
        var extra = grid.Columns - offset - table.Width;
        if (extra > 0)
            for (var r = start; r < grid.Rows.Count; r++)
                if (grid.CoveringMerge(r, offset + table.Width - 1) is null && grid.AnchorAt(r, offset + table.Width - 1) is null)
                    grid.Merge(r, offset + table.Width - 1, 1, extra + 1);
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
        var money = a.Pick("formMoney", "group", "group", "single");
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
            if (attributes)
                LabelRow(grid, implLabel, x.Disclosure.Department.Replace("局", "局机关"), attribute.Label, x.Fill(attribute.Value));
            var amount = AmountText(x, p.Amount, amountNote && k == 0);
            if (money == "single") MoneyBlock(grid, null, [(totalLabel, amount)]);
            else MoneyBlock(grid, moneyGroup, [(totalLabel, amount), (fiscalLabel, amount), (otherLabel, "0")]);
            if (nestedObjectives)
            {
                // 总体目标 down the left, 年度目标 beside it: the year's objectives are the project's.
                var r = grid.AddRow(Vertical("总体目标", vertical), objectivesLabel, ObjectivesText(x, p.Objectives));
                grid.Merge(r, 2, 1, width - 2);
            }
            else LabelRow(grid, objectivesLabel, ObjectivesText(x, p.Objectives));
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

    // ---- department-wide -----------------------------------------------------------------------------------------

    private static VariantDocument RenderDepartment(RenderContext x)
    {
        var a = x.Axes;
        var d = x.Disclosure.Projects[0];
        var departmentSource = a.Pick("departmentSource", "fillLine", "label", "title");
        var nameRow = departmentSource == "label" || a.Flag("deptNameRow", 0.7);
        var titleInside = a.Pick("titlePlacement", "lines", "rows") == "rows";
        var unitStatement = a.Pick("unitStatement", x.Unit == "万元" ? ["fillLine", "ownLine", "moneyLabel", "glued", "none"] : ["fillLine", "ownLine", "moneyLabel", "glued"]);
        var vertical = a.Pick("verticalLabels", "plain", "plain", "spaced", "perCharacter");
        var tasks = a.Flag("tasks", 0.7);
        var money = a.Pick("deptMoney", "group", "group", "single");
        var blockLabel = a.Pick("indicatorBlockLabel", "column", "column", "none") == "column" ? Vertical(a.Pick("label.indicatorBlock", V.DeptIndicatorBlock, w => w), vertical) : null;
        var amountNote = a.Flag("amountNote", 0.15);
        var table = IndicatorTable.Choose(a);
        var (footerLines, footerRows) = Footer(x);
        var title = a.Pick("label.title", V.DeptTitles, w => w);
        var unitLine = x.Fill(a.Pick("label.unitLine", V.UnitLines, w => w));
        var moneyGroup = a.Pick("label.deptMoney", V.DeptMoneyGroup, w => w);
        moneyGroup = Vertical(moneyGroup.Replace("（万元）", ""), vertical) + (unitStatement == "moneyLabel" ? $"（{x.Unit}）" : "");
        var totalLabel = a.Pick("label.deptTotal", V.DeptTotal, w => w);
        if (money == "single" && unitStatement == "moneyLabel") totalLabel += $"（{x.Unit}）";
        var width = Math.Max(table.Width + (blockLabel is null ? 0 : 1), 4);

        var lines = new List<string>();
        if (departmentSource == "title") lines.Add(x.Fill("{dept}{year}年度") + title);
        else
        {
            lines.Add(title);
            lines.Add(x.Fill(a.Pick("label.yearLine", V.YearLines, w => w)));
        }
        var fill = departmentSource == "fillLine" ? a.Pick("label.fillUnit", V.FillUnitLabels, w => w) + x.Disclosure.Department : "";
        if (unitStatement == "fillLine") fill += (fill.Length > 0 ? "　　　　" : "") + unitLine;
        if (fill.Length > 0) lines.Add(fill);
        if (unitStatement == "ownLine") lines.Add(unitLine);

        var grid = GridWithTitle(width, lines, titleInside);
        if (nameRow) LabelRow(grid, a.Pick("label.deptName", V.DeptName, w => w), x.Disclosure.Department);
        var total = AmountText(x, d.Amount, amountNote);
        if (money == "single") MoneyBlock(grid, null, [(totalLabel, total)]);
        else
            MoneyBlock(grid, moneyGroup,
            [
                (totalLabel, total),
                (a.Pick("label.deptFiscal", V.DeptFiscal, w => w), AmountText(x, d.Fiscal)),
                (a.Pick("label.deptOther", V.DeptOther, w => w), AmountText(x, d.Other)),
            ]);
        if (tasks)
        {
            var header = a.Pick("label.deptTaskHeader", V.DeptTaskHeader, h => $"{h.Name}|{h.Content}|{h.Amount}");
            var amountHeader = x.Unit == "元" ? header.Amount.Replace("万元", "元") : header.Amount;
            var start = grid.Rows.Count;
            var rows = new List<string[]> { new[] { header.Name, header.Content, amountHeader } };
            rows.AddRange(d.Tasks.Select(t => new[] { t.Name, t.Content, AmountText(x, t.Amount) }));
            foreach (var cells in rows)
            {
                // name | content (the middle columns) | amount
                var row = new string[width];
                row[1] = cells[0];
                row[2] = cells[1];
                row[width - 1] = cells[2];
                var r = grid.AddRow(row);
                if (width > 4) grid.Merge(r, 2, 1, width - 3);
            }
            grid.Rows[start][0] = a.Pick("label.deptTasks", V.DeptTasks, w => w);
            grid.Merge(start, 0, rows.Count, 1);
        }
        LabelRow(grid, a.Pick("label.deptGoals", V.DeptGoals, w => w), ObjectivesText(x, d.Objectives));
        IndicatorBlock(grid, table, blockLabel, d.Indicators, x.Random);
        AddFooterRows(grid, footerRows);
        return new VariantDocument([new VariantSheet("Sheet1", Place(x, lines, grid, footerLines, titleInside))]);
    }
}
