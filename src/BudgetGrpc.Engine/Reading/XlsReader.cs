using System.Globalization;
using BudgetGrpc.Engine.Model;
using ExcelDataReader;

namespace BudgetGrpc.Engine.Reading;

/// <summary>
/// Reads every visible, non-empty sheet of a legacy Excel workbook (BIFF8 .xls, also WPS .et and BIFF5) with
/// ExcelDataReader, into grids that look exactly like the .xlsx reader's: strings as stored, numbers as the
/// invariant shortest round-trip of the stored value, date-formatted numbers as dates, elapsed-time formats as
/// the number, merges filled from the anchor and flagged, text-less rows left out, SourceRow the sheet row.
/// </summary>
internal static class XlsReader
{
    public static ContainerContent Read(ReadOnlyMemory<byte> content, ReadContext context)
    {
        try
        {
            return ReadWorkbook(content, context);
        }
        catch (ExcelDataReader.Exceptions.InvalidPasswordException)
        {
            throw context.Fail(DisclosureErrorCode.UnsupportedFormat,
                "the workbook is password-protected; save it again without a password");
        }
    }

    private static ContainerContent ReadWorkbook(ReadOnlyMemory<byte> content, ReadContext context)
    {
        // The configuration's constructor asks for code page 1252 already: the code page provider comes first.
        var fallback = TextDecoding.Gb18030;
        using var stream = ZipGuard.OpenStream(content);
        using var reader = ExcelReaderFactory.CreateBinaryReader(stream, new ExcelReaderConfiguration
        {
            // Strings in BIFF8 are UTF-16; a BIFF5 workbook without a code page record was most likely written
            // on a Chinese system.
            FallbackEncoding = fallback,
            LeaveOpen = true,
        });

        var grids = new List<CellGrid>();
        do
        {
            var name = string.IsNullOrEmpty(reader.Name) ? $"sheet {grids.Count + 1}" : reader.Name;
            if (reader.VisibleState is not (null or "visible")) continue;
            if (ReadSheet(reader, name, context) is { } grid) grids.Add(grid);
        }
        while (reader.NextResult());

        if (grids.Count == 0)
            throw context.Fail(DisclosureErrorCode.NoTable,
                "no table found in the workbook: every visible sheet is empty");
        return new ContainerContent("xls", grids);
    }

    private static CellGrid? ReadSheet(IExcelDataReader reader, string name, ReadContext context)
    {
        var sheet = new SparseSheet(context, name);
        var sheetRow = 0; // 1-based, as Excel numbers rows
        while (reader.Read())
        {
            sheetRow++;
            for (var column = 0; column < reader.FieldCount; column++)
            {
                var text = CellText(reader.GetValue(column));
                if (text.Length > 0) sheet.Set(sheetRow, column, text);
            }
        }
        if (sheet.IsEmpty) return null;

        foreach (var range in reader.MergeCells ?? [])
        {
            int row1 = range.FromRow + 1, row2 = range.ToRow + 1, col1 = range.FromColumn, col2 = range.ToColumn;
            if (row1 < 1 || col1 < 0 || row2 < row1 || col2 < col1) continue;
            sheet.Merge(row1, col1, row2, col2);
        }
        return sheet.Build();
    }

    /// <summary>The cell's value as the .xlsx reader would write it (see <see cref="XlsxNumberFormats"/>).</summary>
    internal static string CellText(object? value) => value switch
    {
        null => "",
        string s => s,
        double d => XlsxNumberFormats.FormatNumber(d.ToString("R", CultureInfo.InvariantCulture)),
        int i => i.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "TRUE" : "FALSE",
        DateTime stamp => DateText(stamp),
        // An elapsed-time format ([h]:mm) shows a duration; the .xlsx reader keeps such cells as their number.
        TimeSpan span => XlsxNumberFormats.FormatNumber(span.TotalDays.ToString("R", CultureInfo.InvariantCulture)),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private static string DateText(DateTime stamp)
    {
        // Round to the second: serials carry binary noise, as in XlsxNumberFormats.FormatDate.
        var rounded = new DateTime((stamp.Ticks + TimeSpan.TicksPerSecond / 2) / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond);
        var time = rounded.Second == 0
            ? rounded.ToString("HH:mm", CultureInfo.InvariantCulture)
            : rounded.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        // A serial below one day is a time of day alone; OLE dates count it from 1899-12-30.
        if (rounded.Date == new DateTime(1899, 12, 30)) return time;
        var date = rounded.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return rounded.TimeOfDay == TimeSpan.Zero ? date : date + " " + time;
    }
}
