using System.Buffers;
using System.Text.RegularExpressions;

namespace BudgetGrpc.Engine.Indicators;

/// <summary>A target found in free text: where it stands and its parts as written (width-folded).</summary>
internal readonly record struct TargetHit(int Index, int Length, string Pre, string Digits, string Unit, string Post, bool IsPeriod)
{
    public int End => Index + Length;
}

/// <summary>
/// Finds targets in free text number first: a vectorised search for the next digit, then the unit after it
/// (longest known unit, so "10元/吨*日标准" ends at 日) and the comparator words before it. This runs for every
/// line of every indicator cell, so it avoids a regular expression with a hundred-way alternation at each position.
/// </summary>
internal static class TargetScanner
{
    private static readonly SearchValues<char> NumberStarts = SearchValues.Create("0123456789*xX");

    // Units by first character, longest first.
    private static readonly Dictionary<char, string[]> UnitsByFirst = TargetPatterns.BaseUnits
        .GroupBy(u => u[0])
        .ToDictionary(g => g.Key, g => g.OrderByDescending(u => u.Length).ToArray());

    private static readonly string[] PrefixList = TargetPatterns.PrefixWords.Split('|').OrderByDescending(w => w.Length).ToArray();
    private static readonly string[] SuffixList = TargetPatterns.SuffixWords.Split('|').OrderByDescending(w => w.Length).ToArray();

    private const string NotReaching = "到送下传表发通抵直转";

    private static readonly Regex PeriodAt = new($@"\G(?:{TargetPatterns.PeriodPattern})", RegexOptions.Compiled | RegexOptions.CultureInvariant);

    /// <summary>The next target in folded free text at or after <paramref name="from"/>, or null.</summary>
    public static TargetHit? Next(string folded, int from)
    {
        int at = from;
        while (at < folded.Length)
        {
            int found = folded.AsSpan(at).IndexOfAny(NumberStarts);
            if (found < 0) return null;
            at += found;
            var hit = At(folded, from, at);
            if (hit is not null) return hit;
            at++;
        }
        return null;
    }

    private static TargetHit? At(string folded, int from, int at)
    {
        // The middle of a number or a word ("1.5", "5G", "COVID-19") starts no target.
        if (at > 0 && (char.IsAsciiLetterOrDigit(folded[at - 1]) || folded[at - 1] is '.' or '-' or '*')) return null;
        if (char.IsAsciiDigit(folded[at]) && at + 4 < folded.Length && char.IsAsciiDigit(folded[at + 3]))
        {
            var period = PeriodAt.Match(folded, at);
            if (period.Success) return new TargetHit(at, period.Length, "", "", "", "", IsPeriod: true);
        }

        int end = NumberEnd(folded, at);
        if (end == at) return null;
        var digits = folded[at..end];
        if (digits[0] is 'x' or 'X' && end < folded.Length && char.IsAsciiLetter(folded[end])) return null;

        int unitStart = end < folded.Length && folded[end] == ' ' ? end + 1 : end;
        int unitEnd = UnitEnd(folded, unitStart);
        if (unitEnd == unitStart) unitStart = unitEnd = end;
        var unit = folded[unitStart..unitEnd];
        var post = WordAt(folded, unitEnd, SuffixList);
        // "95% 以上": a bound word may stand one space away.
        if (post.Length == 0 && unitEnd < folded.Length && folded[unitEnd] == ' ')
        {
            post = WordAt(folded, unitEnd + 1, SuffixList);
            if (post.Length > 0) unitEnd++;
        }

        int k = at;
        while (k > from && folded[k - 1] == ' ') k--;
        var pre = WordBefore(folded, k, from, PrefixList);
        // 达 ends other words too: "下达100万元" is handed down, not reached.
        if (pre == "达" && k - 2 >= from && NotReaching.Contains(folded[k - 2])) pre = "";
        int start = pre.Length > 0 ? k - pre.Length : at;
        return new TargetHit(start, unitEnd + post.Length - start, pre, digits, unit, post, IsPeriod: false);
    }

    // \d+(,\d{3})*(\.\d+)? | \*+ | x{2,} | X{2,}
    private static int NumberEnd(string s, int i)
    {
        char c = s[i];
        if (c is '*' or 'x' or 'X')
        {
            int j = i;
            while (j < s.Length && s[j] == c) j++;
            return c == '*' || j - i >= 2 ? j : i;
        }
        int p = i;
        while (p < s.Length && char.IsAsciiDigit(s[p])) p++;
        while (p + 3 < s.Length && s[p] == ',' && char.IsAsciiDigit(s[p + 1]) && char.IsAsciiDigit(s[p + 2]) && char.IsAsciiDigit(s[p + 3])
               && (p + 4 >= s.Length || !char.IsAsciiDigit(s[p + 4])))
            p += 4;
        if (p + 1 < s.Length && s[p] == '.' && char.IsAsciiDigit(s[p + 1]))
        {
            p++;
            while (p < s.Length && char.IsAsciiDigit(s[p])) p++;
        }
        return p;
    }

    // base ( "(" base ")" )? ( [/*×·] base ){0,2}
    internal static int UnitEnd(string s, int i)
    {
        int end = BaseUnitEnd(s, i);
        if (end == i) return i;
        if (end < s.Length && s[end] == '(')
        {
            int inner = BaseUnitEnd(s, end + 1);
            if (inner > end + 1 && inner < s.Length && s[inner] == ')') end = inner + 1;
        }
        for (int n = 0; n < 2 && end < s.Length && s[end] is '/' or '*' or '×' or '·'; n++)
        {
            int next = BaseUnitEnd(s, end + 1);
            if (next == end + 1) break;
            end = next;
        }
        return end;
    }

    /// <summary>The end of the longest known unit starting at <paramref name="i"/>, or <paramref name="i"/> when none does.</summary>
    internal static int BaseUnitEnd(string s, int i)
    {
        if (i >= s.Length || !UnitsByFirst.TryGetValue(s[i], out var units)) return i;
        foreach (var unit in units)
        {
            if (string.CompareOrdinal(s, i, unit, 0, unit.Length) == 0) return i + unit.Length;
        }
        return i;
    }

    private static string WordAt(string s, int i, string[] words)
    {
        foreach (var word in words)
        {
            if (i + word.Length <= s.Length && string.CompareOrdinal(s, i, word, 0, word.Length) == 0) return word;
        }
        return "";
    }

    private static string WordBefore(string s, int end, int from, string[] words)
    {
        foreach (var word in words)
        {
            if (end - word.Length >= from && string.CompareOrdinal(s, end - word.Length, word, 0, word.Length) == 0) return word;
        }
        return "";
    }
}
