using BudgetGrpc.Engine.Model;

namespace BudgetGrpc.Engine.Reading;

/// <summary>
/// Reads every top-level table of a .docx body, in order. <see cref="OoxmlPackage"/> finds the body; it is
/// streamed (see <see cref="DocxBodyWalker"/>), so memory follows the tables kept, not the size of the XML.
/// </summary>
internal static class DocxReader
{
    public static ContainerContent Read(ReadOnlyMemory<byte> content, ReadContext context)
    {
        using var package = OoxmlPackage.Open(content, context);
        List<CellGrid> grids;
        using (var xml = package.OpenXml(package.MainPart("word/document.xml", "Word"))) grids = new DocxBodyWalker(context).Read(xml);
        if (grids.Count == 0)
            throw context.Fail(DisclosureErrorCode.NoTable, "no table found in the Word document: its body has paragraphs only");
        return new ContainerContent("docx", grids);
    }
}
