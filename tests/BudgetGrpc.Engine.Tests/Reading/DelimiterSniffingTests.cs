using System.Text;
using Xunit;
using static BudgetGrpc.Engine.Tests.Reading.ReadingFixtures;

namespace BudgetGrpc.Engine.Tests.Reading;

/// <summary>
/// The separator a text is read with: the one that occurs most consistently per line, then on most lines; the name
/// decides only where the content does not (a .tsv with any tab, a text without any separator).
/// </summary>
public class DelimiterSniffingTests
{
    private static IReadOnlyList<string>[] Rows(string text, string name, out string format)
    {
        var content = ReadText(text, name);
        format = content.Format;
        var grid = Assert.Single(content.Grids);
        return [.. Enumerable.Range(0, grid.RowCount).Select(grid.Row)];
    }

    [Fact]
    public void A_tsv_name_keeps_the_tab_where_any_line_has_one_though_commas_are_more_consistent()
    {
        const string text = "项目\t金额\n1,2,3\n4,5,6\n7,8,9\n";

        var asTsv = Rows(text, "export.tsv", out var tsvFormat);
        var asTxt = Rows(text, "export.txt", out var txtFormat);

        Assert.Equal("tsv", tsvFormat);
        Assert.Equal(["项目", "金额"], asTsv[0]);
        Assert.Equal(["1,2,3"], asTsv[1]);
        Assert.Equal("csv", txtFormat);
        Assert.Equal(["项目\t金额"], asTxt[0]);
        Assert.Equal(["1", "2", "3"], asTxt[1]);
    }

    [Fact]
    public void A_tsv_name_without_any_tab_is_read_by_its_content()
    {
        var rows = Rows("项目,金额\n农田,1\n监测,2\n", "export.tsv", out var format);
        Assert.Equal("csv", format);
        Assert.Equal(["农田", "1"], rows[1]);
    }

    [Theory]
    [InlineData("list.csv", "csv")]
    [InlineData("list.CSV", "csv")]
    [InlineData("list.txt", "tsv")]
    [InlineData("list.tsv", "tsv")]
    [InlineData("list", "tsv")]
    public void A_text_without_any_separator_is_one_column_in_the_format_its_name_says(string name, string expected)
    {
        var rows = Rows("项目名称\n高标准农田\n耕地质量监测\n", name, out var format);
        Assert.Equal(expected, format);
        Assert.Equal([["项目名称"], ["高标准农田"], ["耕地质量监测"]], rows);
    }

    [Fact]
    public void A_csv_name_with_only_tabs_in_it_is_read_with_tabs()
    {
        var rows = Rows("项目\t金额\n农田\t1,5\n", "export.csv", out var format);
        Assert.Equal("tsv", format);
        Assert.Equal(["农田", "1,5"], rows[1]);
    }

    [Fact]
    public void On_equally_consistent_separators_the_one_on_more_lines_wins()
    {
        // Tabs: 1, 1, 2 a line (two lines agree, three have one); commas: 1, 1, 0 (two agree, two have one).
        var tabs = Rows("a\tb,c\nd\te,f\ng\th\ti\n", "x.txt", out var tabFormat);
        Assert.Equal("tsv", tabFormat);
        Assert.Equal([["a", "b,c"], ["d", "e,f"], ["g", "h", "i"]], tabs);

        // The same the other way round: the comma, tested after the tab, takes over on more lines.
        var commas = Rows("a,b\tc\nd,e\tf\ng,h,i\n", "x.txt", out var commaFormat);
        Assert.Equal("csv", commaFormat);
        Assert.Equal([["a", "b\tc"], ["d", "e\tf"], ["g", "h", "i"]], commas);
    }

    [Fact]
    public void A_consistent_separator_beats_one_on_more_lines_in_varying_numbers()
    {
        // Tabs: one on each of three lines; commas: 1, 2, 3, 4 on four lines.
        var rows = Rows("a\tb,c\nd\te,f,g\nh\ti,j,k,l\nm,n,o,p,q\n", "x.txt", out var format);
        Assert.Equal("tsv", format);
        Assert.Equal(["h", "i,j,k,l"], rows[2]);
        Assert.Equal(["m,n,o,p,q"], rows[3]);
    }

