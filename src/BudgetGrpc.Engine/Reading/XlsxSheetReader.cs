using System.Text;
using System.Globalization;
using System.Xml;
using BudgetGrpc.Engine.Model;

namespace BudgetGrpc.Engine.Reading;

/// <summary>Streams one worksheet's cells and merges into a grid.</summary>
internal sealed class XlsxSheetReader(ReadContext context, string[] sharedStrings, bool[] dateStyles, bool date1904)
{
    /// <summary>The sheet as a grid, or null when it has no non-empty cell.</summary>
    public CellGrid? Read(XmlReader xml, string sheetName)
    {
        var sheet = new SparseSheet(context, sheetName);
        var merges = new List<(int Row1, int Col1, int Row2, int Col2)>();
        var rowNumber = 0;
        var nextColumn = 0;

        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element) continue;
            switch (xml.LocalName)
            {
                case "row":
                    rowNumber = RowNumber(xml.GetAttribute("r")) ?? rowNumber + 1;
                    nextColumn = 0;
                    break;
                case "c":
                    var (cellRow, column) = CellAddress(xml.GetAttribute("r"), rowNumber, nextColumn);
                    nextColumn = column + 1;
                    var text = ReadCell(xml, sheetName, cellRow, column);
                    if (text.Length > 0) sheet.Set(cellRow, column, text);
                    break;
                case "mergeCell":
                    if (ParseRange(xml.GetAttribute("ref")) is { } range) merges.Add(range);
                    break;
            }
        }
        if (sheet.IsEmpty) return null;
        // Merges come after the cells in the sheet XML: fill them once every anchor is known.
        foreach (var (row1, col1, row2, col2) in merges) sheet.Merge(row1, col1, row2, col2);
        return sheet.Build();
    }

    /// <summary>Reads the &lt;c&gt; element the reader stands on and leaves the reader on its end tag.</summary>
    private string ReadCell(XmlReader xml, string sheetName, int row, int column)
    {
        var type = xml.GetAttribute("t");
        var styleText = xml.GetAttribute("s");
        if (xml.IsEmptyElement) return "";
        var depth = xml.Depth;
        string? value = null;
        string? inline = null;
        string? formula = null;
        var inValue = false;
        var positioned = false; // Skip() leaves the reader on the next node already
        while (positioned || xml.Read())
        {
            positioned = false;
            var node = xml.NodeType;
            if (node == XmlNodeType.EndElement)
            {
                if (xml.Depth == depth) break;
                inValue = false;
            }
            else if (node == XmlNodeType.Element)
            {
                if (xml.LocalName == "v") inValue = !xml.IsEmptyElement;
                else if (xml.LocalName == "is") inline = OoxmlXml.ReadStringItem(xml);
                else if (xml.LocalName == "f" && type == "e" && !xml.IsEmptyElement)
                {
                    formula = xml.ReadElementContentAsString(); // leaves the reader on the next node
                    positioned = true;
                }
                else if (!xml.IsEmptyElement)
                {
                    xml.Skip(); // a formula's text is not the cell's value
                    positioned = true;
                }
            }
            else if (inValue && OoxmlXml.IsText(node))
            {
                value = value is null ? xml.Value : value + xml.Value;
            }
        }
        // A target typed as =8个 that the spreadsheet took for a formula shows #NAME?: the author wrote =8个.
        if (type == "e" && value == "#NAME?" && formula is { Length: > 0 and <= 40 } && !Ascii.IsValid(formula)) return "=" + formula;
        return CellText(type, styleText, value, inline, sheetName, row, column);
    }

    private string CellText(string? type, string? styleText, string? raw, string? inline, string sheetName, int row, int column)
    {
        if (type == "inlineStr") return inline ?? raw ?? "";
        if (string.IsNullOrEmpty(raw)) return inline ?? "";
        switch (type)
        {
            case "s":
                if (int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && (uint)index < (uint)sharedStrings.Length)
                    return sharedStrings[index];
                throw context.Fail(DisclosureErrorCode.Unreadable,
                    $"cell {ColumnName(column)}{row} points to shared string {raw}, which the workbook does not have",
                    sheetName, row, column + 1);
            case "b":
                return raw.Trim() is "1" or "true" ? "TRUE" : "FALSE";
            case "d":
                return XlsxNumberFormats.FormatStamp(raw);
            case "str" or "e":
                return raw;
        }
        // A number: a date when its style says so, else the stored value itself.
        var style = uint.TryParse(styleText, NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0;
        if (style < dateStyles.Length && dateStyles[style] && XlsxNumberFormats.FormatDate(raw, date1904) is { } date)
            return date;
        return XlsxNumberFormats.FormatNumber(raw);
    }

    private static int? RowNumber(string? attribute) =>
        int.TryParse(attribute, NumberStyles.None, CultureInfo.InvariantCulture, out var row) && row is > 0 and <= 1_048_576 ? row : null;

    /// <summary>"AB12" → (12, 27); a missing or odd reference continues from the previous cell.</summary>
    internal static (int Row, int Column) CellAddress(string? reference, int currentRow, int nextColumn)
    {
        if (string.IsNullOrEmpty(reference)) return (Math.Max(currentRow, 1), nextColumn);
        var column = 0;
        var i = 0;
        for (; i < reference.Length && char.IsAsciiLetter(reference[i]); i++)
        {
            column = column * 26 + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
            if (column > 16_384) return (Math.Max(currentRow, 1), nextColumn);
        }
        if (i == 0) return (Math.Max(currentRow, 1), nextColumn);
        var row = currentRow;
        if (i < reference.Length && (!int.TryParse(reference.AsSpan(i), out row) || row is < 1 or > 1_048_576))
            row = currentRow;
        return (Math.Max(row, 1), column - 1);
    }

    internal static (int, int, int, int)? ParseRange(string? reference)
    {
        if (string.IsNullOrEmpty(reference)) return null;
        var colon = reference.IndexOf(':');
        if (colon <= 0) return null;
        var (r1, c1) = CellAddress(reference[..colon], 0, -1);
        var (r2, c2) = CellAddress(reference[(colon + 1)..], 0, -1);
        if (c1 < 0 || c2 < 0 || r1 < 1 || r2 < 1) return null;
        return (Math.Min(r1, r2), Math.Min(c1, c2), Math.Max(r1, r2), Math.Max(c1, c2));
    }

    internal static string ColumnName(int column)
    {
        var name = "";
        for (var n = column + 1; n > 0; n = (n - 1) / 26) name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }
}
