using System.Text.RegularExpressions;
using BudgetGrpc.Engine.Words;

namespace BudgetGrpc.Engine.Indicators;

/// <summary>Canonical first- and second-level indicator names (财预〔2015〕88号, 财预〔2021〕101号) and their synonyms.</summary>
public static partial class LevelNames
{
    public const string Output = "产出指标", Benefit = "效益指标", Satisfaction = "满意度指标", Cost = "成本指标";

    public const string Quantity = "数量指标", Quality = "质量指标", Timeliness = "时效指标", OutputCost = "成本指标",
        EconomicCost = "经济成本指标", SocialCost = "社会成本指标", EcologicalCost = "生态环境成本指标",
        EconomicBenefit = "经济效益指标", SocialBenefit = "社会效益指标", EcologicalBenefit = "生态效益指标",
        Sustainability = "可持续影响指标", ServiceSatisfaction = "服务对象满意度指标";

    /// <summary>Every canonical second level, in framework order.</summary>
    public static readonly IReadOnlyList<string> AllLevel2 =
    [
        Quantity, Quality, Timeliness, OutputCost, EconomicCost, SocialCost, EcologicalCost,
        EconomicBenefit, SocialBenefit, EcologicalBenefit, Sustainability, ServiceSatisfaction,
    ];

    // Second-level spellings without the 指标 suffix, synonyms included, longest first so that
    // 经济成本 wins over 成本 and 社会公众或服务对象满意度 over 满意度.
    private static readonly (string Stem, string Canonical)[] Level2Stems =
    [
        ("社会公众或服务对象满意度", ServiceSatisfaction),
        ("服务对象满意度", ServiceSatisfaction),
        ("社会公众满意度", ServiceSatisfaction),
        ("生态环境成本", EcologicalCost),
        ("环境成本", EcologicalCost),
        ("生态成本", EcologicalCost),
        ("经济成本", EconomicCost),
        ("社会成本", SocialCost),
        ("可持续影响", Sustainability),
        ("可持续发展", Sustainability),
        ("经济效益", EconomicBenefit),
        ("社会效益", SocialBenefit),
        ("生态效益", EcologicalBenefit),
        ("环境效益", EcologicalBenefit),
        ("满意度", ServiceSatisfaction),
        ("数量", Quantity),
        ("质量", Quality),
        ("时效", Timeliness),
        ("进度", Timeliness),
        ("成本", OutputCost),
    ];

    /// <summary>Canonical first level of a heading or cell, or null when the text names none.</summary>
    public static string? Level1(string raw)
    {
        if (string.IsNullOrEmpty(raw)) return null;
        if (Level1Cache.TryGetValue(raw, out var cached)) return cached;
        var level1 = Level1Of(Key(raw));
        if (raw.Length <= CachedLength && Level1Cache.Count < CacheLimit) Level1Cache.TryAdd(raw, level1);
        return level1;
    }

