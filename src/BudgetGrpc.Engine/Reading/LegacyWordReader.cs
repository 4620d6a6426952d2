using BudgetGrpc.Engine.Model;

namespace BudgetGrpc.Engine.Reading;

/// <summary>
/// Legacy word-processing documents (Word 97–2003 and WPS binaries, RTF, Word 2003 XML): the host's converter turns
/// them into a .docx, which <see cref="DocxReader"/> reads like any other. No maintained .NET library reads the
/// tables of a Word binary (see docs/engine.md), and the engine itself runs no process.
/// </summary>
internal static class LegacyWordReader
{
    public static ContainerContent Read(ReadOnlyMemory<byte> content, IDocumentConverter? converter, ReadContext context)
    {
        var format = FormatOf(content.Span, context.FileName);
        if (converter is null)
            throw context.Fail(DisclosureErrorCode.ConverterUnavailable,
                $"the file is a legacy word-processing document ({format}); reading it needs a document converter " +
                "(LibreOffice), which this host does not provide; install it or save the file as .docx");

        byte[] docx;
        try
        {
            docx = converter.ConvertToDocx(content, context.FileName);
        }
        catch (DocumentConversionException ex)
        {
            throw context.Fail(ex.Failure == ConversionFailure.Unavailable ? DisclosureErrorCode.ConverterUnavailable : DisclosureErrorCode.Unreadable,
                ex.Failure switch
                {
                    ConversionFailure.Unavailable => $"the file is a legacy word-processing document ({format}) and the document converter is not available: {ex.Message}",
                    ConversionFailure.TimedOut => $"the legacy document ({format}) could not be converted in time: {ex.Message}",
                    _ => $"the legacy document ({format}) is damaged or not what it claims: the converter could not read it ({ex.Message})",
                });
        }

        if (docx.Length == 0 || docx.Length > context.Limits.MaxFileBytes * 4L)
            throw context.Fail(DisclosureErrorCode.Unreadable,
                $"the converter turned the legacy document ({format}) into {docx.Length:N0} bytes, which is no document the engine reads");
        if (ZipGuard.Inspect(docx, context) != "docx")
            throw context.Fail(DisclosureErrorCode.Unreadable,
                $"the converter did not turn the legacy document ({format}) into a Word document");
        var read = DocxReader.Read(docx, context);
        return read with { Format = format };
    }

    /// <summary>"doc" (Word/WPS binary), "wps" (a WPS-named binary), "rtf" or "wordml" (Word 2003 XML, flat OPC).</summary>
    private static string FormatOf(ReadOnlySpan<byte> bytes, string fileName)
    {
        if (bytes is [0xD0, 0xCF, 0x11, 0xE0, ..])
            return Path.GetExtension(fileName).Equals(".wps", StringComparison.OrdinalIgnoreCase) ? "wps" : "doc";
        if (bytes is [(byte)'{', (byte)'\\', (byte)'r', (byte)'t', (byte)'f', ..]) return "rtf";
        return "wordml";
    }
}
