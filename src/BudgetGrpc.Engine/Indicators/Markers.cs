using System.Buffers;

namespace BudgetGrpc.Engine.Indicators;

/// <summary>The kinds of numbering that open a heading or an item in free text.</summary>
internal enum MarkerKind
{
    /// <summary>Line start without numbering.</summary>
    None,
    /// <summary>一、 — first-level headings.</summary>
    Level1,
    /// <summary>(一) （一） — second-level headings.</summary>
    Level2,
    /// <summary>1. 1、 (1) ① — items, and stray numbers before headings.</summary>
    Item,
}

/// <summary>One numbered stretch of a line: its marker and the text after it (indices into the line).</summary>
internal readonly record struct Segment(MarkerKind Kind, int Number, int TextStart, int End);

/// <summary>
/// Cuts a line of an indicator cell into numbered segments. Numbers glued to the text before them
/// ("…服务满意度2. 本单位…") count only when they continue the sequence, so "4.87亿元" or "2.6万元" never split.
/// Patterns run on width-folded text, so （一） and （1） are seen as (一) and (1).
/// </summary>
internal static class Markers
{
    private const int MaxHeadingLength = 32;

    private const string Separators = " ;,.:、!?)]}\"'。，；：）】！？\u00A0";

    private static readonly SearchValues<char> MarkerStarts =
        SearchValues.Create("一二三四五六七八九十(0123456789①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳");

    private const string ChineseDigits = "一二三四五六七八九十";

    private readonly record struct Found(int Index, int Length, MarkerKind Kind, int Number, bool LineStartOnly);

    /// <summary>Segments of a folded line, in order. The first segment starts at 0 and may have no marker.</summary>
    public static List<Segment> Split(string folded, Func<string, bool> isHeading)
    {
        var segments = new List<Segment>();
        var kind = MarkerKind.None;
        int number = 0, textStart = 0, last = 0;

        int lead = 0;
        while (lead < folded.Length && char.IsWhiteSpace(folded[lead])) lead++;
        if (GluedLineStart(folded, lead, out int glued, out int gluedLength))
        {
            kind = MarkerKind.Item;
            number = glued;
            textStart = lead + gluedLength;
            last = number;
        }

        for (var next = NextMarker(folded, textStart, lead); next is { } m; next = NextMarker(folded, m.Index + Math.Max(1, m.Length), lead))
        {
            bool atStart = segments.Count == 0 && kind == MarkerKind.None && folded.AsSpan(textStart, m.Index - textStart).IsWhiteSpace();
            if (m.LineStartOnly && !atStart) continue;
            if (!atStart && m.Kind == MarkerKind.Item)
            {
                bool separated = m.Index > 0 && Separators.Contains(folded[m.Index - 1]);
                bool fresh = kind is MarkerKind.Level1 or MarkerKind.Level2
                             // Only a short stretch can be a bare heading ("成本指标："); looking no further keeps a
                             // long line of rejected numbers linear.
                             || (m.Number == 1 && m.Index - textStart <= MaxHeadingLength && isHeading(folded[textStart..m.Index]));
                int expected = (fresh ? 0 : last) + 1;
                if (m.Number != expected && !(separated && m.Number == 1)) continue;
            }

            if (m.Index > textStart || kind != MarkerKind.None)
                segments.Add(new Segment(kind, number, textStart, m.Index));
            kind = m.Kind;
            number = m.Number;
            textStart = m.Index + m.Length;
            last = m.Kind == MarkerKind.Item ? m.Number : 0;
        }
        segments.Add(new Segment(kind, number, textStart, folded.Length));
        return segments;
    }

    private static Found? NextMarker(string s, int from, int lineStart)
    {
        for (int i = from; i < s.Length; i++)
        {
            int found = s.AsSpan(i).IndexOfAny(MarkerStarts);
            if (found < 0) return null;
            i += found;
            var marker = MarkerAt(s, i, lineStart);
            if (marker is not null) return marker;
        }
        return null;
    }

