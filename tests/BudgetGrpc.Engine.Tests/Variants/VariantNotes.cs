using System.Globalization;
using System.Text;

namespace BudgetGrpc.Engine.Tests.Variants;

/// <summary>
/// The failure notes for whoever fixes the engine: the single-axis causes (from the sweep), then the generated
/// variants that fail although none of their axis values fails on its own (interactions), per family, with the
/// axis values most often behind them and the smallest examples.
/// </summary>
internal static class VariantNotes
{
    /// <summary>How many failing variants per family are reduced to their minimal cause (each reduction is ~40 parses).</summary>
    private const int MinimizedPerFamily = 5;

    public static string Write(IReadOnlyList<VariantOutcome> outcomes, IReadOnlyList<VariantSweep.Probe> probes)
    {
        var text = new StringBuilder();
        static string Key(VariantSweep.Probe p) => $"{p.Axis}={p.Value}";
        var failingProbes = probes.Where(p => !p.Outcome.Perfect && p.Axis != "baseline").ToList();
        var single = failingProbes.Select(p => (p.Family, Key: Key(p))).ToHashSet();
        // A probe that needed another change to apply is a cause of its own only if that change reads well alone.
        var direct = failingProbes.Where(p => !VariantSweep.AlsoChanged(p).Any(a => single.Contains((p.Family, a)))).ToList();
        var brokenBaselines = probes.Where(p => p.Axis == "baseline" && !p.Outcome.Perfect).Select(p => p.Family).ToHashSet();

        text.AppendLine("# Single-axis causes (baseline = the family's sample layout, one axis changed)");
        text.AppendLine();
        foreach (var family in VariantRun.Families)
        {
            var name = VariantRenderer.FamilyName(family);
            if (brokenBaselines.Contains(family))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"- **{name}**: the baseline itself is misread, so every probe fails (see its grid in sweep.md).");
                continue;
            }
            var keys = direct.Where(p => p.Family == family)
                .Select(p => VariantSweep.AlsoChanged(p).ToList() is { Count: > 0 } also ? $"{Key(p)} (with {string.Join(", ", also)})" : Key(p))
                .Order(StringComparer.Ordinal).ToList();
            text.AppendLine(CultureInfo.InvariantCulture, $"- **{name}** ({keys.Count}): {string.Join(", ", keys)}");
        }
        text.AppendLine();
        text.AppendLine("# Interactions: generated variants that fail with no single-axis cause among their values");
        text.AppendLine();
        foreach (var family in VariantRun.Families)
        {
            var name = VariantRenderer.FamilyName(family);
            if (brokenBaselines.Contains(family)) continue;
            var clean = outcomes.Where(o => o.Variant.Family == family && !o.Variant.Axes.Chosen.Any(kv => single.Contains((family, $"{kv.Key}={kv.Value}")))).ToList();
            var failing = clean.Where(o => !o.Perfect).ToList();
            text.AppendLine(CultureInfo.InvariantCulture, $"## {name}: {failing.Count} of {clean.Count} variants without a single-axis cause are imperfect");
            text.AppendLine();
            if (failing.Count == 0) continue;
            var rates = clean.SelectMany(o => o.Variant.Axes.Chosen.Where(kv => kv.Key is not ("family" or "canonical")).Select(kv => (Key: $"{kv.Key}={kv.Value}", o)))
                .GroupBy(x => x.Key)
                .Select(g => (g.Key, Count: g.Count(), Failing: g.Count(x => !x.o.Perfect)))
                .Where(x => x.Failing > 0 && x.Count >= 3)
                .OrderByDescending(x => (double)x.Failing / x.Count).ThenByDescending(x => x.Failing).Take(12);
            text.AppendLine("axis values most often among them (failing/with the value): "
                + string.Join(", ", rates.Select(r => $"{r.Key} {r.Failing}/{r.Count}")));
            text.AppendLine();
            Minimal(text, failing, o => !o.Perfect);
            foreach (var o in failing.OrderBy(o => o.Variant.Document.Dump().Length).Take(2))
            {
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"### {o.Variant.Id} ({o.Variant.Container}) strictF1 {o.Score.StrictF1:0.000}, document {o.Score.DocumentOk}/{o.Score.DocumentFields}");
                text.AppendLine(o.Variant.Axes.ToString());
                text.AppendLine();
                text.AppendLine("```");
                if (o.Error is not null) text.AppendLine("error: " + o.Error.Split('\n')[0]);
                foreach (var note in o.Score.Notes.Take(8)) text.AppendLine(note);
                text.AppendLine("--");
                text.AppendLine(string.Join("\n", o.Variant.Document.Dump().Split('\n').Take(24)));
                text.AppendLine("```");
                text.AppendLine();
            }
        }
        text.AppendLine("# Project fields (name, amount, objective count) wrong where the indicators and document fields are right");
        text.AppendLine();
        foreach (var family in VariantRun.Families)
        {
            var wrong = outcomes.Where(o => o.Variant.Family == family && o.Perfect && !o.ProjectsRight).ToList();
            text.AppendLine(CultureInfo.InvariantCulture, $"## {VariantRenderer.FamilyName(family)}: {wrong.Count} variants");
            text.AppendLine();
            Minimal(text, wrong, o => !o.ProjectsRight);
        }
        return text.ToString();
    }

    /// <summary>The smallest combinations behind failures (baseline + these values still fails), grouped, with the reduced grid.</summary>
    private static void Minimal(StringBuilder text, IReadOnlyList<VariantOutcome> failing, Func<VariantOutcome, bool> fails)
    {
        var minimal = failing.OrderBy(o => o.Score.StrictF1).ThenBy(o => o.Score.DocumentOk).ThenBy(o => o.Variant.Seed).Take(MinimizedPerFamily).AsParallel().WithDegreeOfParallelism(2)
            .Select(o => VariantSweep.Minimize(o.Variant, fails)).Where(m => m is not null).Select(m => m!.Value).ToList();
        foreach (var group in minimal.GroupBy(m => string.Join(" + ", m.Values.Select(kv => $"{kv.Key}={kv.Value}"))).OrderByDescending(g => g.Count()))
        {
            var o = group.First().Outcome;
            text.AppendLine(CultureInfo.InvariantCulture,
                $"### minimal: {(group.Key.Length == 0 ? "(the baseline itself)" : group.Key)} ({group.Count()} of {minimal.Count} reduced) — strictF1 {o.Score.StrictF1:0.000}, document {o.Score.DocumentOk}/{o.Score.DocumentFields}, projects {o.Score.ProjectsOk}/{o.Score.Projects}");
            text.AppendLine();
            text.AppendLine("```");
            if (o.Error is not null) text.AppendLine("error: " + o.Error.Split('\n')[0]);
            foreach (var note in o.Score.Notes.Take(6)) text.AppendLine(note);
            text.AppendLine("--");
            text.AppendLine(string.Join("\n", o.Variant.Document.Dump().Split('\n').Take(20)));
            text.AppendLine("```");
            text.AppendLine();
        }
    }
}
