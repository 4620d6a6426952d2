using System.Text;
using BudgetGrpc.Engine.Model;
using BudgetGrpc.Engine.Reading;
using Xunit;
using static BudgetGrpc.Engine.Tests.Reading.ReadingFixtures;

namespace BudgetGrpc.Engine.Tests.Reading;

/// <summary>
/// Web archives (MHTML, .mht): what Word and Excel save as "single file web page" and browsers as "web page, single file".
/// Written here as those programs write them, around the samples' own HTML pages.
/// </summary>
public class MhtReaderTests
{
    private const string Boundary = "----=_NextPart_01DB2C3A.5E6F7A80";

    /// <summary>A web archive of <paramref name="pages"/> (HTML text each), each part in the transfer encoding given.</summary>
    private static byte[] Archive(string transfer, string charset, params string[] pages)
    {
        var text = new StringBuilder()
            .Append("MIME-Version: 1.0\r\nX-Document-Type: Workbook\r\nContent-Type: multipart/related;\r\n\tboundary=\"")
            .Append(Boundary).Append("\"\r\n\r\n此文档为“单个文件网页”。\r\n\r\n");
        var n = 0;
        foreach (var page in pages)
        {
            var bytes = (charset == "utf-8" ? Encoding.UTF8 : TextDecoding.Gb18030).GetBytes(page);
            text.Append("--").Append(Boundary).Append("\r\nContent-Location: file:///C:/0C4D/page").Append(++n)
                .Append(".htm\r\nContent-Transfer-Encoding: ").Append(transfer)
                .Append("\r\nContent-Type: text/html; charset=\"").Append(charset).Append("\"\r\n\r\n")
                .Append(transfer == "base64" ? Base64Lines(bytes) : QuotedPrintable(bytes)).Append("\r\n\r\n");
        }
        text.Append("--").Append(Boundary).Append("\r\nContent-Location: file:///C:/0C4D/filelist.xml\r\nContent-Transfer-Encoding: quoted-printable\r\n")
            .Append("Content-Type: text/xml; charset=\"utf-8\"\r\n\r\n<xml xmlns:o=3D\"urn:schemas-microsoft-com:office:office\"></xml>\r\n\r\n")
            .Append("--").Append(Boundary).Append("--\r\n");
        return Encoding.ASCII.GetBytes(text.ToString());
    }

    /// <summary>Quoted-printable as Word writes it: lines of at most 76 characters ending in a soft break, = and non-ASCII as =XX.</summary>
    private static string QuotedPrintable(byte[] bytes)
    {
        var text = new StringBuilder();
        var line = 0;
        foreach (var b in bytes)
        {
            var piece = b is (byte)'\r' or (byte)'\n' ? ((char)b).ToString() : b is >= 33 and <= 126 and not (byte)'=' || b == (byte)' ' ? ((char)b).ToString() : $"={b:X2}";
            if (piece is "\n")
            {
                text.Append("\r\n");
                line = 0;
                continue;
            }
            if (piece is "\r") continue;
            if (line + piece.Length > 75)
            {
                text.Append("=\r\n");
                line = 0;
            }
            text.Append(piece);
            line += piece.Length;
        }
        return text.ToString();
    }

    private static string Base64Lines(byte[] bytes) =>
        string.Join("\r\n", Convert.ToBase64String(bytes).Chunk(76).Select(c => new string(c)));

    private static byte[] Json(Disclosure disclosure) => BudgetGrpc.Engine.Publishing.PublicationJson.ToUtf8Bytes(disclosure);

    [Theory]
    [InlineData("yangli-2025-agri.html", "quoted-printable", "gb2312")] // Word: its page in the system's code page
    [InlineData("yangli-2025-edu-form.html", "quoted-printable", "gb2312")]
    [InlineData("yangli-2025-agri-selfeval.html", "base64", "utf-8")] // a browser's archive
    [InlineData("yangli-2025-edu-form.html", "base64", "utf-8")]
    public void A_sample_page_saved_as_a_web_archive_parses_as_the_page(string sample, string transfer, string charset)
    {
        var page = Encoding.UTF8.GetString(Sample(sample));
        var html = new DisclosureEngine().Parse(Sample(sample), sample).Disclosure!;
        var parsed = new DisclosureEngine().Parse(Archive(transfer, charset, page), Path.ChangeExtension(sample, ".mht"));
        var disclosure = Assert.IsType<Disclosure>(parsed.Disclosure);
        Assert.Equal("mht", disclosure.Source.Format);
        Assert.Equal(Encoding.UTF8.GetString(Json(html with { Source = disclosure.Source })), Encoding.UTF8.GetString(Json(disclosure)));
    }

    [Fact]
    public void An_excel_archive_reads_the_sheets_pages_past_its_frameset()
    {
        const string frameset = "<html><head><title>预算</title></head><frameset rows=\"*,39\"><frame src=\"sheet001.htm\" name=\"frSheet\"><noframes><body><p>此页面使用了框架</p></body></noframes></frameset></html>";
        var content = Read(Archive("quoted-printable", "gb2312", frameset,
            "<html><body><table><tr><td>项目名称</td><td>金额=100</td></tr></table></body></html>",
            "<html><body><table><tr><td>第二表</td></tr></table></body></html>"), "book.mht");
        Assert.Equal("mht", content.Format);
        Assert.Equal([["项目名称", "金额=100"], ["第二表"]], content.Grids.Select(g => g.Row(0).ToArray()));
    }

    [Fact]
    public void An_archive_without_a_table_or_a_page_or_a_boundary_is_refused_with_what_it_holds()
    {
        var none = Assert.Throws<DisclosureException>(() => Read(Archive("base64", "utf-8", "<html><body><p>无表格</p></body></html>"), "a.mht")).Error;
        Assert.Equal(DisclosureErrorCode.NoTable, none.Code);
        Assert.Equal("no table found in the web archive (MHTML): none of its 1 HTML page(s) has a <table> with rows", none.Message);
        var noPage = Assert.Throws<DisclosureException>(() => Read(Archive("base64", "utf-8"), "a.mht")).Error;
        Assert.Equal("no table found in the web archive (MHTML): it holds no HTML page", noPage.Message);
        var unbounded = Assert.Throws<DisclosureException>(() => ReadText("MIME-Version: 1.0\r\nContent-Type: multipart/related; type=\"text/html\"; boundary\r\n\r\n", "a.mht")).Error;
        Assert.Equal(DisclosureErrorCode.Unreadable, unbounded.Code);
        Assert.Equal("the web archive (MHTML) names no boundary between its parts", unbounded.Message);
        var badBase64 = Encoding.ASCII.GetString(Archive("base64", "utf-8", "<table><tr><td>x</td></tr></table>")).Replace("PHRhYmxl", "P!RhYmxl");
        Assert.Equal("the web archive's page is declared base64 but is not",
            Assert.Throws<DisclosureException>(() => ReadText(badBase64, "a.mht")).Error.Message);
    }

    [Theory]
    [InlineData("MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"x\"", true)]
    [InlineData("From: <Saved by Blink>\r\nSubject: 绩效目标表\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"----MultipartBoundary--\"", true)]
    [InlineData("MIME-Version: 1.0\r\nContent-Type: text/html", false)] // one page, not an archive of parts
    [InlineData("<html>multipart/related boundary</html>", false)]
    [InlineData("项目名称: multipart/related boundary", false)]
    public void A_web_archive_is_known_by_its_message_headers(string start, bool expected) =>
        Assert.Equal(expected, MhtReader.Is(start));
}
