using System.Text.RegularExpressions;
using BudgetGrpc.Engine.Model;
using BudgetGrpc.Engine.Reading;

namespace BudgetGrpc.Engine.Indicators;

/// <summary>
/// The wide layout: one cell holds all headings and items of a project, numbered 一、 (一) 1. ① in any mix,
/// with second levels written on their own line or inline with the first item ("(三)成本指标：1. …").
/// </summary>
public static partial class FreeTextIndicators
{
    /// <param name="level1">The first level the whole cell stands under (a column headed 产出指标), or null.</param>
    /// <param name="level2">The second level it stands under (a row's 二级指标 cell), or null.</param>
    public static IndicatorBlock Extract(string rawCell, SourceRef source, string? level1 = null, string? level2 = null)
    {
        var state = new IndicatorCollector(source);
        if (level1 is not null) state.EnterLevel1(level1);
        if (level1 is not null && level2 is not null) state.EnterLevel2(level2);
        foreach (var written in CellMarkup.ToLines(rawCell))
        foreach (var raw in LevelPath.Lines(written))
        {
            var line = raw;
            // 【产出指标-数量指标】 or 产出指标-数量指标-名称: both levels in one bracketed or hyphenated path.
            if (LevelPath.At(line) is { } path)
            {
                state.EnterLevel1(path.Level1);
                state.EnterLevel2(path.Level2);
                line = line[path.Length..];
                if (line.Length == 0) continue;
            }
            // 指标1：托管机柜数量（≥60台）: items numbered as 指标N.
            if (line.StartsWith("指标", StringComparison.Ordinal) && ItemNumber().Match(line) is { Success: true } number)
                line = line[number.Length..];
            var folded = UnitNames.FoldWidth(line);
            int chunkStart = 0;
            foreach (int boundary in NamedHeadingStarts(folded).Append(folded.Length))
            {
                // "(一) 社会效益指标：…" keeps its numbering with the heading it numbers.
                if (boundary < folded.Length && OnlyNumbering().IsMatch(folded.AsSpan(chunkStart, boundary - chunkStart))) continue;
                if (boundary > chunkStart) ReadChunk(state, line[chunkStart..boundary], folded[chunkStart..boundary]);
                chunkStart = boundary;
            }
        }
        return new IndicatorBlock(state.Indicators, state.Headings);
    }

    /// <summary>
    /// The lines before the first line that opens with a level path (【产出指标-数量指标】), and the rest; ("", cell) when
    /// no line does. A bracketed label that opens the goals (【总体目标】) goes.
    /// </summary>
    public static (string Goals, string Indicators) SplitLeadingGoals(string rawCell)
    {
        var lines = rawCell.Split('\n').SelectMany(LevelPath.Lines).ToArray();
        var first = Array.FindIndex(lines, l => LevelPath.At(l) is not null);
        if (first <= 0) return ("", rawCell);
        var goals = BracketLabel().Replace(string.Join("\n", lines[..first]).Trim(), "");
        return (goals, string.Join("\n", lines[first..]));
    }

    [GeneratedRegex(@"^指标\s*\d{1,2}\s*[:：.、]\s*")]
    private static partial Regex ItemNumber();

    [GeneratedRegex(@"^\s*[【\[][^】\]]{1,8}[】\]]\s*[:：]?\s*")]
    private static partial Regex BracketLabel();

    private static void ReadChunk(IndicatorCollector state, string line, string folded)
    {
        foreach (var segment in Markers.Split(folded, text => HeadingMatcher.Match(text, MarkerKind.None, null).Kind != HeadingKind.None))
        {
            var text = line[segment.TextStart..segment.End];
            var textFolded = folded[segment.TextStart..segment.End];
            var heading = HeadingMatcher.Match(textFolded, segment.Kind, state.Level1);
            if (heading.Kind == HeadingKind.Level1)
            {
                state.EnterLevel1(heading.Name);
                // A flattened row "产出指标 数量指标 受益人数≥100人" names its second level right after the first.
                var inner = HeadingMatcher.Match(textFolded[heading.Length..], MarkerKind.None, state.Level1);
                if (inner.Kind == HeadingKind.Level2) heading = heading with { Length = heading.Length + inner.Length, Name = inner.Name, Kind = HeadingKind.Level2 };
                if (heading.Kind == HeadingKind.Level2) state.EnterLevel2(heading.Name);
            }
            else if (heading.Kind == HeadingKind.Level2) state.EnterLevel2(heading.Name);
            // Trim both spellings alike: folding keeps every index.
            int from = heading.Length, to = text.Length;
            while (from < to && char.IsWhiteSpace(textFolded[from])) from++;
            while (to > from && char.IsWhiteSpace(textFolded[to - 1])) to--;
            if (to > from) state.AddItem(text[from..to], textFolded[from..to]);
        }
    }

    // "…≤10万元。效益指标：社会效益指标：…；质量指标：合格率≥95%": headings named before a colon in running text,
    // after a sentence or list separator, start a new stretch even without numbering.
    private static IEnumerable<int> NamedHeadingStarts(string folded)
    {
        for (int colon = folded.IndexOf(':'); colon > 0; colon = folded.IndexOf(':', colon + 1))
        {
            int start = WordStart(folded, colon);
            if (!HeadingMatcher.IsNamedBeforeColon(folded[start..colon])) continue;
            // "服务对象 满意度指标": extraction may have put a space inside the name; take the longest name.
            while (start > 1 && folded[start - 1] == ' ' && WordStart(folded, start - 1) is var wider && HeadingMatcher.IsNamedBeforeColon(folded[wider..colon]))
                start = wider;
            if (start > 0) yield return start;
        }
    }

    private const string NameSeparators = ";,。 :";

    private static int WordStart(string folded, int end)
    {
        int start = end;
        while (start > 0 && !NameSeparators.Contains(folded[start - 1])) start--;
        return start;
    }

    [GeneratedRegex(@"^\s*(?:\d{1,2}\s*[.、]?|\(\s*[一二三四五六七八九十\d]{1,3}\s*\)|[一二三四五六七八九十]{1,3}[、.]|[①-⑳])?\s*$")]
    private static partial Regex OnlyNumbering();
}
