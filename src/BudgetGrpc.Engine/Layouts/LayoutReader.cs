using BudgetGrpc.Engine.Model;
using BudgetGrpc.Engine.Reading;

namespace BudgetGrpc.Engine.Layouts;

/// <summary>
/// Recognises the layout of each table from its header words (not positions) and maps all tables of a file
/// to one disclosure. Tables that are no disclosure table (navigation on a saved web page) are passed over.
/// </summary>
public static class LayoutReader
{
    /// <summary>How far down a table its header may stand (title rows, notes, a blank line or two).</summary>
    private const int HeaderSearchRows = 30;

    public static Disclosure Read(ContainerContent container, string fileName, string sha256)
    {
        var reading = new TableReading();
        var seen = new List<string>();
        foreach (var grid in container.Grids)
        {
            foreach (var line in grid.Preamble) reading.Title.AddLine(line);
            var layout = ReadGrid(grid, reading, seen);
            if (layout is not null) reading.Layout ??= layout;
        }
        if (reading.Layout is null)
            throw new DisclosureException(new DisclosureError(DisclosureErrorCode.UnrecognisedLayout,
                "no table has the headers of a performance target table: expected 项目名称 with 绩效指标 (wide layout), " +
                "项目名称 with 一级指标/二级指标/三级指标/指标值 (long layout), or a 项目名称 label above an indicator table (form layout)" +
                (seen.Count > 0 ? "; found " + string.Join("; ", seen.Take(3)) : ""), fileName,
                container.Grids.Count > 0 ? container.Grids[0].Ref(0, 0) : null));
        if (reading.Projects.Count == 0)
            throw new DisclosureException(new DisclosureError(DisclosureErrorCode.NoProjects,
                $"the {Name(reading.Layout.Value)} layout was recognised but no project row follows its header", fileName));

        return new Disclosure
        {
            Source = new SourceInfo(fileName, sha256, container.Format, reading.Layout.Value),
            Title = reading.Title.Title,
            Department = reading.Title.Department,
            FiscalYear = reading.Title.FiscalYear,
            AmountUnit = reading.Title.AmountUnit ?? AmountUnits.TenThousandYuan,
            DeclaredTotal = reading.DeclaredTotal,
            DeclaredTotalSource = reading.DeclaredTotalSource,
            Projects = reading.Projects.Select(p => p.Build()).ToArray(),
        };
    }

    private static Layout? ReadGrid(CellGrid grid, TableReading reading, List<string> seen)
    {
        var limit = Math.Min(grid.RowCount, HeaderSearchRows);
        for (var r = 0; r < limit; r++)
        {
            if (HeaderRow.CountRoles(grid, r) < 3) continue;
            var header = HeaderRow.Read(grid, r);
            if (!header.IsProjectTable) continue;
            if (header.IsLong)
            {
                AddTitleRows(grid, r, reading);
                LongLayout.Read(grid, header, reading);
                return Layout.Long;
            }
            if (header.Has(ColumnRole.Indicators))
            {
                AddTitleRows(grid, r, reading);
                WideLayout.Read(grid, header, reading);
                return Layout.Wide;
            }
        }
        var forms = FormLayout.FindForms(grid);
        if (forms.Count > 0)
        {
            AddTitleRows(grid, forms[0], reading);
            FormLayout.Read(grid, forms, reading);
            return Layout.Form;
        }
        if (grid.RowCount > 0)
            seen.Add($"{(grid.Name is null ? "" : grid.Name + " ")}row {grid.SourceRow(0)}: {string.Join(" | ", FormLayout.DistinctCells(grid, 0).Take(6).Select(c => Short(c.Text)))}");
        return null;
    }

    private static void AddTitleRows(CellGrid grid, int headerRow, TableReading reading)
    {
        for (var r = 0; r < headerRow; r++)
            foreach (var cell in FormLayout.DistinctCells(grid, r))
                reading.Title.AddLine(CellValues.Line(cell.Text));
    }

    private static string Short(string text) => text.Length <= 20 ? text : text[..20] + "…";

    private static string Name(Layout layout) => layout.ToString().ToLowerInvariant();
}
