using System.Text;
using BudgetGrpc.Engine.Model;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace BudgetGrpc.Engine.Reading;

/// <summary>
/// Reads every visible, non-empty worksheet of an .xlsx into a grid with the OpenXML SDK. Sheet data and
/// shared strings are streamed (OpenXmlReader) so that memory follows the cells kept, not the XML size.
/// </summary>
internal static class XlsxReader
{
    public static ContainerContent Read(ReadOnlyMemory<byte> content, ReadContext context)
    {
        using var stream = ZipGuard.OpenStream(content);
        using var document = SpreadsheetDocument.Open(stream, false, new OpenSettings
        {
            AutoSave = false,
            MaxCharactersInPart = ZipGuard.MaxCharactersInPart(context.Limits),
        });
        var workbookPart = document.WorkbookPart
            ?? throw context.Fail(DisclosureErrorCode.Unreadable, "the Excel package has no workbook part");
        var workbook = workbookPart.Workbook
            ?? throw context.Fail(DisclosureErrorCode.Unreadable, "the Excel workbook part is empty");
        var date1904 = workbook.WorkbookProperties?.Date1904?.Value == true;
        var sharedStrings = ReadSharedStrings(workbookPart.SharedStringTablePart, context);
        var dateStyles = XlsxNumberFormats.DateStyles(workbookPart.WorkbookStylesPart?.Stylesheet);
        var sheetReader = new XlsxSheetReader(context, sharedStrings, dateStyles, date1904);

        var grids = new List<CellGrid>();
        var sheets = workbook.Sheets?.Elements<Sheet>() ?? [];
        foreach (var sheet in sheets)
        {
            if (sheet.State?.Value is { } state && state != SheetStateValues.Visible) continue;
            if (sheet.Id?.Value is not { } id || !workbookPart.TryGetPartById(id, out var part)) continue;
            if (part is not WorksheetPart worksheetPart) continue; // chart sheets hold no cells
            var name = sheet.Name?.Value ?? $"sheet {grids.Count + 1}";
            if (ReadSheet(sheetReader, worksheetPart, name, context) is { } grid) grids.Add(grid);
        }
        if (grids.Count == 0)
            throw context.Fail(DisclosureErrorCode.NoTable,
                "no table found in the workbook: every visible sheet is empty");
        return new ContainerContent("xlsx", grids);
    }

    private static CellGrid? ReadSheet(XlsxSheetReader reader, WorksheetPart part, string name, ReadContext context)
    {
        try
        {
            return reader.Read(part, name);
        }
        catch (Exception ex) when (ex is not (DisclosureException or OutOfMemoryException))
        {
            throw context.Fail(DisclosureErrorCode.Unreadable,
                $"sheet '{name}' of the workbook is damaged and could not be read ({ex.GetType().Name}: {ex.Message})", name);
        }
    }

    private static string[] ReadSharedStrings(SharedStringTablePart? part, ReadContext context)
    {
        if (part is null) return [];
        var strings = new List<string>();
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (!reader.IsStartElement || reader.ElementType != typeof(SharedStringItem)) continue;
            // Loaded one item at a time; the reader then stands on the item's end tag.
            var item = (SharedStringItem)reader.LoadCurrentElement()!;
            strings.Add(context.Cut(RichText(item)));
        }
        return [.. strings];
    }

    /// <summary>
    /// The text of a shared string or inline string: plain &lt;t&gt; or the runs of rich text,
    /// leaving out phonetic guides (rPh), which are reading aids and not cell content.
    /// </summary>
    internal static string RichText(OpenXmlCompositeElement item)
    {
        string? single = null;
        StringBuilder? builder = null;
        foreach (var child in item.ChildElements)
        {
            string? piece = child switch
            {
                Text text => text.Text,
                Run run => run.Text?.Text,
                _ => null,
            };
            if (piece is null) continue;
            if (single is null && builder is null) single = piece;
            else (builder ??= new StringBuilder(single)).Append(piece);
        }
        return builder?.ToString() ?? single ?? "";
    }
}
