namespace BudgetGrpc.Engine.Reading;

/// <summary>
/// Collects the cells of one table whose cells can span rows and columns (HTML, DOCX, XLSX merges):
/// remembers which slots are taken, which were filled from an anchor, and charges the cell budget
/// as rows grow so that absurd spans stop at the limit instead of exhausting memory.
/// </summary>
internal sealed class GridBuilder(ReadContext context, string? name)
{
    private readonly List<string?[]> _rows = [];
    private readonly List<int> _lengths = [];
    private readonly List<(int Row, int Column)> _continuations = [];

    public string? Name => name;

    public int RowCount => _rows.Count;

    public void EnsureRows(int count)
    {
        while (_rows.Count < count)
        {
            _rows.Add([]);
            _lengths.Add(0);
        }
    }

    public bool IsTaken(int row, int column) =>
        row < _rows.Count && column < _lengths[row] && _rows[row][column] is not null;

    public string? Get(int row, int column) =>
        row < _rows.Count && column < _lengths[row] ? _rows[row][column] : null;

    /// <param name="sourceRow">The row the source numbers it as, for the message when the cell budget runs out (default:
    /// the grid row, 1-based); a sparse sheet's grid rows are not its sheet rows.</param>
    public void Set(int row, int column, string text, bool continuation, int? sourceRow = null)
    {
        EnsureRows(row + 1);
        var length = _lengths[row];
        if (column >= length)
        {
            context.TakeCells(column + 1 - length, name, sourceRow ?? row + 1);
            var cells = _rows[row];
            if (column >= cells.Length)
            {
                Array.Resize(ref cells, Math.Max(column + 1, Math.Max(4, cells.Length * 2)));
                _rows[row] = cells;
            }
            _lengths[row] = column + 1;
        }
        _rows[row][column] = text;
        if (continuation) _continuations.Add((row, column));
    }

    /// <summary>
    /// The finished grid, rows in <paramref name="order"/> (grid row indexes; default: as added).
    /// Unset slots become empty cells; continuation flags follow their rows.
    /// </summary>
    public CellGrid Build(IReadOnlyList<int>? sourceRows, IReadOnlyList<string> preamble, IReadOnlyList<int>? order = null)
    {
        var count = order?.Count ?? _rows.Count;
        var rows = new string[count][];
        var sources = new int[count];
        var newIndex = new int[_rows.Count];
        for (var i = 0; i < count; i++)
        {
            var r = order is null ? i : order[i];
            var length = _lengths[r];
            var source = _rows[r];
            var cells = new string[length];
            for (var c = 0; c < length; c++) cells[c] = source[c] ?? "";
            newIndex[r] = i;
            rows[i] = cells;
            sources[i] = sourceRows is null ? r + 1 : sourceRows[r];
        }
        var continuations = new List<(int, int)>(_continuations.Count);
        foreach (var (row, column) in _continuations) continuations.Add((newIndex[row], column));
        return new CellGrid(name, rows, sources, continuations, preamble);
    }
}
