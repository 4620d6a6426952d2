using BudgetGrpc.Server.Tests.Infrastructure;
using Xunit;

namespace BudgetGrpc.Tools.Tests.Infrastructure;

/// <summary>
/// The server tests' host (the real server on Kestrel over loopback, on its own SQLite file, with one key per role),
/// for the CLI to talk to over plain HTTP/2 as it talks to a deployed server.
/// </summary>
public class BudgetServerFixture : IAsyncLifetime
{
    public const string ReaderKey = TestKeys.Reader;
    /// <summary>An importer for <see cref="TestKeys.AgriDepartment"/> only.</summary>
    public const string ImporterKey = TestKeys.AgriImporter;
    public const string OperatorKey = TestKeys.Operator;

    private BudgetServerHost? _host;

    /// <summary>The gRPC endpoint, as a user passes it to --server.</summary>
    public string Address => $"http://{_host!.Channel.Target}";

    /// <summary>The JSON port (HTTP/1.1), as curl reaches it.</summary>
    public HttpClient Http => _host!.Http;

    /// <summary>True for a server that imported the samples at start, false for an empty one.</summary>
    protected virtual bool Seeded => false;

    public async Task InitializeAsync() => _host = await BudgetServerHost.StartAsync(kestrel: true, seed: Seeded);

    public async Task DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
    }

    /// <summary>Runs `budget ARGS… --server ADDRESS --api-key KEY` in-process.</summary>
    public Task<CliRun> RunAsync(string apiKey, params string[] args) =>
        Cli.RunAsync([.. args, "--server", Address, "--api-key", apiKey]);
}

/// <summary>A server that imported tests/samples at start, through its own seeding.</summary>
public sealed class SeededServerFixture : BudgetServerFixture
{
    protected override bool Seeded => true;
}
