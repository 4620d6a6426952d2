using System.Text.Json;
using BudgetGrpc.Engine.Model;

namespace BudgetGrpc.Data;

/// <summary>The findings of an import as first answered, kept on its upload so a request-id replay answers with them again.</summary>
internal static class FindingsJson
{
    private static readonly JsonSerializerOptions Options = new() { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    public static string Write(IReadOnlyList<Finding> findings) => JsonSerializer.Serialize(findings, Options);

    public static IReadOnlyList<Finding> Read(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<Finding>>(json, Options) ?? [];
}