    // Level words repeat on every row of a table: each distinct cell text is read once per process.
    private const int CacheLimit = 20_000, CachedLength = 40;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string?> Level1Cache = new(StringComparer.Ordinal);
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string, string?), string?> Level2Cache = new();

    private static string? Level1Of(string key) => Lexicon.RoleOf("level1", Lexicon.Fold(Stem(key))) switch
    {
        "Output" => Output,
        "Benefit" => Benefit,
        "Satisfaction" => Satisfaction,
        "Cost" => Cost,
        _ => null,
    };

    // Levels end in 指标, or in 目标 where a form calls its levels targets (产出目标, 数量目标, 服务对象满意度目标), or in 值
    // where it calls them values (产出值, 数量值, 服务对象满意度值).
    private static string Stem(string key) =>
        key.Length > 2 && (key.EndsWith("指标", StringComparison.Ordinal) || key.EndsWith("目标", StringComparison.Ordinal)) ? key[..^2]
        : key.Length > 2 && key[^1] == '值' ? key[..^1] : key;

    /// <summary>
    /// Canonical second level of a heading or cell, or null when the text names none.
    /// Under 满意度指标 any satisfaction heading is 服务对象满意度指标; under 成本指标 a bare 成本 stays 成本指标.
    /// </summary>
    public static string? Level2(string raw, string? level1)
    {
        if (string.IsNullOrEmpty(raw)) return null;
        if (Level2Cache.TryGetValue((raw, level1), out var cached)) return cached;
        var level2 = Level2Of(Key(raw), level1);
        if (raw.Length <= CachedLength && Level2Cache.Count < CacheLimit) Level2Cache.TryAdd((raw, level1), level2);
        return level2;
    }

    /// <summary>Whether the text names a first or a second level (产出指标, 数量指标, 产出数量指标), whatever else it is.</summary>
    public static bool IsLevelName(string text) => Level1(text) is not null || Level2(text, null) is not null;

    /// <summary>
    /// Whether the text is a heading worded like a second level without being one of its usual names (可持续性发展影响指标,
    /// 服务对象或受益者满意度指标): it ends in 指标 after a second level's last word.
    /// </summary>
    public static bool IsWordedAsLevel(string raw)
    {
        var key = Key(raw);
        if (!key.EndsWith("指标", StringComparison.Ordinal) || key.Length < 4) return IsLevelName(raw);
        var head = key[..^2];
        foreach (var (stem, _) in Level2Stems)
            if (head.EndsWith(stem[^2..], StringComparison.Ordinal)) return true;
        return IsLevelName(raw);
    }

    private static string? Level2Of(string key, string? level1)
    {
        var worded = key.EndsWith("指标", StringComparison.Ordinal);
        key = Stem(key);
        if (key.Length == 0) return null;
        if (level1 == Satisfaction && key.EndsWith("满意度", StringComparison.Ordinal)) return ServiceSatisfaction;
        foreach (var (stem, canonical) in Level2Stems)
        {
            if (key == stem) return canonical;
        }
        // The first level written in front of the second (产出数量指标, 效益社会效益指标).
        foreach (var prefix in (ReadOnlySpan<string>)["产出", "效益", "项目"])
            if (key.Length > prefix.Length + 1 && key.StartsWith(prefix, StringComparison.Ordinal))
                return Level2Of(key[prefix.Length..], level1);
        return worded ? Mistyped(key) : null;
    }

    /// <summary>
    /// A heading worded as a level but mistyped (日效性指标, 社会效果指标): the second level whose stem it differs from in one
    /// character, 性 after it aside, when exactly one does (产量 is off 数量 and 质量 alike: none). Two characters say too
    /// little without the 性 (绩效指标 is one off 时效 and names no level).
    /// </summary>
    private static string? Mistyped(string key)
    {
        var suffixed = key.Length > 2 && key[^1] == '性';
        if (suffixed) key = key[..^1];
        if (key.Length < 3 && !suffixed) return null;
        string? found = null;
        foreach (var (stem, canonical) in Level2Stems)
            if (stem == key) return canonical;
        foreach (var (stem, canonical) in Level2Stems)
        {
            if (stem.Length != key.Length) continue;
            var off = 0;
            for (var i = 0; i < key.Length && off <= 1; i++)
                if (key[i] != stem[i]) off++;
            if (off != 1 || found == canonical) continue;
            if (found is not null) return null;
            found = canonical;
        }
        return found;
    }

    /// <summary>Whether a level-2 name belongs to the cost family that 101号 files under 成本指标.</summary>
    public static bool IsCostFamily(string level2) =>
        level2 is OutputCost or EconomicCost or SocialCost or EcologicalCost;

    // Numbering (一、 (一) 1. ①), whitespace inside the name (extraction breaks 满意 度指 标) and a trailing colon go.
    private static string Key(string raw)
    {
        if (string.IsNullOrEmpty(raw)) return "";
        var text = raw.AsSpan().IndexOfAny(Spaces) < 0 ? raw : string.Concat(raw.Where(c => !char.IsWhiteSpace(c)));
        if (text.Length > 0 && NumberingInitials.Contains(text[0])) text = Numbering().Replace(text, "");
        text = text.TrimEnd(TrailingMarks);
        // A weight or note after the name: 产出指标（50分）, 效益指标(权重30%), a range of weights 产出指标(40-50)分.
        if (text.Length > 4 && text[^1] == '分' && text[^2] is ')' or '）') text = text[..^1];
        if (text.Length > 3 && text[^1] is ')' or '）' && text.LastIndexOfAny(OpeningBrackets) is var open and > 1)
            text = text[..open];
        return text;
    }

    private static readonly char[] TrailingMarks = [':', '：', ';', '；', '.', '。', ',', '，'];
    private static readonly char[] OpeningBrackets = ['(', '（'];
    private static readonly System.Buffers.SearchValues<char> Spaces = System.Buffers.SearchValues.Create(" \t\r\n\u00A0\u3000\v\f");

    private const string NumberingInitials = "一二三四五六七八九十(（0123456789①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳";

    [GeneratedRegex(@"^(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d{1,2}[.、．]|[①-⑳])")]
    private static partial Regex Numbering();
}
