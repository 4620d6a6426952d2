using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using S = DocumentFormat.OpenXml.Spreadsheet;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace BudgetGrpc.Engine.Tests.Reading;

/// <summary>Builds small .xlsx/.docx files with the OpenXML SDK, so the readers meet what real producers write.</summary>
internal static class SyntheticOoxml
{
    public sealed record SheetSpec(string Name, IReadOnlyList<S.Row> Rows, IReadOnlyList<string>? Merges = null, bool Hidden = false);

    /// <summary>Style 1: built-in date (14); 2: custom "yyyy/m/d h:mm"; 3: custom "[h]:mm" (a duration); 4: "0.00".</summary>
    public static byte[] Workbook(IReadOnlyList<SheetSpec> sheets, IReadOnlyList<S.SharedStringItem>? sharedStrings = null, bool date1904 = false)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new S.Workbook(new S.WorkbookProperties { Date1904 = date1904 });
            var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new S.Stylesheet(
                new S.NumberingFormats(
                    new S.NumberingFormat { NumberFormatId = 164, FormatCode = "yyyy/m/d h:mm" },
                    new S.NumberingFormat { NumberFormatId = 165, FormatCode = "[h]:mm" }),
                new S.Fonts(new S.Font()),
                new S.Fills(new S.Fill()),
                new S.Borders(new S.Border()),
                new S.CellFormats(
                    new S.CellFormat { NumberFormatId = 0 },
                    new S.CellFormat { NumberFormatId = 14, ApplyNumberFormat = true },
                    new S.CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
                    new S.CellFormat { NumberFormatId = 165, ApplyNumberFormat = true },
                    new S.CellFormat { NumberFormatId = 2, ApplyNumberFormat = true }));
            if (sharedStrings is not null)
            {
                var sst = workbookPart.AddNewPart<SharedStringTablePart>();
                sst.SharedStringTable = new S.SharedStringTable(sharedStrings.Select(s => (S.SharedStringItem)s.CloneNode(true)));
            }
            var sheetList = workbookPart.Workbook.AppendChild(new S.Sheets());
            uint id = 1;
            foreach (var spec in sheets)
            {
                var worksheetPart = workbookPart.AddNewPart<WorksheetPart>();
                var worksheet = new S.Worksheet(new S.SheetData(spec.Rows.Select(r => (S.Row)r.CloneNode(true))));
                if (spec.Merges is { Count: > 0 })
                    worksheet.Append(new S.MergeCells(spec.Merges.Select(m => new S.MergeCell { Reference = m })));
                worksheetPart.Worksheet = worksheet;
                sheetList.Append(new S.Sheet
                {
                    Name = spec.Name,
                    SheetId = id++,
                    Id = workbookPart.GetIdOfPart(worksheetPart),
                    State = spec.Hidden ? S.SheetStateValues.Hidden : null,
                });
            }
        }
        return stream.ToArray();
    }

    public static S.Row Row(uint index, params S.Cell[] cells) => new(cells) { RowIndex = index };

    public static S.Cell Text(string reference, string text) =>
        new(new S.InlineString(new S.Text(text))) { CellReference = reference, DataType = S.CellValues.InlineString };

    public static S.Cell Shared(string reference, int index) =>
        new(new S.CellValue(index.ToString(System.Globalization.CultureInfo.InvariantCulture))) { CellReference = reference, DataType = S.CellValues.SharedString };

    public static S.Cell Number(string reference, string stored, uint style = 0) =>
        new(new S.CellValue(stored)) { CellReference = reference, StyleIndex = style == 0 ? null : style };

    public static byte[] Document(params OpenXmlElement[] bodyContent)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new W.Document(new W.Body(bodyContent));
        }
        return stream.ToArray();
    }

    public static W.Paragraph Paragraph(string text) => new(new W.Run(new W.Text(text)));

    public static W.Table Table(params W.TableRow[] rows) => new([new W.TableProperties(), .. rows]);

    public static W.TableRow TableRow(params W.TableCell[] cells) => new(cells);

    public static W.TableCell Cell(string text, int gridSpan = 1, W.MergedCellValues? vMerge = null, bool vMergeContinue = false)
    {
        var properties = new W.TableCellProperties();
        if (gridSpan > 1) properties.Append(new W.GridSpan { Val = gridSpan });
        if (vMerge is { } value) properties.Append(new W.VerticalMerge { Val = value });
        else if (vMergeContinue) properties.Append(new W.VerticalMerge());
        var paragraphs = text.Split('\n').Select(line => (OpenXmlElement)Paragraph(line));
        return new W.TableCell([properties, .. paragraphs]);
    }
}
