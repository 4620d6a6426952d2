namespace BudgetGrpc.Engine.Reading;

/// <summary>One cell slot of a table rebuilt from a page: the text of its merged region, and whether it only continues it.</summary>
/// <param name="AnchorRow">The row of the region's top-left slot (in the page's table; in the grid once joined).</param>
/// <param name="AnchorColumn">The column of the region's top-left slot.</param>
internal readonly record struct PdfCell(string Text, bool Continuation, int AnchorRow, int AnchorColumn);

/// <summary>A table found on one page: column boundaries (left to right) and its rows of cell slots, top row first.</summary>
internal sealed record PdfTable(double Top, double Bottom, double[] Columns, List<PdfCell[]> Rows);

/// <summary>A line of text outside any table.</summary>
internal sealed record PdfLine(double Top, double Bottom, string Text);

/// <summary>
/// Rebuilds the tables of one page from its ruling lines and places its other text lines. Rules that touch form one
/// table; their distinct positions are the row and column boundaries; a boundary segment without a rule merges the
/// two slots it separates (row and column spans), and the merged region's text sits in its top-left slot with the
/// others flagged as continuations, as the DOCX and HTML readers do. A page with text but no ruled table is read by
/// column alignment.
/// </summary>
internal static class PdfPageLayout
{
    private const double SnapTolerance = 2.0;
    private const double TouchTolerance = 3.0;

    /// <summary>A boundary with a rule along at least this share of it separates its two slots.</summary>
    private const double RuleCoverage = 0.6;

    public static List<object> Read(List<Glyph> glyphs, List<Rule> horizontalRaw, List<Rule> verticalRaw)
    {
        var horizontal = PdfGeometry.Merge(horizontalRaw, SnapTolerance);
        var vertical = PdfGeometry.Merge(verticalRaw, SnapTolerance);
        var items = new List<(double Top, object Item)>();
        var free = new List<Glyph>(glyphs);

        foreach (var (h, v) in Components(horizontal, vertical).SelectMany(c => SplitWhereEdgesDiffer(c.H, c.V)))
        {
            if (h.Count < 2 || v.Count < 2) continue;
            var (left, right, bottom, top) = Frame(h, v);
            if (right - left < 20 || top - bottom < 8) continue;
            var inside = new List<Glyph>();
            var (bottomRules, topRules) = (RulesAt(h, bottom), RulesAt(h, top));
            free.RemoveAll(g =>
            {
                // A glyph drawn across the frame's top or bottom rule, or beyond a column that rule leaves open, is cell
                // text the page cut (a merged cell's text centred on its whole area), not a line outside the table.
                var hit = g.CenterX >= left && g.CenterX <= right
                    && ((g.CenterY >= bottom && g.CenterY <= top) || Across(g, bottom) || Across(g, top)
                        || BeyondOpenColumn(g, bottomRules, left, right, bottom, below: true)
                        || BeyondOpenColumn(g, topRules, left, right, top, below: false));
                if (hit) inside.Add(g);
                return hit;
            });
            var table = BuildTable(h, v, left, right, bottom, top, inside);
            if (table is not null) items.Add((top, table));
        }

        var lines = PdfText.Lines(free);
        if (items.Count == 0 && AlignedTable(lines) is var (table2, before, after) && table2 is not null)
        {
            foreach (var line in before) items.Add((line.Top, line));
            items.Add((table2.Top, table2));
            foreach (var line in after) items.Add((line.Top, line));
        }
        else
        {
            foreach (var line in lines)
                items.Add((line.Max(g => g.Top), new PdfLine(line.Max(g => g.Top), line.Min(g => g.Bottom), Runs(line))));
        }
        return items.OrderByDescending(i => i.Top).Select(i => i.Item).ToList();
    }

    /// <summary>Whether a glyph's box reaches at least a point past a rule at height <paramref name="y"/> on both sides.</summary>
    private static bool Across(Glyph g, double y) => g.Bottom < y - 1 && g.Top > y + 1;

    /// <summary>The horizontal rules along a frame's edge at height <paramref name="edge"/>.</summary>
    private static List<Rule> RulesAt(List<Rule> h, double edge) => [.. h.Where(r => Math.Abs(r.Position - edge) <= SnapTolerance)];

