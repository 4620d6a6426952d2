using System.Globalization;
using System.Text;
using System.Xml;
using BudgetGrpc.Engine.Model;

namespace BudgetGrpc.Engine.Reading;

/// <summary>
/// Reads an XML Spreadsheet 2003 workbook (SpreadsheetML: <c>&lt;Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"&gt;</c>),
/// which budgeting systems export under <c>.xls</c> and Excel saves as "XML Spreadsheet 2003", into grids like the other
/// spreadsheet readers': every visible worksheet with a cell, strings as written (rich-text runs joined), numbers as the
/// invariant round trip of the stored value, DateTime cells as dates, booleans TRUE/FALSE, merges (MergeAcross,
/// MergeDown) filled from their anchor and flagged, rows and columns placed by their ss:Index, text-less rows left out,
/// SourceRow the sheet row. The text is streamed with XmlReader (no DTD, no resolver), so memory follows the cells kept.
/// </summary>
internal static class SpreadsheetXmlReader
{
    private const string SpreadsheetNamespace = "urn:schemas-microsoft-com:office:spreadsheet";
    private const int MaxRow = 1_048_576;
    private const int MaxColumn = 16_384;

    /// <summary>Whether the markup (past its prolog) is a SpreadsheetML workbook.</summary>
    public static bool Is(ReadOnlySpan<char> start) =>
        (start.StartsWith("<Workbook") || start.StartsWith("<ss:Workbook"))
        && start[..Math.Min(start.Length, 4096)].Contains(SpreadsheetNamespace, StringComparison.Ordinal);

