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
    public static IndicatorBlock Extract(string rawCell, SourceRef source)
    {
        var state = new State(source);
        foreach (var line in CellMarkup.ToLines(rawCell))
        {
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

    private static void ReadChunk(State state, string line, string folded)
    {
        foreach (var segment in Markers.Split(folded, text => MatchHeading(text, MarkerKind.None, null).Kind != HeadingKind.None))
        {
            var text = line[segment.TextStart..segment.End];
            var textFolded = folded[segment.TextStart..segment.End];
            var heading = MatchHeading(textFolded, segment.Kind, state.Level1);
            if (heading.Kind == HeadingKind.Level1)
            {
                state.EnterLevel1(heading.Name);
                // A flattened row "产出指标 数量指标 受益人数≥100人" names its second level right after the first.
                var inner = MatchHeading(textFolded[heading.Length..], MarkerKind.None, state.Level1);
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
            if (!IsHeadingName(folded[start..colon])) continue;
            // "服务对象 满意度指标": extraction may have put a space inside the name; take the longest name.
            while (start > 1 && folded[start - 1] == ' ' && WordStart(folded, start - 1) is var wider && IsHeadingName(folded[wider..colon]))
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

    private static bool IsHeadingName(string text)
    {
        var name = text.Trim();
        if (name.Length is < 2 or > 24) return false;
        // Most colons in a cell follow an indicator name ("储备费用：4.1万元/年"); level names end in one of these.
        if (!(name.EndsWith("指标", StringComparison.Ordinal) || name.EndsWith("效益", StringComparison.Ordinal)
              || name.EndsWith("影响", StringComparison.Ordinal) || name.EndsWith("成本", StringComparison.Ordinal)
              || name.EndsWith("发展", StringComparison.Ordinal)))
            return false;
        bool said = name.EndsWith("指标", StringComparison.Ordinal);
        return (said && LevelNames.Level1(name) is not null) || (said && LevelNames.Level2(name, null) is not null) || IsLongLevel2(name);
    }

    // A second level written without 指标 is a heading only when its name cannot be an indicator's:
    // "社会效益：" is, "质量：" and "服务对象满意度：" (an indicator of satisfaction) are not.
    private static bool IsLongLevel2(string name) =>
        NonSpaceLength(name) >= 4 && LevelNames.Level2(name, null) is { } level2 && level2 != LevelNames.ServiceSatisfaction;

    [GeneratedRegex(@"^\s*(?:\d{1,2}\s*[.、]?|\(\s*[一二三四五六七八九十\d]{1,3}\s*\)|[一二三四五六七八九十]{1,3}[、.]|[①-⑳])?\s*$")]
    private static partial Regex OnlyNumbering();

    // The first characters of every level name: most segments are items and are turned away on this alone.
    private static readonly System.Buffers.SearchValues<char> HeadingInitials = System.Buffers.SearchValues.Create("产效满成社服生环经可数质时进");

    private enum HeadingKind { None, Level1, Level2 }

    private readonly record struct Heading(HeadingKind Kind, string Name, int Length);

    // A heading at the start of a segment. Without a heading marker it must say 指标 and end there (or at a colon),
    // so that an item such as "社会公众满意度≥95" is never taken for one.
    private static Heading MatchHeading(string folded, MarkerKind marker, string? currentLevel1)
    {
        var trimmed = folded.AsSpan().TrimStart();
        if (trimmed.IsEmpty || !HeadingInitials.Contains(trimmed[0])) return default;
        var m1 = Level1Heading().Match(folded);
        if (m1.Success)
        {
            var name = LevelNames.Level1(m1.Groups["name"].Value)!;
            bool said = m1.Groups["zb"].Success;
            bool closed = EndsHeading(folded, m1);
            bool isLevel1 = marker switch
            {
                MarkerKind.Level1 => closed || said,
                // (一)产出指标: some tables number first levels this way; 满意度/成本 after (一) are second levels.
                MarkerKind.Level2 => name is LevelNames.Output or LevelNames.Benefit && closed,
                _ => said && closed && (name != LevelNames.Cost || currentLevel1 is null),
            };
            if (isLevel1) return new Heading(HeadingKind.Level1, name, m1.Length);
        }

        var m2 = Level2Heading().Match(folded);
        if (m2.Success)
        {
            bool said = m2.Groups["zb"].Success;
            bool closed = EndsHeading(folded, m2);
            // Without a marker or 指标, only a long name before a colon is a heading ("社会效益：…"); "质量：合格" is an item.
            bool longBeforeColon = m2.Groups["colon"].Success && IsLongLevel2(m2.Groups["name"].Value);
            bool isLevel2 = marker == MarkerKind.Level2 ? closed : (said && closed) || longBeforeColon;
            if (isLevel2) return new Heading(HeadingKind.Level2, m2.Groups["name"].Value, m2.Length);
        }
        return default;
    }

    private static int NonSpaceLength(string text) => text.Count(c => !char.IsWhiteSpace(c));

    // A heading name ends at the end of the segment, at a colon, or before a number that opens its first item.
    private static bool EndsHeading(string folded, Match m)
    {
        if (m.Groups["colon"].Success) return true;
        int end = m.Index + m.Length;
        return end >= folded.Length || char.IsWhiteSpace(folded[end - 1]) || char.IsWhiteSpace(folded[end]) || char.IsDigit(folded[end]) || folded[end] is '(' or '①';
    }

    [GeneratedRegex(@"^\s*(?<name>产\s*出|效\s*益|满\s*意\s*度|成\s*本)\s*(?<zb>指\s*标)?\s*(?<colon>[:：])?\s*")]
    private static partial Regex Level1Heading();

    [GeneratedRegex(@"^\s*(?<name>社\s*会\s*公\s*众\s*或\s*服\s*务\s*对\s*象\s*满\s*意\s*度|服\s*务\s*对\s*象\s*满\s*意\s*度|生\s*态\s*环\s*境\s*成\s*本|环\s*境\s*成\s*本|生\s*态\s*成\s*本|经\s*济\s*成\s*本|社\s*会\s*成\s*本|可\s*持\s*续\s*影\s*响|可\s*持\s*续\s*发\s*展|经\s*济\s*效\s*益|社\s*会\s*效\s*益|生\s*态\s*效\s*益|环\s*境\s*效\s*益|满\s*意\s*度|数\s*量|质\s*量|时\s*效|进\s*度|成\s*本)\s*(?<zb>指\s*标)?\s*(?<colon>[:：])?\s*")]
    private static partial Regex Level2Heading();

    private sealed class State(SourceRef source)
    {
        public readonly List<Indicator> Indicators = [];
        public readonly List<IndicatorHeading> Headings = [];
        public string? Level1;
        private string? _level2;

        public void EnterLevel1(string level1)
        {
            Level1 = level1;
            _level2 = null;
            Headings.Add(new IndicatorHeading(level1, "", source));
        }

        public void EnterLevel2(string rawName)
        {
            var level2 = LevelNames.Level2(rawName, Level1) ?? LevelNames.Level2(rawName, null)!;
            // A second level that cannot stand under the current first level means its first-level heading was
            // left out (or there was none yet): take the first level its family belongs to.
            if (Level1 is null || !LevelFamilies.Fits(Level1, level2))
            {
                Level1 = LevelFamilies.FirstLevelOf(level2, Level1);
                level2 = LevelNames.Level2(rawName, Level1) ?? level2;
            }
            _level2 = level2;
            Headings.Add(new IndicatorHeading(Level1, level2, source));
        }

        public void AddItem(string text, string folded)
        {
            foreach (var piece in ItemParser.Parse(text, folded))
            {
                // A lone target after an item that had none (a line "20%" under "慰问覆盖率") completes it.
                if (piece.IsBare && Indicators.Count > 0 && Indicators[^1].Comparator == Comparator.None)
                {
                    var prev = Indicators[^1];
                    Indicators[^1] = WithTarget(prev, piece.Target, prev.Text + "；" + piece.Text);
                    continue;
                }
                Indicators.Add(Build(piece));
            }
        }

        private Indicator Build(Piece piece)
        {
            var name = IndicatorNames.Clean(piece.IsBare ? piece.Text : piece.RawName, out var unitNote);
            var level1 = Level1;
            var level2 = _level2;
            var flags = piece.Target.Flags;
            if (level2 is null)
            {
                (level1, level2) = LevelFamilies.Infer(name, level1);
                flags |= IndicatorFlags.InferredLevel2;
            }
            level1 ??= LevelNames.Output;
            if (level1 == LevelNames.Satisfaction) name = IndicatorNames.SatisfactionName(name);
            var target = piece.Target;
            if (target.Value is not null && target.Unit.Length == 0 && unitNote.Length > 0) target = target with { Unit = unitNote };
            return new Indicator
            {
                Level1 = level1,
                Level2 = level2,
                Name = name,
                Comparator = target.Comparator,
                Value = target.Value,
                Unit = target.Unit,
                QualitativeValue = target.QualitativeValue,
                Flags = flags,
                Text = piece.Text,
                Source = source,
            };
        }

        private static Indicator WithTarget(Indicator indicator, Target target, string text) => indicator with
        {
            Comparator = target.Comparator,
            Value = target.Value,
            Unit = target.Unit,
            QualitativeValue = target.QualitativeValue,
            Flags = indicator.Flags | target.Flags,
            Text = text,
        };
    }
}
