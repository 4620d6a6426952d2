using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Graphics;

namespace BudgetGrpc.Engine.Reading;

/// <summary>A horizontal (Position = y, span in x) or vertical (Position = x, span in y) ruling line.</summary>
internal readonly record struct Rule(double Position, double From, double To)
{
    public double Length => To - From;
}

/// <summary>One glyph of the text layer in page space (y grows upwards, as in PDF).</summary>
/// <param name="SpaceBefore">The text layer writes a space right before this glyph on its line.</param>
/// <param name="AfterWrappedSpace">The text layer writes a space right before this glyph at the end of the line above
/// (a line wrapped at a space).</param>
internal readonly record struct Glyph(string Text, double Left, double Right, double Bottom, double Top, double Baseline, double Size,
    bool SpaceBefore = false, bool AfterWrappedSpace = false)
{
    public double CenterX => (Left + Right) / 2;
    public double CenterY => (Bottom + Top) / 2;
}

/// <summary>Turns PdfPig's letters and paths into glyphs and ruling lines.</summary>
internal static class PdfGeometry
{
    /// <summary>A filled rectangle at most this thick (points) is a rule; thicker ones are cell shading.</summary>
    private const double MaxRuleThickness = 2.5;

    /// <summary>A stroked segment whose ends differ by at most this much across its direction is axis-aligned.</summary>
    private const double AxisTolerance = 1.0;

    /// <summary>Lines shorter than this (points) are no table rule (underlines of a character, ticks).</summary>
    private const double MinRuleLength = 4;

    public static List<Glyph> Glyphs(Page page)
    {
        var glyphs = new List<Glyph>(page.Letters.Count);
        // A space is no glyph of its own, but the next glyph keeps it: on its line, however narrow the gap, the words
        // it separates stay apart; at the start of the next line, the line was wrapped at that space.
        (double Baseline, double Left)? space = null;
        foreach (var letter in page.Letters)
        {
            if (string.IsNullOrWhiteSpace(letter.Value))
            {
                space = (letter.StartBaseLine.Y, letter.StartBaseLine.X);
                continue;
            }
            var box = letter.BoundingBox;
            // Glyph boxes of CJK fonts can be empty (no outline metrics); the baseline and point size still place them.
            var size = letter.PointSize > 0 ? letter.PointSize : Math.Max(1, box.Height);
            var left = Math.Min(letter.StartBaseLine.X, box.Left);
            var right = Math.Max(letter.EndBaseLine.X, box.Right);
            if (right - left < 0.1) right = left + size * 0.5;
            var baseline = letter.StartBaseLine.Y;
            var spaceBefore = space is { } sp && Math.Abs(sp.Baseline - baseline) <= size * 0.4 && left >= sp.Left - size * 0.1;
            var afterWrappedSpace = space is { } above && above.Baseline - baseline > size * 0.4 && above.Baseline - baseline < size * 2;
            space = null;
            glyphs.Add(new Glyph(letter.Value, left, right, baseline - size * 0.2, baseline + size * 0.8, baseline, size, spaceBefore, afterWrappedSpace));
        }
        return glyphs;
    }

    public static (List<Rule> Horizontal, List<Rule> Vertical) Rules(Page page)
    {
        var horizontal = new List<Rule>();
        var vertical = new List<Rule>();
        foreach (var path in page.Paths)
        {
            if (path.IsClipping && !path.IsStroked && !path.IsFilled) continue;
            foreach (var subpath in path)
            {
                if (path.IsFilled && subpath.GetBoundingRectangle() is { } box)
                {
                    if (box.Height <= MaxRuleThickness && box.Width >= MinRuleLength)
                        horizontal.Add(new Rule((box.Bottom + box.Top) / 2, box.Left, box.Right));
                    else if (box.Width <= MaxRuleThickness && box.Height >= MinRuleLength)
                        vertical.Add(new Rule((box.Left + box.Right) / 2, box.Bottom, box.Top));
                    if (!path.IsStroked) continue;
                }
                if (!path.IsStroked) continue;
                PdfPoint? start = null, current = null;
                foreach (var command in subpath.Commands)
                {
                    switch (command)
                    {
                        case PdfSubpath.Move move:
                            start = current = move.Location;
                            break;
                        case PdfSubpath.Line line:
                            AddSegment(line.From, line.To, horizontal, vertical);
                            current = line.To;
                            break;
                        case PdfSubpath.Close when start is { } s && current is { } c:
                            AddSegment(c, s, horizontal, vertical);
                            current = s;
                            break;
                        case PdfSubpath.BezierCurve curve:
                            current = curve.EndPoint;
                            break;
                    }
                }
            }
        }
        return (horizontal, vertical);
    }

    private static void AddSegment(PdfPoint from, PdfPoint to, List<Rule> horizontal, List<Rule> vertical)
    {
        var dx = Math.Abs(to.X - from.X);
        var dy = Math.Abs(to.Y - from.Y);
        if (dy <= AxisTolerance && dx >= MinRuleLength)
            horizontal.Add(new Rule((from.Y + to.Y) / 2, Math.Min(from.X, to.X), Math.Max(from.X, to.X)));
        else if (dx <= AxisTolerance && dy >= MinRuleLength)
            vertical.Add(new Rule((from.X + to.X) / 2, Math.Min(from.Y, to.Y), Math.Max(from.Y, to.Y)));
    }

    /// <summary>
    /// Collinear rules within <paramref name="tolerance"/> of each other merged into one, touching or overlapping
    /// pieces joined: double borders and rules drawn cell by cell become one line each.
    /// </summary>
    public static List<Rule> Merge(List<Rule> rules, double tolerance)
    {
        var sorted = rules.OrderBy(r => r.Position).ToList();
        var merged = new List<Rule>();
        var i = 0;
        while (i < sorted.Count)
        {
            // One band of rules at (nearly) the same position.
            var j = i;
            var sum = 0.0;
            while (j < sorted.Count && sorted[j].Position - sorted[i].Position <= tolerance)
            {
                sum += sorted[j].Position;
                j++;
            }
            var position = sum / (j - i);
            var band = sorted.GetRange(i, j - i).OrderBy(r => r.From).ToList();
            var from = band[0].From;
            var to = band[0].To;
            foreach (var rule in band.Skip(1))
            {
                if (rule.From <= to + tolerance) to = Math.Max(to, rule.To);
                else
                {
                    merged.Add(new Rule(position, from, to));
                    (from, to) = (rule.From, rule.To);
                }
            }
            merged.Add(new Rule(position, from, to));
            i = j;
        }
        return merged;
    }
}
