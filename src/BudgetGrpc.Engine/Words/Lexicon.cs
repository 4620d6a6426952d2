using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;

namespace BudgetGrpc.Engine.Words;

/// <summary>
/// The words of disclosure tables (Layouts/lexicon.tsv, embedded): what a header cell, a form label, a row marker,
/// a level name or a qualitative target means. Both the layouts and the indicator readers ask it, so it stands apart from both.
/// A text is matched against every entry of a group; the highest-scoring entry names the role (ties: the longer word).
/// </summary>
internal static class Lexicon
{
    private enum Match { Exact, Prefix, Suffix, Contains }

    private sealed record Entry(string Role, Match Match, string Word, int Score);

    private sealed record Group(FrozenDictionary<string, Entry> Exact, Entry[] Partial);

    private static readonly FrozenDictionary<string, Group> Groups = Load();

    /// <summary>The role a key (<see cref="Fold"/>) has within a group ("column", "label", "row", "valuepart"), or null.</summary>
    public static string? RoleOf(string group, string key) => Best(group, key)?.Role;

    /// <summary>The best role and its score (0 when nothing matches).</summary>
    public static (string? Role, int Score) Scored(string group, string key) =>
        Best(group, key) is { } e ? (e.Role, e.Score) : (null, 0);

    /// <summary>
    /// A key for matching words: whitespace removed (extraction leaves `满意 度指 标`), full-width
    /// brackets and colons folded, trailing colons dropped.
    /// </summary>
    public static string Fold(string text)
    {
        if (text.Length == 0 || IsFolded(text)) return text;
        var sb = new System.Text.StringBuilder(text.Length);
        foreach (var ch in text)
            if (!IsDropped(ch)) sb.Append(FoldChar(ch));
        while (sb.Length > 0 && sb[^1] == ':') sb.Length--;
        return sb.ToString();
    }

    private static bool IsDropped(char ch) => char.IsWhiteSpace(ch) || ch == '*';

    private static char FoldChar(char ch) => ch switch
    {
        '（' or '【' or '[' or '〔' => '(',
        '）' or '】' or ']' or '〕' => ')',
        '：' => ':',
        _ => ch,
    };

    /// <summary>Whether <see cref="Fold"/> would change nothing (the common case: it is asked of every cell sampled).</summary>
    private static bool IsFolded(string text)
    {
        foreach (var ch in text)
            if (IsDropped(ch) || FoldChar(ch) != ch) return false;
        return text[^1] != ':';
    }

    // Tables repeat their header words and labels on every form and sheet: answers are kept, up to a bound.
    private const int CacheLimit = 20_000;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Group, string Key), Entry?> Cache = new();

    private static Entry? Best(string group, string key)
    {
        if (key.Length == 0) return null;
        if (Cache.TryGetValue((group, key), out var cached)) return cached;
        var best = Scan(group, key);
        if (Cache.Count < CacheLimit) Cache.TryAdd((group, key), best);
        return best;
    }

    private static Entry? Scan(string group, string key)
    {
        if (!Groups.TryGetValue(group, out var entries)) return null;
        Entry? best = entries.Exact.GetValueOrDefault(key);
        foreach (var e in entries.Partial)
        {
            var hit = e.Match switch
            {
                Match.Prefix => key.StartsWith(e.Word, StringComparison.Ordinal),
                Match.Suffix => key.EndsWith(e.Word, StringComparison.Ordinal),
                _ => key.Contains(e.Word, StringComparison.Ordinal),
            };
            if (!hit) continue;
            if (best is null || e.Score > best.Score || (e.Score == best.Score && e.Word.Length > best.Word.Length)) best = e;
        }
        return best;
    }

    private static FrozenDictionary<string, Group> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("BudgetGrpc.Engine.Layouts.lexicon.tsv")
            ?? throw new InvalidOperationException("the lexicon resource is missing from the engine assembly");
        using var reader = new StreamReader(stream);
        var groups = new Dictionary<string, List<Entry>>(StringComparer.Ordinal);
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0 || line[0] == '#') continue;
            var f = line.Split('\t');
            var dot = f[0].IndexOf('.');
            if (f.Length < 4 || dot <= 0)
                throw new InvalidOperationException($"lexicon.tsv line {lineNumber}: expected group.role, match, word, score");
            var match = f[1] switch
            {
                "exact" => Match.Exact,
                "prefix" => Match.Prefix,
                "suffix" => Match.Suffix,
                "contains" => Match.Contains,
                _ => throw new InvalidOperationException($"lexicon.tsv line {lineNumber}: unknown match '{f[1]}'"),
            };
            var group = f[0][..dot];
            if (!groups.TryGetValue(group, out var list)) groups[group] = list = [];
            var score = int.Parse(f[3], CultureInfo.InvariantCulture);
            list.Add(new Entry(f[0][(dot + 1)..], match, Fold(f[2]), score));
        }
        // Exact words are looked up, the others scanned; of two exact entries for one word the higher score wins.
        return groups.ToFrozenDictionary(
            g => g.Key,
            g => new Group(
                g.Value.Where(e => e.Match == Match.Exact).GroupBy(e => e.Word)
                    .ToFrozenDictionary(w => w.Key, w => w.OrderByDescending(e => e.Score).First(), StringComparer.Ordinal),
                [.. g.Value.Where(e => e.Match != Match.Exact)]),
            StringComparer.Ordinal);
    }
}
