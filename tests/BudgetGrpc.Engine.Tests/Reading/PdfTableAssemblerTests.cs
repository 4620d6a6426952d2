using BudgetGrpc.Engine.Reading;
using Xunit;
using static BudgetGrpc.Engine.Tests.Reading.ReadingFixtures;

namespace BudgetGrpc.Engine.Tests.Reading;

/// <summary>
/// PdfTableAssembler on pages of tables and lines written by the test (pages 1,000 points high): the document title,
/// running headers and page numbers, the preamble's bound, tables going on across pages and blank strips, repeated
/// headers, rows cut by a page break and the cells that tell them from the next row, column boundaries joined.
/// </summary>
public class PdfTableAssemblerTests
{
    private static readonly double[] Cols = [100, 200, 300];

    private static PdfCell[] Row(int row, params string[] texts) => [.. texts.Select((t, c) => new PdfCell(t, false, row, c))];

    /// <summary>A table of rows written as cell texts split by '|'; a cell "^" continues the region of the slot above it.</summary>
    private static PdfTable Table(double top, double bottom, double[] columns, params string[] rows)
    {
        var cells = new List<PdfCell[]>();
        for (var r = 0; r < rows.Length; r++)
        {
            var texts = rows[r].Split('|');
            cells.Add([.. texts.Select((t, c) => t == "^" ? cells[r - 1][c] with { Continuation = true } : new PdfCell(t, false, r, c))]);
        }
        return new PdfTable(top, bottom, columns, cells);
    }

    private static PdfLine Line(string text, double top = 920) => new(top, top - 10, text);

    private static List<CellGrid> Assemble(string? title, EngineLimits? limits, params List<object>[] pages)
    {
        var assembler = new PdfTableAssembler(new ReadContext("t.pdf", limits ?? new EngineLimits()));
        for (var i = 0; i < pages.Length; i++) assembler.AddPage(i + 1, 1000, pages[i]);
        return assembler.Finish(title);
    }

    private static List<CellGrid> Assemble(params List<object>[] pages) => Assemble(null, null, pages);

    /// <summary>Each grid's name, preamble and rows.</summary>
    private static string Show(List<CellGrid> grids) =>
        string.Join("", grids.Select(g => $"{g.Name} [{string.Join("/", g.Preamble)}]\n{Dump(g)}"));

    [Theory]
    [InlineData("2026年示例表", "", "2026年示例表")]
    [InlineData("  2026年示例表 ", "", "2026年示例表")]
    [InlineData("2026年示例表", "2026年 示例表", "2026年 示例表")]
    [InlineData("2026年示例表", "2026年/示例表", "2026年示例表/2026年/示例表")]
    [InlineData("Name", "", "")]
    [InlineData("示例", "", "示例")]
    [InlineData("\u4e00", "", "\u4e00")]
    [InlineData("\u9fff", "", "\u9fff")]
    [InlineData("\u4dff", "", "")]
    [InlineData("\ua000", "", "")]
    [InlineData("   ", "", "")]
    [InlineData(null, "", "")]
    public void The_title_opens_the_preamble_unless_the_first_page_prints_it(string? title, string lines, string preamble)
    {
        List<object> page = [.. lines.Split('/', StringSplitOptions.RemoveEmptyEntries).Select((l, i) => (object)Line(l, 920 - 12 * i)),
            Table(800, 700, Cols, "Name|Value", "a|1")];
        var grid = Assert.Single(Assemble(title, null, page));
        Assert.Equal(preamble, string.Join("/", grid.Preamble));
    }

    [Fact]
    public void A_title_printed_in_a_cell_of_the_first_page_is_not_added()
    {
        var grid = Assert.Single(Assemble("项目表", null, [Table(800, 700, Cols, "项目 表|Value", "a|1")]));
        Assert.Empty(grid.Preamble);
        // Only the first page counts.
        grid = Assemble("项目表", null, [Table(800, 700, Cols, "Name|Value")], [Line("x"), Table(800, 700, Cols, "项目表|1")])[0];
        Assert.Equal(["项目表"], grid.Preamble);
    }

