using BudgetGrpc.Engine.Indicators;
using BudgetGrpc.Engine.Model;
using BudgetGrpc.Engine.Reading;

namespace BudgetGrpc.Engine.Layouts;

/// <summary>What a column's cells hold, whatever its header says: levels, comparator signs, directions or units.</summary>
internal static class ColumnContent
{
    private const int SampleRows = 60;

    /// <summary>The rows a header's column sample covers: down to a note, the next form or header, or 60 rows.</summary>
    public static int SampleEnd(CellGrid grid, int firstRow)
    {
        var end = Math.Min(grid.RowCount, firstRow + SampleRows);
        for (var r = firstRow; r < end; r++)
            if (RowKinds.IsNote(grid, r) || HeaderRow.CountRoles(grid, r) >= 3 || StartsForm(grid, r)) return r;
        return end;
    }

    private static bool StartsForm(CellGrid grid, int r)
    {
        foreach (var (_, text) in FormLayout.DistinctCells(grid, r))
            if (FormLabels.Of(text) is FormField.Name or FormField.DepartmentName) return true;
        return false;
    }

    /// <summary>The role the cells of <paramref name="column"/> from <paramref name="firstRow"/> to <paramref name="end"/> state, or None.</summary>
    public static ColumnRole Classify(CellGrid grid, int firstRow, int column, int end)
    {
        int cells = 0, level1 = 0, level2 = 0, comparator = 0, signs = 0, direction = 0, unit = 0;
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        for (var r = firstRow; r < end; r++)
        {
            var text = CellValues.Line(grid[r, column]).Trim();
            if (text.Length == 0 || text.Length > 24) continue;
            cells++;
            distinct.Add(text);
            var isLevel1 = LevelNames.Level1(text) is not null;
            var isLevel2 = LevelNames.Level2(text, null) is not null;
            if (isLevel1) level1++;
            if (isLevel2) level2++;
            if (isLevel1 || isLevel2) continue;
            if (IsComparator(text))
            {
                comparator++;
                if (text is not ("定量" or "定性")) signs++;
            }
            else if (text.Length <= 6 && (text.Contains("正向") || text.Contains("反向"))) direction++;
            else if (IsUnit(text)) unit++;
        }
        if (cells < 2) return ColumnRole.None;
        bool Most(int n) => n * 5 >= cells * 4;
        // 成本指标 and 满意度指标 name both levels: a column is the first level when its other cells are first levels.
        if (Most(level1) && level1 >= level2) return ColumnRole.Level1;
        if (Most(level2)) return ColumnRole.Level2;
        // A column of 定量/定性 alone says what kind of value stands beside it, not how it is bounded.
        if (Most(comparator) && signs > 0) return ColumnRole.Comparator;
        if (Most(direction)) return ColumnRole.Direction;
        if (Most(unit) && distinct.Count >= 2) return ColumnRole.Unit;
        return ColumnRole.None;
    }

    /// <summary>Whether most cells of a column are figures or signed targets (≥95%, 120人).</summary>
    public static bool HoldsTargets(CellGrid grid, int firstRow, int column)
    {
        int cells = 0, targets = 0;
        var end = Math.Min(grid.RowCount, firstRow + SampleRows);
        for (var r = firstRow; r < end; r++)
        {
            var text = CellValues.Line(grid[r, column]).Trim();
            if (text.Length == 0) continue;
            cells++;
            if (TargetParser.Parse(text).Value is not null) targets++;
        }
        return cells >= 2 && targets * 10 >= cells * 6;
    }

    private static bool IsComparator(string text) =>
        TargetPatterns.FromColumn(text) != Comparator.None || text is "定量" || UnitNames.FoldWidth(text).Trim() is "=" or "==";

    private static bool IsUnit(string text)
    {
        if (text.Length > 8 || text.Any(char.IsDigit)) return false;
        var unit = UnitNames.Normalize(text);
        if (unit.Length == 0) return false;
        if (Array.IndexOf(TargetPatterns.BaseUnits, unit) >= 0) return true;
        var slash = unit.IndexOf('/');
        return slash > 0 && Array.IndexOf(TargetPatterns.BaseUnits, unit[..slash]) >= 0;
    }
}
