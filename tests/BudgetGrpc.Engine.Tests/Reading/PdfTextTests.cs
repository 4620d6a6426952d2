using BudgetGrpc.Engine.Reading;
using Xunit;

namespace BudgetGrpc.Engine.Tests.Reading;

/// <summary>
/// PdfText on glyphs placed by the test: lines by baseline at the tolerance's bound, fake bold, spaces by gap, paragraphs
/// of a cell, wrapped pieces joined, item starts and usable characters at each range's ends.
/// </summary>
public class PdfTextTests
{
    /// <summary>A glyph of type size <paramref name="size"/>, 5 pt wide unless told.</summary>
    private static Glyph G(string text, double left, double baseline, double size = 10, double width = 5,
        bool spaceBefore = false, bool afterWrappedSpace = false) =>
        new(text, left, left + width, baseline - size * 0.2, baseline + size * 0.8, baseline, size, spaceBefore, afterWrappedSpace);

    private static string Texts(List<List<Glyph>> lines) => string.Join("|", lines.Select(l => string.Concat(l.Select(g => g.Text))));

    [Fact]
    public void Glyphs_within_four_tenths_of_the_type_size_of_the_lines_baseline_share_the_line()
    {
        Assert.Equal("ab", Texts(PdfText.Lines([G("a", 10, 100), G("b", 20, 96)])));
        Assert.Equal("a|b", Texts(PdfText.Lines([G("a", 10, 100), G("b", 20, 95.5)])));
        // Measured from the line's first baseline, not from the glyph before.
        Assert.Equal("ab|c", Texts(PdfText.Lines([G("a", 10, 100), G("b", 20, 97), G("c", 30, 94)])));
        Assert.Empty(PdfText.Lines([]));
    }

    [Fact]
    public void Lines_run_top_down_and_each_line_left_to_right()
    {
        Assert.Equal("ab|cd", Texts(PdfText.Lines([G("d", 30, 50), G("b", 20, 100), G("c", 10, 50), G("a", 10, 99)])));
    }

    [Fact]
    public void A_glyph_drawn_twice_less_than_three_tenths_of_its_size_apart_is_kept_once()
    {
        Assert.Equal("a", Texts(PdfText.Lines([G("a", 10, 100), G("a", 12.9, 100)])));
        Assert.Equal("aa", Texts(PdfText.Lines([G("a", 10, 100), G("a", 13, 100)])));
        Assert.Equal("ab", Texts(PdfText.Lines([G("a", 10, 100), G("b", 10.5, 100)])));
        Assert.Equal("a", Texts(PdfText.Lines([G("a", 10, 100), G("a", 10.5, 100), G("a", 11, 100)])));
    }

    [Fact]
    public void A_gap_wider_than_a_quarter_of_the_type_size_or_a_written_space_is_a_space()
    {
        Assert.Equal("ab", PdfText.LineText([G("a", 10, 100), G("b", 17.5, 100)]));
        Assert.Equal("a b", PdfText.LineText([G("a", 10, 100), G("b", 17.6, 100)]));
        Assert.Equal("a b", PdfText.LineText([G("a", 10, 100), G("b", 15, 100, spaceBefore: true)]));
        Assert.Equal("ab", PdfText.LineText([G("a", 10, 100, spaceBefore: true), G("b", 15, 100)]));
        Assert.Equal("", PdfText.LineText([]));
    }

