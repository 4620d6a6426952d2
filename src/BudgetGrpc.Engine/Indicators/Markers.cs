using System.Text.RegularExpressions;

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
internal static partial class Markers
{
    private const string Separators = " ;,.:、!?)]}\"'。，；：）】！？\u00A0";

    /// <summary>Segments of a folded line, in order. The first segment starts at 0 and may have no marker.</summary>
    public static List<Segment> Split(string folded, Func<string, bool> isHeading)
    {
        var segments = new List<Segment>();
        var kind = MarkerKind.None;
        int number = 0, textStart = 0, last = 0;

        var start = LineStartItem().Match(folded);
        if (start.Success)
        {
            kind = MarkerKind.Item;
            number = int.Parse(start.Groups["n"].Value);
            textStart = start.Length;
            last = number;
        }

        foreach (Match m in Marker().Matches(folded, textStart))
        {
            var (mKind, mNumber) = Classify(m);
            bool atStart = folded.AsSpan(textStart, m.Index - textStart).IsWhiteSpace() && segments.Count == 0 && kind == MarkerKind.None;
            if (!atStart && mKind == MarkerKind.Item)
            {
                var before = folded[textStart..m.Index];
                int expected = (kind is MarkerKind.Level1 or MarkerKind.Level2 || isHeading(before) ? 0 : last) + 1;
                bool separated = m.Index > 0 && Separators.Contains(folded[m.Index - 1]);
                if (mNumber != expected && !(separated && mNumber == 1)) continue;
            }
            if (m.Groups["cn"].Success && !atStart) continue;

            if (m.Index > textStart || kind != MarkerKind.None)
                segments.Add(new Segment(kind, number, textStart, m.Index));
            kind = mKind;
            number = mNumber;
            textStart = m.Index + m.Length;
            last = mKind == MarkerKind.Item ? mNumber : 0;
        }
        segments.Add(new Segment(kind, number, textStart, folded.Length));
        return segments;
    }

    private static (MarkerKind, int) Classify(Match m)
    {
        if (m.Groups["l1"].Success) return (MarkerKind.Level1, ChineseNumber(m.Groups["l1n"].Value));
        if (m.Groups["l2"].Success) return (MarkerKind.Level2, ChineseNumber(m.Groups["l2n"].Value));
        if (m.Groups["cn"].Success) return (MarkerKind.Item, ChineseNumber(m.Groups["cnn"].Value));
        if (m.Groups["circ"].Success) return (MarkerKind.Item, m.Groups["circ"].Value[0] - '①' + 1);
        return (MarkerKind.Item, int.Parse(m.Groups["n"].Value));
    }

    internal static int ChineseNumber(string text)
    {
        const string Digits = "零一二三四五六七八九";
        if (text.Length == 0) return 0;
        if (text == "十") return 10;
        if (text.Length == 2 && text[0] == '十') return 10 + Digits.IndexOf(text[1]);
        if (text.Length >= 2 && text[1] == '十') return Digits.IndexOf(text[0]) * 10 + (text.Length == 3 ? Digits.IndexOf(text[2]) : 0);
        return Math.Max(0, Digits.IndexOf(text[0]));
    }

    // 一、 only opens a segment before a first-level name, or at the start of a line (cn); (一) anywhere;
    // 1. 1、 (1) ① anywhere, subject to the sequence check in Split.
    [GeneratedRegex(@"(?<l1>(?<l1n>[一二三四五六七八九十]{1,3})\s*[、.])(?=\s*(?:产\s*出|效\s*益|满\s*意|成\s*本))" +
                    @"|(?<l2>\(\s*(?<l2n>[一二三四五六七八九十]{1,3})\s*\))" +
                    @"|(?<cn>^\s*(?<cnn>[一二三四五六七八九十]{1,3})、)" +
                    @"|(?<circ>[①-⑳])" +
                    @"|(?<p>\(\s*(?<n>\d{1,2})\s*\))" +
                    @"|(?<![\d.])(?<n>\d{1,2})\s*[.、](?!\d)(?=\s*\S)")]
    private static partial Regex Marker();

    // "1提升编外人员…": a number glued to the first word of a line, when that word is not a unit (3人参加 is a value).
    [GeneratedRegex(@"^\s*(?<n>\d{1,2})(?=[\u4e00-\u9fff])(?![人个次项家所辆吨天日月年周起亩元户名位座处台套件份本册场期篇条块张头只株棵箱批例间栋万亿千])")]
    private static partial Regex LineStartItem();
}
