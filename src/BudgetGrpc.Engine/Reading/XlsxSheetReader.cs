using BudgetGrpc.Engine.Model;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace BudgetGrpc.Engine.Reading;

/// <summary>Streams one worksheet's cells and merges into a grid.</summary>
internal sealed class XlsxSheetReader(ReadContext context, string[] sharedStrings, bool[] dateStyles, bool date1904)
{
    /// <summary>The sheet as a grid, or null when it has no non-empty cell.</summary>
    public CellGrid? Read(WorksheetPart part, string sheetName)
    {
        // Sheet rows are kept sparse: row number → grid row; empty rows are dropped at the end.
        var builder = new GridBuilder(context, sheetName);
        var gridRowOf = new Dictionary<int, int>();
        var sheetRows = new List<int>();
        var merges = new List<(int Row1, int Col1, int Row2, int Col2)>();
        int maxRow = 0, maxColumn = 0;
        var rowNumber = 0;
        var nextColumn = 0;

        using (var reader = OpenXmlReader.Create(part))
        {
            while (reader.Read())
            {
                if (!reader.IsStartElement) continue;
                var type = reader.ElementType;
                if (type == typeof(Row))
                {
                    rowNumber = RowNumberAttribute(reader) ?? rowNumber + 1;
                    nextColumn = 0;
                }
                else if (type == typeof(Cell))
                {
                    var cell = (Cell)reader.LoadCurrentElement()!;
                    var (cellRow, column) = CellAddress(cell.CellReference?.Value, rowNumber, nextColumn);
                    nextColumn = column + 1;
                    var text = CellText(cell, sheetName, cellRow, column);
                    if (text.Length == 0) continue;
                    if (!gridRowOf.TryGetValue(cellRow, out var gridRow))
                    {
                        gridRow = gridRowOf[cellRow] = sheetRows.Count;
                        sheetRows.Add(cellRow);
                    }
                    builder.Set(gridRow, column, context.Cut(text), continuation: false);
                    maxRow = Math.Max(maxRow, cellRow);
                    maxColumn = Math.Max(maxColumn, column);
                }
                else if (type == typeof(MergeCell))
                {
                    var merge = (MergeCell)reader.LoadCurrentElement()!;
                    if (ParseRange(merge.Reference?.Value) is { } range) merges.Add(range);
                }
            }
        }
        if (sheetRows.Count == 0) return null;

        foreach (var (row1, col1, row2, col2) in merges)
        {
            // Fill only within the data's extent: a merge over a whole column must not conjure a million rows.
            var anchor = gridRowOf.TryGetValue(row1, out var anchorRow) ? builder.Get(anchorRow, col1) : null;
            if (string.IsNullOrEmpty(anchor)) continue;
            for (var r = row1; r <= Math.Min(row2, maxRow); r++)
            {
                if (!gridRowOf.TryGetValue(r, out var gridRow))
                {
                    gridRow = gridRowOf[r] = sheetRows.Count;
                    sheetRows.Add(r);
                }
                for (var c = col1; c <= Math.Min(col2, maxColumn); c++)
                    if (r != row1 || c != col1) builder.Set(gridRow, c, anchor, continuation: true);
            }
        }

        // Merge fills may add rows out of sheet order; emit them sorted by sheet row.
        var order = new int[sheetRows.Count];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        Array.Sort(sheetRows.ToArray(), order);
        return builder.Build(sheetRows, [], order);
    }

    private string CellText(Cell cell, string sheetName, int row, int column)
    {
        var type = cell.DataType?.Value;
        if (type == CellValues.InlineString)
            return cell.InlineString is { } inline ? XlsxReader.RichText(inline) : cell.CellValue?.Text ?? "";
        var raw = cell.CellValue?.Text;
        if (string.IsNullOrEmpty(raw)) return "";
        if (type == CellValues.SharedString)
        {
            if (int.TryParse(raw, out var index) && (uint)index < (uint)sharedStrings.Length) return sharedStrings[index];
            throw context.Fail(DisclosureErrorCode.Unreadable,
                $"cell {ColumnName(column)}{row} points to shared string {raw}, which the workbook does not have",
                sheetName, row, column + 1);
        }
        if (type == CellValues.Boolean) return raw.Trim() is "1" or "true" ? "TRUE" : "FALSE";
        if (type == CellValues.Date)
            return DateTime.TryParse(raw, System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.RoundtripKind, out var stamp)
                ? stamp.TimeOfDay == TimeSpan.Zero ? stamp.ToString("yyyy-MM-dd") : stamp.ToString(stamp.Second == 0 ? "yyyy-MM-dd HH:mm" : "yyyy-MM-dd HH:mm:ss")
                : raw;
        if (type == CellValues.String || type == CellValues.Error) return raw;
        // A number: a date when its style says so, else the stored value itself.
        var style = cell.StyleIndex?.Value ?? 0;
        if (style < dateStyles.Length && dateStyles[style] && XlsxNumberFormats.FormatDate(raw, date1904) is { } date)
            return date;
        return XlsxNumberFormats.FormatNumber(raw);
    }

    private static int? RowNumberAttribute(OpenXmlReader reader)
    {
        foreach (var attribute in reader.Attributes)
            if (attribute.LocalName == "r" && int.TryParse(attribute.Value, out var row) && row is > 0 and <= 1_048_576)
                return row;
        return null;
    }

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
