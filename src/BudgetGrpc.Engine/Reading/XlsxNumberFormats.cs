using System.Globalization;
using System.Xml;

namespace BudgetGrpc.Engine.Reading;

/// <summary>
/// Which cell styles show a number as a date, and how stored numbers become cell text.
/// Text is the stored value, not what Excel would display: amounts must not arrive rounded or with separators.
/// </summary>
internal static class XlsxNumberFormats
{
    /// <summary>
    /// One flag per cellXfs index: true when the style's number format shows a date or time. Streams styles.xml:
    /// only numFmts and cellXfs matter, and loading the whole stylesheet as SDK objects costs more than the sheet.
    /// </summary>
    public static bool[] DateStyles(OoxmlPackage package, string? part)
    {
        if (part is null) return [];
        var customCodes = new Dictionary<uint, string>();
        var styleFormats = new List<uint>();
        var cellXfsDepth = -1;
        using var xml = package.OpenXml(part);
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.EndElement && xml.Depth == cellXfsDepth) cellXfsDepth = -1;
            if (xml.NodeType != XmlNodeType.Element) continue;
            switch (xml.LocalName)
            {
                case "numFmt" when NumberFormatId(xml) is { } id && xml.GetAttribute("formatCode") is { } code:
                    customCodes[id] = code;
                    break;
                case "cellXfs" when !xml.IsEmptyElement:
                    cellXfsDepth = xml.Depth;
                    break;
                case "xf" when cellXfsDepth >= 0 && xml.Depth == cellXfsDepth + 1:
                    styleFormats.Add(NumberFormatId(xml) ?? 0);
                    break;
            }
        }
        var flags = new bool[styleFormats.Count];
        for (var i = 0; i < flags.Length; i++)
        {
            var id = styleFormats[i];
            flags[i] = customCodes.TryGetValue(id, out var code) ? IsDateFormatCode(code) : IsBuiltInDate(id);
        }
        return flags;
    }

    private static uint? NumberFormatId(XmlReader xml) =>
        uint.TryParse(xml.GetAttribute("numFmtId"), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>Built-in date and time formats, including the CJK ones (27–36, 50–58).</summary>
    public static bool IsBuiltInDate(uint id) =>
        id is >= 14 and <= 22 or >= 27 and <= 36 or >= 45 and <= 47 or >= 50 and <= 58;

    /// <summary>
    /// A custom code is a date when its first section has y/m/d/h/s outside quoted literals, escapes and
    /// brackets. Pure elapsed-time formats ([h]:mm) are durations, and General/0.00 have none of those letters.
    /// </summary>
    public static bool IsDateFormatCode(string code)
    {
        var hasDatePart = false;
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            switch (c)
            {
                case ';':
                    return hasDatePart;
                case '"':
                    var close = code.IndexOf('"', i + 1);
                    if (close < 0) return hasDatePart;
                    i = close;
                    break;
                case '\\' or '_' or '*':
                    i++; // the next character is a literal or a padding character
                    break;
                case '[':
                    var end = code.IndexOf(']', i + 1);
                    if (end < 0) return hasDatePart;
                    var inside = code.AsSpan(i + 1, end - i - 1);
                    if (IsElapsedToken(inside)) return false; // [h], [mm], [ss]: a duration, not a point in time
                    i = end;
                    break;
                case 'y' or 'Y' or 'm' or 'M' or 'd' or 'D' or 'h' or 'H' or 's' or 'S':
                    hasDatePart = true;
                    break;
                case 'e' or 'E' when i + 1 < code.Length && code[i + 1] is '+' or '-':
                    return false; // scientific notation
            }
        }
        return hasDatePart;
    }

    private static bool IsElapsedToken(ReadOnlySpan<char> token)
    {
        if (token.IsEmpty || char.ToLowerInvariant(token[0]) is not ('h' or 'm' or 's')) return false;
        foreach (var c in token)
            if (char.ToLowerInvariant(c) != char.ToLowerInvariant(token[0])) return false;
        return true;
    }

    /// <summary>The stored number as an invariant, shortest round-trip string without exponent.</summary>
    public static string FormatNumber(string raw)
    {
        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            return raw.Trim();
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        if (text.Contains('E') && Math.Abs(value) < 7.9e27
            && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var exact))
            text = exact.ToString(CultureInfo.InvariantCulture);
        return text;
    }

    /// <summary>
    /// A date written as text (an ISO date cell: 2024-01-15T12:30:00) as "yyyy-MM-dd", with " HH:mm" (":ss" when there are
    /// seconds) when it has a time of day; the text itself when it is no date.
    /// </summary>
    public static string FormatStamp(string raw) =>
        DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var stamp)
            ? stamp.TimeOfDay == TimeSpan.Zero ? stamp.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : stamp.ToString(stamp.Second == 0 ? "yyyy-MM-dd HH:mm" : "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)
            : raw;

    /// <summary>
    /// A date serial as "yyyy-MM-dd", with " HH:mm" (":ss" when there are seconds) when it has a time of day,
    /// or just the time for a serial below one day. Null when the serial is no valid date.
    /// </summary>
    public static string? FormatDate(string raw, bool date1904)
    {
        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial)
            || !double.IsFinite(serial) || serial < 0 || serial >= 2958466)
            return null;
        // Round to the second: stored serials carry binary noise (0.999999999 of a day).
        var totalSeconds = (long)Math.Round(serial * 86400.0, MidpointRounding.AwayFromZero);
        var days = totalSeconds / 86400;
        var seconds = (int)(totalSeconds % 86400);
        var time = new TimeOnly(seconds / 3600, seconds / 60 % 60, seconds % 60);
        var timeText = time.Second == 0
            ? time.ToString("HH:mm", CultureInfo.InvariantCulture)
            : time.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        if (days == 0) return timeText;

        // Excel counts a 29 Feb 1900 that never was: serials below 61 are one day later than a plain count.
        var origin = date1904 ? new DateOnly(1904, 1, 1)
            : days >= 61 ? new DateOnly(1899, 12, 30)
            : days == 60 ? new DateOnly(1900, 2, 28).AddDays(-60)
            : new DateOnly(1899, 12, 31);
        if (origin.DayNumber + days > DateOnly.MaxValue.DayNumber) return null;
        var date = DateOnly.FromDayNumber((int)(origin.DayNumber + days));
        var dateText = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return seconds == 0 ? dateText : dateText + " " + timeText;
    }
}
