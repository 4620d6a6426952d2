using System.Text;

namespace BudgetGrpc.Engine.Indicators;

/// <summary>Units of measure as tables write them, reduced to one spelling.</summary>
public static class UnitNames
{
    // Whole-unit synonyms, after width folding (元/吨·日 needs none: · becomes * before the lookup).
    private static readonly Dictionary<string, string> Synonyms = new(StringComparer.Ordinal)
    {
        ["百分比"] = "%",
        ["万"] = "万元", // 250万: tables write 万 for 万元
        ["百分之"] = "%",
        ["百分率"] = "%",
        ["千分比"] = "‰",
    };

    // Units already in their one spelling, the common case in free text, are returned as they are.
    private static readonly HashSet<string> Canonical = new(StringComparer.Ordinal)
    {
        "%", "元", "万元", "亿元", "人", "人次", "个", "次", "项", "家", "所", "吨", "天", "年", "月", "亩", "公斤", "批次", "户", "起", "分",
    };

    /// <summary>Full-width forms folded, ×→*, ／→/, 百分比→%, surrounding whitespace and brackets removed.</summary>
    public static string Normalize(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return "";
        if (Canonical.Contains(raw)) return raw;
        var text = FoldWidth(raw).Replace('×', '*').Replace('·', '*').Replace('\u00A0', ' ');
        text = text.Replace(" ", "").Trim();
        // "(万元)" as a column note means the unit 万元; "万头(只)" keeps its own brackets.
        if (text.Length > 2 && text[0] == '(' && text[^1] == ')' && text.IndexOf('(', 1) < 0)
            text = text[1..^1];
        // "%(百分比)", "个(个)": a unit glossed in brackets by its own name is that unit; "万头(只)" keeps its brackets.
        var open = text.IndexOf('(');
        if (open > 0 && text[^1] == ')')
        {
            var (outer, inner) = (text[..open], text[(open + 1)..^1]);
            if (inner == outer || Synonyms.GetValueOrDefault(inner) == outer) text = outer;
        }
        return Synonyms.TryGetValue(text, out var canonical) ? canonical : text;
    }

    /// <summary>Full-width ASCII (digits, letters, ％ ／ （ ） ＊ ＞ ＜ ＝), the small and box-drawing signs (﹦ ═ ﹤ ﹥) and the ideographic space to half width.</summary>
    internal static string FoldWidth(string text)
    {
        StringBuilder? sb = null;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            char folded = c switch
            {
                >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
                '\u3000' => ' ',
                // Signs of other blocks that tables print for = < > (self-evaluation family Y: ﹦ small equals, ═ box
                // drawing double horizontal).
                '\uFE66' or '\u2550' => '=',
                '\uFE64' => '<',
                '\uFE65' => '>',
                _ => c,
            };
            if (folded != c)
            {
                sb ??= new StringBuilder(text, 0, i, text.Length);
                sb.Append(folded);
            }
            else sb?.Append(c);
        }
        return sb?.ToString() ?? text;
    }
}
