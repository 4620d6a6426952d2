using BudgetGrpc.Engine.Reading;
using Xunit;

namespace BudgetGrpc.Engine.Tests.Reading;

/// <summary>
/// PdfPageLayout on glyphs and rules placed by the test: frames at their size bounds, rules that touch at the tolerance,
/// glyphs on a frame's edges, across its rules and under a column left open, spans from rules that cover part of a
/// boundary, text-less rows, and tables read by column alignment.
/// </summary>
public class PdfPageLayoutTests
{
    /// <summary>A glyph of type size <paramref name="size"/>, 5 pt wide a character, from baseline − 0.2 size to + 0.8 size.</summary>
    private static Glyph G(string text, double left, double baseline, double size = 10, double? width = null) =>
        new(text, left, left + (width ?? 5 * text.Length), baseline - size * 0.2, baseline + size * 0.8, baseline, size);

    /// <summary>A glyph with its box given whole.</summary>
    private static Glyph Box(string text, double left, double right, double bottom, double top) =>
        new(text, left, right, bottom, top, bottom, 10);

    private static Rule H(double y, double x1, double x2) => new(y, x1, x2);
    private static Rule V(double x, double y1, double y2) => new(x, y1, y2);

    /// <summary>Every rule of a grid with these column and row boundaries.</summary>
    private static (List<Rule> H, List<Rule> V) Ruled(double[] xs, double[] ys) =>
        ([.. ys.Select(y => H(y, xs[0], xs[^1]))], [.. xs.Select(x => V(x, ys.Min(), ys.Max()))]);

    /// <summary>
    /// The page's items, one a line: lines as L top/bottom text; tables as T top/bottom [columns] and their rows, a
    /// continuation as ^row,column of its anchor, a cell whose anchor is not its own slot with @row,column.
    /// </summary>
    private static string Show(List<object> items) => string.Join("\n", items.Select(item => item switch
    {
        PdfLine l => $"L {l.Top:0.##}/{l.Bottom:0.##} {l.Text}",
        PdfTable t => $"T {t.Top:0.##}/{t.Bottom:0.##} [{string.Join(",", t.Columns.Select(x => x.ToString("0.##")))}] "
            + string.Join(" / ", t.Rows.Select((row, r) => string.Join("|", row.Select((c, k) =>
                c.Continuation ? $"^{c.AnchorRow},{c.AnchorColumn}"
                : c.AnchorRow == r && c.AnchorColumn == k ? c.Text : $"{c.Text}@{c.AnchorRow},{c.AnchorColumn}")))),
        _ => "?",
    }));

    private static string Read(List<Glyph> glyphs, (List<Rule> H, List<Rule> V) rules) => Show(PdfPageLayout.Read(glyphs, rules.H, rules.V));

    [Fact]
    public void A_ruled_table_sits_between_the_lines_above_and_below_it_in_page_order()
    {
        var rules = Ruled([100, 200, 300], [700, 680, 660]);
        List<Glyph> glyphs = [G("Foot", 100, 600), G("a", 105, 666), G("1", 205, 666), G("Name", 105, 686), G("Value", 205, 686), G("Title", 100, 750, 14)];
        Assert.Equal("L 761.2/747.2 Title\nT 700/660 [100,200,300] Name|Value / a|1\nL 608/598 Foot", Read(glyphs, rules));
    }

    [Theory]
    [InlineData(120.0, 692.0, "T 700/692 [100,120] x")]
    [InlineData(119.9, 692.0, "L 702/692 x")]
    [InlineData(120.0, 692.1, "L 702/692 x")]
    public void A_frame_narrower_than_20_points_or_lower_than_8_is_no_table(double right, double bottom, string expected)
    {
        Assert.Equal(expected, Read([G("x", 105, 694)], Ruled([100, right], [700, bottom])));
    }

    [Fact]
    public void Rules_with_one_horizontal_or_one_vertical_frame_nothing()
    {
        Assert.Equal("L 686/676 x", Read([G("x", 150, 678)], ([H(700, 100, 300)], [V(100, 650, 700), V(300, 650, 700)])));
        Assert.Equal("L 686/676 x", Read([G("x", 150, 678)], ([H(700, 100, 300), H(650, 100, 300)], [V(100, 650, 700)])));
    }

