using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace BudgetGrpc.Engine.Tests.Variants;

/// <summary>
/// shared/tools/score_extraction.py, rule for rule, over publication JSON: indicators matched by levels, a similar
/// name and the value (loose), plus comparator and unit (strict); projects by name, code or a similar name, a
/// department-wide gold's single project matching the single predicted one whatever its name; document fields
/// department, fiscalYear, amountUnit and kind; actuals (self-evaluations): of the strictly matched gold indicators that
/// carry an actual, those whose actual value or words, weight and score agree, counted against every gold actual.
/// </summary>
internal static partial class PublicationScorer
{
    public sealed record Score(int Gold, int Predicted, int Loose, int Strict, int ProjectsOk, int Projects, int DocumentOk, int DocumentFields, List<string> Notes)
    {
        public double StrictF1 => F1(Strict);
        public double LooseF1 => F1(Loose);
        public bool DocumentRight => DocumentOk == DocumentFields;
        /// <summary>The scorer's actuals=a/b: gold indicators with an actual read right (value or words, weight, score), of all that carry one.</summary>
        public int ActualsOk { get; init; }
        public int Actuals { get; init; }
        public bool ActualsRight => ActualsOk == Actuals;

        private double F1(int tp)
        {
            double p = Predicted == 0 ? 0 : (double)tp / Predicted, r = Gold == 0 ? 0 : (double)tp / Gold;
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        public static Score Failed(JsonObject gold, string reason)
        {
            var ngold = gold["projects"]!.AsArray().Sum(p => p!["indicators"]!.AsArray().Count);
            var fields = DocumentFieldNames.Count(k => gold.ContainsKey(k));
            return new Score(ngold, 0, 0, 0, 0, gold["projects"]!.AsArray().Count, 0, fields, [reason]) { Actuals = GoldActuals(gold) };
        }
    }

    private static readonly (string Key, string Level1)[] L1 = [("产出", "产出指标"), ("效益", "效益指标"), ("满意度", "满意度指标"), ("成本", "成本指标")];
    private static readonly string[] L2 = ["经济成本", "社会成本", "生态环境成本", "经济效益", "社会效益", "生态效益", "可持续影响", "数量", "质量", "成本", "时效", "满意度"];
    private static readonly string[] DocumentFieldNames = ["department", "fiscalYear", "amountUnit", "kind"];

    private static string N1(string? s)
    {
        s = (s ?? "").Trim();
        foreach (var (key, level1) in L1)
            if (s.Contains(key, StringComparison.Ordinal)) return level1;
        return s;
    }

    private static string N2(string? s, string l1)
    {
        s = (s ?? "").Trim().Replace("环境效益", "生态效益").Replace("进度", "时效");
        if (l1 == "满意度指标") return "满意度";
        foreach (var key in L2)
            if (s.Contains(key, StringComparison.Ordinal)) return key;
        return s;
    }

    [GeneratedRegex(@"[\s：:，,。.；;、（）()“”""'《》<>\[\]\-—_/*·]")]
    private static partial Regex Punct();

    private static string Nn(string? s) => Punct().Replace(s ?? "", "");

    private static HashSet<string> Bigrams(string s)
    {
        var set = new HashSet<string>();
        for (var i = 0; i + 1 < s.Length; i++) set.Add(s.Substring(i, 2));
        if (set.Count == 0) set.Add(s);
        return set;
    }

    private static bool NameOk(string? gold, string? predicted)
    {
        var g = Nn(gold);
        var p = Nn(predicted);
        if (g.Length == 0 || p.Length == 0) return g == p;
        if (g.Contains(p, StringComparison.Ordinal) || p.Contains(g, StringComparison.Ordinal)) return true;
        var a = Bigrams(g);
        var b = Bigrams(p);
        return 2.0 * a.Intersect(b).Count() / (a.Count + b.Count) >= 0.6;
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            _ => v.GetRawText(),
        } : null;

