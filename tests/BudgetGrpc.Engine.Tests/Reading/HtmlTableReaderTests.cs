using System.Text;
using BudgetGrpc.Engine.Model;
using BudgetGrpc.Engine.Reading;
using Xunit;
using static BudgetGrpc.Engine.Tests.Reading.ReadingFixtures;

namespace BudgetGrpc.Engine.Tests.Reading;

/// <summary>
/// The HTML page reader on pages written here: spans and their attribute forms, the preamble (title, text since the
/// previous table, caption), the meta charset, the depth bound and the cell budget, each grid compared whole.
/// </summary>
public class HtmlTableReaderTests
{
    private static Encoding Big5 => TextDecoding.ByName("big5")!;

    private static IReadOnlyList<CellGrid> Grids(string page, EngineLimits? limits = null) =>
        ReadText(page, "page.html", limits).Grids;

    private static CellGrid Single(string page, EngineLimits? limits = null) => Assert.Single(Grids(page, limits));

    private static string Table(string rows) => $"<html><body><table>{rows}</table></body></html>";

    [Fact]
    public void Rowspan_zero_runs_to_the_last_row_and_longer_spans_stop_there()
    {
        var grid = Single(Table("""
            <tr><td rowspan="0">甲</td><td colspan=" 2 ">乙</td></tr>
            <tr><td colspan="x">丙</td><td rowspan="3">丁</td></tr>
            <tr><td colspan="0">戊</td></tr>
            """));

        Assert.Equal("1:|甲|乙|^乙\n2:|^甲|丙|丁\n3:|^甲|戊|^丁\n", Dump(grid));
    }

    [Fact]
    public void A_span_is_read_from_its_leading_digits_and_clamped()
    {
        var grid = Single(Table("""<tr><td colspan="000002">a</td><td colspan="2abc">b</td><td colspan="12345678901">c</td></tr>"""));

        var row = grid.Row(0);
        Assert.Equal(2 + 2 + 1000, row.Count);
        Assert.Equal(["a", "a", "b", "b", "c", "c"], row.Take(6));
        Assert.Equal("c", row[^1]);
        Assert.False(grid.IsMergedContinuation(0, 0));
        Assert.True(grid.IsMergedContinuation(0, 1));
        Assert.False(grid.IsMergedContinuation(0, 2));
        Assert.False(grid.IsMergedContinuation(0, 4));
        Assert.True(grid.IsMergedContinuation(0, 1003));
    }

    [Fact]
    public void A_rowspan_of_many_digits_reaches_the_last_row_only()
    {
        var grid = Single(Table("""<tr><td rowspan="99999999999">甲</td><td>乙</td></tr><tr><td>丙</td></tr>"""));

        Assert.Equal("1:|甲|乙\n2:|^甲|丙\n", Dump(grid));
    }

    [Fact]
    public void A_cell_spanning_a_slot_taken_from_above_leaves_it_to_the_earlier_cell()
    {
        var grid = Single(Table("""<tr><td>A</td><td rowspan="2">B</td></tr><tr><td colspan="3">C</td></tr>"""));

        Assert.Equal("1:|A|B\n2:|C|^B|^C\n", Dump(grid));
    }

    [Fact]
    public void A_two_by_two_span_marks_every_slot_but_its_anchor()
    {
        var grid = Single(Table("""<tr><td rowspan="2" colspan="2">甲</td><td>乙</td></tr><tr><td>丙</td></tr>"""));

        Assert.Equal("1:|甲|^甲|乙\n2:|^甲|^甲|丙\n", Dump(grid));
    }

    [Fact]
    public void A_table_without_rows_is_no_grid_and_does_not_count_in_the_names()
    {
        var grids = Grids("""
            <html><body><p>前言</p><table></table><p>说明</p>
            <table><tr><td>甲</td></tr><tr></tr></table></body></html>
            """);

        var grid = Assert.Single(grids);
        Assert.Equal("table 1", grid.Name);
        Assert.Equal(["说明"], grid.Preamble);
        Assert.Equal("1:|甲\n2:\n", Dump(grid));
    }

    [Fact]
    public void Rows_are_charged_to_the_cell_budget_even_when_empty()
    {
        var limits = new EngineLimits { MaxCells = 3 };

        var error = Assert.Throws<DisclosureException>(() => Grids(Table("<tr></tr><tr></tr><tr></tr><tr></tr>"), limits)).Error;

        Assert.Equal(DisclosureErrorCode.TooLarge, error.Code);
        Assert.Equal(new SourceRef("table 1", 0, 0), error.Location);
        Assert.Equal(3, Grids(Table("<tr></tr><tr></tr><tr></tr>"), limits)[0].RowCount);
    }

