using System.Net;
using System.Net.Sockets;
using BudgetGrpc.Tools.Tests.Infrastructure;
using Xunit;

namespace BudgetGrpc.Tools.Tests;

/// <summary>Keys and addresses: what the commands say when they cannot get an answer.</summary>
public sealed class ConnectionTests(BudgetServerFixture server) : IClassFixture<BudgetServerFixture>
{
    [Fact]
    public async Task A_wrong_api_key_is_unauthenticated_exit_1()
    {
        var run = await server.RunAsync("not-a-key", "list");

        Assert.True(run.ExitCode == ExitCodes.Findings, run.ToString());
        Assert.StartsWith("error UNAUTHENTICATED (API_KEY_INVALID): ", run.Error);
        Assert.Equal("", run.Out);
    }

    [SkippableFact]
    public async Task No_api_key_is_unauthenticated_exit_1()
    {
        // Without --api-key the command falls back to BUDGET_API_KEY; with one set in the environment there is nothing to check.
        Skip.If(Environment.GetEnvironmentVariable("BUDGET_API_KEY") is { Length: > 0 },
            "BUDGET_API_KEY is set in this environment, so the command has a key to fall back to");
        var run = await Cli.RunAsync("list", "--server", server.Address);

        Assert.True(run.ExitCode == ExitCodes.Findings, run.ToString());
        Assert.StartsWith("error UNAUTHENTICATED (API_KEY_MISSING): ", run.Error);
    }

    [Fact]
    public async Task An_unreachable_server_is_exit_3()
    {
        var run = await Cli.RunAsync("list", "--server", $"http://127.0.0.1:{ClosedPort()}", "--api-key", BudgetServerFixture.ReaderKey);

        Assert.True(run.ExitCode == ExitCodes.Unavailable, run.ToString());
        Assert.StartsWith("error UNAVAILABLE: ", run.Error);
        Assert.Contains("is the server running at", run.Error);
    }

    [Fact]
    public async Task An_unreachable_server_ends_an_import_with_exit_3()
    {
        var run = await Cli.RunAsync("import", Cli.Sample("yangli-2025-agri.csv"), Cli.Sample("yangli-2025-agri.html"),
            "--server", $"http://127.0.0.1:{ClosedPort()}", "--api-key", BudgetServerFixture.ImporterKey);

        Assert.True(run.ExitCode == ExitCodes.Unavailable, run.ToString());
        Assert.StartsWith("error UNAVAILABLE: ", run.Error);
    }

    [Fact]
    public async Task A_server_address_that_is_not_a_url_is_a_usage_error()
    {
        var run = await Cli.RunAsync("list", "--server", "127.0.0.1:5080", "--api-key", BudgetServerFixture.ReaderKey);

        Assert.True(run.ExitCode == ExitCodes.Unreadable, run.ToString());
        Assert.Contains("--server '127.0.0.1:5080' is not an address", run.Error);
    }

    /// <summary>A loopback port nothing listens on: bound, read, released.</summary>
    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