    private static double? Num(string? v)
    {
        if (string.IsNullOrEmpty(v)) return null;
        return double.TryParse(v.Replace(",", ""), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;
    }

    private static double? GoldNum(JsonNode? n) => n is null ? null : n.GetValue<decimal>() is var d ? (double)d : null;

    private static bool SameNum(JsonNode? gold, string? predicted)
    {
        var pv = Num(predicted);
        var g = GoldNum(gold);
        if (g is null) return pv is null;
        return pv is not null && Math.Abs(g.Value - pv.Value) < 1e-6;
    }

    private static int GoldActuals(JsonObject gold) =>
        gold["projects"]!.AsArray().Sum(p => p!["indicators"]!.AsArray().Count(i => i!.AsObject().ContainsKey("actual")));

    /// <summary>score_extraction.py's actual_ok: the actual value (or, without one, its words), then weight and score where the gold states them.</summary>
    private static bool ActualOk(JsonNode g, JsonElement p)
    {
        var ga = g["actual"]!;
        var pa = p.TryGetProperty("actual", out var a) && a.ValueKind == JsonValueKind.Object ? a : default;
        string? PredictedActual(string name) => pa.ValueKind == JsonValueKind.Object ? Str(pa, name) : null;
        bool ok;
        if (ga["value"] is not null) ok = SameNum(ga["value"], PredictedActual("value"));
        else
        {
            var gq = Nn((string?)ga["qualitativeValue"]);
            var pq = Nn(PredictedActual("qualitativeValue"));
            ok = gq.Length > 0
                ? pq.Length > 0 && (gq.Contains(pq, StringComparison.Ordinal) || pq.Contains(gq, StringComparison.Ordinal))
                : Num(PredictedActual("value")) is null && pq.Length == 0;
        }
        foreach (var k in new[] { "weight", "score" })
            if (g.AsObject().ContainsKey(k)) ok = ok && SameNum(g[k], Str(p, k));
        return ok;
    }

    private static bool ValueOk(JsonNode g, JsonElement p)
    {
        var pv = Num(Str(p, "value"));
        var gv = GoldNum(g["value"]);
        if (gv is not null) return pv is not null && Math.Abs(gv.Value - pv.Value) < 1e-6;
        var gq = Nn((string?)g["qualitativeValue"]);
        var pq = Nn(Str(p, "qualitativeValue"));
        if (gq.Length > 0) return pq.Length > 0 && (gq.Contains(pq, StringComparison.Ordinal) || pq.Contains(gq, StringComparison.Ordinal));
        return pv is null && pq.Length == 0;
    }

    private static readonly Dictionary<string, string> Cmp = new()
    {
        ["≥"] = ">=", ["≤"] = "<=", ["＞"] = ">", ["＜"] = "<", ["=="] = "=", ["定性"] = "qualitative",
    };

    private static bool ComparatorOk(JsonNode g, JsonElement p)
    {
        var pc = (Str(p, "comparator") ?? "").Trim();
        pc = Cmp.GetValueOrDefault(pc, pc).ToLowerInvariant();
        return pc == (string?)g["comparator"];
    }

    private static bool UnitOk(JsonNode g, JsonElement p)
    {
        var pu = (Str(p, "unit") ?? "").Trim().Replace("×", "*").Replace("／", "/");
        return pu == (string?)g["unit"];
    }

    public static Score Evaluate(JsonObject gold, JsonElement predicted)
    {
        var notes = new List<string>();
        var pprojects = predicted.TryGetProperty("projects", out var pp) ? pp.EnumerateArray().ToList() : [];
        var whole = (string?)gold["kind"] == "departmentTargets";
        int tpLoose = 0, tpStrict = 0, npred = 0, ngold = 0, projectsOk = 0, actualsOk = 0;
        var goldProjects = gold["projects"]!.AsArray();
        foreach (var gp in goldProjects)
        {
            var gname = (string)gp!["name"]!;
            var gcode = (string)gp["code"]!;
            var cand = whole && pprojects.Count == 1 ? pprojects : [];
            if (cand.Count == 0) cand = pprojects.Where(p => Nn(Str(p, "name")) == Nn(gname)).ToList();
            if (cand.Count == 0 && gcode.Length > 0) cand = pprojects.Where(p => (Str(p, "code") ?? "").Trim() == gcode).ToList();
            if (cand.Count == 0) cand = pprojects.Where(p => NameOk(gname, Str(p, "name"))).ToList();
            var gInds = gp["indicators"]!.AsArray();
            ngold += gInds.Count;
            if (cand.Count == 0)
            {
                notes.Add($"missing project {gcode} {gname}");
                continue;
            }
            var proj = cand[0];
            var objectiveCounts = gp["objectives"] is JsonArray list ? list.Select(n => n!.GetValue<int>()).ToList() : [gp["objectives"]!.GetValue<int>()];
            var objectives = proj.TryGetProperty("objectives", out var po) ? po.GetArrayLength() : 0;
            if ((whole || Nn(Str(proj, "name")) == Nn(gname)) && SameNum(gp["amount"], Str(proj, "amount")) && objectiveCounts.Contains(objectives))
                projectsOk++;
            else
                notes.Add($"project fields differ {gcode}: {Str(proj, "name")} amount {Str(proj, "amount")} objectives {objectives} (gold {gname} {gp["amount"]} {string.Join("/", objectiveCounts)})");
            var pinds = proj.GetProperty("indicators").EnumerateArray().ToList();
            npred += pinds.Count;
            var used = new HashSet<int>();
            foreach (var g in gInds)
            {
                var hit = -1;
                for (var k = 0; k < pinds.Count && hit < 0; k++)
                {
                    if (used.Contains(k)) continue;
                    var p = pinds[k];
                    var l1 = N1(Str(p, "level1"));
                    if (l1 != (string?)g!["level1"] || N2(Str(p, "level2"), l1) != N2((string?)g["level2"], (string)g["level1"]!)) continue;
                    if (NameOk((string?)g["name"], Str(p, "name")) && ValueOk(g, p)) hit = k;
                }
                var gtext = $"{g!["level2"]} {g["name"]} {g["comparator"]} {g["value"]} {g["unit"]} {g["qualitativeValue"]}";
                if (hit < 0)
                {
                    notes.Add($"  miss {gcode} {gtext}");
                    continue;
                }
                used.Add(hit);
                tpLoose++;
                var hp = pinds[hit];
                if (ComparatorOk(g, hp) && UnitOk(g, hp))
                {
                    tpStrict++;
                    if (g.AsObject().ContainsKey("actual"))
                    {
                        if (ActualOk(g, hp)) actualsOk++;
                        else notes.Add($"  actual differs {gcode} {g["name"]} gold {g["actual"]!.ToJsonString()} {g["weight"]} {g["score"]}"
                            + $" got {(hp.TryGetProperty("actual", out var pa) ? pa.GetRawText() : "none")} {Str(hp, "weight")} {Str(hp, "score")}");
                    }
                }
                else notes.Add($"  loose-only {gcode} {gtext} got {Str(hp, "comparator")} {Str(hp, "unit")}");
            }
            for (var k = 0; k < pinds.Count; k++)
                if (!used.Contains(k))
                {
                    var p = pinds[k];
                    notes.Add($"  extra {gcode} {Str(p, "level1")} {Str(p, "level2")} {Str(p, "name")} {Str(p, "comparator")} {Str(p, "value")} {Str(p, "unit")} {Str(p, "qualitativeValue")}");
                }
        }
        var (docOk, docN) = DocumentScore(gold, predicted, notes);
        return new Score(ngold, npred, tpLoose, tpStrict, projectsOk, goldProjects.Count, docOk, docN, notes) { ActualsOk = actualsOk, Actuals = GoldActuals(gold) };
    }

    private static (int Ok, int Fields) DocumentScore(JsonObject gold, JsonElement pred, List<string> notes)
    {
        int good = 0, n = 0;
        foreach (var k in DocumentFieldNames)
        {
            if (!gold.ContainsKey(k)) continue;
            n++;
            var gv = gold[k]!.ToString();
            var pv = Str(pred, k);
            if (k == "kind") pv ??= "projectTargets";
            var ok = k == "fiscalYear" ? gv == (pv ?? "None") : Nn(gv) == Nn(pv ?? "");
            if (ok) good++;
            else notes.Add($"document {k}: gold {gv} got {pv}");
        }
        return (good, n);
    }
}