    [Fact]
    public void Title_cells_lines_and_caption_are_cut_at_the_cell_limit()
    {
        var limits = new EngineLimits { MaxCellChars = 3 };

        var grid = Single("<html><head><title>绩效目标表</title></head><body><p>单位：万元</p><table><caption>表一说明</caption><tr><td>农田建设</td><td>甲</td></tr></table></body></html>", limits);

        Assert.Equal(["绩效目", "单位：", "表一说"], grid.Preamble);
        Assert.Equal(["农田建", "甲"], grid.Row(0));
    }

    [Fact]
    public void The_preamble_keeps_the_title_and_the_last_twenty_lines_then_the_caption()
    {
        var lines = string.Concat(Enumerable.Range(1, 25).Select(i => $"<p>第{i}行</p>"));

        var grid = Single($"<html><head><title>  标题 </title></head><body>{lines}<table><caption>表<br>一</caption><tr><td>甲</td></tr></table></body></html>");

        Assert.Equal(["标题", .. Enumerable.Range(6, 20).Select(i => $"第{i}行"), "表", "一"], grid.Preamble);
    }

    [Fact]
    public void A_blank_title_is_no_preamble_line()
    {
        var grid = Single("<html><head><title> \n </title></head><body><table><tr><td>甲</td></tr></table></body></html>");

        Assert.Empty(grid.Preamble);
    }

    [Fact]
    public void Text_before_a_table_breaks_at_blocks_and_brs_and_leaves_out_what_is_not_shown()
    {
        var grid = Single("""
            <html><body><span>甲</span><div>乙</div><span>丙</span>丁<br>单位：万元<br>
            <script>脚本</script><style>p{}</style><noscript>无脚本</noscript><template>模板</template>
            <select><option>选项</option></select><button>按钮</button><svg><text>图</text></svg>
            年度：<b>2025</b>
            <table><tr><td>戊</td></tr></table></body></html>
            """);

        Assert.Equal(["甲", "乙", "丙丁", "单位：万元", "年度：2025"], grid.Preamble);
    }

    [Fact]
    public void Cell_text_collapses_spaces_breaks_at_blocks_and_leaves_out_scripts()
    {
        var grid = Single(Table("""
            <tr><td>  甲 	 乙 <br>丙<p>丁</p>戊<script>x()</script><style>td{}</style>己</td><td></td>
            <td><table><tr><th>内一</th><th>内二</th></tr><tr><td>内三</td><td>内四</td></tr></table></td><td>一<hr>二</td></tr>
            """));

        Assert.Equal(["甲 乙\n丙\n丁\n戊己", "", "内一\n内二\n内三\n内四", "一\n二"], grid.Row(0));
    }

    [Fact]
    public void A_line_break_of_the_source_text_breaks_no_line_and_vanishes_between_chinese_characters()
    {
        // Word's HTML export and editors wrap long cells in the source; a browser shows one line: nothing between two
        // Chinese characters (full-width punctuation too), one space elsewhere, the spaces around the break going with it;
        // inside <pre> the break stays.
        var grid = Single("<html><body><p>某县2026年\r\n项目支出绩效目标表</p><table><tr>"
            + "<td>乡村道路\n   养护</td><td>完成日常养护，\n保持路面完好。</td><td>≥260\n公里</td>"
            + "<td><span>按季度</span>\n<span>发放</span></td><td>Road \n repair</td><td><pre>甲\n乙</pre></td><td>丙<br>\n丁</td></tr></table></body></html>");

        Assert.Equal(["乡村道路养护", "完成日常养护，保持路面完好。", "≥260 公里", "按季度发放", "Road repair", "甲\n乙", "丙\n丁"], grid.Row(0));
        Assert.Equal(["某县2026年项目支出绩效目标表"], grid.Preamble);
    }

    [Theory]
    [InlineData("p")] [InlineData("div")] [InlineData("li")] [InlineData("ul")] [InlineData("ol")] [InlineData("dl")]
    [InlineData("dt")] [InlineData("dd")] [InlineData("h1")] [InlineData("h2")] [InlineData("h3")] [InlineData("h4")]
    [InlineData("h5")] [InlineData("h6")] [InlineData("blockquote")] [InlineData("pre")] [InlineData("section")]
    [InlineData("article")] [InlineData("header")] [InlineData("footer")] [InlineData("nav")] [InlineData("aside")]
    [InlineData("main")] [InlineData("figure")] [InlineData("figcaption")] [InlineData("address")] [InlineData("form")]
    [InlineData("fieldset")] [InlineData("center")]
    public void Each_block_element_ends_a_line_in_a_cell_and_before_a_table(string name)
    {
        var grid = Single($"<html><body>前<{name}>中</{name}>后<table><tr><td>甲<{name}>乙</{name}>丙</td></tr></table></body></html>");

        Assert.Equal("甲\n乙\n丙", grid[0, 0]);
        Assert.Equal(["前", "中", "后"], grid.Preamble);
    }

