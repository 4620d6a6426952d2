using System.Text.RegularExpressions;

namespace BudgetGrpc.Engine.Reading;

/// <summary>
/// Joins the tables of consecutive pages into grids. A table that opens a page and has the column boundaries of the
/// table that closed the previous page, or some of them, or they some of its own, continues it: its repeated header
/// rows are dropped and its rows appended (a table drawn at other widths is another table, such as the next sheet of
/// a workbook). So does a table right under another on the same page, past a strip without text (a spreadsheet's
/// blank row), when its column boundaries line up the same way: the strip is dropped like the text-less rows of a
/// table (and the blank rows of a sheet), and no row or merged cell of the part is taken for the rest of one above.
/// Text lines since the previous table become the preamble of the next one (the title block), page headers and
/// footers excepted: page numbers, and lines in the top or bottom margin that recur on other pages. A line that recurs
/// within the zone where office applications print running headers and footers (the margin, and at least the 60 pt
/// nearest the edge: LibreOffice prints a sheet's name 2 cm down a landscape page) does not part a table from its rest
/// on the next page either, though it stays in a preamble like any line.
/// </summary>
internal sealed partial class PdfTableAssembler(ReadContext context)
{
    private const int MaxPreambleLines = 20;
    private const double ColumnTolerance = 3.0;
    private const double MarginShare = 0.06;

    /// <summary>How far from the page's top or bottom edge (points) running headers and footers are printed at most.</summary>
    private const double RunningZone = 60;
    private const int MaxRepeatedHeaderRows = 3;

    /// <summary>The most empty space (points) between two tables on a page that still go on as one: a blank row.</summary>
    private const double MaxBlankStrip = 20;

    private readonly List<CellGrid> _grids = [];
    private readonly List<string> _pending = [];
    private readonly List<(int Number, double Height, List<object> Items)> _pages = [];
    private HashSet<string> _runningLines = [];
    private HashSet<string> _runningZoneLines = [];

    private List<PdfCell[]>? _rows;
    private double[] _columns = [];
    private List<string> _preamble = [];
    private int _lastTablePage;
    private double _lastTableBottom;
    private bool _textSinceTable;

    public void AddPage(int pageNumber, double pageHeight, List<object> items) => _pages.Add((pageNumber, pageHeight, items));

    /// <summary>
    /// The document's title (its information dictionary's, as a web page's &lt;title&gt; printed) opens the first
    /// table's preamble when the first page does not print it: a print can lose the page's first line.
    /// </summary>
    public List<CellGrid> Finish(string? documentTitle = null)
    {
        if (documentTitle?.Trim() is { Length: > 0 } title && title.Any(c => c is >= '\u4e00' and <= '\u9fff')
            && _pages.Count > 0 && !FirstPageText().Contains(Squeeze(title), StringComparison.Ordinal))
            _pending.Add(context.Cut(title));
        _runningLines = RunningLines(InMargin);
        _runningZoneLines = RunningLines(InRunningZone);
        foreach (var (number, height, items) in _pages) Assemble(number, height, items);
        Flush();
        return _grids;
    }

    /// <summary>The first page's text, lines and cells, without spaces.</summary>
    private string FirstPageText()
    {
        var text = new System.Text.StringBuilder();
        foreach (var item in _pages[0].Items)
        {
            if (item is PdfLine line) text.Append(Squeeze(line.Text)).Append('\n');
            else if (item is PdfTable table)
                foreach (var cell in table.Rows.SelectMany(r => r).Where(c => !c.Continuation))
                    text.Append(Squeeze(cell.Text)).Append('\n');
        }
        return text.ToString();
    }

    private static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    /// <summary>Lines of a zone (digits ignored) that appear there on more than one page: running headers and footers.</summary>
    private HashSet<string> RunningLines(Func<PdfLine, double, bool> inZone)
    {
        var pagesOf = new Dictionary<string, int>();
        foreach (var (_, height, items) in _pages)
            foreach (var key in items.OfType<PdfLine>().Where(l => inZone(l, height)).Select(l => RunningKey(l.Text)).Distinct())
                pagesOf[key] = pagesOf.GetValueOrDefault(key) + 1;
        return [.. pagesOf.Where(p => p.Value > 1).Select(p => p.Key)];
    }

