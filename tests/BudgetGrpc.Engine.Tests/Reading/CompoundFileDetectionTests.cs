using BudgetGrpc.Engine.Model;
using BudgetGrpc.Engine.Reading;
using Xunit;
using static BudgetGrpc.Engine.Tests.Reading.ReadingFixtures;

namespace BudgetGrpc.Engine.Tests.Reading;

/// <summary>What an OLE2 compound file holds decides its reader: a workbook, a Word document, an encrypted package, a Works text.</summary>
public class CompoundFileDetectionTests
{
    private const string Encrypted =
        "the file is password-protected (an encrypted Office package); save it again without a password";

    private static ContainerKind Kind(byte[] bytes, string name) =>
        FormatDetector.Detect(bytes, new ReadContext(name, new EngineLimits())).Kind;

    private static DisclosureError DetectError(byte[] bytes, string name) =>
        Assert.Throws<DisclosureException>(() => FormatDetector.Detect(bytes, new ReadContext(name, new EngineLimits()))).Error;

    private static string NeitherWorkbookNorDocument(string streams) =>
        $"the file is an OLE2 compound file but holds neither an Excel workbook nor a Word document (its streams: {streams})";

    [Fact]
    public void The_synthetic_file_lists_its_streams_as_the_directory_reader_sees_them() =>
        Assert.Equal(["Root Entry", "\u0005SummaryInformation", "CONTENTS"],
            CompoundFile.EntryNames(SyntheticCompoundFile.WithStreams("\u0005SummaryInformation", "CONTENTS")));

    [Theory]
    [InlineData("Workbook", "book.xls")]
    [InlineData("Book", "book.xls")] // Excel 5/95 (BIFF5)
    [InlineData("book", "old.et")]
    [InlineData("Workbook", "book.doc")]
    public void A_workbook_stream_is_a_legacy_workbook(string stream, string name) =>
        Assert.Equal(ContainerKind.Xls, Kind(SyntheticCompoundFile.WithStreams("\u0005SummaryInformation", stream, "\u0001CompObj"), name));

    [Theory]
    [InlineData("form.doc")]
    [InlineData("form.wps")]
    [InlineData("form.xls")]
    public void A_word_document_stream_is_a_legacy_word_document(string name) =>
        Assert.Equal(ContainerKind.LegacyWord, Kind(SyntheticCompoundFile.WithStreams("1Table", "WordDocument", "Data"), name));

    [Fact]
    public void An_encrypted_office_package_asks_for_the_file_without_its_password()
    {
        // What Office writes for a password-protected .xlsx or .docx: the real package is inside EncryptedPackage.
        var bytes = SyntheticCompoundFile.WithStreams("\u0006DataSpaces", "EncryptionInfo", "EncryptedPackage");

        var error = Assert.Throws<DisclosureException>(() => Read(bytes, "预算.xlsx")).Error;

        Assert.Equal(DisclosureErrorCode.UnsupportedFormat, error.Code);
        Assert.Equal(Encrypted, error.Message);
        Assert.Equal("预算.xlsx", error.FileName);
    }

    [Theory]
    [InlineData("EncryptionInfo")]
    [InlineData("EncryptedPackage")]
    public void Either_stream_of_an_encrypted_package_is_enough_to_say_so(string stream)
    {
        var error = DetectError(SyntheticCompoundFile.WithStreams("\u0006DataSpaces", stream), "预算.docx");
        Assert.Equal(DisclosureErrorCode.UnsupportedFormat, error.Code);
        Assert.Equal(Encrypted, error.Message);
    }

    [Theory]
    [InlineData("old.wps")]
    [InlineData("OLD.WPS")]
    public void A_works_text_named_wps_with_a_contents_stream_goes_to_the_converter(string name)
    {
        var bytes = SyntheticCompoundFile.WithStreams("CONTENTS", "\u0005SummaryInformation");
        Assert.Equal(ContainerKind.LegacyWord, Kind(bytes, name));

        var error = Assert.Throws<DisclosureException>(() => Read(bytes, name)).Error;

        Assert.Equal(DisclosureErrorCode.ConverterUnavailable, error.Code);
    }

    [Theory]
    [InlineData("old.doc")]
    [InlineData("old.xls")]
    [InlineData("old.et")]
    [InlineData("old")]
    public void A_contents_stream_under_another_name_is_neither_workbook_nor_document(string name)
    {
        var error = DetectError(SyntheticCompoundFile.WithStreams("CONTENTS", "\u0005SummaryInformation"), name);
        Assert.Equal(DisclosureErrorCode.UnsupportedFormat, error.Code);
        Assert.Equal(NeitherWorkbookNorDocument("Root Entry, CONTENTS, \u0005SummaryInformation"), error.Message);
    }

    [Fact]
    public void A_wps_name_without_a_contents_stream_is_neither_workbook_nor_document()
    {
        var error = DetectError(SyntheticCompoundFile.WithStreams("\u0005SummaryInformation", "Contents2"), "old.wps");
        Assert.Equal(NeitherWorkbookNorDocument("Root Entry, \u0005SummaryInformation, Contents2"), error.Message);
    }

    [Fact]
    public void The_refusal_names_the_first_eight_streams()
    {
        var streams = Enumerable.Range(1, 10).Select(i => $"Stream{i}").ToArray();
        var error = DetectError(SyntheticCompoundFile.WithStreams(streams), "x.xls");
        Assert.Equal(NeitherWorkbookNorDocument("Root Entry, Stream1, Stream2, Stream3, Stream4, Stream5, Stream6, Stream7"), error.Message);
    }
}
