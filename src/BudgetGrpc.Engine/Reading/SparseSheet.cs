namespace BudgetGrpc.Engine.Reading;

/// <summary>
/// A worksheet's cells as the spreadsheet readers (.xlsx, .xls) collect them: sheet rows kept sparse (row number → grid
/// row; empty rows never enter the grid), merges filled from their anchor within the data's extent, rows emitted in sheet
/// order with the sheet row as their source row.
/// </summary>
internal sealed class SparseSheet(ReadContext context, string? name)
{
    private readonly GridBuilder _builder = new(context, name);
    private readonly Dictionary<int, int> _gridRowOf = [];
    private readonly List<int> _sheetRows = [];
    private int _maxRow, _maxColumn;

    public bool IsEmpty => _sheetRows.Count == 0;

    /// <param name="sheetRow">1-based, as Excel numbers rows.</param>
    /// <param name="column">0-based.</param>
    public void Set(int sheetRow, int column, string text)
    {
        _builder.Set(GridRow(sheetRow), column, context.Cut(text), continuation: false, sourceRow: sheetRow);
        _maxRow = Math.Max(_maxRow, sheetRow);
        _maxColumn = Math.Max(_maxColumn, column);
    }

    /// <summary>Fills a merged range from its anchor; only within the data's extent, so a merge over a whole column cannot
    /// conjure a million rows.</summary>
    public void Merge(int row1, int col1, int row2, int col2)
    {
        var anchor = _gridRowOf.TryGetValue(row1, out var anchorRow) ? _builder.Get(anchorRow, col1) : null;
        if (string.IsNullOrEmpty(anchor)) return;
        for (var r = row1; r <= Math.Min(row2, _maxRow); r++)
        {
            var gridRow = GridRow(r);
            for (var c = col1; c <= Math.Min(col2, _maxColumn); c++)
                if (r != row1 || c != col1) _builder.Set(gridRow, c, anchor, continuation: true, sourceRow: r);
        }
    }

    /// <summary>The grid, rows sorted by sheet row (merge fills may have added rows out of order).</summary>
    public CellGrid Build()
    {
        var order = new int[_sheetRows.Count];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        Array.Sort(_sheetRows.ToArray(), order);
        return _builder.Build(_sheetRows, [], order);
    }

    private int GridRow(int sheetRow)
    {
        if (_gridRowOf.TryGetValue(sheetRow, out var gridRow)) return gridRow;
        gridRow = _gridRowOf[sheetRow] = _sheetRows.Count;
        _sheetRows.Add(sheetRow);
        return gridRow;
    }
}
