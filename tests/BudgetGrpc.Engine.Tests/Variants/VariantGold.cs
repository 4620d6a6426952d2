using System.Text.Json.Nodes;

namespace BudgetGrpc.Engine.Tests.Variants;

/// <summary>The gold file of a variant, in the format of shared/samples/expected (so shared/tools/score_extraction.py reads it).</summary>
internal static class VariantGold
{
    public static JsonObject For(Variant v)
    {
        var d = v.Disclosure;
        var projects = new JsonArray();
        foreach (var p in d.Projects)
        {
            JsonNode objectives = d.DepartmentWide && v.Axes.Get("tasks") == "on"
                ? new JsonArray(p.Objectives.Count, p.Objectives.Count + p.Tasks.Count)
                : JsonValue.Create(v.Axes.Get("seObjectives") == "none" ? 0 : p.Objectives.Count);
            var indicators = new JsonArray();
            foreach (var i in p.Indicators)
            {
                var indicator = new JsonObject
                {
                    ["level1"] = i.Level1,
                    ["level2"] = i.Level2,
                    ["name"] = i.Name,
                    ["comparator"] = i.Comparator,
                    ["value"] = i.Value is { } value ? JsonValue.Create(value) : null,
                    ["unit"] = i.Unit,
                    ["qualitativeValue"] = i.Qualitative,
                };
                if (i.Actual is { } actual)
                {
                    // The scorer's actuals: value or words, weight and score (a table with no weight column states none).
                    indicator["actual"] = new JsonObject
                    {
                        ["value"] = actual.Value is { } done ? JsonValue.Create(done) : null,
                        ["unit"] = actual.Value is null ? "" : i.Unit,
                        ["qualitativeValue"] = actual.Qualitative,
                    };
                    if (v.Axes.Get("seWeightAt") != "none") indicator["weight"] = i.Weight;
                    indicator["score"] = i.Score;
                    indicator["deviationReason"] = i.Reason;
                }
                indicators.Add(indicator);
            }
            var project = new JsonObject
            {
                ["code"] = p.Code,
                ["name"] = p.Name,
                ["amount"] = p.Amount * v.Scale,
                ["objectives"] = objectives,
                ["indicators"] = indicators,
            };
            if (p.Budget is { } b)
            {
                // For the engine's own checks; the scorer reads the amount (全年预算数) and the indicators' actuals.
                project["budget"] = new JsonObject
                {
                    ["initial"] = b.Initial * v.Scale,
                    ["adjusted"] = b.Adjusted * v.Scale,
                    ["executed"] = b.Executed * v.Scale,
                    ["executionRate"] = b.Rate,
                    ["weight"] = b.Weight,
                    ["score"] = b.Score,
                };
                project["declaredScore"] = v.Axes.Get("seTotalRow") == "total" || v.Axes.Get("seScoreLine") == "on" ? p.DeclaredScore : null;
            }
            projects.Add(project);
        }
        return new JsonObject
        {
            ["file"] = v.Id,
            ["kind"] = d.Kind,
            ["department"] = d.Department,
            ["fiscalYear"] = d.Year,
            ["amountUnit"] = v.AmountUnit,
            ["axes"] = v.Axes.ToString(),
            ["projects"] = projects,
        };
    }
}
