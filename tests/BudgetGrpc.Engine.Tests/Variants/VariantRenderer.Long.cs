using System.Globalization;
using V = BudgetGrpc.Engine.Tests.Variants.VariantVocabulary;

namespace BudgetGrpc.Engine.Tests.Variants;

internal static partial class VariantRenderer
{
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
}
