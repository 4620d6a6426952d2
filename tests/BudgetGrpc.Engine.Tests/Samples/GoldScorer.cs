using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using BudgetGrpc.Engine.Model;
using BudgetGrpc.Engine.Publishing;

namespace BudgetGrpc.Engine.Tests.Samples;

/// <summary>
/// The rules of shared/tools/score_extraction.py, ported so that the test suite scores the engine the way the
/// acceptance does: an indicator matches when levels, a similar name and the value agree (loose), and also
/// comparator and unit (strict), each with the gold file's accepted alternatives.
/// </summary>
internal static partial class GoldScorer
{
    public sealed record Score(int Gold, int Predicted, int LooseTp, int StrictTp, int ProjectsOk, int ProjectsTotal, IReadOnlyList<string> Misses)
    {
        public double StrictF1 => F1(StrictTp);
        public double LooseF1 => F1(LooseTp);

        private double F1(int tp)
        {
            var precision = Predicted == 0 ? 0 : (double)tp / Predicted;
            var recall = Gold == 0 ? 0 : (double)tp / Gold;
            return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        }

        public override string ToString() =>
            $"strictF1={StrictF1:0.000} looseF1={LooseF1:0.000} projects={ProjectsOk}/{ProjectsTotal} gold={Gold} predicted={Predicted}\n" +
            string.Join("\n", Misses);
    }

    private static readonly (string Key, string Value)[] Level1Names = [("产出", "产出指标"), ("效益", "效益指标"), ("满意度", "满意度指标"), ("成本", "成本指标")];
    private static readonly string[] Level2Keys = ["经济成本", "社会成本", "生态环境成本", "经济效益", "社会效益", "生态效益", "可持续影响", "数量", "质量", "成本", "时效", "满意度"];

    public static Score Run(JsonElement gold, JsonElement predicted)
    {
        var pprojects = predicted.GetProperty("projects").EnumerateArray().ToList();
        int tpLoose = 0, tpStrict = 0, npred = 0, ngold = 0, projOk = 0;
        var misses = new List<string>();
        var gprojects = gold.GetProperty("projects").EnumerateArray().ToList();
        foreach (var gp in gprojects)
        {
            var gname = gp.GetProperty("name").GetString()!;
            var gcode = gp.GetProperty("code").GetString()!;
            var cand = pprojects.Where(p => Nn(Str(p, "name")) == Nn(gname)).ToList();
            if (cand.Count == 0) cand = pprojects.Where(p => gcode.Length > 0 && Str(p, "code").Trim() == gcode).ToList();
            if (cand.Count == 0) cand = pprojects.Where(p => NameOk(gname, Str(p, "name"))).ToList();
            var gind = gp.GetProperty("indicators").EnumerateArray().ToList();
            ngold += gind.Count;
            if (cand.Count == 0)
            {
                misses.Add($"missing project {gcode} {gname}");
                continue;
            }
            var pp = cand[0];
            var amount = Num(pp.GetProperty("amount"));
            var objectives = pp.GetProperty("objectives").GetArrayLength();
            var goodObjectives = gp.GetProperty("objectives") is { ValueKind: JsonValueKind.Array } arr
                ? arr.EnumerateArray().Select(e => e.GetInt32()).Contains(objectives)
                : gp.GetProperty("objectives").GetInt32() == objectives;
            if (Nn(Str(pp, "name")) == Nn(gname) && amount is { } a && Math.Abs(a - gp.GetProperty("amount").GetDouble()) < 1e-6 && goodObjectives)
                projOk++;
            else
                misses.Add($"project fields differ {gcode} {Str(pp, "name")} amount={amount} objectives={objectives}");
            var pind = pp.GetProperty("indicators").EnumerateArray().ToList();
            npred += pind.Count;
            var used = new HashSet<int>();
            foreach (var g in gind)
            {
                var hit = -1;
                for (var k = 0; k < pind.Count; k++)
                {
                    if (used.Contains(k)) continue;
                    var p = pind[k];
                    var l1 = N1(Str(p, "level1"));
                    if (l1 != Str(g, "level1") || N2(Str(p, "level2"), l1) != N2(Str(g, "level2"), Str(g, "level1"))) continue;
                    if (NameOk(Str(g, "name"), Str(p, "name")) && ValueOk(g, p)) { hit = k; break; }
                }
                if (hit < 0)
                {
                    misses.Add($"  miss {gcode} {Str(g, "level2")} {Str(g, "name")} {Str(g, "comparator")} {g.GetProperty("value")} {Str(g, "unit")} {Str(g, "qualitativeValue")}");
                    continue;
                }
                used.Add(hit);
                tpLoose++;
                if (CmpOk(g, pind[hit]) && UnitOk(g, pind[hit])) tpStrict++;
                else misses.Add($"  loose-only {gcode} {Str(g, "name")} gold {Str(g, "comparator")} {Str(g, "unit")} got {Str(pind[hit], "comparator")} {Str(pind[hit], "unit")}");
            }
            for (var k = 0; k < pind.Count; k++)
                if (!used.Contains(k))
                    misses.Add($"  extra {gcode} {Str(pind[k], "level2")} {Str(pind[k], "name")} {Str(pind[k], "comparator")} {pind[k].GetProperty("value")} {Str(pind[k], "unit")} {Str(pind[k], "qualitativeValue")}");
        }
        return new Score(ngold, npred, tpLoose, tpStrict, projOk, gprojects.Count, misses);
    }

