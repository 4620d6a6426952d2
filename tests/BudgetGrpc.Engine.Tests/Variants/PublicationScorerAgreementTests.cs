using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using BudgetGrpc.Engine.Tests.Samples;
using Xunit;

namespace BudgetGrpc.Engine.Tests.Variants;

/// <summary>
/// The variant suite scores with <see cref="PublicationScorer"/>, a port of shared/tools/score_extraction.py. This holds
/// the port to the script: the same gold and the same engine output, scored by both, give the same figures — on the
/// engine's own output for generated variants and on that output spoiled in the ways a misread spoils it (an indicator
/// lost, a value, comparator or unit changed, a level moved, a project renamed, a document field wrong; on a
/// self-evaluation an actual, a weight or a score changed).
/// </summary>
public sealed class PublicationScorerAgreementTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var family in VariantRun.Families)
            foreach (var seed in new[] { 1, 7 })
            {
                var id = 10000 * ((int)family + 1) + seed;
                // A self-evaluation with no weight column (H) has no weight to spoil: its gold states none, which the scorer skips.
                var weighted = family == VariantFamily.SelfEvaluation
                    && VariantRenderer.Generate(family, id, VariantContainers.All[seed % VariantContainers.All.Count]).Axes.Get("seWeightAt") != "none";
                foreach (var spoil in family == VariantFamily.SelfEvaluation ? [.. Spoils, .. ActualSpoils.Where(k => k != "weight" || weighted)] : Spoils)
                    data.Add($"{family}|{id}|{spoil}");
            }
        return data;
    }

    // Each variant is generated and parsed once; its output is spoiled in nine ways.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(VariantFamily Family, int Seed), Lazy<VariantOutcome>> Outcomes = new();

    private static readonly string[] Spoils = ["none", "drop-indicator", "value", "comparator", "unit", "level2", "project-name", "department", "year"];
    /// <summary>The scorer's actuals rule: a numeric actual, a qualitative one, a weight and a score read wrong.</summary>
    private static readonly string[] ActualSpoils = ["actual-value", "actual-words", "weight", "score"];

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_port_scores_as_the_shared_script_does(string @case)
    {
        var parts = @case.Split('|');
        var family = Enum.Parse<VariantFamily>(parts[0]);
        var seed = int.Parse(parts[1], CultureInfo.InvariantCulture);
        var container = VariantContainers.All[seed % VariantContainers.All.Count];
        var outcome = Outcomes.GetOrAdd((family, seed), key => new Lazy<VariantOutcome>(() => VariantRun.RunOne(key.Family, key.Seed, container))).Value;
        Assert.True(outcome.Json is not null, $"the engine refused variant {outcome.Variant.Id}: {outcome.Error}");

        var parsed = JsonNode.Parse(outcome.Json)!.AsObject();
        Assert.True(Spoil(parsed, parts[2]), $"variant {outcome.Variant.Id} has nothing to spoil for '{parts[2]}'");
        var json = JsonSerializer.SerializeToUtf8Bytes(parsed);

        var gold = VariantGold.For(outcome.Variant);
        var folder = Path.Combine(AppContext.BaseDirectory, "scorer-agreement");
        Directory.CreateDirectory(folder);
        var goldPath = Path.Combine(folder, $"{outcome.Variant.Id}-{parts[2]}.gold.json");
        File.WriteAllText(goldPath, gold.ToJsonString());

        using var document = JsonDocument.Parse(json);
        var port = PublicationScorer.Evaluate(gold, document.RootElement);
        var script = SharedScorer.ScoreJson(goldPath, json, $"{outcome.Variant.Id}-{parts[2]}");

        var ported = string.Create(CultureInfo.InvariantCulture,
            $"strictF1={port.StrictF1:0.000} looseF1={port.LooseF1:0.000} projects={port.ProjectsOk}/{port.Projects} document={port.DocumentOk}/{port.DocumentFields} actuals={port.ActualsOk}/{port.Actuals}");
        var shared = string.Create(CultureInfo.InvariantCulture,
            $"strictF1={script.StrictF1:0.000} looseF1={script.LooseF1:0.000} projects={script.ProjectsOk}/{script.Projects} document={script.DocumentOk}/{script.Document} actuals={script.ActualsOk}/{script.Actuals}");
        Assert.True(ported == shared, $"port: {ported}\nscript: {shared}\n{script.Output}");
        // A spoiled indicator must cost the engine's perfect output its strict score, or the case proves nothing.
        if (outcome.Perfect && parts[2] is "drop-indicator" or "value" or "comparator" or "unit" or "level2")
            Assert.True(port.StrictF1 < 1.0, $"spoiling '{parts[2]}' left strict F1 at {port.StrictF1}");
        if (outcome.Perfect && ActualSpoils.Contains(parts[2]))
            Assert.True(port.ActualsOk < port.Actuals, $"spoiling '{parts[2]}' left actuals at {port.ActualsOk}/{port.Actuals}");
    }

    /// <summary>Spoils the engine's output as a misread would; false when the output has nothing of that kind.</summary>
    private static bool Spoil(JsonObject parsed, string how)
    {
        var projects = parsed["projects"]!.AsArray();
        var indicators = projects.SelectMany(p => p!["indicators"]!.AsArray()).Select(i => i!.AsObject()).ToList();
        switch (how)
        {
            case "none":
                return true;
            case "drop-indicator":
                foreach (var p in projects)
                {
                    var list = p!["indicators"]!.AsArray();
                    if (list.Count == 0) continue;
                    list.RemoveAt(list.Count - 1);
                    return true;
                }
                return false;
            case "value":
                if (indicators.FirstOrDefault(i => i["value"]?.GetValue<string>() is { Length: > 0 }) is not { } withValue) return false;
                withValue["value"] = (decimal.Parse(withValue["value"]!.GetValue<string>(), CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture);
                return true;
            case "comparator":
                if (indicators.FirstOrDefault(i => i["comparator"]?.GetValue<string>() is { Length: > 0 }) is not { } withComparator) return false;
                withComparator["comparator"] = withComparator["comparator"]!.GetValue<string>() == ">=" ? "<=" : ">=";
                return true;
            case "unit":
                if (indicators.FirstOrDefault(i => i["unit"]?.GetValue<string>() is { Length: > 0 }) is not { } withUnit) return false;
                withUnit["unit"] = withUnit["unit"]!.GetValue<string>() + "次";
                return true;
            case "level2":
                if (indicators.Count == 0) return false;
                indicators[0]["level2"] = indicators[0]["level2"]?.GetValue<string>() == "质量指标" ? "时效指标" : "质量指标";
                return true;
            case "project-name":
                if (projects.Count == 0) return false;
                projects[0]!["name"] = "另一个项目名称";
                return true;
            case "department":
                parsed["department"] = "某某局";
                return true;
            case "year":
                parsed["fiscalYear"] = (parsed["fiscalYear"]?.GetValue<int>() ?? 2000) - 1;
                return true;
            case "actual-value":
                if (indicators.FirstOrDefault(i => i["actual"]?["value"]?.GetValue<string>() is { Length: > 0 }) is not { } withActual) return false;
                var done = withActual["actual"]!.AsObject();
                done["value"] = (decimal.Parse(done["value"]!.GetValue<string>(), CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture);
                return true;
            case "actual-words":
                if (indicators.FirstOrDefault(i => i["actual"]?["qualitativeValue"]?.GetValue<string>() is { Length: > 0 }) is not { } withWords) return false;
                withWords["actual"]!["qualitativeValue"] = "另有说明";
                return true;
            case "weight":
            case "score":
                if (indicators.FirstOrDefault(i => i[how]?.GetValue<string>() is { Length: > 0 }) is not { } withFigure) return false;
                withFigure[how] = (decimal.Parse(withFigure[how]!.GetValue<string>(), CultureInfo.InvariantCulture) + 0.5m).ToString(CultureInfo.InvariantCulture);
                return true;
            default:
                throw new ArgumentOutOfRangeException(nameof(how), how, null);
        }
    }
}
