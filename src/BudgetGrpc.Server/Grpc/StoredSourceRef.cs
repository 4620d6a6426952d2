using System.Text.Json;
using System.Text.Json.Serialization;
using BudgetGrpc.Engine.Model;

namespace BudgetGrpc.Server.Grpc;

/// <summary>
/// The data layer stores a SourceRef as compact JSON (<c>{"s":…,"r":7,"c":5,"n":"绩效指标"}</c>); clients get the
/// engine's readable form (<c>row 7, column 绩效指标</c>). The store's own codec is internal to it, hence this reader.
/// </summary>
public static class StoredSourceRef
{
    private sealed record Stored(
        [property: JsonPropertyName("s")] string? Sheet,
        [property: JsonPropertyName("r")] int Row,
        [property: JsonPropertyName("c")] int Column,
        [property: JsonPropertyName("n")] string? ColumnName);

    public static string ToText(string? stored)
    {
        if (string.IsNullOrEmpty(stored)) return "";
        if (stored[0] != '{') return stored;
        try
        {
            var s = JsonSerializer.Deserialize<Stored>(stored);
            return s is null ? "" : new SourceRef(s.Sheet, s.Row, s.Column, s.ColumnName).ToString();
        }
        catch (JsonException)
        {
            return stored;
        }
    }
}