    public static Score Run(string goldPath, Disclosure disclosure)
    {
        using var gold = JsonDocument.Parse(File.ReadAllBytes(goldPath));
        using var predicted = JsonDocument.Parse(PublicationJson.ToUtf8Bytes(disclosure));
        return Run(gold.RootElement, predicted.RootElement);
    }

    private static string Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";

    private static string N1(string s)
    {
        s = s.Trim();
        foreach (var (k, v) in Level1Names) if (s.Contains(k)) return v;
        return s;
    }

    private static string N2(string s, string l1)
    {
        s = s.Trim().Replace("环境效益", "生态效益").Replace("进度", "时效");
        if (l1 == "满意度指标") return "满意度";
        foreach (var k in Level2Keys) if (s.Contains(k)) return k;
        return s;
    }

    [GeneratedRegex(@"[\s：:，,。.；;、（）()“”""'《》<>\[\]\-—_/*·]")]
    private static partial Regex Punct();

    private static string Nn(string s) => Punct().Replace(s, "");

    private static HashSet<string> Bigrams(string s)
    {
        var set = new HashSet<string>();
        for (var i = 0; i + 1 < s.Length; i++) set.Add(s.Substring(i, 2));
        if (set.Count == 0) set.Add(s);
        return set;
    }

    private static bool NameOk(string g, string p)
    {
        g = Nn(g);
        p = Nn(p);
        if (g.Length == 0 || p.Length == 0) return g == p;
        if (g.Contains(p) || p.Contains(g)) return true;
        var a = Bigrams(g);
        var b = Bigrams(p);
        return 2.0 * a.Intersect(b).Count() / (a.Count + b.Count) >= 0.6;
    }

    private static double? Num(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.Number => v.GetDouble(),
        JsonValueKind.String when double.TryParse(v.GetString()!.Replace(",", ""), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };

    private static bool Accept(JsonElement g, string name, out JsonElement value)
    {
        value = default;
        return g.TryGetProperty("accept", out var acc) && acc.TryGetProperty(name, out value);
    }

    private static bool ValueOk(JsonElement g, JsonElement p)
    {
        if (Accept(g, "anyValue", out var any) && any.ValueKind == JsonValueKind.True) return true;
        var pv = p.TryGetProperty("value", out var pval) ? Num(pval) : null;
        if (g.GetProperty("value") is { ValueKind: JsonValueKind.Number } gv)
            return pv is { } x && Math.Abs(gv.GetDouble() - x) < 1e-6;
        var gq = Nn(Str(g, "qualitativeValue"));
        var pq = Nn(Str(p, "qualitativeValue"));
        if (Accept(g, "numeric", out var alt) && pv is { } y && Math.Abs(alt[0].GetDouble() - y) < 1e-6) return true;
        if (gq.Length > 0) return pq.Length > 0 && (gq.Contains(pq) || pq.Contains(gq));
        return pv is null && pq.Length == 0;
    }

    private static bool CmpOk(JsonElement g, JsonElement p)
    {
        var pc = Str(p, "comparator").Trim().ToLowerInvariant();
        if (Accept(g, "numeric", out _) && pc == "=") return true;
        return Accept(g, "comparator", out var ok)
            ? ok.EnumerateArray().Any(e => e.GetString() == pc)
            : Str(g, "comparator") == pc;
    }

    private static bool UnitOk(JsonElement g, JsonElement p)
    {
        var pu = Str(p, "unit").Trim().Replace("×", "*").Replace("／", "/");
        if (Accept(g, "numeric", out var alt) && pu == alt[1].GetString()) return true;
        return Accept(g, "unit", out var ok)
            ? ok.EnumerateArray().Any(e => e.GetString() == pu)
            : Str(g, "unit") == pu;
    }
}