    private static string RunningKey(string text) => Digits().Replace(text.Trim(), "#");

    private void Assemble(int pageNumber, double pageHeight, List<object> items)
    {
        var firstOnPage = true;
        foreach (var item in items)
        {
            switch (item)
            {
                case PdfLine line:
                    if (IsPageArtifact(line, pageHeight)) break;
                    if (_pending.Count == MaxPreambleLines) _pending.RemoveAt(0);
                    _pending.Add(context.Cut(line.Text));
                    if (!(InRunningZone(line, pageHeight) && _runningZoneLines.Contains(RunningKey(line.Text)))) _textSinceTable = true;
                    break;
                case PdfTable table:
                    var nextPage = firstOnPage && _lastTablePage == pageNumber - 1;
                    var pastBlankStrip = _lastTablePage == pageNumber && _lastTableBottom - table.Top is >= -ColumnTolerance and <= MaxBlankStrip;
                    if (_rows is not null && !_textSinceTable && (nextPage || pastBlankStrip) && Union(_columns, table.Columns) is { } columns)
                    {
                        _rows = Expand(_rows, _columns, columns);
                        _columns = columns;
                        Continue(Expand(table.Rows, table.Columns, columns), pageBreak: nextPage);
                    }
                    else
                        Start(table);
                    _lastTablePage = pageNumber;
                    _lastTableBottom = table.Bottom;
                    firstOnPage = false;
                    break;
            }
        }
    }

    private void Start(PdfTable table)
    {
        Flush();
        _rows = [.. table.Rows];
        _columns = table.Columns;
        _preamble = [.. _pending];
        _pending.Clear();
        _textSinceTable = false;
    }

    /// <param name="pageBreak">Whether a page break parts the two (it can cut a row or a merged cell in two), not a
    /// blank strip.</param>
    private void Continue(List<PdfCell[]> part, bool pageBreak = true)
    {
        var table = _rows!;
        var skip = 0;
        // A header repeated on every page: the part's first rows equal the table's first rows.
        for (var k = Math.Min(MaxRepeatedHeaderRows, Math.Min(part.Count, table.Count)); k >= 1; k--)
        {
            if (!Enumerable.Range(0, k).All(i => SameTexts(part[i], table[i]))) continue;
            skip = k;
            break;
        }

        // A row split by the page break: the part's first row holds only the wrapped rest of a few cells.
        var last = table[^1];
        var splitRow = pageBreak && skip < part.Count && IsSplitRest(part[skip], last);
        if (splitRow)
        {
            for (var c = 0; c < last.Length && c < part[skip].Length; c++)
            {
                var rest = part[skip][c];
                if (rest.Continuation || rest.Text.Length == 0) continue;
                var (anchorRow, anchorColumn) = (last[c].AnchorRow, last[c].AnchorColumn);
                var joined = PdfText.JoinWrapped(table[anchorRow][anchorColumn].Text, rest.Text);
                ReplaceRegionText(table, anchorRow, anchorColumn, joined);
            }
        }

        var offset = table.Count - (skip + (splitRow ? 1 : 0));
        for (var r = skip + (splitRow ? 1 : 0); r < part.Count; r++)
        {
            var row = new PdfCell[part[r].Length];
            for (var c = 0; c < row.Length; c++)
            {
                var cell = part[r][c];
                var anchorRow = cell.AnchorRow;
                // A region that opens the part continues a merged cell the page break cut (a rowspan printed on two
                // pages): after a split row always, else when it is empty there and runs down from the part's top
                // or the region above the break already spans rows, or when it repeats the text of a region above the
                // break that spans rows (a spreadsheet prints a merged cell's text on each page it covers).
                if (pageBreak && anchorRow == skip && c < last.Length && last[c].Text.Length > 0
                    && (splitRow || (cell.Text.Length == 0 && (RowSpan(last[c], table.Count - 1) || part.Skip(skip + 1).Any(p =>
                        c < p.Length && p[c].Continuation && p[c].AnchorRow == anchorRow && p[c].AnchorColumn == cell.AnchorColumn)))
                        || (cell.Text == last[c].Text && RowSpan(last[c], table.Count - 1))))
                {
                    row[c] = last[c] with { Continuation = true };
                    continue;
                }
                row[c] = cell with { AnchorRow = anchorRow + offset };
            }
            table.Add(row);
        }
        _pending.Clear();
    }