    [Fact]
    public void No_pages_give_no_grids_whatever_the_title()
    {
        Assert.Empty(Assemble("项目表", null));
    }

    [Fact]
    public void Margin_lines_on_two_pages_are_dropped_and_others_kept()
    {
        List<object> Page(int n, bool once) =>
        [
            Line($"County bureau {n}", 995), // running header: digits aside, the same on both pages
            .. once ? new object[] { Line("Only once", 990), Line("Twice here", 985), Line("Twice here", 975) } : [],
            Line("Heading"),
            Table(800, 700, Cols, $"r{n}|x"),
            Line($"Printed 2026-01-0{n}", 50),
        ];
        var shown = Show(Assemble(Page(1, true), Page(2, false)));
        Assert.Equal("table 1 [Only once/Twice here/Twice here/Heading]\n1:|r1|x\ntable 2 [Heading]\n1:|r2|x\n", shown);
    }

    [Theory]
    [InlineData(950.0, false)] // its bottom at 940, 94 % of the page: not in the margin
    [InlineData(950.1, true)]
    [InlineData(60.0, false)] // its top at 6 % of the page
    [InlineData(59.9, true)]
    public void The_margins_are_the_pages_top_and_bottom_six_hundredths(double top, bool dropped)
    {
        // The line is on both pages, within the running-header zone (where it never parts the table from its rest on
        // page 2): dropped where the whole line lies in a margin, else kept in the table's preamble like any line.
        List<object> Page(string cell) => [Line("Running", top), Table(800, 700, Cols, cell), Line("Running", top)];
        var grid = Assert.Single(Assemble(Page("a|1"), Page("b|2")));
        Assert.Equal(dropped ? [] : ["Running"], grid.Preamble);
    }

    [Theory]
    [InlineData("3")]
    [InlineData(" 7 ")]
    [InlineData("- 3 -")]
    [InlineData("—3—")]
    [InlineData("3 / 12")]
    [InlineData("第 3 页")]
    [InlineData("第3页，共12页")]
    [InlineData("第3页/共12页")]
    [InlineData("Page 3")]
    [InlineData("page 3 of 12")]
    public void Page_numbers_are_dropped(string line)
    {
        Assert.Empty(Assert.Single(Assemble([Line(line), Table(800, 700, Cols, "a|1")])).Preamble);
    }

    [Theory]
    [InlineData("第3页说明")]
    [InlineData("3a")]
    [InlineData("Page")]
    [InlineData("共3页")]
    [InlineData("2026年")]
    public void Lines_that_only_hold_a_number_are_kept(string line)
    {
        Assert.Equal([line], Assert.Single(Assemble([Line(line), Table(800, 700, Cols, "a|1")])).Preamble);
    }

    [Fact]
    public void The_preamble_keeps_the_last_twenty_lines()
    {
        List<object> page = [.. Enumerable.Range(1, 21).Select(i => (object)Line($"l{i}", 920 - 10 * i)), Table(600, 500, Cols, "a|1")];
        Assert.Equal(Enumerable.Range(2, 20).Select(i => $"l{i}"), Assert.Single(Assemble(page)).Preamble);
    }

    [Fact]
    public void Long_texts_are_cut_to_the_cell_limit()
    {
        var limits = new EngineLimits { MaxCellChars = 5 };
        var grid = Assert.Single(Assemble("项目绩效目标表", limits, [Line("Heading line"), Table(800, 700, Cols, "abcdefgh|1")]));
        Assert.Equal(["项目绩效目", "Headi"], grid.Preamble);
        Assert.Equal("1:|abcde|1\n", Dump(grid));
    }

