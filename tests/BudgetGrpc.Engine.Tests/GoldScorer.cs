using System.Text.Json;
using System.Text.RegularExpressions;
using BudgetGrpc.Engine.Model;

namespace BudgetGrpc.Engine.Tests;

/// <summary>
/// The matching rules of shared/tools/score_extraction.py (beside the repository), so that tests measure what acceptance measures:
/// loose = levels, name and value agree; strict also needs comparator and unit (with the gold's accepted alternatives).
/// </summary>
internal static partial class GoldScorer
{
    private static readonly (string Key, string Level1)[] L1 = [("产出", "产出指标"), ("效益", "效益指标"), ("满意度", "满意度指标"), ("成本", "成本指标")];
    private static readonly string[] L2 = ["经济成本", "社会成本", "生态环境成本", "经济效益", "社会效益", "生态效益", "可持续影响", "数量", "质量", "成本", "时效", "满意度"];

    public sealed record GoldIndicator(JsonElement Json)
    {
        public string Level1 => Json.GetProperty("level1").GetString()!;
        public string Level2 => Json.GetProperty("level2").GetString()!;
        public string Name => Json.GetProperty("name").GetString()!;
        public override string ToString() =>
            $"{Level2} {Name} {Json.GetProperty("comparator")} {Json.GetProperty("value")} {Json.GetProperty("unit")} {Json.GetProperty("qualitativeValue")}";
    }

    public sealed record Result(int Gold, int Predicted, int Loose, int Strict, List<string> Misses)
    {
        public double StrictF1 => F1(Strict);
        public double LooseF1 => F1(Loose);
        private double F1(int tp)
        {
            double p = Predicted == 0 ? 0 : (double)tp / Predicted, r = Gold == 0 ? 0 : (double)tp / Gold;
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    public static JsonElement LoadGold(string fileName)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "samples", "expected", fileName);
        return JsonDocument.Parse(File.ReadAllText(path)).RootElement;
    }

    public static IEnumerable<GoldIndicator> Indicators(JsonElement project) =>
        project.GetProperty("indicators").EnumerateArray().Select(e => new GoldIndicator(e));

    /// <summary>Scores one project's predicted indicators against its gold indicators (greedy, in gold order).</summary>
    public static Result Score(IEnumerable<GoldIndicator> gold, IReadOnlyList<Indicator> predicted, string label,
        List<(GoldIndicator Gold, Indicator Predicted)>? strictPairs = null)
    {
        var used = new HashSet<int>();
        int loose = 0, strict = 0, ngold = 0;
        var misses = new List<string>();
        foreach (var g in gold)
        {
            ngold++;
            int hit = -1;
            for (int k = 0; k < predicted.Count && hit < 0; k++)
            {
                if (used.Contains(k)) continue;
                var p = predicted[k];
                var l1 = N1(p.Level1);
                if (l1 != g.Level1 || N2(p.Level2, l1) != N2(g.Level2, g.Level1)) continue;
                if (NameOk(g.Name, p.Name) && ValueOk(g.Json, p)) hit = k;
            }
            if (hit < 0)
            {
                misses.Add($"{label} miss: {g}");
                continue;
            }
            used.Add(hit);
            loose++;
            var hitP = predicted[hit];
            if (ComparatorOk(g.Json, hitP) && UnitOk(g.Json, hitP))
            {
                strict++;
                strictPairs?.Add((g, hitP));
            }
            else misses.Add($"{label} loose-only: {g} got {hitP.Comparator.ToWire()} {hitP.Unit}");
        }
        for (int k = 0; k < predicted.Count; k++)
        {
            if (!used.Contains(k))
            {
                var p = predicted[k];
                misses.Add($"{label} extra: {p.Level1} {p.Level2} {p.Name} {p.Comparator.ToWire()} {p.Value} {p.Unit} {p.QualitativeValue}");
            }
        }
        return new Result(ngold, predicted.Count, loose, strict, misses);
    }