    [Fact]
    public void A_cells_wrapped_lines_join_and_items_after_a_sentence_or_a_short_line_start_paragraphs()
    {
        Assert.Equal("", PdfText.CellText([]));
        Assert.Equal("完成建设", PdfText.CellText([G("完成", 10, 100, width: 20), G("建设", 10, 88, width: 20)]));
        Assert.Equal("ab cd", PdfText.CellText([G("ab", 10, 100), G("cd", 10, 88)]));
        Assert.Equal("12345", PdfText.CellText([G("123", 10, 100), G("45", 10, 88)]));
        Assert.Equal("完成 建设", PdfText.CellText([G("完成", 10, 100), G("建设", 10, 88, afterWrappedSpace: true)]));
        Assert.Equal("完成。\n1.建设", PdfText.CellText([G("完成。", 10, 100), G("1.建设", 10, 88)]));
        Assert.Equal("完成1.建设", PdfText.CellText([G("完成", 10, 100), G("1.建设", 10, 88)]));
        Assert.Equal("完成\n指标2：建设", PdfText.CellText([G("完成", 10, 100), G("指标2：建设", 10, 88)]));
        // Broken short: the line above ends more than twice its size and 2 pt before the right edge (15 + 22 = 37).
        Assert.Equal("完成\n1.建设", PdfText.CellText([G("完成", 10, 100), G("1.建设", 10, 88)], right: 37.1));
        Assert.Equal("完成1.建设", PdfText.CellText([G("完成", 10, 100), G("1.建设", 10, 88)], right: 37));
        // A broken short line before a line whose first word would have fitted on it: the writer ended the line (items
        // typed on lines of their own, no numbering).
        Assert.Equal("完成\n建设", PdfText.CellText([G("完成", 10, 100), G("建设", 10, 88)], right: 100));
        // …not where the first word would not have fitted with a character to spare: a figure or a Latin word the wrap
        // moved whole (room 22.1: the word 12.1 wide and one size more does not fit; 12 does).
        Assert.Equal("完成12345", PdfText.CellText([G("完成", 10, 100), G("123", 10, 88), G("45", 15, 88, width: 7.1)], right: 37.1));
        Assert.Equal("完成\n12345", PdfText.CellText([G("完成", 10, 100), G("123", 10, 88), G("45", 15, 88, width: 7)], right: 37.1));
        // The word ends at a space or a Chinese character: 12 万元 is a word of 5 points.
        Assert.Equal("完成\n12万元", PdfText.CellText([G("完成", 10, 100), G("12", 10, 88), G("万元", 15, 88, width: 60)], right: 37.1));
        Assert.Equal("完成\n12 345", PdfText.CellText([G("完成", 10, 100), G("12", 10, 88), G("345", 15.5, 88, width: 60, spaceBefore: true)], right: 37.1));
        Assert.Equal("完成\n12 345", PdfText.CellText([G("完成", 10, 100), G("12", 10, 88), G("345", 17.6, 88, width: 60)], right: 37.1));
    }

    [Fact]
    public void Lines_with_no_text_are_passed_over()
    {
        Assert.Equal("ab", PdfText.CellText([G("", 10, 100), G("ab", 10, 88)]));
        Assert.Equal("ab", PdfText.CellText([G("ab", 10, 100), G("", 10, 88)]));
        Assert.Equal("。\n1.x", PdfText.CellText([G("", 10, 100), G("。", 10, 88), G("1.x", 10, 76)]));
        Assert.Equal("1.x", PdfText.CellText([G("", 10, 100), G("1.x", 10, 88)]));
    }

    [Theory]
    [InlineData("", "b", "b")]
    [InlineData("a", "", "a")]
    [InlineData("ab", "cd", "ab cd")]
    [InlineData("a1", "2b", "a12b")]
    [InlineData("ab", "1", "ab 1")]
    [InlineData("1", "ab", "1 ab")]
    [InlineData("中", "ab", "中ab")]
    [InlineData("ab", "中", "ab中")]
    [InlineData("ab", "-c", "ab-c")]
    [InlineData("完成；", "1.建设", "完成；\n1.建设")]
    [InlineData("完成;", "1.建设", "完成;\n1.建设")]
    [InlineData("完成。", "1.建设", "完成。\n1.建设")]
    [InlineData("完成：", "1.建设", "完成：\n1.建设")]
    [InlineData("完成:", "1.建设", "完成:\n1.建设")]
    [InlineData("完成！", "1.建设", "完成！\n1.建设")]
    [InlineData("完成？", "1.建设", "完成？\n1.建设")]
    [InlineData("完成，", "1.建设", "完成，1.建设")]
    [InlineData("完成。", "建设", "完成。建设")]
    [InlineData("完成", "指标2：建设", "完成\n指标2：建设")] // a named item, as in CellText, wherever the piece above ended
    [InlineData("完成", "【目标】", "完成\n【目标】")]
    [InlineData("完成", "指标2建设", "完成指标2建设")]
    public void Wrapped_pieces_join_with_a_space_between_latin_words_and_a_break_before_an_item(string first, string rest, string joined)
    {
        Assert.Equal(joined, PdfText.JoinWrapped(first, rest));
    }