    public static ContainerContent Read(string text, ReadContext context)
    {
        using var xml = XmlReader.Create(new StringReader(text), new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        });
        var grids = new List<CellGrid>();
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "Worksheet") continue;
            var name = Attribute(xml, "Name") ?? $"sheet {grids.Count + 1}";
            if (ReadWorksheet(xml, name, context) is { } grid) grids.Add(grid);
        }
        if (grids.Count == 0)
            throw context.Fail(DisclosureErrorCode.NoTable,
                "no table found in the XML spreadsheet: every visible worksheet is empty");
        return new ContainerContent("xmlss", grids);
    }

    /// <summary>The worksheet the reader stands on as a grid (null when it is hidden or has no text); leaves the reader on its end tag.</summary>
    private static CellGrid? ReadWorksheet(XmlReader xml, string name, ReadContext context)
    {
        if (xml.IsEmptyElement) return null;
        var depth = xml.Depth;
        var sheet = new SparseSheet(context, name);
        var merges = new List<(int Row1, int Col1, int Row2, int Col2)>();
        // The merges running down past their row, and the columns (1-based, first to last) they cover in this row: a cell
        // written without its ss:Index goes to the first column past them (LibreOffice writes no index there, and Excel
        // reads it so).
        var tall = new List<(int Row1, int Col1, int Row2, int Col2)>();
        var covered = new List<(int First, int Last)>();
        var coveredAt = 0;
        var hidden = false;
        int row = 0, column = 0;
        var positioned = false; // ReadElementContentAsString leaves the reader on the next node already
        while (positioned || xml.Read())
        {
            positioned = false;
            if (xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth) break;
            if (xml.NodeType != XmlNodeType.Element) continue;
            switch (xml.LocalName)
            {
                case "Row":
                    row = Index(xml, row + 1, MaxRow, context, name, row + 1, "row");
                    column = 0;
                    covered.Clear();
                    tall.RemoveAll(m => m.Row2 < row);
                    foreach (var (row1, col1, row2, col2) in tall)
                        if (row1 < row) covered.Add((col1 + 1, col2 + 1));
                    covered.Sort();
                    coveredAt = 0;
                    // Each merge spanning the row costs its look-up, so a file of many tall merges stays bounded.
                    context.TakeCells(covered.Count, name, row);
                    break;
                case "Cell":
                    var cellRow = Math.Max(row, 1);
                    column = Attribute(xml, "Index") is null ? PastCovered(column + 1, covered, ref coveredAt) : Index(xml, column + 1, MaxColumn, context, name, cellRow, "column");
                    var across = Span(Attribute(xml, "MergeAcross"), MaxColumn - column);
                    var down = Span(Attribute(xml, "MergeDown"), MaxRow - cellRow);
                    var value = ReadCell(xml);
                    if (value.Length > 0) sheet.Set(cellRow, column - 1, value);
                    if (across > 0 || down > 0) merges.Add((cellRow, column - 1, cellRow + down, column - 1 + across));
                    if (down > 0) tall.Add(merges[^1]);
                    column += across;
                    break;
                case "Visible" when xml.NamespaceURI != SpreadsheetNamespace:
                    // <x:WorksheetOptions><x:Visible>SheetHidden</x:Visible>: a sheet the workbook does not show.
                    hidden = xml.ReadElementContentAsString().Trim() is "SheetHidden" or "SheetVeryHidden";
                    positioned = true;
                    break;
            }
        }
        if (hidden || sheet.IsEmpty) return null;
        // A merge may name its anchor before the cells under it are read: filled once every cell is known.
        foreach (var (row1, col1, row2, col2) in merges) sheet.Merge(row1, col1, row2, col2);
        return sheet.Build();
    }

    /// <summary>The 1-based ss:Index of a row or cell, else the next one; an index outside the sheet is damage.</summary>
    private static int Index(XmlReader xml, int next, int max, ReadContext context, string sheet, int row, string what)
    {
        var text = Attribute(xml, "Index");
        if (text is null) return Math.Min(next, max);
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index >= 1 && index <= max
            ? index
            : throw context.Fail(DisclosureErrorCode.Unreadable, $"a {what} has the index \"{text}\", outside the sheet (1 to {max})", sheet, row);
    }

    /// <summary>
    /// The first column from <paramref name="column"/> on that no merge from above covers; <paramref name="at"/> walks the
    /// row's covered ranges (sorted) once as its cells go left to right.
    /// </summary>
    private static int PastCovered(int column, List<(int First, int Last)> covered, ref int at)
    {
        while (at < covered.Count && covered[at].Last < column) at++;
        while (at < covered.Count && covered[at].First <= column)
        {
            column = Math.Max(column, covered[at].Last + 1);
            at++;
        }
        return Math.Min(column, MaxColumn);
    }

    /// <summary>How many more cells a merge covers (MergeAcross="2": two), bounded by the sheet's edge.</summary>
    private static int Span(string? text, int left) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var span) ? Math.Clamp(span, 0, Math.Max(left, 0)) : 0;

    /// <summary>The text of the &lt;Cell&gt; the reader stands on, from its &lt;Data&gt;; leaves the reader on the cell's end tag.</summary>
    private static string ReadCell(XmlReader xml)
    {
        if (xml.IsEmptyElement) return "";
        var depth = xml.Depth;
        var value = "";
        var positioned = false; // Skip() leaves the reader on the next node already
        while (positioned || xml.Read())
        {
            positioned = false;
            if (xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth) break;
            if (xml.NodeType != XmlNodeType.Element) continue;
            if (xml.LocalName == "Data") value = CellText(Attribute(xml, "Type"), DataText(xml));
            else if (!xml.IsEmptyElement)
            {
                xml.Skip(); // a comment or a named-cell mark is no content
                positioned = true;
            }
        }
        return value;
    }

    /// <summary>
    /// The text of a &lt;Data&gt; element: its text nodes in order, a rich-text cell's runs (&lt;Font&gt;, &lt;B&gt; …)
    /// joined, whitespace-only nodes between runs left out. Leaves the reader on the element's end tag.
    /// </summary>
    private static string DataText(XmlReader xml)
    {
        if (xml.IsEmptyElement) return "";
        var depth = xml.Depth;
        var text = new StringBuilder();
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth) break;
            if (xml.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace) text.Append(xml.Value);
        }
        return text.ToString();
    }

    private static string CellText(string? type, string raw) => type switch
    {
        "Number" => XlsxNumberFormats.FormatNumber(raw),
        "Boolean" => raw.Trim() is "1" or "true" ? "TRUE" : "FALSE",
        "DateTime" => XlsxNumberFormats.FormatStamp(raw),
        _ => raw,
    };

    private static string? Attribute(XmlReader xml, string localName) => OoxmlXml.Attribute(xml, localName);
}
