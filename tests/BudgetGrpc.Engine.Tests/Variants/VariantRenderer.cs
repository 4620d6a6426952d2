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
internal static partial class VariantRenderer
{
    public static Variant Generate(VariantFamily family, int seed, VariantContainer container, IReadOnlyDictionary<string, string>? overrides = null)
    {
        var axes = new VariantAxes(seed, overrides);
        axes.Record("family", FamilyName(family));
        axes.Record("container", container.ToString());
        var pool = family switch
        {
            VariantFamily.DepartmentTargets => Canonical.DepartmentTables,
            VariantFamily.SelfEvaluation => CanonicalSelfEvaluations.All,
            _ => Canonical.ProjectTables,
        };
        var canonical = axes.Pick("canonical", pool, d => d.Department);
        if (family != VariantFamily.DepartmentTargets)
        {
            var counts = Enumerable.Range(1, canonical.Projects.Count).Where(n => n >= (family is VariantFamily.Form or VariantFamily.SelfEvaluation ? 1 : 2)).ToList();
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
            VariantFamily.SelfEvaluation => RenderSelfEvaluation(context),
            _ => RenderDepartment(context),
        };
        if (family != VariantFamily.Wide) BreakPage(context, document);
        AddOtherTable(context, document);
        if (family is not (VariantFamily.DepartmentTargets or VariantFamily.SelfEvaluation)) AddReportTitle(context, document);
        if (axes.Flag("script.traditional", 0.05))
        {
            TraditionalWriting.Apply(document);
            canonical = TraditionalWriting.Canon(canonical);
        }
        return new Variant($"{FamilyName(family)}-{seed}", family, seed, container, axes, canonical, unit, scale, document);
    }

