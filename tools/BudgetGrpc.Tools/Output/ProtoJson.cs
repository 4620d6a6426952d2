using System.Text.Json.Nodes;
using Google.Protobuf;

namespace BudgetGrpc.Tools.Output;

/// <summary>
/// JSON output is the proto3 JSON mapping of the response, the same shape the server's JSON transcoding returns,
/// so scripts can switch between `budget … --format json` and plain HTTP GETs.
/// </summary>
internal static class ProtoJson
{
    private static readonly JsonFormatter Indented = new(JsonFormatter.Settings.Default.WithIndentation());

    public static void Write(CliConsole console, IMessage message) => console.Out.WriteLine(Indented.Format(message));

    /// <summary>One document made of several messages, for commands that combine more than one call.</summary>
    public static void WriteObject(CliConsole console, params (string Name, JsonNode? Value)[] members)
    {
        var root = new JsonObject();
        foreach (var (name, value) in members) root[name] = value;
        console.Out.WriteLine(root.ToJsonString(JsonOutput.Options));
    }

    public static JsonNode? Node(IMessage message) => JsonNode.Parse(JsonFormatter.Default.Format(message));

    public static JsonArray Array(IEnumerable<IMessage> messages) => new(messages.Select(Node).ToArray());
}