    [Theory]
    [InlineData(103.0, 300.0, 660.0, 700.0, true)]
    [InlineData(103.1, 300.0, 660.0, 700.0, false)]
    [InlineData(100.0, 297.0, 660.0, 700.0, true)]
    [InlineData(100.0, 296.9, 660.0, 700.0, false)]
    [InlineData(100.0, 300.0, 663.0, 700.0, true)]
    [InlineData(100.0, 300.0, 663.1, 700.0, false)]
    [InlineData(100.0, 300.0, 660.0, 697.0, true)]
    [InlineData(100.0, 300.0, 660.0, 696.9, false)]
    public void Rules_within_three_points_of_each_other_touch(double hFrom, double hTo, double vFrom, double vTo, bool table)
    {
        var shown = Read([G("x", 150, 676)],
            ([H(700, hFrom, hTo), H(660, hFrom, hTo)], [V(100, vFrom, vTo), V(300, vFrom, vTo)]));
        Assert.Equal(table ? "T 700/660 [100,300] x" : "L 684/674 x", shown);
    }

    [Fact]
    public void Two_tables_apart_are_read_apart_top_first()
    {
        var upper = Ruled([100, 200, 300], [700, 680]);
        var lower = Ruled([100, 200, 300], [600, 580]);
        var shown = Read([G("b", 105, 586), G("a", 105, 686)], ([.. lower.H, .. upper.H], [.. lower.V, .. upper.V]));
        Assert.Equal("T 700/680 [100,200,300] a|\nT 600/580 [100,200,300] b|", shown);
    }

    [Fact]
    public void Glyphs_centred_on_the_frames_edges_or_boundaries_are_inside()
    {
        // Centres exactly on the left and right frame rules, on an inner column boundary (the slot to its right) and
        // on the inner row boundary (the row under it); a small glyph centred on the bottom rule, too small to cross it.
        var rules = Ruled([100, 200, 300], [700, 680, 660]);
        List<Glyph> glyphs =
        [
            G("l", 97.5, 688), G("r", 297.5, 688), G("m", 197.5, 688),
            Box("y", 140, 145, 679.5, 680.5), Box("z", 140, 145, 659.5, 660.5),
        ];
        // y and z stop far short of the cell's edge: lines of their own.
        Assert.Equal("T 700/660 [100,200,300] l|m r / y\nz|", Read(glyphs, rules));
    }

    [Theory]
    [InlineData(655.0, 661.1, true)]
    [InlineData(655.0, 661.0, false)]
    public void A_glyph_across_the_bottom_rule_by_a_point_on_each_side_is_the_tables(double bottom, double top, bool inTable)
    {
        // The glyph's centre lies under the frame: only a box reaching more than a point
        // past the rule on both sides counts as drawn across it when the centre is outside.
        var rules = Ruled([100, 200, 300], [700, 660]);
        var shown = Read([Box("x", 105, 110, bottom, top)], rules);
        if (inTable) Assert.Equal("T 700/660 [100,200,300] x|", shown);
        else Assert.StartsWith("L ", shown.Split('\n')[^1]);
    }

    [Fact]
    public void A_glyph_across_the_top_rule_is_the_tables()
    {
        var rules = Ruled([100, 200, 300], [700, 660]);
        Assert.Equal("T 700/660 [100,200,300] x|", Read([Box("x", 105, 110, 698.9, 710)], rules));
        Assert.StartsWith("L ", Read([Box("x", 105, 110, 699, 710)], rules));
    }

    /// <summary>A two-row table whose bottom rule leaves the left column (100–200) open.</summary>
    private static (List<Rule> H, List<Rule> V) OpenAtTheBottom() =>
        ([H(700, 100, 300), H(680, 100, 300), H(660, 200, 300)], [V(100, 660, 700), V(200, 660, 700), V(300, 660, 700)]);

    [Theory]
    [InlineData(105.0, 130.0, true)] // under the open column
    [InlineData(98.0, 120.0, true)] // its left edge two points past the frame
    [InlineData(97.9, 120.0, false)]
    [InlineData(180.0, 202.0, true)] // its right edge two points past the rule's start
    [InlineData(180.0, 202.1, false)]
    [InlineData(196.0, 201.0, false)] // centred within two points of the rule: under the rule
    [InlineData(205.0, 230.0, false)] // under the ruled column
    public void Text_under_a_column_the_bottom_rule_leaves_open_is_the_columns(double left, double right, bool inTable)
    {
        var shown = Read([Box("Label", left, right, 620, 630), G("Name", 105, 686)], OpenAtTheBottom());
        Assert.Equal(inTable ? "T 700/660 [100,200,300] Name| / Label|" : "T 700/660 [100,200,300] Name|\nL 630/620 Label", shown);
    }

