using System.Text;
using BudgetGrpc.Engine.Model;
using BudgetGrpc.Engine.Reading;
using Xunit;
using static BudgetGrpc.Engine.Tests.Reading.RawOoxml;

namespace BudgetGrpc.Engine.Tests.Reading;

/// <summary>
/// The entry point of the readers: its own refusals (an empty file), the name it gives an unnamed file, and the
/// last-resort catch that turns a library's exception into Unreadable naming what the file looked like.
/// </summary>
public class ContainerReaderTests
{
    private static readonly byte[] WordBinary = SyntheticCompoundFile.WithStreams("WordDocument");

    private sealed class ThrowingConverter(Exception exception) : IDocumentConverter
    {
        public byte[] ConvertToDocx(ReadOnlyMemory<byte> content, string fileName) => throw exception;
    }

    private static DisclosureError Refusal(byte[] bytes, string name, IDocumentConverter? converter = null) =>
        Assert.Throws<DisclosureException>(() => ContainerReader.Read(bytes, name, new EngineLimits(), converter)).Error;

    [Fact]
    public void An_empty_file_is_refused_as_empty()
    {
        var error = Refusal([], "预算.xlsx");

        Assert.Equal(DisclosureErrorCode.Empty, error.Code);
        Assert.Equal("the file is empty", error.Message);
        Assert.Equal("预算.xlsx", error.FileName);
        Assert.Null(error.Location);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void A_file_without_a_name_is_called_unnamed_in_its_errors(string? name) =>
        Assert.Equal("(unnamed)", Refusal([], name!).FileName);

    [Fact]
    public void Limits_are_required() =>
        Assert.Equal("limits", Assert.Throws<ArgumentNullException>(() => ContainerReader.Read(new byte[] { 1 }, "a.csv", null!)).ParamName);

    [Fact]
    public void A_library_exception_becomes_unreadable_naming_the_format_and_keeping_the_cause()
    {
        var cause = new InvalidOperationException("the converter broke");

        var error = Refusal(WordBinary, "预算.doc", new ThrowingConverter(cause));

        Assert.Equal(DisclosureErrorCode.Unreadable, error.Code);
        Assert.Equal("the file looks like a legacy Word or WPS document (.doc, .wps, .rtf) but is damaged and could not be read " +
            "(InvalidOperationException: the converter broke)", error.Message);
        Assert.Equal("预算.doc", error.FileName);
        Assert.Same(cause, error.Cause);
    }

    [Fact]
    public void Running_out_of_memory_is_not_turned_into_a_damaged_file()
    {
        var oom = new OutOfMemoryException("no heap");
        Assert.Same(oom, Assert.Throws<OutOfMemoryException>(() =>
            ContainerReader.Read(WordBinary, "预算.doc", new EngineLimits(), new ThrowingConverter(oom))));
    }

    [Fact]
    public void A_typed_error_of_a_reader_passes_unchanged()
    {
        var error = Refusal(WordBinary, "预算.doc");
        Assert.Equal(DisclosureErrorCode.ConverterUnavailable, error.Code);
        Assert.Null(error.Cause);
    }

    [Fact]
    public void A_damaged_word_document_is_named_as_a_docx()
    {
        var error = Refusal(Document("<w:tbl><w:tr>"), "预算.docx");

        Assert.Equal(DisclosureErrorCode.Unreadable, error.Code);
        Assert.StartsWith("the file looks like a Word document (.docx) but is damaged and could not be read (XmlException: ", error.Message);
        Assert.IsType<System.Xml.XmlException>(error.Cause);
    }

    [Fact]
    public void A_damaged_workbook_part_is_named_as_an_xlsx()
    {
        var error = Refusal(Workbook("<sheets><sheet name=\"S\"", []), "预算.xlsx");

        Assert.Equal(DisclosureErrorCode.Unreadable, error.Code);
        Assert.StartsWith("the file looks like an Excel workbook (.xlsx) but is damaged and could not be read (XmlException: ", error.Message);
    }

    [Fact]
    public void A_damaged_pdf_is_named_as_a_pdf()
    {
        var error = Refusal(Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 9 0 R\n"), "预算.pdf");

        Assert.Equal(DisclosureErrorCode.Unreadable, error.Code);
        Assert.StartsWith("the file looks like a PDF but is damaged and could not be read (", error.Message);
    }
}
