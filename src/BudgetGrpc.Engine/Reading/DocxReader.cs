using System.Text;
using BudgetGrpc.Engine.Model;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace BudgetGrpc.Engine.Reading;

/// <summary>
/// Reads every top-level table of a .docx body, in order, with the OpenXML SDK. gridSpan and vMerge are filled
/// from their anchor; the body paragraphs since the previous table become the table's preamble.
/// </summary>
internal static class DocxReader
{
    private const int MaxPreambleLines = 20;

    public static ContainerContent Read(ReadOnlyMemory<byte> content, ReadContext context)
    {
        using var stream = ZipGuard.OpenStream(content);
        using var package = ZipGuard.OpenPackage(stream);
        using var document = WordprocessingDocument.Open(package, new OpenSettings
        {
            AutoSave = false,
            MaxCharactersInPart = ZipGuard.MaxCharactersInPart(context.Limits),
        });
        var body = document.MainDocumentPart?.Document?.Body
            ?? throw context.Fail(DisclosureErrorCode.Unreadable, "the Word package has no document body");

        var grids = new List<CellGrid>();
        var preamble = new List<string>();
        Walk(body, grids, preamble, context);
        if (grids.Count == 0)
            throw context.Fail(DisclosureErrorCode.NoTable, "no table found in the Word document: its body has paragraphs only");
        return new ContainerContent("docx", grids);
    }

    /// <summary>Body children in order; content controls (sdt) around tables and paragraphs are looked through.</summary>
    private static void Walk(OpenXmlElement container, List<CellGrid> grids, List<string> preamble, ReadContext context)
    {
        foreach (var child in container.ChildElements)
        {
            switch (child)
            {
                case Table table:
                    grids.Add(ReadTable(table, $"table {grids.Count + 1}", [.. preamble], context));
                    preamble.Clear();
                    break;
                case Paragraph paragraph:
                    var text = ParagraphText(paragraph).Trim();
                    if (text.Length == 0) break;
                    if (preamble.Count == MaxPreambleLines) preamble.RemoveAt(0);
                    preamble.Add(context.Cut(text));
                    break;
                case SdtBlock { SdtContentBlock: { } sdtContent }:
                    Walk(sdtContent, grids, preamble, context);
                    break;
                case CustomXmlBlock:
                    Walk(child, grids, preamble, context);
                    break;
            }
        }
    }

    private static CellGrid ReadTable(Table table, string name, List<string> preamble, ReadContext context)
    {
        var builder = new GridBuilder(context, name);
        var row = 0;
        foreach (var tableRow in Rows(table))
        {
            builder.EnsureRows(row + 1);
            var column = (int)Math.Min(tableRow.TableRowProperties?.GetFirstChild<GridBefore>()?.Val?.Value ?? 0, 1000);
            foreach (var cell in Cells(tableRow))
            {
                var properties = cell.TableCellProperties;
                var span = (int)Math.Clamp(properties?.GridSpan?.Val?.Value ?? 1, 1, 1000);
                var vMerge = properties?.VerticalMerge;
                var continuesAbove = vMerge is not null && (vMerge.Val is null || vMerge.Val.Value == MergedCellValues.Continue);
                if (properties?.HorizontalMerge is { } hMerge
                    && (hMerge.Val is null || hMerge.Val.Value == MergedCellValues.Continue) && column > 0)
                {
                    // Legacy horizontal merge: this cell continues the one to its left.
                    var left = builder.Get(row, column - 1) ?? "";
                    for (var c = 0; c < span; c++) builder.Set(row, column + c, left, continuation: true);
                    column += span;
                    continue;
                }
                if (continuesAbove && row > 0)
                {
                    for (var c = 0; c < span; c++)
                        builder.Set(row, column + c, builder.Get(row - 1, column + c) ?? "", continuation: true);
                }
                else
                {
                    var text = context.Cut(CellText(cell));
                    builder.Set(row, column, text, continuation: false);
                    for (var c = 1; c < span; c++) builder.Set(row, column + c, text, continuation: true);
                }
                column += span;
            }
            row++;
        }
        return builder.Build(null, preamble);
    }

    private static IEnumerable<TableRow> Rows(Table table)
    {
        foreach (var child in table.ChildElements)
        {
            if (child is TableRow row) yield return row;
            else if (child is SdtRow { SdtContentRow: { } content })
                foreach (var inner in content.Elements<TableRow>()) yield return inner;
            else if (child is CustomXmlRow)
                foreach (var inner in child.Elements<TableRow>()) yield return inner;
        }
    }

    private static IEnumerable<TableCell> Cells(TableRow row)
    {
        foreach (var child in row.ChildElements)
        {
            if (child is TableCell cell) yield return cell;
            else if (child is SdtCell { SdtContentCell: { } content })
                foreach (var inner in content.Elements<TableCell>()) yield return inner;
            else if (child is CustomXmlCell)
                foreach (var inner in child.Elements<TableCell>()) yield return inner;
        }
    }

    /// <summary>The cell's paragraphs (nested tables' included) joined by '\n'; empty paragraphs are dropped.</summary>
    private static string CellText(TableCell cell)
    {
        StringBuilder? builder = null;
        string? single = null;
        foreach (var paragraph in cell.Descendants<Paragraph>())
        {
            var text = ParagraphText(paragraph).Trim();
            if (text.Length == 0) continue;
            if (single is null && builder is null) single = text;
            else (builder ??= new StringBuilder(single)).Append('\n').Append(text);
        }
        return builder?.ToString() ?? single ?? "";
    }

    /// <summary>Text of the runs, with tabs and line breaks; deleted revisions are a different element and stay out.</summary>
    internal static string ParagraphText(Paragraph paragraph)
    {
        var builder = new StringBuilder();
        foreach (var element in paragraph.Descendants())
        {
            switch (element)
            {
                case Text text:
                    builder.Append(text.Text);
                    break;
                case TabChar:
                    builder.Append('\t');
                    break;
                case Break or CarriageReturn:
                    builder.Append('\n');
                    break;
                case NoBreakHyphen:
                    builder.Append('-');
                    break;
            }
        }
        return builder.ToString();
    }
}
