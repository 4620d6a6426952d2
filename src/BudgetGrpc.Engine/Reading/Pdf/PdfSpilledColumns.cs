namespace BudgetGrpc.Engine.Reading;

/// <summary>One printed page's text layer and ruling lines, before its tables are rebuilt.</summary>
internal sealed record PdfPageContent(double Width, double Height, List<Glyph> Glyphs, List<Rule> Horizontal, List<Rule> Vertical);

/// <summary>
/// Stitches back the pages of a sheet printed wider than its paper. A spreadsheet printed without fit-to-width puts
/// the columns that do not fit on later pages: down, then over (Calc's and Excel's default: the left-hand columns of
/// all rows first, then the right-hand ones) or over, then down (left and right parts alternating). Such a page's
/// ruled table starts at the same left margin as an earlier page's, its row boundaries are that page's down to the same
/// last line (the same rows printed at the same heights: repeated title rows included), its columns are other ones,
/// and the earlier part
/// filled its page (the part's first column would not have fitted beside it). Its rules and glyphs are moved right by
/// the width of the parts before it and read as one page with them, so merged cells that the page edge cut, and text
/// the edge clipped, come together again; the later page's running header and footer and the text clipped at its
/// left edge (the rest of cells printed on the earlier page) are left out.
/// </summary>
internal static class PdfSpilledColumns
{
    private const double Tolerance = 2.0;
    private const double EdgeTolerance = 3.0;
    private const double MarginShare = 0.06;
    private const double RunningZone = 60;

    /// <summary>At least this many row boundaries of a part must be the earlier page's.</summary>
    private const int MinSharedRows = 3;

    /// <summary>The ruled area of a page: its outer edges, and its distinct row and column boundaries.</summary>
    private sealed record Frame(double Left, double Right, double Bottom, double Top, double[] Rows, double[] Columns)
    {
        /// <summary>The width of the part's first column (the whole part when it has one).</summary>
        public double FirstColumn => Columns.FirstOrDefault(x => x > Left + Tolerance, Right) - Left;
    }

    private sealed class Composite(PdfPageContent first, Frame? frame)
    {
        public readonly List<(PdfPageContent Page, Frame? Frame, double Shift)> Parts = [(first, frame, 0)];
    }

    /// <summary>The pages to read, in order: a page whose columns continue an earlier page's rows is joined to it.</summary>
    public static List<PdfPageContent> Stitch(List<PdfPageContent> pages)
    {
        var composites = new List<Composite>();
        foreach (var page in pages)
        {
            var frame = FrameOf(page);
            var host = frame is null ? null : composites.FirstOrDefault(c => Continues(c, page, frame));
            if (host is null)
            {
                composites.Add(new Composite(page, frame));
                continue;
            }
            var (_, lastFrame, lastShift) = host.Parts[^1];
            host.Parts.Add((page, frame, lastShift + lastFrame!.Right - frame!.Left));
        }
        return [.. composites.Select(Join)];
    }

    /// <summary>
    /// Whether a page's table is the next column part of a composite's rows: the same left margin and page height, row
    /// boundaries among the first part's, columns of its own, and a last part that left no room for its first column.
    /// </summary>
    private static bool Continues(Composite composite, PdfPageContent page, Frame frame)
    {
        var (firstPage, first, _) = composite.Parts[0];
        var (lastPage, last, _) = composite.Parts[^1];
        if (first is null || last is null) return false;
        if (Math.Abs(firstPage.Height - page.Height) > 1 || Math.Abs(first.Left - frame.Left) > EdgeTolerance) return false;
        // The columns of a part again are the next rows (or the next sheet), not more columns of these: with rows of
        // equal heights, the next band's left-hand part, printed after this band's right-hand one, is no third part.
        if (composite.Parts.Any(p => p.Frame is { } f && SameColumns(f, frame))) return false;
        // The printable width ends as far from the right edge as it starts from the left (office defaults).
        if (last.Right + frame.FirstColumn <= lastPage.Width - last.Left + Tolerance) return false;
        return SameRows(first, frame);
    }

