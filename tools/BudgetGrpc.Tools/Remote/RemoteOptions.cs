using System.CommandLine;

namespace BudgetGrpc.Tools.Remote;

/// <summary>
/// `--server` and `--api-key`, shared by every remote command. The environment is read only when a command
/// runs, not as a DefaultValueFactory, so that `--help` never prints the key from BUDGET_API_KEY.
/// </summary>
internal sealed class RemoteOptions
{
    public const string ServerVariable = "BUDGET_SERVER";
    public const string ApiKeyVariable = "BUDGET_API_KEY";
    public const string DefaultServer = "http://127.0.0.1:5080";

    public Option<string?> Server { get; } = new("--server")
    {
        Description = $"The server's gRPC address (default: ${ServerVariable} or {DefaultServer})",
    };

    public Option<string?> ApiKey { get; } = new("--api-key")
    {
        Description = $"The API key, sent as `authorization: Bearer <key>` (default: ${ApiKeyVariable})",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Server);
        command.Options.Add(ApiKey);
    }

    public BudgetConnection Connect(ParseResult parse)
    {
        var server = FirstNonEmpty(parse.GetValue(Server), Environment.GetEnvironmentVariable(ServerVariable)) ?? DefaultServer;
        var key = FirstNonEmpty(parse.GetValue(ApiKey), Environment.GetEnvironmentVariable(ApiKeyVariable));
        return BudgetConnection.Open(server, key);
    }

    private static string? FirstNonEmpty(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();
}