    public static string FamilyName(VariantFamily family) => family switch
    {
        VariantFamily.Wide => "wide",
        VariantFamily.Long => "long",
        VariantFamily.Form => "form",
        VariantFamily.SelfEvaluation => "selfEvaluation",
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
    /// The longest table broken in two by a page, as PDF-to-Word conversions and saved pages leave it: the second part
    /// with or without the indicator header again, merged level cells cut at the break.
    /// </summary>
    private static void BreakPage(RenderContext x, VariantDocument document)
    {
        var mode = x.Axes.Pick("pageBreak", "none", "none", "none", "split", "splitWithHeader");
        if (mode == "none") return;
        var (sheet, index, grid) = document.Sheets
            .SelectMany(s => s.Blocks.Select((b, i) => (Sheet: s, Index: i, Grid: b.Table)))
            .Where(t => t.Grid?.IndicatorHeader is not null)
            .OrderByDescending(t => t.Grid!.Rows.Count).First();
        var header = grid!.IndicatorHeader!.Value;
        var firstData = header.Row + header.Rows;
        var at = firstData + Math.Max(1, (grid.Rows.Count - firstData) * 2 / 3);
        if (at >= grid.Rows.Count) return;
        var (first, second) = grid.SplitAt(at, mode == "splitWithHeader");
        sheet.Blocks[index] = VariantBlock.Of(first);
        sheet.Blocks.Insert(index + 1, VariantBlock.Of(second));
    }

    /// <summary>
    /// Another table of the same notice (a fund allocation table with its own title, unit and 合计), before or after
    /// the target tables, or on a sheet of its own: the survey met them on 6 pages. It is no disclosure table.
    /// </summary>
    private static void AddOtherTable(RenderContext x, VariantDocument document)
    {
        var where = x.Axes.Pick("otherTable", "none", "none", "none", "before", "after", "ownSheet");
        if (where == "none") return;
        // Its unit may differ from the disclosure's (a 单位：元 line over an allocation in 元): it is not the amounts' unit.
        var unit = x.Axes.Pick("otherTableUnit", "万元", "元");
        var scale = unit == "元" ? 10000m : 1m;
        var grid = new VariantGrid(4);
        grid.AddRow("序号", "单位名称", "金额", "备注");
        var amounts = new[] { 120.5m, 86m, 43.2m };
        for (var k = 0; k < amounts.Length; k++)
            grid.AddRow((k + 1).ToString(CultureInfo.InvariantCulture), $"示例{"甲乙丙"[k]}镇人民政府", TargetWriting.Number(amounts[k] * scale), "");
        grid.AddRow("合计", "", TargetWriting.Number(amounts.Sum() * scale), "");
        var blocks = new List<VariantBlock>
        {
            VariantBlock.Text(x.Fill("{year}年专项资金分配表")),
            VariantBlock.Text("单位：" + unit),
            VariantBlock.Of(grid),
        };
        if (where == "ownSheet") document.Sheets.Add(new VariantSheet("资金分配表", blocks));
        else if (where == "before") document.Sheets[0].Blocks.InsertRange(0, blocks);
        else document.Sheets[^1].Blocks.AddRange(blocks);
    }

    /// <summary>
    /// The target table printed inside a self-evaluation report (绩效自评报告 over its 绩效目标 section): the report's title
    /// is the page's, the table is still a target list (round 3, #64).
    /// </summary>
    private static void AddReportTitle(RenderContext x, VariantDocument document)
    {
        if (!x.Axes.Flag("selfEvalReportTitle", 0.1)) return;
        document.Sheets[0].Blocks.InsertRange(0,
        [
            VariantBlock.Text(x.Fill("{dept}{year}年度项目支出绩效自评报告")),
            VariantBlock.Text("一、项目绩效目标"),
        ]);
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

    /// <summary>
    /// Lines under the table (signatures, notes), approval rows inside it and the header and rows of another table of the
    /// notice under it (a list of allocations: 序号 | 项目名称 | 资金来源 | 金额).
    /// </summary>
    private static (List<string> Lines, List<string[]> Rows) Footer(RenderContext x)
    {
        var a = x.Axes;
        var footer = a.Pick("footer", "none", "none", "signature", "note", "approval", "list", "all");
        var lines = new List<string>();
        var rows = new List<string[]>();
        if (footer is "approval" or "all")
        {
            var (label, text) = V.ApprovalRows[x.Random.Next(V.ApprovalRows.Length)];
            rows.Add([label, text]);
        }
        if (footer is "note" or "all") lines.Add(V.NoteLines[x.Random.Next(V.NoteLines.Length)]);
        if (footer is "signature" or "all") lines.Add(V.SignatureLines[x.Random.Next(V.SignatureLines.Length)]);
        if (lines.Count > 0 && a.Pick("footerPlacement", "lines", "rows") == "rows")
        {
            rows.AddRange(lines.Select(l => new[] { l }));
            lines.Clear();
        }
        if (footer == "list") rows.AddRange(OtherTable(x));
        return (lines, rows);
    }

    /// <summary>Another table of the notice: its header of list words and two rows whose names and amounts are not the form's.</summary>
    private static IEnumerable<string[]> OtherTable(RenderContext x)
    {
        var header = x.Axes.Pick("label.listUnder", V.ListHeaders, h => string.Join("|", h));
        yield return header;
        for (var k = 0; k < 2; k++)
            yield return [.. header.Select(word => V.ListCell(word, k, x.Random))];
    }

    /// <summary>
    /// Footer rows: one text merged across the table, a label with its text merged over the other columns, or the cells
    /// of another table as they are.
    /// </summary>
    private static void AddFooterRows(VariantGrid grid, IEnumerable<string[]> rows)
    {
        foreach (var cells in rows)
        {
            if (cells.Length == 1)
            {
                var r = grid.AddRow(cells[0]);
                grid.Merge(r, 0, 1, grid.Columns);
            }
            else if (cells.Length == 2)
            {
                var r = grid.AddRow(cells[0], cells[1]);
                grid.Merge(r, 1, 1, grid.Columns - 1);
            }
            else grid.AddRow([.. cells.Take(grid.Columns)]);
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
}