    /// <summary>
    /// Whether a part's rows are printed where the first part's are: the same bottom, a top among its rows, nearly all its row
    /// boundaries the first part's, and at most half of the first part's boundaries left out (rows its own cells merge).
    /// </summary>
    private static bool SameRows(Frame first, Frame part)
    {
        bool In(double y, double[] rows) => rows.Any(r => Math.Abs(r - y) <= Tolerance);
        // The same rows end on the same line: forms of one template on pages of their own, rows as high as each other's,
        // share boundaries too, but each stops where its own last row does. (A part may start lower: its columns can
        // leave the title block's rows unruled.)
        if (Math.Abs(part.Bottom - first.Bottom) > Tolerance || !In(part.Top, first.Rows)) return false;
        var shared = part.Rows.Count(y => In(y, first.Rows));
        if (shared < MinSharedRows || shared * 5 < part.Rows.Length * 4) return false;
        var between = first.Rows.Where(y => y >= part.Bottom - Tolerance && y <= part.Top + Tolerance).ToList();
        return between.Count(y => !In(y, part.Rows)) * 2 <= between.Count;
    }

    private static bool SameColumns(Frame a, Frame b) =>
        Math.Abs(a.Right - b.Right) <= EdgeTolerance && Math.Abs(a.Left - b.Left) <= EdgeTolerance
        && (Within(a.Columns, b.Columns) || Within(b.Columns, a.Columns));

    private static bool Within(double[] part, double[] table) => part.All(x => table.Any(t => Math.Abs(t - x) <= EdgeTolerance));

    private static Frame? FrameOf(PdfPageContent page)
    {
        var h = PdfGeometry.Merge(page.Horizontal, Tolerance);
        var v = PdfGeometry.Merge(page.Vertical, Tolerance);
        if (h.Count < 2 || v.Count < 2) return null;
        var left = Math.Min(h.Min(r => r.From), v.Min(r => r.Position));
        var right = Math.Max(h.Max(r => r.To), v.Max(r => r.Position));
        var bottom = Math.Min(h.Min(r => r.Position), v.Min(r => r.From));
        var top = Math.Max(h.Max(r => r.Position), v.Max(r => r.To));
        return new Frame(left, right, bottom, top, Distinct(h.Select(r => r.Position)), Distinct(v.Select(r => r.Position)));
    }

    private static double[] Distinct(IEnumerable<double> positions)
    {
        var list = new List<double>();
        foreach (var p in positions.Order())
            if (list.Count == 0 || p - list[^1] > Tolerance) list.Add(p);
        return [.. list];
    }

    /// <summary>
    /// The parts as one page: each part's glyphs and rules between its frame's left and right edges, moved right by the
    /// parts before it. The first part keeps its text outside the frame (the title block, page furniture); a later
    /// part keeps only what is not its running header or footer.
    /// </summary>
    private static PdfPageContent Join(Composite composite)
    {
        if (composite.Parts.Count == 1) return composite.Parts[0].Page;
        var glyphs = new List<Glyph>();
        var horizontal = new List<Rule>();
        var vertical = new List<Rule>();
        var width = 0.0;
        for (var i = 0; i < composite.Parts.Count; i++)
        {
            var (page, frame, shift) = composite.Parts[i];
            var from = i == 0 ? double.NegativeInfinity : frame!.Left;
            var to = i == composite.Parts.Count - 1 ? double.PositiveInfinity : frame!.Right;
            var zone = Math.Max(page.Height * MarginShare, RunningZone);
            foreach (var g in page.Glyphs)
            {
                if (g.CenterX < from - 0.5 || g.CenterX > to + 0.5) continue;
                var inFrame = g.CenterY >= frame!.Bottom - Tolerance && g.CenterY <= frame.Top + Tolerance;
                if (i > 0 && !inFrame && (g.Top > page.Height - zone || g.Bottom < zone)) continue;
                glyphs.Add(g with { Left = g.Left + shift, Right = g.Right + shift });
            }
            foreach (var r in page.Horizontal)
            {
                var (a, b) = (Math.Max(r.From, from), Math.Min(r.To, to));
                if (b - a > Tolerance) horizontal.Add(new Rule(r.Position, a + shift, b + shift));
            }
            foreach (var r in page.Vertical)
                if (r.Position >= from - Tolerance && r.Position <= to + Tolerance) vertical.Add(r with { Position = r.Position + shift });
            width = Math.Max(width, page.Width + shift);
        }
        return new PdfPageContent(width, composite.Parts[0].Page.Height, glyphs, horizontal, vertical);
    }
}
