using System.Text;

namespace BudgetGrpc.Engine.Tests.Variants;

/// <summary>A table as a grid of texts with merged areas (the anchor holds the text, covered cells are empty).</summary>
internal sealed class VariantGrid(int columns)
{
    public int Columns { get; } = columns;
    public List<string[]> Rows { get; } = [];
    public List<(int Row, int Column, int RowSpan, int ColumnSpan)> Merges { get; } = [];
    /// <summary>Where the indicator table's header starts and how many rows it has (set when it is written).</summary>
    public (int Row, int Rows)? IndicatorHeader { get; set; }

    /// <summary>Cells holding a date (yyyy-MM-dd) that a spreadsheet stores as a date serial with a date format.</summary>
    public HashSet<(int Row, int Column)> DateCells { get; } = [];

    public int AddRow(params string?[] cells)
    {
        if (cells.Length > Columns) throw new ArgumentException($"{cells.Length} cells in a grid of {Columns} columns");
        var row = new string[Columns];
        for (var c = 0; c < Columns; c++) row[c] = c < cells.Length ? cells[c] ?? "" : "";
        Rows.Add(row);
        return Rows.Count - 1;
    }

    /// <summary>Merges an area; spans of 1×1 are ignored. Covered cells are cleared.</summary>
    public void Merge(int row, int column, int rowSpan, int columnSpan)
    {
        if (rowSpan <= 1 && columnSpan <= 1) return;
        Merges.Add((row, column, rowSpan, columnSpan));
        for (var r = row; r < row + rowSpan; r++)
            for (var c = column; c < column + columnSpan; c++)
                if (r != row || c != column) Rows[r][c] = "";
    }

    /// <summary>The merge whose anchor is this cell, if any.</summary>
    public (int RowSpan, int ColumnSpan)? AnchorAt(int row, int column)
    {
        foreach (var m in Merges)
            if (m.Row == row && m.Column == column) return (m.RowSpan, m.ColumnSpan);
        return null;
    }

    /// <summary>The merge that covers this cell without being its anchor, if any.</summary>
    public (int Row, int Column, int RowSpan, int ColumnSpan)? CoveringMerge(int row, int column)
    {
        foreach (var m in Merges)
            if (row >= m.Row && row < m.Row + m.RowSpan && column >= m.Column && column < m.Column + m.ColumnSpan
                && (row != m.Row || column != m.Column))
                return m;
        return null;
    }

    /// <summary>
    /// The table broken by a page at <paramref name="at"/>: rows above stay, rows from there on go to a second table
    /// (after the indicator header again when <paramref name="repeatHeader"/>). A merge across the break is cut; its
    /// part on the new page is blank, as a page continues a merged cell.
    /// </summary>
    public (VariantGrid First, VariantGrid Second) SplitAt(int at, bool repeatHeader)
    {
        var first = new VariantGrid(Columns);
        var second = new VariantGrid(Columns);
        for (var r = 0; r < at; r++) first.Rows.Add(Rows[r]);
        var offset = 0;
        if (repeatHeader && IndicatorHeader is { } header)
        {
            for (var r = header.Row; r < header.Row + header.Rows; r++) second.Rows.Add((string[])Rows[r].Clone());
            foreach (var m in Merges.Where(m => m.Row >= header.Row && m.Row + m.RowSpan <= header.Row + header.Rows))
                second.Merges.Add((m.Row - header.Row, m.Column, m.RowSpan, m.ColumnSpan));
            offset = header.Rows;
        }
        for (var r = at; r < Rows.Count; r++) second.Rows.Add((string[])Rows[r].Clone());
        foreach (var m in Merges)
        {
            if (m.Row + m.RowSpan <= at) first.Merges.Add(m);
            else if (m.Row >= at) second.Merges.Add((m.Row - at + offset, m.Column, m.RowSpan, m.ColumnSpan));
            else
            {
                first.Merges.Add((m.Row, m.Column, at - m.Row, m.ColumnSpan));
                var rest = m.Row + m.RowSpan - at;
                if (rest > 1 || m.ColumnSpan > 1) second.Merges.Add((offset, m.Column, rest, m.ColumnSpan));
            }
        }
        foreach (var (r, c) in DateCells)
            if (r < at) first.DateCells.Add((r, c));
            else second.DateCells.Add((r - at + offset, c));
        return (first, second);
    }

    /// <summary>The grid as text for failure notes: one line per row, `^` for a merged continuation.</summary>
    public string Dump()
    {
        var builder = new StringBuilder();
        for (var r = 0; r < Rows.Count; r++)
        {
            for (var c = 0; c < Columns; c++)
            {
                builder.Append(c == 0 ? "| " : " | ");
                builder.Append(CoveringMerge(r, c) is null ? Rows[r][c].Replace("\n", "⏎") : "^");
            }
            builder.AppendLine(" |");
        }
        return builder.ToString();
    }
}

/// <summary>A line of text outside any table (title, unit line, note), or a table.</summary>
internal sealed record VariantBlock(string? Line, VariantGrid? Table)
{
    public static VariantBlock Text(string line) => new(line, null);
    public static VariantBlock Of(VariantGrid grid) => new(null, grid);
}

/// <summary>A sheet of a workbook; other containers write their sheets one after the other.</summary>
internal sealed record VariantSheet(string Name, List<VariantBlock> Blocks);

internal sealed record VariantDocument(List<VariantSheet> Sheets)
{
    public string Dump()
    {
        var builder = new StringBuilder();
        foreach (var sheet in Sheets)
        {
            builder.AppendLine($"[sheet {sheet.Name}]");
            foreach (var block in sheet.Blocks)
            {
                if (block.Line is { } line) builder.AppendLine(line.Replace("\n", "⏎"));
                else builder.Append(block.Table!.Dump());
            }
        }
        return builder.ToString();
    }
}
