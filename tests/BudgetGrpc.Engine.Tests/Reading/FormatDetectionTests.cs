using System.Text;
using BudgetGrpc.Engine.Model;
using BudgetGrpc.Engine.Reading;
using Xunit;
using static BudgetGrpc.Engine.Tests.Reading.ReadingFixtures;

namespace BudgetGrpc.Engine.Tests.Reading;

/// <summary>The content decides the reader; the extension is a hint that a mislabelled file never loses to.</summary>
public class FormatDetectionTests
{
    private static ContainerKind Kind(byte[] bytes, string name) =>
        FormatDetector.Detect(bytes, new ReadContext(name, new EngineLimits())).Kind;

    private static DisclosureError DetectError(byte[] bytes, string name) =>
        Assert.Throws<DisclosureException>(() => FormatDetector.Detect(bytes, new ReadContext(name, new EngineLimits()))).Error;

    [Theory]
    [InlineData("containers/yangli-2025-agri.xlsx.xls", "agri.xls", "Xls")]
    [InlineData("containers/yangli-2025-agri.xlsx.xls", "agri.et", "Xls")] // WPS spreadsheets are BIFF8
    [InlineData("containers/yangli-2025-agri.xlsx.xls", "agri.doc", "Xls")]
    [InlineData("containers/yangli-2025-agri.xlsx.xls", "agri", "Xls")]
    [InlineData("containers/yangli-2025-edu-form.docx.doc", "form.doc", "LegacyWord")]
    [InlineData("containers/yangli-2025-edu-form.docx.doc", "form.wps", "LegacyWord")] // WPS text is Word 97
    [InlineData("containers/yangli-2025-edu-form.docx.doc", "form.xls", "LegacyWord")]
    [InlineData("containers/yangli-2025-edu-form.docx.pdf", "form.xls", "Pdf")]
    [InlineData("containers/yangli-2025-agri.html.pdf", "agri.pdf", "Pdf")]
    [InlineData("yangli-2025-agri.xlsx", "agri.xls", "Xlsx")]
    [InlineData("yangli-2025-agri.xlsx", "agri.et", "Xlsx")]
    [InlineData("yangli-2025-edu-form.docx", "form.wps", "Docx")]
    [InlineData("yangli-2025-edu-form.docx", "form.doc", "Docx")]
    [InlineData("yangli-2025-agri.html", "agri.xls", "Html")]
    [InlineData("yangli-2025-agri.csv", "agri.xls", "Delimited")]
    [InlineData("000_c21431a6439d21ac.txt", "seed.xls", "Delimited")]
    public void Content_decides_whatever_the_name_says(string sample, string name, string expected) =>
        Assert.Equal(expected, Kind(Sample(sample), name).ToString());

    [Fact]
    public void A_pdf_header_after_leading_junk_is_still_a_pdf()
    {
        var bytes = Encoding.ASCII.GetBytes("\r\n\r\n   ").Concat(Sample("containers/yangli-2025-agri.html.pdf")).ToArray();
        Assert.Equal(ContainerKind.Pdf, Kind(bytes, "agri.xls"));
    }

    [Fact]
    public void Rtf_and_word_xml_go_to_the_legacy_word_path()
    {
        Assert.Equal(ContainerKind.LegacyWord, Kind(Encoding.ASCII.GetBytes(@"{\rtf1\ansi {\fonttbl}}"), "saved.doc"));
        var wordXml = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <?mso-application progid="Word.Document"?>
            <w:wordDocument xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml"><w:body/></w:wordDocument>
            """;
        Assert.Equal(ContainerKind.LegacyWord, Kind(Encoding.UTF8.GetBytes(wordXml), "saved.doc"));
    }

    [Fact]
    public void An_xhtml_page_with_an_xml_declaration_is_html()
    {
        var page = "<?xml version=\"1.0\"?>\n<!-- saved -->\n<!DOCTYPE html><html><body><table><tr><td>a</td></tr></table></body></html>";
        Assert.Equal(ContainerKind.Html, Kind(Encoding.UTF8.GetBytes(page), "page.xls"));
    }

    [Fact]
    public void Utf16_text_without_a_byte_order_mark_is_text_and_decodes()
    {
        var tsv = "项目名称\t金额\r\n高标准农田\t12.5\r\n";
        var bytes = Encoding.Unicode.GetBytes(tsv);
        Assert.Equal(ContainerKind.Delimited, Kind(bytes, "export.xls"));
        var grid = Assert.Single(Read(bytes, "export.xls").Grids);
        Assert.Equal(["高标准农田", "12.5"], grid.Row(1));
        Assert.Equal(ContainerKind.Delimited, Kind(Encoding.BigEndianUnicode.GetBytes(tsv), "export.txt"));
    }

    [Fact]
    public void Binary_with_zero_bytes_on_both_sides_stays_binary()
    {
        var bytes = new byte[512];
        new Random(7).NextBytes(bytes);
        for (var i = 0; i < bytes.Length; i += 3) bytes[i] = 0;
        Assert.Equal(DisclosureErrorCode.UnsupportedFormat, DetectError(bytes, "x.xls").Code);
    }

    [Fact]
    public void A_compound_file_cut_inside_its_directory_is_unreadable_not_unsupported()
    {
        var bytes = Sample("containers/yangli-2025-agri.xlsx.xls");
        Assert.Equal(DisclosureErrorCode.Unreadable, DetectError(bytes[..600], "agri.xls").Code);
        var header = bytes[..512];
        Assert.Equal(DisclosureErrorCode.Unreadable, DetectError(header, "agri.xls").Code);
    }

    [Fact]
    public void Compound_file_directory_lists_the_streams()
    {
        Assert.Contains("Workbook", CompoundFile.EntryNames(Sample("containers/yangli-2025-agri.xlsx.xls"))!);
        Assert.Contains("WordDocument", CompoundFile.EntryNames(Sample("containers/yangli-2025-edu-form.docx.doc"))!);
    }

    [Fact]
    public void A_legacy_word_document_without_a_converter_says_one_is_needed()
    {
        var result = new DisclosureEngine().Parse(Sample("containers/yangli-2025-edu-form.docx.doc"), "form.doc");
        Assert.Equal("CONVERTER_UNAVAILABLE", result.Error!.Reason);
        Assert.Contains("converter", result.Error.Message);
    }
}
