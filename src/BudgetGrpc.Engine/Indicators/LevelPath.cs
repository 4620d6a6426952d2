using System.Buffers;
using System.Text.RegularExpressions;

namespace BudgetGrpc.Engine.Indicators;

/// <summary>Both levels written as one path, on their own or before the indicator: 【产出指标-数量指标】, 产出指标-数量指标-慰问企业.</summary>
internal readonly record struct LevelPathMatch(string Level1, string Level2, int Length);

internal static partial class LevelPath
{
    private static readonly SearchValues<char> Dashes = SearchValues.Create("-－—–");

    /// <summary>The path at the start of the text, or null when the text does not open with a first and a second level joined by a dash.</summary>
    public static LevelPathMatch? At(string text)
    {
        if (text.Length < 5 || text.AsSpan(0, Math.Min(text.Length, 24)).IndexOfAny(Dashes) < 0) return null;
        var m = Pattern().Match(text);
        if (!m.Success) return null;
        var level1 = LevelNames.Level1(m.Groups["l1"].Value);
        if (level1 is null) return null;
        var level2 = LevelNames.Level2(m.Groups["l2"].Value, level1);
        return level2 is null ? null : new LevelPathMatch(level1, level2, m.Length);
    }

    private static readonly SearchValues<char> CutStarts = SearchValues.Create("【[指");

    /// <summary>
    /// A line cut before every bracketed path and every 指标N： item that stands inside it: a cell flattened to one line
    /// (【总体目标】… 【产出指标-数量指标】 指标1：… 指标2：… 【产出指标-质量指标】 …) reads as the lines it was written in.
    /// </summary>
    public static IEnumerable<string> Lines(string line)
    {
        var start = 0;
        for (var i = NextCut(line, 1); i > 0; i = NextCut(line, i + 1))
        {
            if (line.AsSpan(start, i - start).IsWhiteSpace()) continue;
            yield return line[start..i].TrimEnd();
            start = i;
        }
        yield return start == 0 ? line : line[start..];
    }

    /// <summary>Whether a line holds a level path at its start or after any bracket inside it.</summary>
    public static bool Contains(string line)
    {
        if (At(line) is not null) return true;
        if (line.Length < 2) return false;
        for (var i = line.IndexOfAny(['【', '['], 1); i > 0; i = line.IndexOfAny(['【', '['], i + 1))
            if (BracketedPathAt(line, i)) return true;
        return false;
    }

    private static int NextCut(string line, int from)
    {
        for (var i = from; i < line.Length; i++)
        {
            var found = line.AsSpan(i).IndexOfAny(CutStarts);
            if (found < 0) return -1;
            i += found;
            if (line[i] == '指' ? ItemAt(line, i) : BracketedPathAt(line, i)) return i;
        }
        return -1;
    }

    private static bool BracketedPathAt(string line, int i) => At(line.Substring(i, Math.Min(48, line.Length - i))) is not null;

    /// <summary>指标2： after a target, a sentence's end or a space: the next numbered item of a flattened cell.</summary>
    private static bool ItemAt(string line, int i)
    {
        if (i + 3 >= line.Length || line[i + 1] != '标' || !char.IsAsciiDigit(line[i + 2])) return false;
        var k = i + 2;
        while (k < line.Length && char.IsAsciiDigit(line[k])) k++;
        if (k - i > 4 || k >= line.Length || line[k] is not (':' or '：')) return false;
        return char.IsWhiteSpace(line[i - 1]) || line[i - 1] is '）' or ')' or '】' or ']' or '。' or '；' or ';' or '，' or ',';
    }

    [GeneratedRegex(@"^\s*[【\[(（]?\s*(?<l1>[^-－—–【】\[\]()（）:：\s]{1,12}?)\s*[-－—–]+\s*(?<l2>[^-－—–【】\[\]()（）:：\s]{1,16}?)\s*(?:[】\])）]\s*[:：]?|[-－—–:：]+|$)\s*")]
    private static partial Regex Pattern();
}