    /// <summary>
    /// Whether a glyph lies under a frame whose bottom is ruled (or over one whose top is), within the stretch of that
    /// edge the rules <paramref name="atEdge"/> leave open: the column there runs on past the page, and what is printed
    /// beyond it is its merged cell's text.
    /// </summary>
    private static bool BeyondOpenColumn(Glyph g, List<Rule> atEdge, double left, double right, double edge, bool below)
    {
        if (below ? g.Top >= edge : g.Bottom <= edge) return false;
        if (atEdge.Count == 0 || atEdge.Any(r => r.From - SnapTolerance <= g.CenterX && r.To + SnapTolerance >= g.CenterX)) return false;
        var from = atEdge.Where(r => r.To < g.CenterX).Select(r => r.To).DefaultIfEmpty(left).Max();
        var to = atEdge.Where(r => r.From > g.CenterX).Select(r => r.From).DefaultIfEmpty(right).Min();
        return g.Left >= from - SnapTolerance && g.Right <= to + SnapTolerance;
    }

    /// <summary>Rules that touch or cross, grouped: each group is one table's frame.</summary>
    private static List<(List<Rule> H, List<Rule> V)> Components(List<Rule> horizontal, List<Rule> vertical)
    {
        var parent = Enumerable.Range(0, horizontal.Count + vertical.Count).ToArray();
        int Find(int x)
        {
            while (parent[x] != x) x = parent[x] = parent[parent[x]];
            return x;
        }
        for (var i = 0; i < horizontal.Count; i++)
            for (var j = 0; j < vertical.Count; j++)
            {
                var h = horizontal[i];
                var v = vertical[j];
                if (v.Position >= h.From - TouchTolerance && v.Position <= h.To + TouchTolerance
                    && h.Position >= v.From - TouchTolerance && h.Position <= v.To + TouchTolerance)
                    parent[Find(i)] = Find(horizontal.Count + j);
            }
        var groups = new Dictionary<int, (List<Rule> H, List<Rule> V)>();
        for (var i = 0; i < parent.Length; i++)
        {
            var root = Find(i);
            if (!groups.TryGetValue(root, out var group)) groups[root] = group = ([], []);
            if (i < horizontal.Count) group.H.Add(horizontal[i]);
            else group.V.Add(vertical[i - horizontal.Count]);
        }
        return [.. groups.Values];
    }

    private static (double Left, double Right, double Bottom, double Top) Frame(List<Rule> h, List<Rule> v) => (
        Math.Min(h.Min(r => r.From), v.Min(r => r.Position)),
        Math.Max(h.Max(r => r.To), v.Max(r => r.Position)),
        Math.Min(v.Min(r => r.From), h.Min(r => r.Position)),
        Math.Max(v.Max(r => r.To), h.Max(r => r.Position)));

    /// <summary>The rules of a frame between two heights, clipped to them and to its edges.</summary>
    private static (List<Rule> H, List<Rule> V) Clip(List<Rule> h, List<Rule> v, double top, double bottom, double left, double right) => (
        h.Where(r => r.Position <= top + SnapTolerance && r.Position >= bottom - SnapTolerance)
            .Select(r => r with { From = Math.Max(r.From, left), To = Math.Min(r.To, right) })
            .Where(r => r.To - r.From > TouchTolerance).ToList(),
        v.Where(r => r.Position >= left - SnapTolerance && r.Position <= right + SnapTolerance)
            .Select(r => r with { From = Math.Max(r.From, bottom), To = Math.Min(r.To, top) })
            .Where(r => r.To - r.From > TouchTolerance).ToList());

    /// <summary>
    /// A frame cut where its outer edges change from one row band to the next, or where its columns are drawn again at
    /// other widths: tables printed one under the other touch and their rules join, but each keeps its own
    /// edges and column widths. An edge that falls on a column boundary of the band beside it is one table with a
    /// frame rule left out, and stays whole. Rules on a cut belong to both parts, clipped to each part's edges.
    /// </summary>
    private static IEnumerable<(List<Rule> H, List<Rule> V)> SplitWhereEdgesDiffer(List<Rule> h, List<Rule> v)
    {
        if (h.Count < 2 || v.Count < 2) return [(h, v)];
        var ys = Boundaries(h.Select(r => r.Position), v.Min(r => r.From), v.Max(r => r.To));
        ys.Reverse(); // top first
        var bands = new List<(double Top, double Bottom, double[] Xs)>();
        for (var i = 0; i + 1 < ys.Count; i++)
        {
            var (top, bottom) = (ys[i], ys[i + 1]);
            var xs = v.Where(r => r.From <= bottom + TouchTolerance && r.To >= top - TouchTolerance).Select(r => r.Position).Order().ToArray();
            bands.Add((top, bottom, xs));
        }

        static bool OnBoundary(double x, double[] xs) => xs.Any(p => Math.Abs(p - x) <= TouchTolerance);
        static bool Moves(double a, double[] xsA, double b, double[] xsB) =>
            Math.Abs(a - b) > TouchTolerance && !OnBoundary(a, xsB) && !OnBoundary(b, xsA);
        // A table's second part printed under its first with its own column widths: two bands of five columns or
        // more that share fewer than half their inner boundaries (inside one table, a row's spans keep most of its
        // neighbours').
        static int Shared(double[] a, double[] b) => a[1..^1].Count(x => OnBoundary(x, b));
        static bool Redrawn(double[] a, double[] b) =>
            a.Length >= 6 && b.Length >= 6 && Shared(a, b) * 2 < Math.Min(a.Length, b.Length) - 2;

        // Bands no vertical rule crosses (a rule-less gap, a spanning caption) go with the part above them.
        var parts = new List<(double Top, double Bottom, double Left, double Right)>();
        double[]? previous = null;
        foreach (var (top, bottom, xs) in bands)
        {
            var cut = previous is not null && xs.Length >= 2
                && (Moves(xs[0], xs, previous[0], previous) || Moves(xs[^1], xs, previous[^1], previous) || Redrawn(xs, previous));
            if (parts.Count == 0 || cut) parts.Add((parts.Count == 0 ? ys[0] : top, bottom, xs.FirstOrDefault(), xs.LastOrDefault()));
            else parts[^1] = parts[^1] with { Bottom = bottom };
            if (xs.Length >= 2)
            {
                if (previous is null) parts[^1] = parts[^1] with { Left = xs[0], Right = xs[^1] };
                previous = xs;
            }
        }
        if (parts.Count < 2) return [(h, v)];

        return parts.Select(p => Clip(h, v, p.Top, p.Bottom, p.Left, p.Right));
    }