    [Fact]
    public void A_table_opening_the_next_page_goes_on_and_one_a_page_later_does_not()
    {
        Assert.Equal("table 1 []\n1:|a|1\n2:|b|2\n", Show(Assemble([Table(800, 700, Cols, "a|1")], [Table(950, 900, Cols, "b|2")])));
        Assert.Equal("table 1 []\n1:|a|1\ntable 2 []\n1:|b|2\n", Show(Assemble([Table(800, 700, Cols, "a|1")], [], [Table(950, 900, Cols, "b|2")])));
    }

    [Fact]
    public void Only_the_first_table_of_a_page_continues_the_last_page()
    {
        // The second table on page 2 stands 30 points under the first: no blank strip, and not the page's first table.
        var shown = Show(Assemble([Table(800, 700, Cols, "a|1")], [Table(950, 900, Cols, "b|2"), Table(870, 800, Cols, "c|3")]));
        Assert.Equal("table 1 []\n1:|a|1\n2:|b|2\ntable 2 []\n1:|c|3\n", shown);
    }

    [Theory]
    [InlineData(20.0, true)]
    [InlineData(20.1, false)]
    [InlineData(-3.0, true)] // overlapping by three points
    [InlineData(-3.1, false)]
    public void A_table_under_another_past_a_strip_of_up_to_twenty_points_goes_on(double gap, bool joined)
    {
        var grids = Assemble([Table(800, 700, Cols, "a|1"), Table(700 - gap, 600, Cols, "b|2")]);
        Assert.Equal(joined ? 1 : 2, grids.Count);
    }

    [Fact]
    public void A_text_line_between_two_tables_parts_them()
    {
        var shown = Show(Assemble([Table(800, 700, Cols, "a|1")], [Line("Note"), Table(900, 800, Cols, "b|2")]));
        Assert.Equal("table 1 []\n1:|a|1\ntable 2 [Note]\n1:|b|2\n", shown);
        shown = Show(Assemble([Table(800, 700, Cols, "a|1"), Line("Note", 695), Table(690, 600, Cols, "b|2")]));
        Assert.Equal("table 1 []\n1:|a|1\ntable 2 [Note]\n1:|b|2\n", shown);
    }

    [Theory]
    [InlineData("H1|H2|H3|a", "H1|H2|H3|b", "H1|H2|H3|a|b")]
    [InlineData("H1|H2|H3|H4|a", "H1|H2|H3|H4|b", "H1|H2|H3|H4|a|H4|b")] // three rows at most
    [InlineData("H1|a", "H1|b", "H1|a|b")]
    [InlineData("H1|H2|a", "H1|X|b", "H1|H2|a|X|b")]
    [InlineData("H1|a", "X|b", "H1|a|X|b")]
    public void A_header_repeated_on_the_next_page_is_dropped(string table, string part, string rows)
    {
        // One-column tables: each row one cell.
        double[] one = [100, 300];
        var grid = Assert.Single(Assemble([Table(800, 700, one, table.Split('|'))], [Table(950, 900, one, part.Split('|'))]));
        Assert.Equal(rows, string.Join("|", Enumerable.Range(0, grid.RowCount).Select(r => grid[r, 0])));
    }

    [Fact]
    public void A_repeated_row_without_text_is_no_header()
    {
        var grid = Assert.Single(Assemble([Table(800, 700, Cols, "|", "a|1")], [Table(950, 900, Cols, "|", "b|2")]));
        Assert.Equal("1:||\n2:|a|1\n3:||\n4:|b|2\n", Dump(grid));
    }

    [Theory]
    [InlineData("123456", false)]
    [InlineData(" 123456 ", false)]
    [InlineData("1234567", true)] // seven characters: words, not a figure
    [InlineData("≥34", false)]
    [InlineData("≤3", false)]
    [InlineData("<3", false)]
    [InlineData(">3", false)]
    [InlineData("=3", false)]
    [InlineData("＝3", false)]
    [InlineData("＞3", false)]
    [InlineData("＜3", false)]
    [InlineData("≧3", false)]
    [InlineData("≦=3", false)]
    [InlineData("≥", true)]
    [InlineData("x3", true)]
    public void Figures_under_figures_in_two_columns_are_the_next_row(string weight, bool joined)
    {
        // 5 under 12 and 6 under the weight: the next row when the weight is a figure (a short cell starting with a
        // digit, or signs before one), else the wrapped rest of the row above.
        double[] columns = [100, 160, 220, 280, 340, 400, 460];
        var grids = Assemble([Table(800, 700, columns, "Name|Code|Unit|Kind|Value|Weight", $"a|b|c|d|12|{weight}")],
            [Table(950, 900, columns, "||||5|6")]);
        var grid = Assert.Single(grids);
        Assert.Equal(joined ? 2 : 3, grid.RowCount);
        if (joined) Assert.Equal("125", grid[1, 4]);
    }