    [Fact]
    public void An_unclosed_quote_is_text_not_the_start_of_a_field()
    {
        var rows = Rows("项目,金额\n\"农田,1\n监测,2\n", "x.csv", out _);
        Assert.Equal([["项目", "金额"], ["\"农田", "1"], ["监测", "2"]], rows);
    }

    [Fact]
    public void A_quoted_last_field_without_a_line_end_is_quoted()
    {
        var rows = Rows("项目,金额\n\"农田\",\"1,5\"", "x.csv", out _);
        Assert.Equal([["项目", "金额"], ["农田", "1,5"]], rows);
    }

    [Theory]
    [InlineData("\"项目\";\"金额\"\n\"农田\";\"1;5\"\n", "1;5")]
    [InlineData("\"项目\"\t\"金额\"\n\"农田\"\t\"1\t5\"\n", "1\t5")]
    [InlineData("\"项目\",\"金额\"\r\n\"农田\",\"1,5\"\r\n", "1,5")]
    public void A_quote_closed_before_any_separator_or_line_end_is_a_quoted_field(string text, string amount)
    {
        var rows = Rows(text, "x.txt", out _);
        Assert.Equal([["项目", "金额"], ["农田", amount]], rows);
    }

    [Fact]
    public void A_quoted_field_that_runs_past_the_sniffed_part_still_counts_as_quoted()
    {
        // A note of 1,000 lines (about 310,000 characters) in one quoted field: the sniffer stops looking at 256 K
        // characters, inside the field, where its escaped quotes (""甲"" 乙) would look stray if scanned as fields.
        var note = new StringBuilder();
        for (var n = 0; n < 1000; n++)
            note.Append($"第{n}段：资金用于高标准农田建设,\"\"甲\"\" 乙").Append('农', 280).Append('\n');
        var text = $"项目,说明\n农田,\"{note}\"\n监测,短\n";
        Assert.True(text.Length > 300_000);

        var rows = Rows(text, "notes.csv", out var format);

        Assert.Equal("csv", format);
        Assert.Equal(3, rows.Length);
        Assert.Equal("农田", rows[1][0]);
        Assert.StartsWith("第0段：资金用于高标准农田建设,\"甲\" 乙农", rows[1][1], StringComparison.Ordinal);
        Assert.Equal(new EngineLimits().MaxCellChars, rows[1][1].Length);
        Assert.Equal(["监测", "短"], rows[2]);
    }

    [Fact]
    public void A_comma_on_every_line_beats_a_semicolon_on_one()
    {
        var rows = Rows("项目,金额;备注\n农田,1\n监测,2\n", "x.txt", out var format);
        Assert.Equal("csv", format);
        Assert.Equal(["项目", "金额;备注"], rows[0]);
    }

    [Fact]
    public void A_single_line_without_a_line_end_is_sniffed_like_any_other()
    {
        var rows = Rows("项目,金额,说明", "x.txt", out var format);
        Assert.Equal("csv", format);
        Assert.Equal([["项目", "金额", "说明"]], rows);
    }

    [Fact]
    public void Lines_with_hundreds_of_separators_count()
    {
        // Three lines of 301 columns against one line with a tab.
        var wide = string.Join(',', Enumerable.Range(1, 301).Select(i => $"c{i}"));
        var rows = Rows($"{wide}\n{wide}\n{wide}\n说明\t备注\n", "wide.txt", out var format);
        Assert.Equal("csv", format);
        Assert.Equal(301, rows[0].Count);
        Assert.Equal(["说明\t备注"], rows[3]);
    }

    [Fact]
    public void A_quoted_field_at_the_very_start_of_the_text_counts()
    {
        var rows = Rows("\"项目,名称\",金额\n农田,1\n", "x.csv", out _);
        Assert.Equal([["项目,名称", "金额"], ["农田", "1"]], rows);
    }

    [Fact]
    public void A_quoted_field_at_the_start_of_a_line_counts()
    {
        var rows = Rows("项目,金额\n\"农田,一期\",1\n", "x.csv", out _);
        Assert.Equal([["项目", "金额"], ["农田,一期", "1"]], rows);
    }

