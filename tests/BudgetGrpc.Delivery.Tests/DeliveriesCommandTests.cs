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
    [Fact]
    public async Task A_retry_that_matches_nothing_says_so_and_exits_non_zero()
    {
        await server.ImportAsync("a.csv", Tables.Publishable(1));
        await using (var worker = WorkerHarness.Create(server.Url, v => WorkerHarness.HttpTarget(v, 0, "portal", sink.Url)))
            Assert.Equal(1, (await worker.RunOnceAsync()).Delivered);
        var delivered = Assert.Single(await server.AllDeliveriesAsync(DeliveryState.Delivered));

        var again = await BudgetAsync(LoopbackDeliveryServer.OperatorKey, "deliveries", "retry", delivered.Name);
        Assert.Equal(ExitCodes.Findings, again.Exit);
        Assert.Contains("NOT_RETRYABLE", again.Error);
        Assert.Contains($"{delivered.Name} is delivered", again.Error);
        Assert.Single(await server.AllDeliveriesAsync(DeliveryState.Delivered));

        var unknownTarget = await BudgetAsync(LoopbackDeliveryServer.OperatorKey, "deliveries", "retry", "--target", "no-such-target");
        Assert.Equal(ExitCodes.Findings, unknownTarget.Exit);
        Assert.Contains("target 'no-such-target' does not exist", unknownTarget.Error);

        var unknownDelivery = await BudgetAsync(LoopbackDeliveryServer.OperatorKey, "deliveries", "retry", "deliveries/999999");
        Assert.Equal(ExitCodes.Findings, unknownDelivery.Exit);
        Assert.Contains("delivery 'deliveries/999999' does not exist", unknownDelivery.Error);

        var nothingWaiting = await BudgetAsync(LoopbackDeliveryServer.OperatorKey, "deliveries", "retry", "--target", "portal");
        Assert.Equal(ExitCodes.Findings, nothingWaiting.Exit);
        Assert.Contains("nothing to retry: no failed or pending delivery of target portal", nothingWaiting.Error);
    }

    [Fact]
    public async Task Export_refuses_to_replace_an_existing_file_unless_told_to_overwrite()
    {
        var good = await server.ImportAsync("a.csv", Tables.Publishable(1));
        var file = Path.Combine(server.Folder, "existing.csv");
        await File.WriteAllTextAsync(file, "keep me");

        var refused = await BudgetAsync(LoopbackDeliveryServer.ReaderKey, "export", good.Revision.Name, "--format", "csv", "--out", file);
        Assert.Equal(ExitCodes.Unreadable, refused.Exit);
        Assert.Contains("exists; pass --overwrite to replace it", refused.Error);
        Assert.Equal("keep me", await File.ReadAllTextAsync(file));

        var replaced = await BudgetAsync(LoopbackDeliveryServer.ReaderKey, "export", good.Revision.Name, "--format", "csv", "--out", file, "--overwrite");
        Assert.Equal(ExitCodes.Ok, replaced.Exit);
        Assert.Contains(Tables.FormulaProjectName, await File.ReadAllTextAsync(file));
    }
}
