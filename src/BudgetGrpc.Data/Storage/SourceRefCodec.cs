using System.Text.Json;
using System.Text.Json.Serialization;
using BudgetGrpc.Engine.Model;

namespace BudgetGrpc.Data;

/// <summary>SourceRef as a compact JSON text column; read back whole, never queried.</summary>
internal static class SourceRefCodec
{
    private sealed record Stored(
        [property: JsonPropertyName("s")] string? Sheet,
        [property: JsonPropertyName("r")] int Row,
        [property: JsonPropertyName("c")] int Column,
        [property: JsonPropertyName("n")] string? ColumnName);

    private static readonly JsonSerializerOptions Options = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string? Encode(SourceRef? source) =>
        source is null ? null : JsonSerializer.Serialize(new Stored(source.Sheet, source.Row, source.Column, source.ColumnName), Options);

    public static SourceRef? Decode(string? text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        var s = JsonSerializer.Deserialize<Stored>(text, Options);
        return s is null ? null : new SourceRef(s.Sheet, s.Row, s.Column, s.ColumnName);
    }

    public static string ToJson<T>(T value) => JsonSerializer.Serialize(value, Options);
    public static T? FromJson<T>(string text) => JsonSerializer.Deserialize<T>(text, Options);
}
