using System.Text;
using BudgetGrpc.Engine.Model;
using BudgetGrpc.Engine.Reading;
using Xunit;
using static BudgetGrpc.Engine.Tests.Reading.ReadingFixtures;

namespace BudgetGrpc.Engine.Tests.Reading;

/// <summary>How the bytes of a text file become text: a byte order mark, UTF-16 known by its zero bytes, UTF-8, GB18030.</summary>
public class TextDecodingTests
{
    private const string Table = "项目\t金额\n农田\t1\n";

    private static byte[] Bytes(Encoding encoding, string text, bool withMark) =>
        [.. withMark ? encoding.GetPreamble() : [], .. encoding.GetBytes(text)];

    private static IReadOnlyList<string>[] Rows(ContainerContent content)
    {
        var grid = Assert.Single(content.Grids);
        return [.. Enumerable.Range(0, grid.RowCount).Select(grid.Row)];
    }

    private static IReadOnlyList<string> SecondRow(byte[] bytes, string name = "export.txt") =>
        Assert.Single(Read(bytes, name).Grids).Row(1);

    [Fact]
    public void Each_byte_order_mark_decodes_its_encoding()
    {
        Assert.Equal(["农田", "1"], SecondRow(Bytes(new UTF8Encoding(true), Table, withMark: true)));
        Assert.Equal(["农田", "1"], SecondRow(Bytes(Encoding.UTF32, Table, withMark: true)));
        Assert.Equal(["农田", "1"], SecondRow(Bytes(Encoding.Unicode, Table, withMark: true)));
        Assert.Equal(["农田", "1"], SecondRow(Bytes(Encoding.BigEndianUnicode, Table, withMark: true)));
        byte[] gb18030Mark = [0x84, 0x31, 0x95, 0x33];
        Assert.Equal(["农田", "1"], SecondRow([.. gb18030Mark, .. TextDecoding.Gb18030.GetBytes(Table)]));
    }

    [Fact]
    public void A_utf8_mark_is_not_read_as_text()
    {
        var grid = Assert.Single(Read(Bytes(new UTF8Encoding(true), "项目,金额\n农田,1\n", withMark: true), "x.csv").Grids);
        Assert.Equal(["项目", "金额"], grid.Row(0));
    }

    [Fact]
    public void Bytes_after_a_utf8_mark_that_are_not_utf8_become_replacement_characters()
    {
        byte[] bytes = [.. new UTF8Encoding(true).GetPreamble(), .. Encoding.UTF8.GetBytes("项目\t金额\n"),
            .. TextDecoding.Gb18030.GetBytes("您好"), .. Encoding.UTF8.GetBytes("\t1\n")]; // C4 FA BA C3: no UTF-8 sequence

        var row = SecondRow(bytes);

        Assert.Equal("1", row[1]);
        Assert.Matches("^\uFFFD+$", row[0]);
    }

    [Fact]
    public void Text_without_a_mark_is_utf8_when_valid_and_gb18030_otherwise()
    {
        Assert.Equal(["农田", "1"], SecondRow(Encoding.UTF8.GetBytes(Table)));
        // 𠮷 is four bytes in GB18030, outside GBK.
        Assert.Equal(["𠮷农田", "1"], SecondRow(TextDecoding.Gb18030.GetBytes("项目\t金额\n𠮷农田\t1\n")));
    }

    [Fact]
    public void Utf16_without_a_mark_needs_one_character_in_ten_with_a_zero_byte()
    {
        // Eight Chinese characters (no zero byte in either half), a tab and one more: exactly one in ten.
        const string text = "农田项目金额农田\t项农田项目金额农田\t项";
        string[] row = ["农田项目金额农田", "项农田项目金额农田", "项"];

        Assert.Equal(row, Assert.Single(Read(Encoding.Unicode.GetBytes(text), "x.txt").Grids).Row(0));
        Assert.Equal(row, Assert.Single(Read(Encoding.BigEndianUnicode.GetBytes(text), "x.txt").Grids).Row(0));
    }

    [Fact]
    public void Utf16_without_a_mark_keeps_its_spaces_and_may_be_two_characters_long()
    {
        // A space is 0x20 beside its zero byte: text, not a control character.
        Assert.Equal(["高标准 农田", "12.5"], Assert.Single(Read(Encoding.Unicode.GetBytes("项目 名称\t金额\r\n高标准 农田\t12.5\r\n"), "x.txt").Grids).Row(1));
        Assert.Equal([["农"]], Rows(Read(Encoding.Unicode.GetBytes("农\n"), "x.txt")));
    }

    [Fact]
    public void Utf16_without_a_mark_with_fewer_zero_bytes_is_not_taken_for_utf16()
    {
        // One tab in eleven characters: too few zeros to call it UTF-16, and as 8-bit text it holds NULs.
        const string text = "农田项目金额农田项\t项农田项目金额农田项\t项";
        var error = Assert.Throws<DisclosureException>(() => Read(Encoding.Unicode.GetBytes(text), "x.txt")).Error;
        Assert.Equal(DisclosureErrorCode.UnsupportedFormat, error.Code);
    }

    [Theory]
    [InlineData("gbk")]
    [InlineData("GBK")]
    [InlineData("gb2312")]
    [InlineData("GB2312")]
    [InlineData("gb18030")]
    [InlineData("x-gbk")]
    [InlineData("cp936")]
    [InlineData("windows-936")]
    public void A_page_declaring_a_chinese_charset_is_read_as_gb18030(string charset)
    {
        // 𠮷 (a name character) is outside GBK: read with the code page a GBK name stands for, it would be lost.
        var html = $"<html><head><meta charset=\"{charset}\"></head><body><table><tr><td>𠮷 农田</td></tr></table></body></html>";

        var content = Read(TextDecoding.Gb18030.GetBytes(html), "page.htm");

        Assert.Equal("𠮷 农田", Assert.Single(content.Grids)[0, 0]);
    }

    [Fact]
    public void A_page_declaring_another_charset_is_read_in_it()
    {
        var html = "<html><head><meta charset=\"big5\"></head><body><table><tr><td>項目名稱</td></tr></table></body></html>";
        // The test takes Big5 from the provider itself: registering it here would hide whether the engine does.
        var big5 = CodePagesEncodingProvider.Instance.GetEncoding(950)!;
        var content = Read(big5.GetBytes(html), "page.htm");
        Assert.Equal("項目名稱", Assert.Single(content.Grids)[0, 0]);
    }

    [Fact]
    public void A_page_declaring_a_charset_no_one_knows_is_read_as_gb18030_when_not_utf8()
    {
        var html = "<html><head><meta charset=\"x-unknown-1\"></head><body><table><tr><td>𠮷 农田</td></tr></table></body></html>";
        var content = Read(TextDecoding.Gb18030.GetBytes(html), "page.htm");
        Assert.Equal("𠮷 农田", Assert.Single(content.Grids)[0, 0]);
    }
}
