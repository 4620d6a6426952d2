using System.Text;
using System.Text.Json;
using BudgetGrpc.Contracts.V1;
using BudgetGrpc.Delivery.Tests.Infrastructure;
using BudgetGrpc.Tools;

namespace BudgetGrpc.Delivery.Tests;

/// <summary>The operator's view: `budget deliveries list|retry` and `budget export` over gRPC against the real server.</summary>
public sealed class DeliveriesCommandTests : IAsyncLifetime
{
    private LoopbackDeliveryServer server = null!;
    private HttpSink sink = null!;

    public async Task InitializeAsync()
    {
        server = await LoopbackDeliveryServer.StartAsync([("portal", "json")]);
        sink = await HttpSink.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await sink.DisposeAsync();
        await server.DisposeAsync();
    }

    private async Task<(int Exit, string Out, string Error)> BudgetAsync(string key, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await BudgetCli.RunAsync([.. args, "--server", server.Url, "--api-key", key], new CliConsole(output, error, interactive: false));
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Parked_deliveries_are_listed_by_state_and_retried_by_target_by_an_operator_only()
    {
        var good = await server.ImportAsync("a.csv", Tables.Publishable(1));
        await server.ImportAsync("b.csv", Tables.Publishable(2));
        await server.ImportAsync("bad.csv", Tables.Blocked(3));
        sink.RequiredAuthorization = "Bearer rotated-secret";
        await using (var worker = WorkerHarness.Create(server.Url, v => WorkerHarness.HttpTarget(v, 0, "portal", sink.Url)))
            Assert.Equal(2, (await worker.RunOnceAsync()).Failed);

        var list = await BudgetAsync(LoopbackDeliveryServer.ReaderKey, "deliveries", "list", "--state", "failed", "--format", "json");
        Assert.Equal(ExitCodes.Ok, list.Exit);
        using (var json = JsonDocument.Parse(list.Out))
        {
            var rows = json.RootElement.GetProperty("deliveries").EnumerateArray().ToList();
            Assert.Equal(2, rows.Count);
            Assert.All(rows, r => Assert.Equal("DELIVERY_STATE_FAILED", r.GetProperty("state").GetString()));
            Assert.Contains(rows, r => r.GetProperty("revision").GetString() == good.Revision.Name);
        }
        var table = await BudgetAsync(LoopbackDeliveryServer.ReaderKey, "deliveries", "list", "--target", "portal");
        Assert.Contains("2 deliveries: 2 FAILED", table.Out);

        var refused = await BudgetAsync(LoopbackDeliveryServer.ReaderKey, "deliveries", "retry", "--target", "portal");
        Assert.NotEqual(ExitCodes.Ok, refused.Exit);
        Assert.Contains("PERMISSION_DENIED", refused.Error + refused.Out, StringComparison.OrdinalIgnoreCase);

        var retried = await BudgetAsync(LoopbackDeliveryServer.OperatorKey, "deliveries", "retry", "--target", "portal");
        Assert.Equal(ExitCodes.Ok, retried.Exit);
        Assert.Contains("2 deliveries due again", retried.Out);
        Assert.Equal(2, (await server.AllDeliveriesAsync(DeliveryState.Pending)).Count);
    }

    [Fact]
    public async Task Export_writes_the_csv_the_targets_receive_with_formula_cells_neutralised()
    {
        var good = await server.ImportAsync("a.csv", Tables.Publishable(1));
        var file = Path.Combine(server.Folder, "export.csv");

        var export = await BudgetAsync(LoopbackDeliveryServer.ReaderKey, "export", good.Revision.Name, "--format", "csv", "--out", file);

        Assert.Equal(ExitCodes.Ok, export.Exit);
        var text = Encoding.UTF8.GetString(await File.ReadAllBytesAsync(file));
        Assert.Contains(",'" + Tables.FormulaProjectName + ",", text);
    }
}
