using BudgetGrpc.Engine.Indicators;
using BudgetGrpc.Engine.Reading;

namespace BudgetGrpc.Engine.Layouts;

/// <summary>
/// An outline export (项目 | 指标值 | 绩效金额): one column holds, row under row and indented by level, the unit, the
/// project, its first levels, its second levels and its indicators; only indicator rows carry a value. No level column
/// exists: a level word alone on its row opens that level for the rows under it, a row without a value right above a
/// first level opens a project, and a row without a value above the first project names the unit.
/// </summary>
internal static class OutlineLayout
{
    /// <summary>How far under the header the first level word must stand for a table to be an outline.</summary>
    private const int LevelSearchRows = 12;

    /// <summary>A name column (项目) and a value column, no level column, and a first level written in the name column.</summary>
    public static bool Fits(CellGrid grid, HeaderRow header)
    {
        if (!header.Has(ColumnRole.ProjectName) || !header.Has(ColumnRole.Value)) return false;
        if (header.Has(ColumnRole.Level1) || header.Has(ColumnRole.Level2) || header.Has(ColumnRole.Level3)
            || header.Has(ColumnRole.Indicators) || header.LevelsInNames) return false;
        var nameCol = header[ColumnRole.ProjectName];
        var end = Math.Min(grid.RowCount, header.LastRow + 1 + LevelSearchRows);
        for (var r = header.LastRow + 1; r < end; r++)
            if (IsLevel1Row(grid, r, nameCol, header[ColumnRole.Value])) return true;
        return false;
    }

    public static void Read(CellGrid grid, HeaderRow header, TableReading reading)
    {
        int nameCol = header[ColumnRole.ProjectName], valueCol = header[ColumnRole.Value], amountCol = header[ColumnRole.Amount];
        reading.Title.SetAmountUnitStatedByTable(TitleBlock.AmountHeaderUnit(header.NameOf(amountCol)));
        var indicators = new IndicatorColumns(header, nameCol);
        reading.TargetColumnsRead = true;
        ProjectDraft? current = null;
        for (var r = header.LastRow + 1; r < grid.RowCount; r++)
        {
            if (RowKinds.IsSkippable(grid, r)) continue;
            if (RowKinds.IsNote(grid, r)) break;
            if (HeaderRow.CountRoles(grid, r) >= 2) continue; // the header repeated on a new page
            var name = CellValues.Line(grid[r, nameCol]);
            var hasValue = !string.IsNullOrWhiteSpace(grid[r, valueCol]);
            if (name.Length == 0 && !hasValue) continue;
            if (RowKinds.IsTotal("", name))
            {
                reading.SetDeclaredTotal(CellValues.Amount(grid[r, amountCol]), grid.Ref(r, amountCol, header.NameOf(amountCol)));
                continue;
            }
            if (!hasValue && !LevelNames.IsLevelName(name))
            {
                var next = NextRow(grid, r);
                if (next >= 0 && IsLevel1Row(grid, next, nameCol, valueCol))
                {
                    current = new ProjectDraft((reading.Projects.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                        name, CellValues.LeadingAmount(grid[r, amountCol]), grid.Ref(r, nameCol, header.NameOf(nameCol)));
                    indicators.StartProject();
                    reading.Projects.Add(current);
                    continue;
                }
                if (current is null)
                {
                    reading.Title.SetDepartmentIfUnknown(RowKinds.StripUnitCode(name));
                    continue;
                }
            }
            if (current is not null) indicators.Read(grid, r, current, reading);
            else if (hasValue) reading.LeaveOut(grid, r, null, Model.UnreadRowReason.NoProject);
        }
        reading.Open = new OpenTable(header, indicators, Model.Layout.Long, grid.ColumnCount, current);
    }

    private static bool IsLevel1Row(CellGrid grid, int r, int nameCol, int valueCol) =>
        string.IsNullOrWhiteSpace(grid[r, valueCol]) && LevelNames.Level1(CellValues.Line(grid[r, nameCol])) is not null;

    private static int NextRow(CellGrid grid, int r)
    {
        for (var n = r + 1; n < grid.RowCount; n++)
            if (!RowKinds.IsSkippable(grid, n)) return n;
        return -1;
    }
}