    /// <summary>
    /// The scorer's `actuals` measure for one strictly matched pair: the actual's value (or its words), the weight and the
    /// score as stated agree with the gold.
    /// </summary>
    public static bool ActualOk(GoldIndicator gold, Indicator predicted)
    {
        var ga = gold.Json.GetProperty("actual");
        var pa = predicted.Actual;
        bool ok;
        if (ga.GetProperty("value").ValueKind == JsonValueKind.Number)
            ok = pa?.Value is { } v && Math.Abs((double)v - ga.GetProperty("value").GetDouble()) < 1e-6;
        else
        {
            var gq = Nn(ga.GetProperty("qualitativeValue").GetString());
            var pq = Nn(pa?.QualitativeValue);
            ok = gq.Length > 0 ? pq.Length > 0 && (gq.Contains(pq, StringComparison.Ordinal) || pq.Contains(gq, StringComparison.Ordinal)) : pa?.Value is null && pq.Length == 0;
        }
        foreach (var (key, value) in new[] { ("weight", predicted.Weight), ("score", predicted.Score) })
            if (gold.Json.TryGetProperty(key, out var g))
                ok &= g.ValueKind == JsonValueKind.Number ? value is { } x && Math.Abs((double)x - g.GetDouble()) < 1e-6 : value is null;
        return ok;
    }

    public static Result Sum(IEnumerable<Result> results)
    {
        var all = results.ToList();
        return new Result(all.Sum(r => r.Gold), all.Sum(r => r.Predicted), all.Sum(r => r.Loose), all.Sum(r => r.Strict),
            all.SelectMany(r => r.Misses).ToList());
    }

    private static string N1(string s)
    {
        s = s.Trim();
        foreach (var (key, level1) in L1)
            if (s.Contains(key, StringComparison.Ordinal)) return level1;
        return s;
    }

    private static string N2(string s, string l1)
    {
        s = s.Trim().Replace("环境效益", "生态效益").Replace("进度", "时效");
        if (l1 == "满意度指标") return "满意度";
        foreach (var key in L2)
            if (s.Contains(key, StringComparison.Ordinal)) return key;
        return s;
    }

    private static string Nn(string? s) => Punct().Replace(s ?? "", "");

    private static HashSet<string> Bigrams(string s)
    {
        var set = new HashSet<string>();
        for (int i = 0; i + 1 < s.Length; i++) set.Add(s.Substring(i, 2));
        if (set.Count == 0) set.Add(s);
        return set;
    }

    public static bool NameOk(string gold, string predicted)
    {
        var g = Nn(gold);
        var p = Nn(predicted);
        if (g.Length == 0 || p.Length == 0) return g == p;
        if (g.Contains(p, StringComparison.Ordinal) || p.Contains(g, StringComparison.Ordinal)) return true;
        var a = Bigrams(g);
        var b = Bigrams(p);
        return 2.0 * a.Intersect(b).Count() / (a.Count + b.Count) >= 0.6;
    }

    private static bool TryAccept(JsonElement g, string key, out JsonElement value)
    {
        value = default;
        return g.TryGetProperty("accept", out var accept) && accept.TryGetProperty(key, out value);
    }

    private static bool ValueOk(JsonElement g, Indicator p)
    {
        if (TryAccept(g, "anyValue", out var any) && any.ValueKind == JsonValueKind.True) return true;
        var gv = g.GetProperty("value");
        double? pv = p.Value is null ? null : (double)p.Value.Value;
        if (gv.ValueKind == JsonValueKind.Number) return pv is not null && Math.Abs(gv.GetDouble() - pv.Value) < 1e-6;
        var gq = Nn(g.GetProperty("qualitativeValue").GetString());
        var pq = Nn(p.QualitativeValue);
        if (TryAccept(g, "numeric", out var alt) && pv is not null && Math.Abs(alt[0].GetDouble() - pv.Value) < 1e-6) return true;
        if (gq.Length > 0) return pq.Length > 0 && (gq.Contains(pq, StringComparison.Ordinal) || pq.Contains(gq, StringComparison.Ordinal));
        return pv is null && pq.Length == 0;
    }

    private static bool ComparatorOk(JsonElement g, Indicator p)
    {
        var pc = p.Comparator.ToWire();
        if (TryAccept(g, "numeric", out _) && pc == "=") return true;
        var ok = TryAccept(g, "comparator", out var alts)
            ? alts.EnumerateArray().Select(a => a.GetString()).ToList()
            : [g.GetProperty("comparator").GetString()];
        return ok.Contains(pc);
    }

    private static bool UnitOk(JsonElement g, Indicator p)
    {
        var pu = p.Unit.Trim().Replace("×", "*").Replace("／", "/");
        if (TryAccept(g, "numeric", out var alt) && pu == alt[1].GetString()) return true;
        var ok = TryAccept(g, "unit", out var alts)
            ? alts.EnumerateArray().Select(a => a.GetString()).ToList()
            : [g.GetProperty("unit").GetString()];
        return ok.Contains(pu);
    }

    [GeneratedRegex(@"[\s：:，,。.；;、（）()“”""'《》<>\[\]\-—_/*·]")]
    private static partial Regex Punct();
}