    /// <summary>Whether a slot of row <paramref name="row"/> continues a region that begins on an earlier row.</summary>
    private static bool RowSpan(PdfCell cell, int row) => cell.Continuation && cell.AnchorRow < row;

    /// <summary>
    /// Whether a row is only the rest of a row the page break cut: it has text in few cells (or in more, narrow columns
    /// having wrapped nearly every word, when it leaves blank every column where the row above has a figure and holds
    /// none itself), each of them a column where the row above the break has text of its own (no new row starts with
    /// only its wrapped tails), none the same text again nor the next numbered item under a cell of one, no two of them
    /// under one merged cell, and figures under figures in one column at most.
    /// </summary>
    private static bool IsSplitRest(PdfCell[] row, PdfCell[] above)
    {
        var texts = row.Count(c => !c.Continuation && c.Text.Length > 0);
        var aboveTexts = above.Count(c => !c.Continuation && c.Text.Length > 0);
        if (texts == 0 || (texts * 2 > Math.Max(1, aboveTexts) && !WordsOnlyBesideFigures(row, above))) return false;
        var figuresUnderFigures = 0;
        var regionsAbove = new HashSet<(int, int)>();
        for (var c = 0; c < row.Length; c++)
        {
            if (row[c].Continuation || row[c].Text.Length == 0) continue;
            if (c >= above.Length || above[c].Text.Length == 0) return false;
            if (IsFigure(row[c].Text) && IsFigure(above[c].Text)) figuresUnderFigures++;
            // The same text again is a cell repeated on each row (the project's name), not the rest of one; so is the
            // next numbered item (指标2：) under a cell that holds one item (指标1：…).
            if (row[c].Text == above[c].Text) return false;
            if (PdfText.StartsNamedItem(row[c].Text) && PdfText.StartsNamedItem(above[c].Text) && !above[c].Text.Contains('\n')) return false;
            // Two cells under one merged cell (中期目标值 | 年度目标值 under 目标值) are the next row of a header.
            if (!regionsAbove.Add((above[c].AnchorRow, above[c].AnchorColumn))) return false;
        }
        // Figures under figures in two columns or more are the next row's (a target and a weight under the row's own):
        // one figure a column too narrow wrapped (1 / 0 for 10) is not.
        return figuresUnderFigures < 2;
    }

    /// <summary>
    /// The row has no figure of its own and leaves blank each column where the row above has one (there is one at
    /// least): the targets above stand whole, only words wrapped.
    /// </summary>
    private static bool WordsOnlyBesideFigures(PdfCell[] row, PdfCell[] above)
    {
        var figuresAbove = 0;
        for (var c = 0; c < row.Length; c++)
        {
            var own = row[c].Continuation ? "" : row[c].Text;
            if (IsFigure(own)) return false;
            if (c < above.Length && !above[c].Continuation && IsFigure(above[c].Text))
            {
                if (own.Length > 0) return false;
                figuresAbove++;
            }
        }
        return figuresAbove > 0;
    }

    /// <summary>A short cell that starts with a digit or a sign before one: 10, 45人, ≥6次, 95%.</summary>
    private static bool IsFigure(string text)
    {
        var t = text.Trim();
        if (t.Length is 0 or > 6) return false;
        var i = 0;
        while (i < t.Length && "≥≤<>=＝＞＜≧≦".Contains(t[i])) i++;
        return i < t.Length && char.IsAsciiDigit(t[i]);
    }

    private static void ReplaceRegionText(List<PdfCell[]> table, int anchorRow, int anchorColumn, string text)
    {
        for (var r = anchorRow; r < table.Count; r++)
            for (var c = 0; c < table[r].Length; c++)
                if (table[r][c].AnchorRow == anchorRow && table[r][c].AnchorColumn == anchorColumn)
                    table[r][c] = table[r][c] with { Text = text };
    }

    private static bool SameTexts(PdfCell[] a, PdfCell[] b) =>
        a.Length == b.Length && a.Zip(b).All(p => p.First.Text == p.Second.Text) && a.Any(c => c.Text.Length > 0);

