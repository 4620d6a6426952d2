using System.Globalization;
using V = BudgetGrpc.Engine.Tests.Variants.VariantVocabulary;

namespace BudgetGrpc.Engine.Tests.Variants;

internal static partial class VariantRenderer
{
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