    [Fact]
    public void Text_touching_the_open_bottom_from_below_is_not_beyond_it()
    {
        // A glyph whose top is the frame's bottom edge: below it but not past it; a line of its own.
        var shown = Read([Box("Label", 105, 130, 650, 660), G("Name", 105, 686)], OpenAtTheBottom());
        Assert.Equal("T 700/660 [100,200,300] Name|\nL 660/650 Label", shown);
    }

    [Fact]
    public void Text_over_a_column_the_top_rule_leaves_open_is_the_columns()
    {
        (List<Rule>, List<Rule>) rules = ([H(700, 200, 300), H(680, 100, 300), H(660, 100, 300)], [V(100, 660, 700), V(200, 660, 700), V(300, 660, 700)]);
        Assert.Equal("T 700/660 [100,200,300] Label| / a|", Read([Box("Label", 105, 130, 720, 730), G("a", 105, 666)], rules));
        // Its bottom on the frame's top: a line.
        Assert.Equal("L 730/700 Label\nT 700/660 [100,200,300] a|", Read([Box("Label", 105, 130, 700, 730), G("a", 105, 666)], rules));
    }

    [Theory]
    [InlineData(692.0, "A|B / c|d")]
    [InlineData(691.9, "A B|^0,0 / c|d")]
    public void A_rule_along_six_tenths_of_a_boundary_separates_its_slots(double ruleTop, string rows)
    {
        // The inner vertical rule covers row 2 whole and 12 of row 1's 20 points (or a tenth less).
        (List<Rule>, List<Rule>) rules = ([H(700, 100, 300), H(680, 100, 300), H(660, 100, 300)],
            [V(100, 660, 700), V(300, 660, 700), V(200, 660, 680), V(200, 680, ruleTop)]);
        var shown = Read([G("A", 105, 686), G("B", 205, 686), G("c", 105, 666), G("d", 205, 666)], rules);
        Assert.Equal($"T 700/660 [100,200,300] {rows}", shown);
    }

    [Fact]
    public void A_slot_merged_down_and_across_keeps_its_text_in_the_top_left_slot()
    {
        // Rows 1–2 of columns 1–2 form one region (no rule between them either way); its text is read from both slots.
        (List<Rule>, List<Rule>) rules = ([H(720, 100, 400), H(700, 300, 400), H(680, 100, 400), H(660, 100, 400)],
            [V(100, 660, 720), V(200, 660, 680), V(300, 660, 720), V(400, 660, 720)]);
        var shown = Read([G("big", 105, 706), G("cell", 205, 686), G("x", 305, 706), G("y", 305, 686), G("p", 105, 666), G("q", 205, 666), G("r", 305, 666)], rules);
        Assert.Equal("T 720/660 [100,200,300,400] big\ncell|^0,0|x / ^0,0|^0,0|y / p|q|r", shown); // "big" ends far short of the region's edge
    }

    [Fact]
    public void Rows_without_text_are_left_out_and_anchors_count_the_rows_kept()
    {
        var rules = Ruled([100, 200, 300], [720, 700, 680, 660]);
        var shown = Read([G("H1", 105, 706), G("H2", 205, 706), G("a", 105, 666), G("b", 205, 666)], rules);
        Assert.Equal("T 720/660 [100,200,300] H1|H2 / a|b", shown);
    }

    [Fact]
    public void An_empty_region_that_starts_on_a_row_left_out_starts_on_the_next_row_kept()
    {
        // Columns 1–2 of rows 2–3 are one empty region; row 2 has no text, so the region opens row 3 of the table
        // (its second row kept): empty there, its right slot a continuation of it.
        (List<Rule>, List<Rule>) rules = ([H(720, 100, 400), H(700, 100, 400), H(680, 300, 400), H(660, 100, 400)],
            [V(100, 660, 720), V(200, 700, 720), V(300, 660, 720), V(400, 660, 720)]);
        var shown = Read([G("H1", 105, 706), G("H2", 205, 706), G("H3", 305, 706), G("c", 305, 666)], rules);
        Assert.Equal("T 720/660 [100,200,300,400] H1|H2|H3 / |^1,0|c", shown);
    }