    [Fact]
    public void Text_nested_256_levels_in_a_cell_is_read_and_deeper_text_is_not()
    {
        static string Nested(int levels) =>
            string.Concat(Enumerable.Repeat("<span>", levels)) + "甲" + string.Concat(Enumerable.Repeat("</span>", levels));

        var grid = Single(Table($"<tr><td>{Nested(255)}</td><td>{Nested(256)}</td></tr>"));

        Assert.Equal(["甲", ""], grid.Row(0));
    }

    [Fact]
    public void A_table_256_levels_deep_is_read_and_one_deeper_is_not()
    {
        static string Page(int levels) =>
            "<html><body>" + string.Concat(Enumerable.Repeat("<div>", levels)) + "<table><tr><td>甲</td></tr></table>"
            + string.Concat(Enumerable.Repeat("</div>", levels)) + "</body></html>";

        Assert.Equal("甲", Single(Page(256))[0, 0]);
        var error = Assert.Throws<DisclosureException>(() => Grids(Page(257))).Error;
        Assert.Equal(DisclosureErrorCode.NoTable, error.Code);
        Assert.Equal("no table found in the HTML page: it has no <table> with rows", error.Message);
    }

    [Fact]
    public void A_legacy_charset_is_found_in_a_later_meta_tag_written_in_either_form()
    {
        var page = """
            <html><head><meta name="viewport" content="width=device-width"><meta name="x" content="charset=">
            <META http-equiv="Content-Type" content="text/html; CHARSET = 'big5'"></head>
            <body><table><tr><td>項目名稱</td></tr></table></body></html>
            """;

        var grid = Assert.Single(Read(Big5.GetBytes(page), "big5.html").Grids);

        Assert.Equal("項目名稱", grid[0, 0]);
    }

    [Fact]
    public void A_charset_name_runs_over_letters_digits_and_dashes()
    {
        var page = "<html><head><meta charset=\"x-x-big5\"></head><body><table><tr><td>項目名稱</td></tr></table></body></html>";

        Assert.Equal("項目名稱", Assert.Single(Read(Big5.GetBytes(page), "big5.html").Grids)[0, 0]);
    }

    [Fact]
    public void Valid_utf8_wins_over_a_stale_legacy_declaration()
    {
        var page = "<html><head><meta charset=big5></head><body><table><tr><td>项目名称</td></tr></table></body></html>";

        Assert.Equal("项目名称", Assert.Single(Read(Encoding.UTF8.GetBytes(page), "page.html").Grids)[0, 0]);
    }

    [Fact]
    public void A_page_declaring_utf8_but_saved_in_gbk_is_read_as_gb18030()
    {
        var page = "<html><head><meta charset=\"utf-8\"></head><body><table><tr><td>项目名称</td></tr></table></body></html>";

        Assert.Equal("项目名称", Assert.Single(Read(TextDecoding.Gb18030.GetBytes(page), "page.html").Grids)[0, 0]);
    }

    [Theory]
    [InlineData("utf-16")] [InlineData("UTF-16LE")] [InlineData("utf-16be")] [InlineData("utf-32")]
    public void A_page_declaring_utf16_or_utf32_in_its_meta_tag_is_read_as_its_bytes_say(string charset)
    {
        // A meta tag readable as ASCII is no UTF-16 text: the declaration is an editor's mistake, and the bytes are GB18030.
        var page = $"<html><head><meta charset=\"{charset}\"></head><body><table><tr><td>项目名称</td></tr></table></body></html>";

        Assert.Equal("项目名称", Assert.Single(Read(TextDecoding.Gb18030.GetBytes(page), "page.html").Grids)[0, 0]);
    }

    [Fact]
    public void A_meta_tag_cut_off_by_the_end_of_the_page_declares_nothing()
    {
        var page = "<html><body><table><tr><td>项目名称</td></tr></table></body></html><meta charset=big5";

        Assert.Equal("项目名称", Assert.Single(Read(TextDecoding.Gb18030.GetBytes(page), "page.html").Grids)[0, 0]);
    }

    [Fact]
    public void A_byte_order_mark_wins_over_the_meta_charset()
    {
        var page = "<html><head><meta charset=big5></head><body><table><tr><td>項目名稱</td></tr></table></body></html>";
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Big5.GetBytes(page)).ToArray();

        var grid = Assert.Single(Read(bytes, "page.html").Grids);

        Assert.Equal(new UTF8Encoding(false).GetString(Big5.GetBytes("項目名稱")), grid[0, 0]);
    }
}
