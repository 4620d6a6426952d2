using System.Globalization;
using System.Text;
using System.Text.Json;
using BudgetGrpc.Engine.Publishing;

namespace BudgetGrpc.Engine.Tests.Variants;

/// <summary>One variant parsed by the engine and scored against its gold.</summary>
internal sealed record VariantOutcome(Variant Variant, PublicationScorer.Score Score, string? Error, byte[] File, byte[]? Json)
{
    /// <summary>Every indicator strictly right and nothing extra, the document fields right and (self-evaluations) every actual, weight and score.</summary>
    public bool Perfect => Error is null && Score.Strict == Score.Gold && Score.Predicted == Score.Gold && Score.DocumentRight && Score.ActualsRight;
    /// <summary>Every project's name, amount and objective count as the gold states them (the scorer's projects=a/b).</summary>
    public bool ProjectsRight => Score.ProjectsOk == Score.Projects;
}

/// <summary>Generates the variant suite, runs the engine over it and writes the report and the failing variants.</summary>
internal static class VariantRun
{
    public static readonly VariantFamily[] Families =
        [VariantFamily.Long, VariantFamily.Form, VariantFamily.Wide, VariantFamily.DepartmentTargets, VariantFamily.SelfEvaluation];

    /// <summary>Fixed seeds: family k's variants use seeds 10000·(k+1) + i. Containers take turns so each gets its share.</summary>
    public static IEnumerable<(VariantFamily Family, int Seed, VariantContainer Container)> Plan(int perFamily)
    {
        foreach (var family in Families)
            for (var i = 0; i < perFamily; i++)
                yield return (family, 10000 * ((int)family + 1) + i, VariantContainers.All[i % VariantContainers.All.Count]);
    }

    public static VariantOutcome RunOne(VariantFamily family, int seed, VariantContainer container, IReadOnlyDictionary<string, string>? overrides = null)
    {
        var variant = VariantRenderer.Generate(family, seed, container, overrides);
        var gold = VariantGold.For(variant);
        var file = VariantContainers.Write(variant.Document, container);
        var result = new DisclosureEngine().Parse(file, variant.FileName);
        if (result.Disclosure is not { } disclosure)
            return new VariantOutcome(variant, PublicationScorer.Score.Failed(gold, result.Error!.ToString()), result.Error.ToString(), file, null);
        var json = PublicationJson.ToUtf8Bytes(disclosure);
        using var parsed = JsonDocument.Parse(json);
        return new VariantOutcome(variant, PublicationScorer.Evaluate(gold, parsed.RootElement), null, file, json);
    }

    public static List<VariantOutcome> RunAll(int perFamily) =>
        Plan(perFamily).AsParallel().AsOrdered().WithDegreeOfParallelism(2)
            .Select(p => RunOne(p.Family, p.Seed, p.Container)).ToList();

    private sealed record Tally(int Variants, int Perfect, double SumF1, int Gold, int Predicted, int Strict, int DocumentRight, int ProjectsOk, int Projects, int ActualsOk, int Actuals)
    {
        public double MeanF1 => Variants == 0 ? 0 : SumF1 / Variants;
        public double MicroF1
        {
            get
            {
                double p = Predicted == 0 ? 0 : (double)Strict / Predicted, r = Gold == 0 ? 0 : (double)Strict / Gold;
                return p + r == 0 ? 0 : 2 * p * r / (p + r);
            }
        }
        public double DocumentShare => Variants == 0 ? 0 : (double)DocumentRight / Variants;

        public static Tally Of(IEnumerable<VariantOutcome> outcomes)
        {
            var list = outcomes.ToList();
            return new Tally(list.Count, list.Count(o => o.Perfect), list.Sum(o => o.Score.StrictF1),
                list.Sum(o => o.Score.Gold), list.Sum(o => o.Score.Predicted), list.Sum(o => o.Score.Strict),
                list.Count(o => o.Score.DocumentRight), list.Sum(o => o.Score.ProjectsOk), list.Sum(o => o.Score.Projects),
                list.Sum(o => o.Score.ActualsOk), list.Sum(o => o.Score.Actuals));
        }
    }

    public static (double MeanF1, double DocumentShare) Figures(IEnumerable<VariantOutcome> outcomes)
    {
        var t = Tally.Of(outcomes);
        return (t.MeanF1, t.DocumentShare);
    }

    /// <summary>The share of gold actuals read right (value or words, weight, score); null where no gold states one.</summary>
    public static double? ActualsShare(IEnumerable<VariantOutcome> outcomes)
    {
        var t = Tally.Of(outcomes);
        return t.Actuals == 0 ? null : (double)t.ActualsOk / t.Actuals;
    }

