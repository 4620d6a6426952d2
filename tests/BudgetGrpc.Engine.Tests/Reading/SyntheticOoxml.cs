using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using S = DocumentFormat.OpenXml.Spreadsheet;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace BudgetGrpc.Engine.Tests.Reading;

/// <summary>Builds small .xlsx/.docx files with the OpenXML SDK, so the readers meet what real producers write.</summary>
internal static class SyntheticOoxml
{
    /// <param name="ColumnWidths">Column widths in characters, first column first (none: the program's default).</param>
    /// <param name="PrintFitToWidth">Printed landscape with all columns scaled onto the page width, as wide forms are.</param>
    public sealed record SheetSpec(string Name, IReadOnlyList<S.Row> Rows, IReadOnlyList<string>? Merges = null, bool Hidden = false,
        IReadOnlyList<double>? ColumnWidths = null, bool PrintFitToWidth = false);

    /// <summary>Style 1: built-in date (14); 2: custom "yyyy/m/d h:mm"; 3: custom "[h]:mm" (a duration); 4: "0.00";
    /// 5: a ruled cell whose text wraps (a form's cell); 6: a ruled date cell.</summary>
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
                new S.Borders(new S.Border(), RuledBorder()),
                new S.CellFormats(
                    new S.CellFormat { NumberFormatId = 0 },
                    new S.CellFormat { NumberFormatId = 14, ApplyNumberFormat = true },
                    new S.CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
                    new S.CellFormat { NumberFormatId = 165, ApplyNumberFormat = true },
                    new S.CellFormat { NumberFormatId = 2, ApplyNumberFormat = true },
                    new S.CellFormat(new S.Alignment { WrapText = true, Vertical = S.VerticalAlignmentValues.Center })
                        { NumberFormatId = 0, BorderId = 1, ApplyBorder = true, ApplyAlignment = true },
                    new S.CellFormat { NumberFormatId = 14, BorderId = 1, ApplyBorder = true, ApplyNumberFormat = true }));
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
                var worksheet = new S.Worksheet();
                if (spec.PrintFitToWidth)
                    worksheet.Append(new S.SheetProperties(new S.PageSetupProperties { FitToPage = true }));
                if (spec.ColumnWidths is { Count: > 0 } widths)
                    worksheet.Append(new S.Columns(widths.Select((w, i) => new S.Column
                        { Min = (uint)i + 1, Max = (uint)i + 1, Width = w, CustomWidth = true })));
                worksheet.Append(new S.SheetData(spec.Rows.Select(r => (S.Row)r.CloneNode(true))));
                if (spec.Merges is { Count: > 0 })
                    worksheet.Append(new S.MergeCells(spec.Merges.Select(m => new S.MergeCell { Reference = m })));
                if (spec.PrintFitToWidth)
                {
                    worksheet.Append(new S.PageMargins { Left = 0.4, Right = 0.4, Top = 0.5, Bottom = 0.5, Header = 0.3, Footer = 0.3 });
                    worksheet.Append(new S.PageSetup { Orientation = S.OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0, PaperSize = 9 });
                }
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

    private static S.Border RuledBorder() => new(
        new S.LeftBorder { Style = S.BorderStyleValues.Thin }, new S.RightBorder { Style = S.BorderStyleValues.Thin },
        new S.TopBorder { Style = S.BorderStyleValues.Thin }, new S.BottomBorder { Style = S.BorderStyleValues.Thin },
        new S.DiagonalBorder());

    public static S.Row Row(uint index, params S.Cell[] cells) => new(cells) { RowIndex = index };

    public static S.Cell Text(string reference, string text, uint style = 0) =>
        new(new S.InlineString(new S.Text(text))) { CellReference = reference, DataType = S.CellValues.InlineString, StyleIndex = style == 0 ? null : style };

    /// <summary>A cell with no value, only a style (a ruled blank in a form).</summary>
    public static S.Cell Blank(string reference, uint style) => new() { CellReference = reference, StyleIndex = style };

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

    /// <summary>The last section of a document laid out as wide tables are: A4 landscape, narrow margins.</summary>
    public static W.SectionProperties Landscape() => new(
        new W.PageSize { Width = 16838, Height = 11906, Orient = W.PageOrientationValues.Landscape },
        new W.PageMargin { Top = 720, Bottom = 720, Left = 720, Right = 720, Header = 425, Footer = 425, Gutter = 0 });

    /// <summary>
    /// A table as Word writes a form: single rules around and between all cells, the page's width shared among the
    /// columns in proportion to <paramref name="weights"/>.
    /// </summary>
    public static W.Table RuledTable(IReadOnlyList<double> weights, IEnumerable<W.TableRow> rows)
    {
        const int pageWidth = 16838 - 2 * 720; // twips
        var total = weights.Sum();
        var widths = weights.Select(w => (int)Math.Round(pageWidth * w / total)).ToList();
        W.BorderType Single<T>() where T : W.BorderType, new() => new T { Val = W.BorderValues.Single, Size = 4, Space = 0, Color = "000000" };
        var properties = new W.TableProperties(
            new W.TableWidth { Type = W.TableWidthUnitValues.Dxa, Width = pageWidth.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            new W.TableBorders(Single<W.TopBorder>(), Single<W.LeftBorder>(), Single<W.BottomBorder>(), Single<W.RightBorder>(),
                Single<W.InsideHorizontalBorder>(), Single<W.InsideVerticalBorder>()),
            new W.TableLayout { Type = W.TableLayoutValues.Fixed });
        var grid = new W.TableGrid(widths.Select(w => new W.GridColumn { Width = w.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
        return new W.Table([properties, grid, .. rows]);
    }

    public static W.Paragraph Paragraph(string text) => new(new W.Run(new W.Text(text)));

    public static W.Table Table(params W.TableRow[] rows) => new([new W.TableProperties(), .. rows]);

    public static W.TableRow TableRow(params W.TableCell[] cells) => new(cells);

    public static W.TableCell Cell(string text, int gridSpan = 1, W.MergedCellValues? vMerge = null, bool vMergeContinue = false, int halfPoints = 0)
    {
        var properties = new W.TableCellProperties();
        if (gridSpan > 1) properties.Append(new W.GridSpan { Val = gridSpan });
        if (vMerge is { } value) properties.Append(new W.VerticalMerge { Val = value });
        else if (vMergeContinue) properties.Append(new W.VerticalMerge());
        var paragraphs = text.Split('\n').Select(line => (OpenXmlElement)(halfPoints > 0
            ? new W.Paragraph(new W.Run(new W.RunProperties(new W.FontSize { Val = halfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture) }), new W.Text(line)))
            : Paragraph(line)));
        return new W.TableCell([properties, .. paragraphs]);
    }
}