    [Theory]
    [InlineData(">=90%", "fit|", true)]
    [InlineData(">=90%", "fit|x", false)] // words where the row above has its figure
    [InlineData(">=90%", "5|", false)] // a figure of its own
    [InlineData("high", "fit|", false)] // no figure above
    [InlineData("high", "|", true)] // text in half the columns that have text above
    public void A_rest_with_text_in_most_columns_joins_when_it_leaves_the_figures_above_whole(string above, string rest, bool joined)
    {
        double[] columns = [100, 160, 220, 280, 340];
        var grid = Assert.Single(Assemble([Table(800, 700, columns, "L1|Name|Kind|Value", $"sat|servi|bene|{above}")],
            [Table(950, 900, columns, $"isf|ce|{rest}")]));
        Assert.Equal(joined ? 2 : 3, grid.RowCount);
        if (joined) Assert.Equal("sat isf|servi ce", $"{grid[1, 0]}|{grid[1, 1]}");
    }

    [Fact]
    public void A_row_without_text_opening_the_next_page_is_not_the_rest_of_one()
    {
        var grid = Assert.Single(Assemble([Table(800, 700, Cols, "Name|Value", "a|1")], [Table(950, 900, Cols, "|", "b|2")]));
        Assert.Equal("1:|Name|Value\n2:|a|1\n3:||\n4:|b|2\n", Dump(grid));
    }

    [Theory]
    [InlineData("指标1：a\n指标2：b", true)]
    [InlineData("指标1：a", false)]
    public void The_next_named_item_under_a_cell_of_one_item_is_the_next_row(string items, bool joined)
    {
        var grid = Assert.Single(Assemble([Table(800, 700, Cols, "Name|Items", $"p|{items}")], [Table(950, 900, Cols, "|指标3：c")]));
        Assert.Equal(joined ? 2 : 3, grid.RowCount);
        // The rest of a cell of several items, cut between two: the next item on a line of its own.
        if (joined) Assert.Equal("指标1：a\n指标2：b\n指标3：c", grid[1, 1]);
    }

    [Fact]
    public void The_rest_of_a_cut_row_joins_its_merged_cell_in_every_slot()
    {
        double[] columns = [100, 200, 300, 400];
        var grid = Assert.Single(Assemble([Table(800, 700, columns, "Name|Item|Note", "P|a|n1", "^|b|n2")], [Table(950, 900, columns, "tail||")]));
        Assert.Equal("1:|Name|Item|Note\n2:|P tail|a|n1\n3:|^P tail|b|n2\n", Dump(grid));
    }

    [Fact]
    public void The_rest_of_a_cut_row_finds_its_merged_cell_on_an_earlier_page()
    {
        // The region P opened on page 2, two rows into the table: its anchor counts the rows of page 1.
        double[] columns = [100, 200, 300, 400];
        var grid = Assert.Single(Assemble(
            [Table(800, 700, columns, "Name|Item|Note", "A|a|n")],
            [Table(950, 900, columns, "P|b|n2", "^|c|n3")],
            [Table(950, 900, columns, "tail||")]));
        Assert.Equal("1:|Name|Item|Note\n2:|A|a|n\n3:|P tail|b|n2\n4:|^P tail|c|n3\n", Dump(grid));
    }

