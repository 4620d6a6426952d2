using System.Globalization;
using System.Security;
using System.Text;
using BudgetGrpc.Engine.Reading;

namespace BudgetGrpc.Engine.Tests.Reading;

/// <summary>
/// Writes grids as an XML Spreadsheet 2003 workbook, the way Excel saves one ("XML Spreadsheet 2003") or the way
/// LibreOffice and budgeting systems export one: merged ranges as MergeAcross/MergeDown on their anchor, numbers and
/// dates typed, sheet rows numbered by ss:Index where rows were left out.
/// </summary>
internal static class SyntheticSpreadsheetXml
{
    /// <param name="indexAfterMerges">
    /// true as Excel writes: a cell after columns a merge from above covers carries its ss:Index; false as LibreOffice
    /// writes: no index, the reader skips the covered columns.
    /// </param>
    /// <param name="hidden">Names of extra sheets written hidden (WorksheetOptions/Visible SheetHidden), each with one cell.</param>
    public static string Write(IEnumerable<CellGrid> grids, bool indexAfterMerges = true, params string[] hidden)
    {
        var xml = new StringBuilder();
        xml.Append("<?xml version=\"1.0\"?>\n<?mso-application progid=\"Excel.Sheet\"?>\n")
            .Append("<Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\" xmlns:o=\"urn:schemas-microsoft-com:office:office\"")
            .Append(" xmlns:x=\"urn:schemas-microsoft-com:office:excel\" xmlns:ss=\"urn:schemas-microsoft-com:office:spreadsheet\"")
            .Append(" xmlns:html=\"http://www.w3.org/TR/REC-html40\">\n")
            .Append(" <Styles><Style ss:ID=\"Default\" ss:Name=\"Normal\"><Alignment ss:Vertical=\"Center\"/></Style></Styles>\n");
        foreach (var grid in grids) Sheet(xml, grid, indexAfterMerges);
        foreach (var name in hidden)
            xml.Append($" <Worksheet ss:Name=\"{Escape(name)}\"><Table><Row><Cell><Data ss:Type=\"String\">隐藏</Data></Cell></Row></Table>")
                .Append("<WorksheetOptions xmlns=\"urn:schemas-microsoft-com:office:excel\"><Visible>SheetHidden</Visible></WorksheetOptions></Worksheet>\n");
        return xml.Append("</Workbook>\n").ToString();
    }

    private static void Sheet(StringBuilder xml, CellGrid grid, bool indexAfterMerges)
    {
        xml.Append($" <Worksheet ss:Name=\"{Escape(grid.Name ?? "Sheet1")}\">\n  <Table>\n");
        var covered = new HashSet<(int Row, int Column)>();
        var lastSheetRow = 0;
        for (var r = 0; r < grid.RowCount; r++)
        {
            var sheetRow = grid.SourceRow(r);
            xml.Append(sheetRow == lastSheetRow + 1 ? "   <Row>" : $"   <Row ss:Index=\"{sheetRow}\">");
            lastSheetRow = sheetRow;
            var row = grid.Row(r);
            // Where a reader puts the next cell written without an index: after the last one, past what merges from above
            // cover where the writer leaves those columns out (LibreOffice); a cell anywhere else says where it stands.
            var assumed = 0;
            for (var c = 0; c < row.Count; c++)
            {
                if (grid.IsMergedContinuation(r, c) || row[c].Length == 0) continue;
                var (across, down) = Extent(grid, r, c);
                var here = assumed;
                if (!indexAfterMerges)
                    while (covered.Contains((r, here))) here++;
                for (var dr = 0; dr <= down; dr++)
                    for (var dc = 0; dc <= across; dc++)
                        covered.Add((r + dr, c + dc));
                var index = c != here ? $" ss:Index=\"{c + 1}\"" : "";
                var merge = (across > 0 ? $" ss:MergeAcross=\"{across}\"" : "")
                    + (down > 0 ? $" ss:MergeDown=\"{grid.SourceRow(r + down) - sheetRow}\"" : "");
                xml.Append($"<Cell{index}{merge}>{Data(row[c])}</Cell>");
                c += across;
                assumed = c + 1;
            }
            xml.Append("</Row>\n");
        }
        xml.Append("  </Table>\n </Worksheet>\n");
    }

    /// <summary>How far a merge anchored at (r, c) reaches right and down over flagged cells of the same text.</summary>
    private static (int Across, int Down) Extent(CellGrid grid, int r, int c)
    {
        var text = grid.Row(r)[c];
        int across = 0, down = 0;
        while (c + across + 1 < grid.Row(r).Count && grid.IsMergedContinuation(r, c + across + 1) && grid.Row(r)[c + across + 1] == text) across++;
        while (r + down + 1 < grid.RowCount && c < grid.Row(r + down + 1).Count && grid.IsMergedContinuation(r + down + 1, c)
               && grid.Row(r + down + 1)[c] == text) down++;
        return (across, down);
    }

    private static string Data(string text)
    {
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _) && !text.StartsWith('+') && text.Trim() == text)
            return $"<Data ss:Type=\"Number\">{text}</Data>";
        if (DateTime.TryParseExact(text, ["yyyy-MM-dd", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return $"<Data ss:Type=\"DateTime\">{date:yyyy-MM-ddTHH:mm:ss}.000</Data>";
        return $"<Data ss:Type=\"String\">{Escape(text).Replace("\n", "&#10;")}</Data>";
    }

    private static string Escape(string text) => SecurityElement.Escape(text);
}
