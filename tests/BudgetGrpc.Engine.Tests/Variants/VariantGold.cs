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
                : JsonValue.Create(p.Objectives.Count);
            var indicators = new JsonArray();
            foreach (var i in p.Indicators)
            {
                indicators.Add(new JsonObject
                {
                    ["level1"] = i.Level1,
                    ["level2"] = i.Level2,
                    ["name"] = i.Name,
                    ["comparator"] = i.Comparator,
                    ["value"] = i.Value is { } value ? JsonValue.Create(value) : null,
                    ["unit"] = i.Unit,
                    ["qualitativeValue"] = i.Qualitative,
                });
            }
            projects.Add(new JsonObject
            {
                ["code"] = p.Code,
                ["name"] = p.Name,
                ["amount"] = p.Amount * v.Scale,
                ["objectives"] = objectives,
                ["indicators"] = indicators,
            });
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
