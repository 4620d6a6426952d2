using BudgetGrpc.Engine.Model;
using DocumentFormat.OpenXml.Packaging;

namespace BudgetGrpc.Engine.Reading;

/// <summary>
/// Reads every top-level table of a .docx body, in order. The OpenXML SDK resolves the package; the body is
/// streamed (see <see cref="DocxBodyWalker"/>), so memory follows the tables kept, not the size of the XML.
/// </summary>
internal static class DocxReader
{
    public static ContainerContent Read(ReadOnlyMemory<byte> content, ReadContext context)
    {
        using var stream = ZipGuard.OpenStream(content);
        using var package = ZipGuard.OpenPackage(stream);
        using var document = WordprocessingDocument.Open(package, new OpenSettings
        {
            AutoSave = false,
            MaxCharactersInPart = ZipGuard.MaxCharactersInPart(context.Limits),
        });
        var part = document.MainDocumentPart
            ?? throw context.Fail(DisclosureErrorCode.Unreadable, "the Word package has no main document part");

        List<CellGrid> grids;
        using (var xml = OoxmlXml.Open(part, context)) grids = new DocxBodyWalker(context).Read(xml);
        if (grids.Count == 0)
            throw context.Fail(DisclosureErrorCode.NoTable, "no table found in the Word document: its body has paragraphs only");
        return new ContainerContent("docx", grids);
    }
}