    [Theory]
    [InlineData("①建设", true)]
    [InlineData("⑳建设", true)]
    [InlineData("⑴建设", false)]
    [InlineData("⑟建设", false)]
    [InlineData("(1)建设", true)]
    [InlineData("（一）建设", true)]
    [InlineData("【目标】", true)]
    [InlineData("指标1x", true)]
    [InlineData("指标1", false)]
    [InlineData("指标x1", false)]
    [InlineData("1.建设", true)]
    [InlineData(" 1.建设", true)]
    [InlineData("1、建设", true)]
    [InlineData("12．建设", true)]
    [InlineData("2)建设", true)]
    [InlineData("2）建设", true)]
    [InlineData("一、建设", true)]
    [InlineData("十三、建设", true)]
    [InlineData("12", false)]
    [InlineData("1234", false)] // a figure: no 指标 before its third character
    [InlineData("ab1x", false)]
    [InlineData("1x", false)]
    [InlineData(".建设", false)]
    [InlineData("建设", false)]
    [InlineData(" ", false)]
    public void Items_start_with_a_number_mark_a_bracket_or_a_numbered_indicator(string rest, bool item)
    {
        Assert.Equal(item, PdfText.JoinWrapped("完成。", rest).Contains('\n'));
    }

    [Theory]
    [InlineData("【目标】", true)]
    [InlineData("  【目标】", true)]
    [InlineData("指标2：数量", true)]
    [InlineData(" 指标12:数量", true)]
    [InlineData("指标：数量", false)]
    [InlineData("指标2", false)]
    [InlineData("指标2x：", false)]
    [InlineData("目标2：", false)]
    [InlineData("(1)建设", false)]
    [InlineData("", false)]
    public void Named_items_are_a_numbered_indicator_with_its_colon_or_a_bracketed_heading(string line, bool named)
    {
        Assert.Equal(named, PdfText.StartsNamedItem(line));
    }

    [Theory]
    [InlineData(0x20, false)]
    [InlineData(0x21, true)]
    [InlineData(0x7E, true)]
    [InlineData(0x7F, false)]
    [InlineData(0x9F, false)]
    [InlineData(0xA0, true)]
    [InlineData(0x24F, true)]
    [InlineData(0x250, false)]
    [InlineData(0x36F, false)]
    [InlineData(0x370, true)]
    [InlineData(0x3FF, true)]
    [InlineData(0x400, false)]
    [InlineData(0x1FFF, false)]
    [InlineData(0x2000, true)]
    [InlineData(0x2BFF, true)]
    [InlineData(0x2C00, false)]
    [InlineData(0x2E7F, false)]
    [InlineData(0x2E80, true)]
    [InlineData(0x9FFF, true)]
    [InlineData(0xA000, false)]
    [InlineData(0xF8FF, false)]
    [InlineData(0xF900, true)]
    [InlineData(0xFAFF, true)]
    [InlineData(0xFB00, false)]
    [InlineData(0xFE2F, false)]
    [InlineData(0xFE30, true)]
    [InlineData(0xFE4F, true)]
    [InlineData(0xFE50, false)]
    [InlineData(0xFEFF, false)]
    [InlineData(0xFF00, true)]
    [InlineData(0xFFEF, true)]
    [InlineData(0xFFF0, false)]
    [InlineData(0xFFFD, false)]
    [InlineData(0x1FFFF, false)]
    [InlineData(0x20000, true)]
    [InlineData(0x3134F, true)]
    [InlineData(0x31350, false)]
    public void Usable_text_is_cjk_ascii_and_the_symbols_tables_use(int codePoint, bool usable)
    {
        var text = char.ConvertFromUtf32(codePoint);
        Assert.Equal(usable, PdfText.IsUsable(text));
        Assert.Equal(usable, PdfText.IsUsable("中" + text));
        Assert.Equal(usable, PdfText.IsUsable(text + "a"));
    }

    [Fact]
    public void The_empty_text_has_nothing_unusable()
    {
        Assert.True(PdfText.IsUsable(""));
    }
}