    [Fact]
    public void An_empty_cell_opening_the_next_page_under_a_merged_cell_continues_it()
    {
        Assert.Equal("1:|Name|Item\n2:|P|a\n3:|^P|b\n4:|^P|c\n5:|Q|d\n",
            Dump(Assert.Single(Assemble([Table(800, 700, Cols, "Name|Item", "P|a", "^|b")], [Table(950, 900, Cols, "|c", "Q|d")]))));
        // Under a cell of one row: a cell of its own (a figure under a figure: the next row, not a cut one's rest).
        double[] three = [100, 200, 300, 400];
        Assert.Equal("1:|Name|Item|Value\n2:|P|a|1\n3:||c|2\n4:|Q|d|3\n",
            Dump(Assert.Single(Assemble([Table(800, 700, three, "Name|Item|Value", "P|a|1")], [Table(950, 900, three, "|c|2", "Q|d|3")]))));
        // Unless the empty region runs down the part.
        Assert.Equal("1:|Name|Item|Value\n2:|P|a|1\n3:|^P|c|2\n4:|^P|d|3\n",
            Dump(Assert.Single(Assemble([Table(800, 700, three, "Name|Item|Value", "P|a|1")], [Table(950, 900, three, "|c|2", "^|d|3")]))));
    }

    [Fact]
    public void The_text_of_a_merged_cell_printed_again_on_the_next_page_continues_it()
    {
        Assert.Equal("1:|Name|Item\n2:|P|a\n3:|^P|b\n4:|^P|c\n5:|Q|d\n",
            Dump(Assert.Single(Assemble([Table(800, 700, Cols, "Name|Item", "P|a", "^|b")], [Table(950, 900, Cols, "P|c", "Q|d")]))));
    }

    [Fact]
    public void Past_a_blank_strip_no_cell_continues_a_merged_cell_above()
    {
        Assert.Equal("1:|Name|Item\n2:|P|a\n3:|^P|b\n4:||c\n",
            Dump(Assert.Single(Assemble([Table(800, 700, Cols, "Name|Item", "P|a", "^|b"), Table(690, 600, Cols, "|c")]))));
    }

    [Theory]
    [InlineData(new[] { 100.0, 150, 200, 300 }, "1:|Name|^Name|Value\n2:|a|^a|1\n3:|x|y|z\n")]
    [InlineData(new[] { 103.0, 200, 303 }, "1:|Name|Value\n2:|a|1\n3:|x|y\n")]
    [InlineData(new[] { 100.0, 203, 300 }, "1:|Name|Value\n2:|a|1\n3:|x|y\n")]
    [InlineData(new[] { 103.1, 200, 300 }, null)]
    [InlineData(new[] { 100.0, 200, 296.9 }, null)]
    [InlineData(new[] { 100.0, 203.1, 300 }, null)]
    [InlineData(new[] { 100.0, 300 }, "1:|Name|Value\n2:|a|1\n3:|a|^a\n")]
    public void A_part_goes_on_when_its_edges_match_and_one_sides_boundaries_are_all_the_others(double[] columns, string? dump)
    {
        // (A one-cell part repeats the cell above, so it is no cut row's rest.)
        var part = columns.Length == 2 ? "a" : string.Join("|", new[] { "x", "y", "z" }.Take(columns.Length - 1));
        var grids = Assemble([Table(800, 700, Cols, "Name|Value", "a|1")], [Table(950, 900, columns, part)]);
        if (dump is null) Assert.Equal(2, grids.Count);
        else Assert.Equal(dump, Dump(Assert.Single(grids)));
    }

    [Fact]
    public void A_part_on_coarser_columns_spans_the_tables_finer_ones()
    {
        double[] fine = [100, 150, 200, 300];
        var grid = Assert.Single(Assemble([Table(800, 700, fine, "N|M|V")], [Table(950, 900, Cols, "x|z", "^|w")]));
        Assert.Equal("1:|N|M|V\n2:|x|^x|z\n3:|^x|^x|w\n", Dump(grid));
    }
}