    // 一、 opens a first-level heading before 产出/效益/满意度/成本, or an item at the start of a line;
    // (一) a second level; 1. 1、 (1) ① an item (Split checks the sequence for numbers glued to text).
    private static Found? MarkerAt(string s, int i, int lineStart)
    {
        char c = s[i];
        if (c is >= '①' and <= '⑳') return new Found(i, 1, MarkerKind.Item, c - '①' + 1, false);
        if (c == '(')
        {
            int j = SkipSpace(s, i + 1);
            int k = j;
            bool chinese = k < s.Length && ChineseDigits.Contains(s[k]);
            while (k < s.Length && k - j < 3 && (chinese ? ChineseDigits.Contains(s[k]) : char.IsAsciiDigit(s[k]))) k++;
            if (k == j || (!chinese && k - j > 2)) return null;
            int close = SkipSpace(s, k);
            if (close >= s.Length || s[close] != ')') return null;
            int n = chinese ? ChineseNumber(s[j..k]) : int.Parse(s.AsSpan(j, k - j));
            return new Found(i, close + 1 - i, chinese ? MarkerKind.Level2 : MarkerKind.Item, n, false);
        }
        if (ChineseDigits.Contains(c))
        {
            if (i > 0 && ChineseDigits.Contains(s[i - 1])) return null;
            int k = i;
            while (k < s.Length && k - i < 3 && ChineseDigits.Contains(s[k])) k++;
            int p = SkipSpace(s, k);
            if (p >= s.Length || s[p] is not ('、' or '.')) return null;
            int n = ChineseNumber(s[i..k]);
            int after = SkipSpace(s, p + 1);
            if (StartsLevel1(s, after)) return new Found(i, p + 1 - i, MarkerKind.Level1, n, false);
            return s[p] == '、' && i == lineStart ? new Found(i, p + 1 - i, MarkerKind.Item, n, true) : null;
        }
        if (char.IsAsciiDigit(c))
        {
            if (i > 0 && (char.IsAsciiDigit(s[i - 1]) || s[i - 1] == '.')) return null;
            int k = i;
            while (k < s.Length && char.IsAsciiDigit(s[k])) k++;
            if (k - i > 2) return null;
            int p = SkipSpace(s, k);
            if (p >= s.Length || s[p] is not ('.' or '、')) return null;
            if (p + 1 < s.Length && char.IsAsciiDigit(s[p + 1])) return null;
            if (SkipSpace(s, p + 1) >= s.Length) return null;
            return new Found(i, p + 1 - i, MarkerKind.Item, int.Parse(s.AsSpan(i, k - i)), false);
        }
        return null;
    }

    private static bool StartsLevel1(string s, int i)
    {
        if (i + 1 >= s.Length) return false;
        char a = s[i];
        int j = SkipSpace(s, i + 1);
        if (j >= s.Length) return false;
        char b = s[j];
        return (a, b) is ('产', '出') or ('效', '益') or ('满', '意') or ('成', '本');
    }

    private static int SkipSpace(string s, int i)
    {
        while (i < s.Length && char.IsWhiteSpace(s[i])) i++;
        return i;
    }

    // "1提升编外人员…": a number glued to the first word of a line, when that word is not a unit (3人参加 is a value).
    private static bool GluedLineStart(string s, int i, out int number, out int length)
    {
        number = length = 0;
        int k = i;
        while (k < s.Length && char.IsAsciiDigit(s[k])) k++;
        if (k == i || k - i > 2 || k >= s.Length) return false;
        char next = s[k];
        if (next < '\u4e00' || next > '\u9fff' || UnitInitials.Contains(next)) return false;
        number = int.Parse(s.AsSpan(i, k - i));
        length = k - i;
        return true;
    }

    private const string UnitInitials = "人个次项家所辆吨天日月年周起亩元户名位座处台套件份本册场期篇条块张头只株棵箱批例间栋万亿千";

    internal static int ChineseNumber(string text)
    {
        const string Digits = "零一二三四五六七八九";
        if (text.Length == 0) return 0;
        if (text == "十") return 10;
        if (text.Length == 2 && text[0] == '十') return 10 + Digits.IndexOf(text[1]);
        if (text.Length >= 2 && text[1] == '十') return Digits.IndexOf(text[0]) * 10 + (text.Length == 3 ? Digits.IndexOf(text[2]) : 0);
        return Math.Max(0, Digits.IndexOf(text[0]));
    }
}