    private static string Line(string label, Tally t) => string.Create(CultureInfo.InvariantCulture,
        $"| {label} | {t.Variants} | {t.MeanF1:0.000} | {t.MicroF1:0.000} | {t.DocumentShare:0.000} | {(t.Projects == 0 ? 0 : (double)t.ProjectsOk / t.Projects):0.000} | {(t.Actuals == 0 ? "–" : $"{(double)t.ActualsOk / t.Actuals:0.000} ({t.ActualsOk}/{t.Actuals})")} | {t.Perfect} |");

    // Actuals (self-evaluations): gold indicators whose actual, weight and score are read right, of all that state one; a
    // perfect variant has them all.
    private const string TableHead = "| {0} | variants | strict F1 (mean) | strict F1 (micro) | document right | project fields right | actuals right | perfect |\n|---|---|---|---|---|---|---|---|";

    /// <summary>The report: per family, per container, and per axis value (worst first), as Markdown tables.</summary>
    public static string Report(IReadOnlyList<VariantOutcome> outcomes, TimeSpan elapsed)
    {
        var text = new StringBuilder();
        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{outcomes.Count} variants in {elapsed.TotalSeconds:0.0} s"));
        text.AppendLine();
        text.AppendLine(string.Format(CultureInfo.InvariantCulture, TableHead, "family"));
        foreach (var family in Families)
            text.AppendLine(Line(VariantRenderer.FamilyName(family), Tally.Of(outcomes.Where(o => o.Variant.Family == family))));
        text.AppendLine(Line("**all**", Tally.Of(outcomes)));
        text.AppendLine();
        text.AppendLine(string.Format(CultureInfo.InvariantCulture, TableHead, "container"));
        foreach (var container in VariantContainers.All)
            text.AppendLine(Line(container.ToString(), Tally.Of(outcomes.Where(o => o.Variant.Container == container))));
        text.AppendLine();
        text.AppendLine(string.Format(CultureInfo.InvariantCulture, TableHead, "family · axis = value"));
        var rows = outcomes
            .SelectMany(o => o.Variant.Axes.Chosen.Where(kv => kv.Key is not ("family" or "container"))
                .Select(kv => (Key: $"{VariantRenderer.FamilyName(o.Variant.Family)} · {kv.Key} = {kv.Value.Replace("\n", "⏎").Replace("|", "¦")}", Outcome: o)))
            .GroupBy(x => x.Key)
            .Select(g => (g.Key, Tally: Tally.Of(g.Select(x => x.Outcome))))
            .OrderBy(x => x.Tally.MeanF1 * x.Tally.DocumentShare).ThenBy(x => x.Key, StringComparer.Ordinal);
        foreach (var (key, tally) in rows) text.AppendLine(Line(key, tally));
        return text.ToString();
    }

    /// <summary>
    /// Writes each imperfect variant, and each with a project's name, amount or goal count wrong, (file, gold, engine output,
    /// axes, grid, score notes) under the test output folder.
    /// </summary>
    public static string SaveFailures(IEnumerable<VariantOutcome> outcomes)
    {
        var root = Path.Combine(AppContext.BaseDirectory, "variant-failures");
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        Directory.CreateDirectory(root);
        foreach (var o in outcomes.Where(o => !o.Perfect || !o.ProjectsRight))
        {
            var dir = Path.Combine(root, o.Variant.Id + "-" + o.Variant.Container);
            Directory.CreateDirectory(dir);
            File.WriteAllBytes(Path.Combine(dir, o.Variant.FileName), o.File);
            File.WriteAllText(Path.Combine(dir, "gold.json"), VariantGold.For(o.Variant).ToJsonString(new JsonSerializerOptions
            {
                WriteIndented = true,
                Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            }));
            if (o.Json is not null) File.WriteAllBytes(Path.Combine(dir, "predicted.json"), o.Json);
            File.WriteAllText(Path.Combine(dir, "variant.txt"),
                $"id {o.Variant.Id} seed {o.Variant.Seed} container {o.Variant.Container}\naxes: {o.Variant.Axes}\n"
                + $"strictF1 {o.Score.StrictF1:0.000} document {o.Score.DocumentOk}/{o.Score.DocumentFields} projects right {o.ProjectsRight} actuals {o.Score.ActualsOk}/{o.Score.Actuals}\n"
                + (o.Error is null ? "" : $"error: {o.Error}\n")
                + string.Join("\n", o.Score.Notes) + "\n\n" + o.Variant.Document.Dump());
        }
        return root;
    }
}
