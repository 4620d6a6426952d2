using System.Text;
using BudgetGrpc.Engine.Model;
using BudgetGrpc.Engine.Reading;
using Xunit;
using static BudgetGrpc.Engine.Tests.Reading.RawOoxml;

namespace BudgetGrpc.Engine.Tests.Reading;

/// <summary>
/// The legacy word-processing path without LibreOffice: a converter of ours hands back a .docx (or fails as a real one
/// does), and the reader names the legacy format in its result and in every refusal.
/// </summary>
public class LegacyWordReaderTests
{
    private static readonly byte[] WordBinary = SyntheticCompoundFile.WithStreams("WordDocument", "1Table");
    private static readonly byte[] Rtf = Encoding.ASCII.GetBytes(@"{\rtf1\ansi 项目}");
    private static readonly byte[] WordXml = Encoding.UTF8.GetBytes(
        "<?xml version=\"1.0\"?><w:wordDocument xmlns:w=\"http://schemas.microsoft.com/office/word/2003/wordml\"></w:wordDocument>");

    private static readonly byte[] OneTable = Document(Tbl(Tr(Tc("项目名称"), Tc("金额")), Tr(Tc("高标准农田"), Tc("120"))));

    /// <summary>Returns <paramref name="docx"/> or throws <paramref name="failure"/>; records what it was given.</summary>
    private sealed class StubConverter(byte[]? docx, DocumentConversionException? failure = null) : IDocumentConverter
    {
        public string? FileName { get; private set; }
        public int Calls { get; private set; }

        public byte[] ConvertToDocx(ReadOnlyMemory<byte> content, string fileName)
        {
            Calls++;
            FileName = fileName;
            if (failure is not null) throw failure;
            return docx!;
        }
    }

    private static ContainerContent Read(byte[] bytes, string name, IDocumentConverter? converter, EngineLimits? limits = null) =>
        LegacyWordReader.Read(bytes, converter, new ReadContext(name, limits ?? new EngineLimits()));

    private static DisclosureError Refusal(byte[] bytes, string name, IDocumentConverter? converter, EngineLimits? limits = null) =>
        Assert.Throws<DisclosureException>(() => Read(bytes, name, converter, limits)).Error;

    [Theory]
    [InlineData("form.doc", "doc")]
    [InlineData("form.wps", "wps")]
    [InlineData("FORM.WPS", "wps")]
    [InlineData("form.wpsx", "doc")]
    [InlineData("form", "doc")]
    public void A_compound_file_is_a_word_binary_or_a_wps_binary_by_its_name(string name, string format)
    {
        var converter = new StubConverter(OneTable);

        var content = Read(WordBinary, name, converter);

        Assert.Equal(format, content.Format);
        Assert.Equal(name, converter.FileName);
        Assert.Equal(1, converter.Calls);
        var grid = Assert.Single(content.Grids);
        Assert.Equal("table 1", grid.Name);
        Assert.Equal("1:|项目名称|金额\n2:|高标准农田|120\n", ReadingFixtures.Dump(grid));
    }

    [Fact]
    public void Rtf_and_word_xml_are_named_by_their_content_whatever_the_name()
    {
        Assert.Equal("rtf", Read(Rtf, "form.doc", new StubConverter(OneTable)).Format);
        Assert.Equal("wordml", Read(WordXml, "form.doc", new StubConverter(OneTable)).Format);
        // An RTF start cut short is no RTF.
        Assert.Equal("wordml", Read(Encoding.ASCII.GetBytes(@"{\rt"), "form.doc", new StubConverter(OneTable)).Format);
        Assert.Equal("wordml", Read([0xD0, 0xCF, 0x11], "form.wps", new StubConverter(OneTable)).Format);
    }

    [Theory]
    [InlineData("form.wps", "wps")]
    [InlineData("form.doc", "doc")]
    public void Without_a_converter_the_document_is_refused_naming_its_format(string name, string format)
    {
        var error = Refusal(WordBinary, name, null);

        Assert.Equal(DisclosureErrorCode.ConverterUnavailable, error.Code);
        Assert.Equal($"the file is a legacy word-processing document ({format}); reading it needs a document converter " +
            "(LibreOffice), which this host does not provide; install it or save the file as .docx", error.Message);
        Assert.Equal(name, error.FileName);
        Assert.Null(error.Location);
    }

