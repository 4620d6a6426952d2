using System.Text;

namespace BudgetGrpc.Engine.Reading;

/// <summary>Glyphs into text: lines by baseline, glyphs by position, wrapped lines of one paragraph joined.</summary>
internal static class PdfText
{
    /// <summary>Glyphs grouped into lines, top line first, each line's glyphs left to right.</summary>
    public static List<List<Glyph>> Lines(IEnumerable<Glyph> glyphs)
    {
        var lines = new List<List<Glyph>>();
        var baselines = new List<double>();
        foreach (var glyph in glyphs.OrderByDescending(g => g.Baseline).ThenBy(g => g.Left))
        {
            if (lines.Count > 0 && Math.Abs(baselines[^1] - glyph.Baseline) <= glyph.Size * 0.4) lines[^1].Add(glyph);
            else
            {
                lines.Add([glyph]);
                baselines.Add(glyph.Baseline);
            }
        }
        foreach (var line in lines)
        {
            line.Sort((a, b) => a.Left.CompareTo(b.Left));
            // Fake bold draws a glyph twice, a fraction of a point apart: keep one.
            for (var i = line.Count - 1; i > 0; i--)
                if (line[i].Text == line[i - 1].Text && Math.Abs(line[i].Left - line[i - 1].Left) < line[i].Size * 0.3)
                    line.RemoveAt(i);
        }
        return lines;
    }

    /// <summary>One line's text; a space the text layer writes, or a gap wider than a quarter of the type size, is a space.</summary>
    public static string LineText(List<Glyph> line)
    {
        var text = new StringBuilder();
        for (var i = 0; i < line.Count; i++)
        {
            if (i > 0 && (line[i].SpaceBefore || line[i].Left - line[i - 1].Right > line[i].Size * 0.25)) text.Append(' ');
            text.Append(line[i].Text);
        }
        return text.ToString();
    }

    /// <summary>
    /// A cell's text: its lines in reading order. Lines wrapped by the cell's width are one paragraph and join without
    /// a break (with a space between Latin words or where the text layer wrote one at the wrap, none inside a figure);
    /// a line that opens with 指标2： or 【a heading】, or starts another item (1. (1) 一、) after a sentence's end or after
    /// a line the writer broke well short of the cell's right edge <paramref name="right"/>, or whose first word would have
    /// fitted on the line above that stopped well short of it, starts a new paragraph, as the '\n' between paragraphs of a
    /// Word cell or a &lt;br&gt; of a web page.
    /// </summary>
    public static string CellText(IEnumerable<Glyph> glyphs, double right = double.NaN)
    {
        var lines = Lines(glyphs);
        if (lines.Count == 0) return "";
        var text = new StringBuilder(LineText(lines[0]));
        for (var i = 1; i < lines.Count; i++)
        {
            var next = LineText(lines[i]);
            if (next.Length == 0) continue;
            var previous = text.Length > 0 ? text[^1] : ' ';
            var above = lines[i - 1];
            // A wrapped line runs to within a glyph or so of the edge; a broken one stops well before it.
            var brokenShort = right - above[^1].Right > above[^1].Size * 2 + 2;
            if (StartsNamedItem(next) || ((EndsSentence(previous) || brokenShort) && StartsItem(next))
                || (brokenShort && FirstWordFitted(lines[i], right - above[^1].Right))) text.Append('\n');
            else if (WordsApart(previous, next[0]) || lines[i][0].AfterWrappedSpace) text.Append(' ');
            text.Append(next);
        }
        return text.ToString();
    }

    /// <summary>
    /// Whether the line's first word (its first character and what runs on from it without a space: Latin letters, figures,
    /// signs and closing marks) would have fitted in <paramref name="room"/> with a character to spare: the writer ended the
    /// line above (a line typed on its own, 开展专项整治行动≥4次 under 执法检查企业≥260家), it was not wrapped.
    /// </summary>
    private static bool FirstWordFitted(List<Glyph> line, double room)
    {
        var first = line[0];
        var k = 1;
        // Latin letters, figures and signs run on without a break; closing marks (】）。，) never open a line, so the
        // character before them moves down with them (and what is glued after them: 标】</p>).
        while (k < line.Count && !line[k].SpaceBefore && line[k].Left - line[k - 1].Right <= line[k].Size * 0.25
               && (!IsWide(line[k].Text) || line[k].Text is [var mark, ..] && ClosingMarks.Contains(mark)))
            k++;
        return room > line[k - 1].Right - first.Left + first.Size;
    }

