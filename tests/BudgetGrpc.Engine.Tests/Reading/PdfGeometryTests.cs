using BudgetGrpc.Engine.Reading;
using UglyToad.PdfPig;
using Xunit;

namespace BudgetGrpc.Engine.Tests.Reading;

/// <summary>
/// PdfGeometry on pages whose content stream the test writes: stroked and filled rules at their thickness and length
/// bounds, paths closed after a curve, spaces kept by the glyph after them, and rules merged into lines.
/// </summary>
public class PdfGeometryTests
{
    private static byte[] Pdf(string content) => SyntheticPdf.Raw(
        SyntheticPdf.Ascii("<< /Type /Catalog /Pages 2 0 R >>"),
        SyntheticPdf.Ascii("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
        SyntheticPdf.Ascii("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>"),
        SyntheticPdf.FlateStream(SyntheticPdf.Ascii(content)),
        SyntheticPdf.Ascii("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"));

    private static string Rules(string content)
    {
        using var document = PdfDocument.Open(Pdf(content));
        var (horizontal, vertical) = PdfGeometry.Rules(document.GetPage(1));
        static string Show(List<Rule> rules) => string.Join(" ", rules.Select(r => $"{r.Position:0.##}:{r.From:0.##}-{r.To:0.##}"));
        return $"H[{Show(horizontal)}] V[{Show(vertical)}]";
    }

    private static List<Glyph> Glyphs(string content)
    {
        using var document = PdfDocument.Open(Pdf(content));
        return PdfGeometry.Glyphs(document.GetPage(1));
    }

    [Theory]
    [InlineData("100 700 m 300 700 l S", "H[700:100-300] V[]")]
    [InlineData("300 700 m 100 700 l S", "H[700:100-300] V[]")]
    [InlineData("100 700 m 300 701 l S", "H[700.5:100-300] V[]")]
    [InlineData("100 700 m 300 701.5 l S", "H[] V[]")]
    [InlineData("100 700 m 104 700 l S", "H[700:100-104] V[]")]
    [InlineData("100 700 m 103.9 700 l S", "H[] V[]")]
    [InlineData("100 700 m 100.5 600 l S", "H[] V[100.25:600-700]")]
    [InlineData("100 600 m 101 700 l S", "H[] V[100.5:600-700]")]
    [InlineData("100 600 m 101.5 700 l S", "H[] V[]")]
    [InlineData("100 600 m 100 604 l S", "H[] V[100:600-604]")]
    [InlineData("100 600 m 100 603.9 l S", "H[] V[]")]
    public void A_stroked_segment_is_a_rule_when_axis_aligned_within_a_point_and_four_points_long(string content, string rules)
    {
        Assert.Equal(rules, Rules(content));
    }

    [Fact]
    public void A_closed_path_is_closed_from_where_the_last_line_or_curve_ended()
    {
        Assert.Equal("H[600:100-200 700:100-200] V[200:600-700 100:600-700]",
            Rules("100 600 m 200 600 l 200 700 l 100 700 l h S"));
        Assert.Equal("H[600:100-300] V[100:600-700]", Rules("100 600 m 100 700 l 200 700 200 600 300 600 c h S"));
        Assert.Equal("H[] V[]", Rules("100 600 m 150 650 200 650 300 600 c S"));
    }

    [Theory]
    [InlineData("100 500 200 2 re f", "H[501:100-300] V[]")]
    [InlineData("100 500 200 2.5 re f", "H[501.25:100-300] V[]")]
    [InlineData("100 500 200 2.6 re f", "H[] V[]")]
    [InlineData("100 500 4 2 re f", "H[501:100-104] V[]")]
    [InlineData("100 500 3.9 2 re f", "H[] V[]")]
    [InlineData("100 400 2 100 re f", "H[] V[101:400-500]")]
    [InlineData("100 400 2.5 100 re f", "H[] V[101.25:400-500]")]
    [InlineData("100 400 2.6 100 re f", "H[] V[]")]
    [InlineData("100 400 2 4 re f", "H[] V[101:400-404]")]
    [InlineData("100 400 2 3.9 re f", "H[] V[]")]
    [InlineData("100 400 200 100 re f", "H[] V[]")]
    public void A_filled_rectangle_is_a_rule_when_at_most_two_and_a_half_points_thick_and_four_long(string content, string rules)
    {
        Assert.Equal(rules, Rules(content));
    }

    [Fact]
    public void A_filled_and_stroked_rectangle_gives_its_fill_and_its_sides()
    {
        Assert.Equal("H[501:100-300 500:100-300 502:100-300] V[]", Rules("100 500 200 2 re B"));
        Assert.Equal("H[500:100-300 600:100-300] V[300:500-600 100:500-600]", Rules("100 500 200 100 re B"));
    }

    [Fact]
    public void Glyphs_stand_on_their_baseline_and_keep_a_written_space_on_their_line()
    {
        var glyphs = Glyphs("BT /F1 10 Tf 100 700 Td (ab cd) Tj ET");
        Assert.Equal("abcd", string.Concat(glyphs.Select(g => g.Text)));
        Assert.Equal(new[] { false, false, true, false }, glyphs.Select(g => g.SpaceBefore));
        Assert.All(glyphs, g => Assert.False(g.AfterWrappedSpace));
        Assert.All(glyphs, g => Assert.Equal((700.0, 698.0, 708.0, 10.0), (g.Baseline, g.Bottom, g.Top, g.Size)));
        Assert.Equal(100, glyphs[0].Left, 3);
        Assert.Equal(105.56, glyphs[0].Right, 2);
        Assert.Equal(105.56, glyphs[1].Left, 2);
    }

    [Theory]
    // The space ends "ab " at 111.12; the glyph after it on another line.
    [InlineData(688, 100, false, true)]
    [InlineData(680.1, 100, false, true)]
    [InlineData(680, 100, false, false)]
    [InlineData(695.9, 100, false, true)]
    [InlineData(696, 100, false, false)]
    [InlineData(696, 120, true, false)]
    [InlineData(700, 110.2, true, false)]
    [InlineData(700, 110, false, false)]
    [InlineData(704, 120, true, false)]
    [InlineData(704.1, 120, false, false)]
    [InlineData(712, 100, false, false)]
    public void A_space_before_a_glyph_is_on_its_line_or_at_the_end_of_the_line_above(double baseline, double x, bool spaceBefore, bool wrapped)
    {
        var glyphs = Glyphs($"BT /F1 10 Tf 100 700 Td (ab ) Tj ET BT /F1 10 Tf {x} {baseline} Td (c) Tj ET");
        Assert.Equal("abc", string.Concat(glyphs.Select(g => g.Text)));
        Assert.Equal((spaceBefore, wrapped), (glyphs[2].SpaceBefore, glyphs[2].AfterWrappedSpace));
        Assert.Equal((false, false), (glyphs[0].SpaceBefore, glyphs[0].AfterWrappedSpace));
    }

    [Theory]
    [InlineData(99.0, true)] // a tenth of the type size left of where the space starts
    [InlineData(98.9, false)]
    public void A_glyph_from_a_tenth_of_its_size_left_of_a_written_space_keeps_it(double x, bool spaceBefore)
    {
        var glyph = Assert.Single(Glyphs($"BT /F1 10 Tf 100 700 Td ( ) Tj ET BT /F1 10 Tf {x} 700 Td (c) Tj ET"));
        Assert.Equal(spaceBefore, glyph.SpaceBefore);
    }

    [Fact]
    public void A_glyph_of_no_point_size_is_a_point_high_and_half_a_point_wide()
    {
        // Type set at size 0 has an empty box: the glyph still gets a point of height (at least) and half its size of width.
        var glyph = Assert.Single(Glyphs("BT /F1 0 Tf 100 700 Td (c) Tj ET"));
        Assert.Equal(1.0, glyph.Size);
        Assert.Equal(699.8, glyph.Bottom, 6);
        Assert.Equal(700.8, glyph.Top, 6);
        Assert.Equal(0.5, glyph.Right - glyph.Left, 6);
    }

    [Theory]
    [InlineData("100 700 m 300 700 l W n", "H[] V[]")] // a clipping path only
    [InlineData("100 700 m 300 700 l n", "H[] V[]")] // a path not painted
    [InlineData("100 700 m 300 700 l W S", "H[700:100-300] V[]")] // a clipping path that is stroked too
    [InlineData("100 500 200 2 re W f", "H[501:100-300] V[]")] // or filled
    public void Only_painted_paths_give_rules_clipping_ones_too(string content, string rules)
    {
        Assert.Equal(rules, Rules(content));
    }

    [Fact]
    public void A_space_counts_only_for_the_glyph_right_after_it()
    {
        var glyphs = Glyphs("BT /F1 10 Tf 100 700 Td (a bc) Tj ET");
        Assert.Equal(new[] { false, true, false }, glyphs.Select(g => g.SpaceBefore));
    }

    private static string Merged(List<Rule> rules, double tolerance) =>
        string.Join(" ", PdfGeometry.Merge(rules, tolerance).Select(r => $"{r.Position:0.##}:{r.From:0.##}-{r.To:0.##}"));

    [Fact]
    public void Rules_within_the_tolerance_of_a_bands_first_rule_merge_at_their_mean_position()
    {
        Assert.Equal("", Merged([], 1));
        Assert.Equal("100.5:0-30", Merged([new(101, 20, 30), new(100, 0, 10), new(100.5, 10, 20)], 1));
        Assert.Equal("100.5:0-10", Merged([new(100, 0, 10), new(101, 0, 10)], 1));
        Assert.Equal("100:0-10 101.1:0-10", Merged([new(100, 0, 10), new(101.1, 0, 10)], 1));
        // Measured from the band's first rule, not from the rule before.
        Assert.Equal("100.4:0-10 101.6:0-10", Merged([new(100, 0, 10), new(100.8, 0, 10), new(101.6, 0, 10)], 1));
        Assert.Equal("100:0-10 200:0-10 300:5-6", Merged([new(300, 5, 6), new(200, 0, 10), new(100, 0, 10)], 1));
    }

    [Fact]
    public void Pieces_of_a_band_join_when_they_touch_within_the_tolerance_and_stay_apart_past_it()
    {
        Assert.Equal("100:0-20", Merged([new(100, 11, 20), new(100, 0, 10)], 1));
        Assert.Equal("100:0-10 100:11.5-20", Merged([new(100, 11.5, 20), new(100, 0, 10)], 1));
        Assert.Equal("100:0-20", Merged([new(100, 5, 10), new(100, 0, 20)], 1));
        Assert.Equal("100:0-10 100:20-30 100:40-50", Merged([new(100, 40, 50), new(100, 0, 10), new(100, 20, 30)], 1));
        Assert.Equal("100:0-10 100:20-35", Merged([new(100, 20, 30), new(100, 0, 10), new(100, 25, 35)], 1));
    }
}
