using System.Buffers;
using System.Text.RegularExpressions;

namespace BudgetGrpc.Engine.Indicators;

internal enum HeadingKind { None, Level1, Level2 }

/// <summary>A level heading at the start of a stretch of text: its kind, the name as written, and its length.</summary>
internal readonly record struct Heading(HeadingKind Kind, string Name, int Length);

/// <summary>Recognises first- and second-level headings in free text (一、产出指标, (三)经济效益, 成本指标：).</summary>
internal static partial class HeadingMatcher
{
    // The first characters of every level name: most segments are items and are turned away on this alone.
    private static readonly SearchValues<char> HeadingInitials = SearchValues.Create("产效满成社服生环经可数质时进");

    // A heading at the start of a segment. Without a heading marker it must say 指标 and end there (or at a colon),
    // so that an item such as "社会公众满意度≥95" is never taken for one.
    public static Heading Match(string folded, MarkerKind marker, string? currentLevel1)
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

    /// <summary>Whether text that stands before a colon in running text names a level ("效益指标", "社会效益").</summary>
    public static bool IsNamedBeforeColon(string text)
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
}