    private static bool IsWide(string text) => text.Length > 0 && text[0] >= '\u2E80';

    private const string ClosingMarks = "】）」』〕〉》，。、；：！？％%)]}";

    /// <summary>
    /// Two pieces of a cell that a page break separated: joined as <see cref="CellText"/> joins its lines, the rest on a
    /// line of its own where it opens a named item, or another item after a sentence's end.
    /// </summary>
    public static string JoinWrapped(string first, string rest)
    {
        if (first.Length == 0) return rest;
        if (rest.Length == 0) return first;
        if (StartsNamedItem(rest) || (EndsSentence(first[^1]) && StartsItem(rest))) return first + "\n" + rest;
        return WordsApart(first[^1], rest[0]) ? first + " " + rest : first + rest;
    }

    /// <summary>
    /// Whether a wrap between these two characters stood for a space: between Latin words, yes; inside a figure, no
    /// (a figure too long for a narrow column is broken anywhere).
    /// </summary>
    private static bool WordsApart(char before, char after) =>
        char.IsAsciiLetterOrDigit(before) && char.IsAsciiLetterOrDigit(after) && !(char.IsAsciiDigit(before) && char.IsAsciiDigit(after));

    private static bool EndsSentence(char c) => c is '；' or ';' or '。' or '：' or ':' or '！' or '？';

    /// <summary>
    /// 指标2： or 【heading】 at the start of a line: an item wherever the line above ended (running text does not wrap
    /// onto them).
    /// </summary>
    public static bool StartsNamedItem(string line)
    {
        var s = line.AsSpan().TrimStart();
        if (s.StartsWith("【")) return true;
        if (!s.StartsWith("指标")) return false;
        var i = 2;
        while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
        return i > 2 && i < s.Length && s[i] is '：' or ':';
    }

    /// <summary>1. 1、 1) (1) （一） 一、 ① 【heading】 指标2： at the start of a line.</summary>
    private static bool StartsItem(string line)
    {
        var s = line.AsSpan().TrimStart();
        if (s.IsEmpty) return false;
        if (s[0] is >= '①' and <= '⑳') return true;
        if (s[0] is '(' or '（' or '【') return true;
        if (s.StartsWith("指标") && s.Length > 3 && char.IsAsciiDigit(s[2])) return true;
        var i = 0;
        while (i < s.Length && (char.IsAsciiDigit(s[i]) || "一二三四五六七八九十".Contains(s[i]))) i++;
        return i > 0 && i < s.Length && s[i] is '.' or '、' or '．' or ')' or '）';
    }

    /// <summary>
    /// Whether a glyph's text is real text: CJK, ASCII, the punctuation and symbols tables use. Private-use code
    /// points, replacement and control characters, and scripts no Chinese budget table uses come from fonts without a
    /// Unicode mapping (or from OCR-less scans with an invisible font), never from a usable text layer.
    /// </summary>
    public static bool IsUsable(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            var v = rune.Value;
            var ok = v is >= 0x21 and <= 0x7E
                or >= 0xA0 and <= 0x24F // Latin-1 and Latin extended (names, ×, °, ·)
                or >= 0x370 and <= 0x3FF // Greek (μ, Ω in units)
                or >= 0x2000 and <= 0x2BFF // punctuation, super/subscripts, letterlike, number forms, arrows, math, ①, shapes
                or >= 0x2E80 and <= 0x9FFF // CJK radicals, symbols and punctuation, kana, CJK unified ideographs
                or >= 0xF900 and <= 0xFAFF // CJK compatibility ideographs
                or >= 0xFE30 and <= 0xFE4F // CJK compatibility forms
                or >= 0xFF00 and <= 0xFFEF // full-width forms
                or >= 0x20000 and <= 0x3134F; // CJK extensions B–G
            if (!ok) return false;
        }
        return true;
    }
}