    private static PdfTable? BuildTable(List<Rule> h, List<Rule> v, double left, double right, double bottom, double top, List<Glyph> glyphs)
    {
        var xs = Boundaries(v.Select(r => r.Position), left, right);
        var ys = Boundaries(h.Select(r => r.Position), bottom, top); // ascending here
        ys.Reverse(); // top first
        int rows = ys.Count - 1, columns = xs.Count - 1;
        if (rows < 1 || columns < 1) return null;

        // Slots joined where their shared boundary has no rule.
        var parent = Enumerable.Range(0, rows * columns).ToArray();
        int Find(int x)
        {
            while (parent[x] != x) x = parent[x] = parent[parent[x]];
            return x;
        }
        void Union(int a, int b)
        {
            int ra = Find(a), rb = Find(b);
            if (ra != rb) parent[Math.Max(ra, rb)] = Math.Min(ra, rb); // the top-left slot stays the root
        }
        for (var r = 0; r < rows; r++)
            for (var c = 0; c < columns; c++)
            {
                if (c + 1 < columns && !Covered(v, xs[c + 1], ys[r + 1], ys[r])) Union(r * columns + c, r * columns + c + 1);
                if (r + 1 < rows && !Covered(h, ys[r + 1], xs[c], xs[c + 1])) Union(r * columns + c, (r + 1) * columns + c);
            }

        var regionGlyphs = new Dictionary<int, List<Glyph>>();
        foreach (var glyph in glyphs)
        {
            var c = Slot(xs, glyph.CenterX, ascending: true);
            var r = Slot(ys, glyph.CenterY, ascending: false);
            var root = Find(r * columns + c);
            if (!regionGlyphs.TryGetValue(root, out var list)) regionGlyphs[root] = list = [];
            list.Add(glyph);
        }
        // Each region's right edge: where its lines wrap.
        var rights = new Dictionary<int, double>();
        for (var slot = 0; slot < rows * columns; slot++)
        {
            var root = Find(slot);
            rights[root] = Math.Max(rights.GetValueOrDefault(root, double.MinValue), xs[slot % columns + 1]);
        }
        var texts = regionGlyphs.ToDictionary(p => p.Key, p => PdfText.CellText(p.Value, rights[p.Key]));

        // Rows without any text (spacers) are left out; anchors then point at the rows kept.
        var keptIndex = new int[rows];
        var kept = 0;
        for (var r = 0; r < rows; r++)
        {
            var anyText = false;
            for (var c = 0; c < columns && !anyText; c++) anyText = texts.GetValueOrDefault(Find(r * columns + c), "").Length > 0;
            keptIndex[r] = anyText ? kept++ : -1;
        }
        var tableRows = new List<PdfCell[]>(kept);
        for (var r = 0; r < rows; r++)
        {
            if (keptIndex[r] < 0) continue;
            var cells = new PdfCell[columns];
            for (var c = 0; c < columns; c++)
            {
                var slot = r * columns + c;
                var root = Find(slot);
                int anchorRow = root / columns, anchorColumn = root % columns;
                // An anchor on a text-less row left out: the region starts on the first kept row below it.
                var mappedRow = keptIndex[anchorRow] >= 0 ? keptIndex[anchorRow] : keptIndex[r];
                var continuation = root != slot && (mappedRow != keptIndex[r] || anchorColumn != c);
                cells[c] = new PdfCell(texts.GetValueOrDefault(root, ""), continuation,
                    continuation ? mappedRow : keptIndex[r], continuation ? anchorColumn : c);
            }
            tableRows.Add(cells);
        }
        return tableRows.Count == 0 ? null : new PdfTable(top, bottom, [.. xs], tableRows);
    }

