using System.Globalization;
using System.Text;
using BudgetGrpc.Engine.Words;

namespace BudgetGrpc.Engine.Layouts;

/// <summary>Small readings of cell text shared by the layouts.</summary>
internal static class CellValues
{
    /// <summary>A key for matching header words (<see cref="Lexicon.Fold"/>).</summary>
    public static string Key(string text) => Lexicon.Fold(text);

    /// <summary>True for rows that are only a visual separator (`---`, `====`).</summary>
    public static bool IsSeparator(string text)
    {
        var any = false;
        foreach (var ch in text)
        {
            if (char.IsWhiteSpace(ch)) continue;
            if (ch is not ('-' or '—' or '=' or '_' or '─' or '－' or '+' or '|' or ':')) return false;
            any = true;
        }
        return any;
    }

    /// <summary>
    /// Reads an amount as written: thousands separators, full-width digits, a trailing 万元/元 (or 万 alone: `150万`,
    /// `125.25万`) and spaces are tolerated; the decimal keeps the scale the source wrote. Null when the cell holds no amount.
    /// </summary>
    public static decimal? Amount(string text)
    {
        var t = text.Trim();
        if (t.Length == 0) return null;
        var sb = new StringBuilder(t.Length);
        foreach (var ch in t)
        {
            var c = ch is >= '０' and <= '９' ? (char)('0' + (ch - '０')) : ch == '．' ? '.' : ch;
            if (c is ',' or '，' or ' ' or '\u00a0' or '¥' or '￥') continue;
            sb.Append(c);
        }
        var s = sb.ToString();
        foreach (var suffix in (ReadOnlySpan<string>)["万元", "元", "万"])
            if (s.EndsWith(suffix, StringComparison.Ordinal)) { s = s[..^suffix.Length]; break; }
        return decimal.TryParse(s, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
    }

    /// <summary>A cell that holds a plain figure and nothing else (5, 4.5, 100): no unit, sign or word.</summary>
    public static bool IsBareFigure(string text)
    {
        var t = text.AsSpan().Trim();
        if (t.Length is 0 or > 12 || !char.IsAsciiDigit(t[0]) || !char.IsAsciiDigit(t[^1])) return false;
        var points = 0;
        foreach (var c in t)
            if (c == '.') points++;
            else if (!char.IsAsciiDigit(c)) return false;
        return points <= 1;
    }

    /// <summary>
    /// An amount followed by a note (`120（含上年结转20）`, `85.5 其中财政拨款80`): the leading figure. Null when the
    /// text does not start with one.
    /// </summary>
    public static decimal? LeadingAmount(string text)
    {
        if (Amount(text) is { } whole) return whole;
        var lines = Reading.CellMarkup.ToLines(text);
        if (lines.Count > 1) return LeadingAmount(lines[0]);
        var t = Line(text).Trim();
        var end = 0;
        while (end < t.Length && (char.IsAsciiDigit(t[end]) || t[end] is '.' or ',' or '，' or '．' || t[end] is >= '０' and <= '９')) end++;
        // A comma after the figure is the note's (85.5，其中上级资金80), not a thousands separator.
        while (end > 0 && t[end - 1] is ',' or '，') end--;
        if (end == 0 || end == t.Length) return null;
        var rest = t[end..].TrimStart();
        foreach (var unit in (ReadOnlySpan<string>)["万元", "元"])
            if (rest.StartsWith(unit, StringComparison.Ordinal)) return Amount(t[..end] + unit);
        return rest.Length > 0 && (rest[0] is '(' or '（' or '[' or '【' or ';' or '；' or '，' or ',' || char.IsWhiteSpace(t[end])
                || rest.StartsWith("万", StringComparison.Ordinal) || rest.StartsWith("其中", StringComparison.Ordinal))
            ? Amount(t[..end])
            : null;
    }

    // Most cells are one line of plain text: asked of every cell of every sample, they are returned as they are.
    private static bool IsPlainLine(string raw)
    {
        foreach (var ch in raw)
            if (ch is '<' or '&' or '\\' || char.IsWhiteSpace(ch)) return false;
        return true;
    }

    /// <summary>One line of plain text: markup removed, lines joined without breaks.</summary>
    public static string Line(string raw)
    {
        if (raw.Length == 0 || IsPlainLine(raw)) return raw;
        var lines = Reading.CellMarkup.ToLines(raw);
        return lines.Count switch
        {
            0 => "",
            1 => lines[0],
            _ => string.Join("", lines),
        };
    }
}
