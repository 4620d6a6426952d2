using BudgetGrpc.Engine.Model;

namespace BudgetGrpc.Engine.Reading;

/// <summary>
/// One table read out of a container: a rectangle of cell texts with source coordinates.
/// Merged cells are filled from their anchor; <see cref="IsMergedContinuation"/> tells a filled cell from its anchor.
/// </summary>
public sealed class CellGrid
{
    private readonly string[][] _rows;
    private readonly int[] _sourceRows;
    private readonly HashSet<(int Row, int Column)> _mergedContinuations;

    /// <param name="name">Sheet name, or "table N" for documents and pages; null for flat text files.</param>
    /// <param name="rows">Cell texts, row by row. Rows may be ragged.</param>
    /// <param name="sourceRows">The 1-based row number of each grid row in the source; null means row index + 1.</param>
    /// <param name="mergedContinuations">Cells (0-based) filled from a merge anchor above or to the left.</param>
    /// <param name="preamble">Text that stands before the table in the source (page headings, paragraphs), in order.</param>
    public CellGrid(
        string? name,
        IReadOnlyList<string[]> rows,
        IReadOnlyList<int>? sourceRows = null,
        IEnumerable<(int Row, int Column)>? mergedContinuations = null,
        IReadOnlyList<string>? preamble = null)
    {
        Name = name;
        _rows = rows as string[][] ?? rows.ToArray();
        ColumnCount = _rows.Length == 0 ? 0 : _rows.Max(r => r.Length);
        _sourceRows = sourceRows?.ToArray() ?? Enumerable.Range(1, _rows.Length).ToArray();
        if (_sourceRows.Length != _rows.Length)
            throw new ArgumentException("sourceRows must have one entry per row", nameof(sourceRows));
        _mergedContinuations = mergedContinuations is null ? [] : [.. mergedContinuations];
        Preamble = preamble ?? [];
    }

    public string? Name { get; }
    public int RowCount => _rows.Length;
    public int ColumnCount { get; }
    public IReadOnlyList<string> Preamble { get; }

    /// <summary>The text of a cell (0-based); empty outside the grid.</summary>
    public string this[int row, int column] =>
        (uint)row < (uint)_rows.Length && (uint)column < (uint)_rows[row].Length ? _rows[row][column] : "";

    public IReadOnlyList<string> Row(int row) => _rows[row];

    /// <summary>The 1-based row number in the source file for grid row <paramref name="row"/>.</summary>
    public int SourceRow(int row) => (uint)row < (uint)_sourceRows.Length ? _sourceRows[row] : row + 1;

    public bool IsMergedContinuation(int row, int column) => _mergedContinuations.Contains((row, column));

    /// <summary>The same grid with every cell text and preamble line passed through <paramref name="map"/>.</summary>
    public CellGrid MapText(Func<string, string> map) =>
        new(Name, [.. _rows.Select(row => row.Select(map).ToArray())], _sourceRows, _mergedContinuations, [.. Preamble.Select(map)]);

    public SourceRef Ref(int row, int column, string? columnName = null) =>
        new(Name, SourceRow(row), column + 1, columnName);
}