    /// <summary>Distinct rule positions, with the frame's edges added where a side has no rule of its own.</summary>
    private static List<double> Boundaries(IEnumerable<double> positions, double low, double high)
    {
        var list = new List<double>();
        foreach (var p in positions.Append(low).Append(high).Order())
            if (list.Count == 0 || p - list[^1] > SnapTolerance) list.Add(p);
        return list;
    }

    /// <summary>Whether rules at <paramref name="position"/> cover the stretch from..to well enough to separate slots.</summary>
    private static bool Covered(List<Rule> rules, double position, double from, double to)
    {
        var covered = 0.0;
        foreach (var rule in rules)
        {
            if (Math.Abs(rule.Position - position) > SnapTolerance) continue;
            covered += Math.Max(0, Math.Min(to, rule.To) - Math.Max(from, rule.From));
        }
        return covered >= (to - from) * RuleCoverage;
    }

    /// <summary>The slot a coordinate falls in; boundaries ascending (x) or descending (y).</summary>
    private static int Slot(List<double> boundaries, double value, bool ascending)
    {
        var count = boundaries.Count - 1;
        for (var i = 0; i < count; i++)
        {
            var inside = ascending ? value < boundaries[i + 1] : value > boundaries[i + 1];
            if (inside) return i;
        }
        return count - 1;
    }

    /// <summary>A line's runs (pieces separated by wide gaps) joined by a space.</summary>
    private static string Runs(List<Glyph> line) => string.Join(' ', SplitRuns(line).Select(PdfText.LineText));

    private static List<List<Glyph>> SplitRuns(List<Glyph> line)
    {
        var runs = new List<List<Glyph>> { new() { line[0] } };
        for (var i = 1; i < line.Count; i++)
        {
            var gap = line[i].Left - line[i - 1].Right;
            if (gap > Math.Max(6, line[i].Size * 1.2)) runs.Add([]);
            runs[^1].Add(line[i]);
        }
        return runs;
    }

    /// <summary>
    /// A table without rules: consecutive lines of two or more runs (separated by wide gaps) are rows, their runs'
    /// left edges clustered into columns; a one-run line inside the block continues the cell above it. Lines
    /// before and after the block stay text lines.
    /// </summary>
    private static (PdfTable? Table, List<PdfLine> Before, List<PdfLine> After) AlignedTable(List<List<Glyph>> lines)
    {
        var runs = lines.Select(SplitRuns).ToList();
        var first = runs.FindIndex(r => r.Count >= 2);
        var last = runs.FindLastIndex(r => r.Count >= 2);
        if (first < 0 || runs.Skip(first).Take(last - first + 1).Count(r => r.Count >= 2) < 3) return (null, [], []);

        var starts = new List<double>();
        for (var i = first; i <= last; i++)
            if (runs[i].Count >= 2)
                foreach (var run in runs[i]) starts.Add(run[0].Left);
        var columns = new List<double>();
        foreach (var x in starts.Order())
            if (columns.Count == 0 || x - columns[^1] > 8) columns.Add(x);

        int Column(double x)
        {
            var c = 0;
            for (var i = 0; i < columns.Count; i++)
                if (x >= columns[i] - 8) c = i;
            return c;
        }

        var rows = new List<List<Glyph>[]>();
        for (var i = first; i <= last; i++)
        {
            if (runs[i].Count >= 2 || rows.Count == 0)
            {
                var row = new List<Glyph>[columns.Count];
                for (var c = 0; c < row.Length; c++) row[c] = [];
                foreach (var run in runs[i]) row[Column(run[0].Left)].AddRange(run);
                rows.Add(row);
            }
            else
            {
                foreach (var run in runs[i]) rows[^1][Column(run[0].Left)].AddRange(run);
            }
        }
        var cells = rows.Select((row, r) => row.Select((g, c) => new PdfCell(PdfText.CellText(g), false, r, c)).ToArray()).ToList();
        var top = lines[first].Max(g => g.Top);
        var bottom = lines[last].Min(g => g.Bottom);
        PdfLine Line(List<Glyph> l) => new(l.Max(g => g.Top), l.Min(g => g.Bottom), Runs(l));
        return (new PdfTable(top, bottom, [.. columns], cells),
            lines.Take(first).Select(Line).ToList(),
            lines.Skip(last + 1).Select(Line).ToList());
    }
}