    /// <summary>
    /// The column boundaries of a table and of the part that continues it, or null when the part does not line up: both
    /// must have the same outer edges, and the boundaries of one must all be the other's. Boundaries only one of them
    /// draws (rows merged across one on one page) are kept, and the other's cells span them.
    /// </summary>
    private static double[]? Union(double[] table, double[] part)
    {
        if (table.Length < 2 || part.Length < 2) return null;
        if (Math.Abs(part[0] - table[0]) > ColumnTolerance || Math.Abs(part[^1] - table[^1]) > ColumnTolerance) return null;
        if (!Within(part, table) && !Within(table, part)) return null;
        var union = new List<double>();
        foreach (var x in table.Concat(part).Order())
            if (union.Count == 0 || x - union[^1] > ColumnTolerance) union.Add(x);
        return [.. union];
    }

    /// <summary>Whether every boundary of <paramref name="part"/> is one of <paramref name="table"/>'s.</summary>
    private static bool Within(double[] part, double[] table) =>
        part.All(x => table.Any(t => Math.Abs(t - x) <= ColumnTolerance));

    /// <summary>Rows re-cut onto finer column boundaries: a column split in two fills its right part as a merge.</summary>
    private static List<PdfCell[]> Expand(List<PdfCell[]> rows, double[] from, double[] to)
    {
        if (from.Length == to.Length) return rows;
        var index = new int[from.Length];
        for (var i = 0; i < from.Length; i++)
        {
            index[i] = 0;
            for (var j = 0; j < to.Length; j++)
                if (Math.Abs(to[j] - from[i]) <= ColumnTolerance) { index[i] = j; break; }
        }
        var expanded = new List<PdfCell[]>(rows.Count);
        foreach (var row in rows)
        {
            var cells = new PdfCell[to.Length - 1];
            for (var c = 0; c < row.Length && c + 1 < index.Length; c++)
            {
                var cell = row[c] with { AnchorColumn = index[Math.Min(row[c].AnchorColumn, index.Length - 1)] };
                for (var t = index[c]; t < index[c + 1] && t < cells.Length; t++)
                    cells[t] = t == index[c] ? cell : cell with { Continuation = true };
            }
            for (var t = 0; t < cells.Length; t++) cells[t] = cells[t].Text is null ? new PdfCell("", false, 0, t) : cells[t];
            expanded.Add(cells);
        }
        return expanded;
    }

    private void Flush()
    {
        if (_rows is null) return;
        var builder = new GridBuilder(context, $"table {_grids.Count + 1}");
        for (var r = 0; r < _rows.Count; r++)
        {
            var row = _rows[r];
            builder.EnsureRows(r + 1);
            for (var c = 0; c < row.Length; c++)
                builder.Set(r, c, context.Cut(row[c].Text ?? ""), row[c].Continuation);
        }
        _grids.Add(builder.Build(null, _preamble));
        _rows = null;
    }

    /// <summary>A page number, or a running header or footer (a margin line that recurs on other pages).</summary>
    private bool IsPageArtifact(PdfLine line, double pageHeight) =>
        PageNumber().IsMatch(line.Text.Trim()) || (InMargin(line, pageHeight) && _runningLines.Contains(RunningKey(line.Text)));

    private static bool InMargin(PdfLine line, double pageHeight) =>
        line.Bottom > pageHeight * (1 - MarginShare) || line.Top < pageHeight * MarginShare;

    /// <summary>A line that begins within the running-header zone of the page's top or bottom edge (y runs up).</summary>
    private static bool InRunningZone(PdfLine line, double pageHeight)
    {
        var zone = Math.Max(pageHeight * MarginShare, RunningZone);
        return line.Top > pageHeight - zone || line.Bottom < zone;
    }

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();

    [GeneratedRegex(@"^(第\s*\d+\s*页(\s*[,，/]?\s*共\s*\d+\s*页)?|-\s*\d+\s*-|—\s*\d+\s*—|\d+\s*/\s*\d+|\d+|Page\s+\d+(\s+of\s+\d+)?)$", RegexOptions.IgnoreCase)]
    private static partial Regex PageNumber();
}
