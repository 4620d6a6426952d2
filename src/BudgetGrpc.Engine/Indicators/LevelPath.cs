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

    [GeneratedRegex(@"^\s*[【\[(（]?\s*(?<l1>[^-－—–【】\[\]()（）:：\s]{1,12}?)\s*[-－—–]+\s*(?<l2>[^-－—–【】\[\]()（）:：\s]{1,16}?)\s*(?:[】\])）]\s*[:：]?|[-－—–:：]+|$)\s*")]
    private static partial Regex Pattern();
}