    [Theory]
    [InlineData("项目\t\"说明\t备注\"\n农田\t1\n", "说明\t备注")]
    [InlineData("项目,\"说明,备注\"\n农田,1\n", "说明,备注")]
    [InlineData("项目;\"说明;备注\"\n农田;1\n", "说明;备注")]
    public void A_quoted_field_right_after_a_separator_counts(string text, string second)
    {
        var rows = Rows(text, "x.txt", out _);
        Assert.Equal(["项目", second], rows[0]);
        Assert.Equal(["农田", "1"], rows[1]);
    }

    [Fact]
    public void A_quote_inside_a_field_is_text()
    {
        var rows = Rows("项目\t说明\n农田\t他说\"好\",1\n", "x.txt", out var format);
        Assert.Equal("tsv", format);
        Assert.Equal(["农田", "他说\"好\",1"], rows[1]);

        // Nor is it a stray quote that would turn quoting off for the quoted field above it.
        var quoted = Rows("项目\t\"说明\"\n农田\t他说\"好\"吗\n", "x.txt", out _);
        Assert.Equal([["项目", "说明"], ["农田", "他说\"好\"吗"]], quoted);
    }

    [Fact]
    public void One_stray_quote_turns_quoting_off_for_the_whole_text()
    {
        var rows = Rows("项目\t说明\n1\t\"甲\"\n3\t\"两节\"期间慰问\n", "ocr.txt", out _);
        Assert.Equal([["项目", "说明"], ["1", "\"甲\""], ["3", "\"两节\"期间慰问"]], rows);
    }

    [Fact]
    public void A_doubled_quote_that_is_stray_opens_no_field_for_the_quote_after_it()
    {
        // Read as a field, the second quote would close on line 3 and hide two tab lines, and the commas would win.
        var rows = Rows("\"\"甲\t乙\n丙\t丁\n戊\"\t己\na,b\nc,d\ne,f\n", "ocr.txt", out var format);
        Assert.Equal("tsv", format);
        Assert.Equal(["\"\"甲", "乙"], rows[0]);
        Assert.Equal(["戊\"", "己"], rows[2]);
        Assert.Equal(["a,b"], rows[3]);
    }

    [Theory]
    [InlineData(200, true, "\n")]
    [InlineData(199, false, "\n")]
    [InlineData(200, true, "\r\n")]
    [InlineData(199, false, "\r\n")]
    public void Only_the_first_200_lines_decide_whether_quotes_are_in_use(int linesBeforeTheStrayQuote, bool quoted, string lineEnd)
    {
        // A proper quoted field on line 1, a stray quote on line 201 or 200; CR LF is one line end, not two.
        var text = new StringBuilder("\"项目\",金额" + lineEnd);
        for (var n = 1; n < linesBeforeTheStrayQuote; n++) text.Append($"农田{n},{n}{lineEnd}");
        text.Append("\"两节\"期间慰问,2" + lineEnd);

        var rows = Rows(text.ToString(), "x.csv", out _);

        Assert.Equal(quoted ? ["项目", "金额"] : ["\"项目\"", "金额"], rows[0]);
        Assert.Equal(linesBeforeTheStrayQuote + 1, rows.Length);
    }

    [Fact]
    public void Lines_ended_by_a_carriage_return_alone_are_lines()
    {
        // Excel for Mac's "CSV (Macintosh)" ends lines with CR alone: a quote at the start of such a line opens a field.
        var rows = Rows("项目,金额\r\"农田,一期\",1\r监测,2\r", "mac.csv", out var format);
        Assert.Equal("csv", format);
        Assert.Equal([["项目", "金额"], ["农田,一期", "1"], ["监测", "2"]], rows);

        // And each is a line for the separator count: two lines of one comma against one line of two tabs.
        var commas = Rows("项目\t金额\t说明\r农田,1\r监测,2\r", "mac.txt", out var commaFormat);
        Assert.Equal("csv", commaFormat);
        Assert.Equal([["项目\t金额\t说明"], ["农田", "1"], ["监测", "2"]], commas);
    }
}