    [Theory]
    [InlineData(98.0, "T 700/680 [98,200,300] a|b")]
    [InlineData(97.9, "T 700/680 [97.9,100,200,300] |a|b")]
    public void A_frame_edge_within_two_points_of_a_rule_is_that_boundary(double from, string expected)
    {
        // The horizontal rules start left of the left vertical rule: within two points, the frame's edge and the rule
        // are one boundary; further, a sliver of a column of its own.
        var shown = Read([G("a", 105, 686), G("b", 215, 686)],
            ([H(700, from, 300), H(680, from, 300)], [V(100, 680, 700), V(200, 680, 700), V(300, 680, 700)]));
        Assert.Equal(expected, shown);
    }

    [Fact]
    public void A_table_without_rules_is_read_from_three_lines_of_two_runs_or_more()
    {
        List<Glyph> Row(string a, string b, double y) => [G(a, 100, y), G(b, 200, y)];
        List<Glyph> glyphs = [G("Unit: yuan", 100, 760), .. Row("Name", "Value", 720), .. Row("a", "1", 700), G("wrapped", 100, 690),
            .. Row("b", "2", 680), G("Note", 100, 640)];
        Assert.Equal("L 768/758 Unit: yuan\nT 728/678 [100,200] Name|Value / a wrapped|1 / b|2\nL 648/638 Note", Read(glyphs, ([], [])));
        // Two such lines are text.
        Assert.Equal("L 728/718 Name Value\nL 708/698 a 1", Read([.. Row("Name", "Value", 720), .. Row("a", "1", 700)], ([], [])));
    }

    [Theory]
    [InlineData(10.0, 12.0, false)]
    [InlineData(10.0, 12.1, true)]
    [InlineData(4.0, 6.0, false)] // six points at least, however small the type
    [InlineData(4.0, 6.1, true)]
    public void Runs_are_parted_by_more_than_six_points_or_one_and_a_fifth_of_the_type_size(double size, double gap, bool apart)
    {
        List<Glyph> Row(double y) => [G("a", 100, y, size, 5), G("b", 105 + gap, y, size, 5)];
        var shown = Read([.. Row(700), .. Row(680), .. Row(660)], ([], []));
        Assert.Equal(apart, shown.StartsWith("T "));
    }

    [Fact]
    public void Run_starts_within_eight_points_are_one_column()
    {
        List<Glyph> Row(double second, double y) => [G("a", 100, y), G("b", second, y)];
        Assert.Equal("T 708/658 [100,200] a|b / a|b / a|b", Read([.. Row(200, 700), .. Row(208, 680), .. Row(204, 660)], ([], [])));
        Assert.Equal("T 708/658 [100,200,208.1] a|b| / a||b / a|b|", Read([.. Row(200, 700), .. Row(208.1, 680), .. Row(200, 660)], ([], [])));
    }

    [Theory]
    [InlineData(292.0, "a|b|c wrap")]
    [InlineData(291.9, "a|b wrap|c")]
    public void A_line_of_one_run_in_the_block_continues_the_cell_of_its_column_from_eight_points_left_of_it(double x, string first)
    {
        List<Glyph> Row(double y) => [G("a", 100, y), G("b", 200, y), G("c", 300, y)];
        var shown = Read([.. Row(700), G("wrap", x, 690), .. Row(680), .. Row(660)], ([], []));
        Assert.Equal($"T 708/658 [100,200,300] {first} / a|b|c / a|b|c", shown);
    }

    [Fact]
    public void A_page_with_a_ruled_table_reads_aligned_lines_as_text()
    {
        List<Glyph> Row(double y) => [G("a", 100, y), G("b", 200, y)];
        var shown = Read([G("t", 105, 786), .. Row(700), .. Row(680), .. Row(660)], Ruled([100, 200], [800, 780]));
        Assert.Equal("T 800/780 [100,200] t\nL 708/698 a b\nL 688/678 a b\nL 668/658 a b", shown);
    }

    [Fact]
    public void A_lines_top_and_bottom_are_its_highest_and_lowest_glyphs()
    {
        Assert.Equal("L 716/696 a b c", Read([G("a", 100, 700), G("b", 111, 700, 20), G("c", 130, 698)], ([], [])));
    }
}
