using System.Xml;
using BudgetGrpc.Engine.Model;

namespace BudgetGrpc.Engine.Reading;

/// <summary>
/// Reads every visible, non-empty worksheet of an .xlsx into a grid. <see cref="OoxmlPackage"/> finds the parts through
/// the relationships; the parts themselves are streamed with XmlReader (see <see cref="OoxmlXml"/>) so that memory
/// follows the cells kept, not the XML size, and a small workbook costs well under a millisecond.
/// </summary>
internal static class XlsxReader
{
    public static ContainerContent Read(ReadOnlyMemory<byte> content, ReadContext context)
    {
        using var package = OoxmlPackage.Open(content, context);
        var workbook = package.MainPart("xl/workbook.xml", "Excel");
        var (date1904, sheets) = ReadWorkbook(package, workbook);
        var parts = package.Relationships(workbook);
        var sharedStrings = ReadSharedStrings(package, parts.FirstOrDefault(r => r.Is("sharedStrings")), context);
        var dateStyles = XlsxNumberFormats.DateStyles(package, parts.FirstOrDefault(r => r.Is("styles"))?.Part);
        var sheetReader = new XlsxSheetReader(context, sharedStrings, dateStyles, date1904);

        var grids = new List<CellGrid>();
        foreach (var (name, visible, id) in sheets)
        {
            // Chart sheets, dialog and macro sheets hold no cells; a sheet whose part is missing is skipped.
            if (!visible || id is null || parts.FirstOrDefault(r => r.Id == id) is not { } part || !part.Is("worksheet")) continue;
            if (ReadSheet(sheetReader, package, part.Part, name ?? $"sheet {grids.Count + 1}", context) is { } grid) grids.Add(grid);
        }
        if (grids.Count == 0)
            throw context.Fail(DisclosureErrorCode.NoTable,
                "no table found in the workbook: every visible sheet is empty");
        return new ContainerContent("xlsx", grids);
    }

    /// <summary>The 1904 date flag and the sheets in workbook order: name, visible, relationship id.</summary>
    private static (bool Date1904, List<(string? Name, bool Visible, string? Id)> Sheets) ReadWorkbook(OoxmlPackage package, string workbook)
    {
        var date1904 = false;
        var sheets = new List<(string?, bool, string?)>();
        using var xml = package.OpenXml(workbook);
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element) continue;
            if (xml.LocalName == "workbookPr")
                date1904 = xml.GetAttribute("date1904") is "1" or "true";
            else if (xml.LocalName == "sheet")
            {
                var name = xml.GetAttribute("name");
                var state = xml.GetAttribute("state");
                string? id = null;
                // r:id lives in the relationships namespace, whose URI differs between Transitional and Strict.
                while (xml.MoveToNextAttribute())
                    if (xml.LocalName == "id" && xml.NamespaceURI.Length > 0) id = xml.Value;
                xml.MoveToElement();
                sheets.Add((name, state is null or "visible", id));
            }
        }
        return (date1904, sheets);
    }

    private static CellGrid? ReadSheet(XlsxSheetReader reader, OoxmlPackage package, string part, string name, ReadContext context)
    {
        try
        {
            using var xml = package.OpenXml(part);
            return reader.Read(xml, name);
        }
        catch (Exception ex) when (ex is not (DisclosureException or OutOfMemoryException))
        {
            context.Cause = ex;
            throw context.Fail(DisclosureErrorCode.Unreadable,
                $"sheet '{name}' of the workbook is damaged and could not be read ({ex.GetType().Name}: {ex.Message})", name);
        }
    }

    private static string[] ReadSharedStrings(OoxmlPackage package, OoxmlPackage.Relationship? part, ReadContext context)
    {
        if (part is null) return [];
        var strings = new List<string>();
        using var xml = package.OpenXml(part.Part);
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "si") continue;
            // More distinct strings than cells the engine would read is no real workbook; stop before the list grows.
            if (strings.Count == context.Limits.MaxCells)
                throw context.Fail(DisclosureErrorCode.TooLarge,
                    $"the workbook holds more than {context.Limits.MaxCells:N0} shared strings, more than the cells the engine reads");
            strings.Add(context.Cut(OoxmlXml.ReadStringItem(xml)));
        }
        return [.. strings];
    }
}