    [Fact]
    public void A_converter_that_cannot_start_is_the_hosts_fault()
    {
        var error = Refusal(Rtf, "form.rtf",
            new StubConverter(null, new DocumentConversionException(ConversionFailure.Unavailable, "soffice not found")));

        Assert.Equal(DisclosureErrorCode.ConverterUnavailable, error.Code);
        Assert.Equal("the file is a legacy word-processing document (rtf) and the document converter is not available: soffice not found",
            error.Message);
    }

    [Fact]
    public void A_conversion_out_of_time_is_unreadable()
    {
        var error = Refusal(WordBinary, "form.doc",
            new StubConverter(null, new DocumentConversionException(ConversionFailure.TimedOut, "stopped after 60 s")));

        Assert.Equal(DisclosureErrorCode.Unreadable, error.Code);
        Assert.Equal("the legacy document (doc) could not be converted in time: stopped after 60 s", error.Message);
    }

    [Fact]
    public void A_failed_conversion_says_the_document_is_damaged()
    {
        var error = Refusal(WordXml, "form.xml",
            new StubConverter(null, new DocumentConversionException(ConversionFailure.Failed, "no output")));

        Assert.Equal(DisclosureErrorCode.Unreadable, error.Code);
        Assert.Equal("the legacy document (wordml) is damaged or not what it claims: the converter could not read it (no output)",
            error.Message);
    }

    [Fact]
    public void Other_exceptions_of_the_converter_are_not_caught_here()
    {
        // ContainerReader turns them into Unreadable with the exception's type; this reader lets them through.
        var converter = new ThrowingConverter();
        Assert.Throws<InvalidOperationException>(() => Read(WordBinary, "form.doc", converter));
    }

    private sealed class ThrowingConverter : IDocumentConverter
    {
        public byte[] ConvertToDocx(ReadOnlyMemory<byte> content, string fileName) => throw new InvalidOperationException("bug");
    }

    [Fact]
    public void An_empty_conversion_is_no_document()
    {
        var error = Refusal(WordBinary, "form.wps", new StubConverter([]));

        Assert.Equal(DisclosureErrorCode.Unreadable, error.Code);
        Assert.Equal("the converter turned the legacy document (wps) into 0 bytes, which is no document the engine reads", error.Message);
    }

    [Fact]
    public void A_conversion_larger_than_four_times_the_file_limit_is_refused_and_four_times_is_read()
    {
        // A document of a length divisible by four, so the limit can sit exactly on it.
        var docx = Enumerable.Range(0, 4)
            .Select(pad => Document(Tbl(Tr(Tc("项目名称" + new string('x', pad)), Tc("金额")))))
            .First(d => d.Length % 4 == 0);
        Assert.True(docx.Length < 1000); // no thousands separator in the message

        var atLimit = Read(WordBinary, "form.doc", new StubConverter(docx), new EngineLimits { MaxFileBytes = docx.Length / 4 });
        Assert.Equal("doc", atLimit.Format);

        var error = Refusal(WordBinary, "form.doc", new StubConverter(docx), new EngineLimits { MaxFileBytes = docx.Length / 4 - 1 });
        Assert.Equal(DisclosureErrorCode.Unreadable, error.Code);
        Assert.Equal($"the converter turned the legacy document (doc) into {docx.Length} bytes, which is no document the engine reads",
            error.Message);
    }

    [Fact]
    public void A_conversion_into_a_workbook_is_not_a_word_document()
    {
        var workbook = Sheet("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>项目</t></is></c></row>");

        var error = Refusal(Rtf, "form.rtf", new StubConverter(workbook));

        Assert.Equal(DisclosureErrorCode.Unreadable, error.Code);
        Assert.Equal("the converter did not turn the legacy document (rtf) into a Word document", error.Message);
    }

    [Fact]
    public void A_converted_document_without_a_table_is_refused_as_the_docx_reader_refuses_it()
    {
        var error = Refusal(WordBinary, "form.doc", new StubConverter(Document(P("只有段落"))));

        Assert.Equal(DisclosureErrorCode.NoTable, error.Code);
        Assert.Equal("no table found in the Word document: its body has paragraphs only", error.Message);
    }

    [Fact]
    public void Through_the_container_reader_the_converter_is_the_one_given()
    {
        var converter = new StubConverter(OneTable);

        var content = ContainerReader.Read(WordBinary, "预算.wps", new EngineLimits(), converter);

        Assert.Equal("wps", content.Format);
        Assert.Equal("预算.wps", converter.FileName);
        Assert.Equal(["项目名称", "金额"], content.Grids[0].Row(0));
    }
}
