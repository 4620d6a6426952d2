using BudgetGrpc.Engine.Reading;

namespace BudgetGrpc.Engine.Layouts;

/// <summary>A recognised header: which column holds what, and the header words as written (for source refs).</summary>
internal sealed class HeaderRow
{
    private readonly Dictionary<ColumnRole, int> _columns = [];
    private readonly Dictionary<int, string> _names = [];

    private HeaderRow(int row, int lastRow)
    {
        Row = row;
        LastRow = lastRow;
    }

    /// <summary>The grid row of the header (the first one when the header spans two rows).</summary>
    public int Row { get; }

    /// <summary>The last grid row that belongs to the header.</summary>
    public int LastRow { get; }

    public int this[ColumnRole role] => _columns.TryGetValue(role, out var c) ? c : -1;
    public bool Has(ColumnRole role) => _columns.ContainsKey(role);
    public string NameOf(int column) => _names.TryGetValue(column, out var n) ? n : "";

    public bool IsLong => Has(ColumnRole.Level1) && Has(ColumnRole.Level2) && (Has(ColumnRole.Level3) || Has(ColumnRole.Value));
    public bool IsProjectTable => Has(ColumnRole.ProjectName);

    /// <summary>
    /// Reads the header at <paramref name="row"/>; when the next row refines it (a 绩效指标 cell spanning
    /// 一级/二级/三级 below it), both rows are combined, the lower one winning.
    /// </summary>
    public static HeaderRow Read(CellGrid grid, int row)
    {
        var next = row + 1 < grid.RowCount ? row + 1 : -1;
        var twoRows = next >= 0 && CountRoles(grid, next) >= 2 && !HasData(grid, next);
        var header = new HeaderRow(row, twoRows ? next : row);
        header.Add(grid, row);
        if (twoRows) header.Add(grid, next);
        header.ResolveBareUnit();
        return header;
    }

    /// <summary>
    /// A bare 单位 names the reporting unit left of the indicator columns, but the unit of measure right of them
    /// (`三级指标 | 指标值 | 单位`).
    /// </summary>
    private void ResolveBareUnit()
    {
        if (Has(ColumnRole.Unit) || !_columns.TryGetValue(ColumnRole.Level1, out var level1)) return;
        foreach (var (c, name) in _names.OrderBy(n => n.Key))
        {
            if (c <= level1 || CellValues.Key(name) != "单位") continue;
            if (_columns.TryGetValue(ColumnRole.UnitName, out var unitName) && unitName == c) _columns.Remove(ColumnRole.UnitName);
            _columns[ColumnRole.Unit] = c;
            return;
        }
    }

    /// <summary>How many distinct column roles the row's cells name: a header has several.</summary>
    public static int CountRoles(CellGrid grid, int row)
    {
        var seen = new HashSet<ColumnRole>();
        for (var c = 0; c < grid.ColumnCount; c++)
        {
            var text = grid[row, c];
            if (text.Length == 0 || text.Length > 40 || text.Contains('<')) continue;
            var role = ColumnRoles.Of(CellValues.Key(text));
            if (role != ColumnRole.None) seen.Add(role);
        }
        return seen.Count;
    }

    private static bool HasData(CellGrid grid, int row)
    {
        for (var c = 0; c < grid.ColumnCount; c++)
        {
            var text = grid[row, c];
            if (text.Length > 0 && CellValues.Amount(text) is not null) return true;
        }
        return false;
    }

    private void Add(CellGrid grid, int row)
    {
        for (var c = 0; c < grid.ColumnCount; c++)
        {
            var text = grid[row, c].Trim();
            if (text.Length == 0 || text.Length > 40 || text.Contains('<')) continue;
            var role = ColumnRoles.Of(CellValues.Key(text));
            if (role == ColumnRole.None) continue;
            _names[c] = text;
            // A merged header fills several columns with the same words: the first column is the anchor.
            if (_columns.TryGetValue(role, out var existing) && grid[row, existing].Trim() == text) continue;
            if (row > Row && _columns.TryGetValue(role, out existing) && existing != c && grid[Row, existing].Trim() != text)
            {
                _columns[role] = c;
                continue;
            }
            _columns.TryAdd(role, c);
        }
    }
}
