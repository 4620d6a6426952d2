using BudgetGrpc.Contracts.V1;
using BudgetGrpc.Delivery.Tests.Infrastructure;
using BudgetGrpc.Worker.Tests.Infrastructure;

namespace BudgetGrpc.Delivery.Tests;

/// <summary>The worker process SIGKILLed while a delivery is on the wire, then started again.</summary>
public sealed class WorkerProcessKillTests : IAsyncLifetime
{
    private LoopbackDeliveryServer server = null!;
    private HttpSink sink = null!;
    private string root = "";

    public async Task InitializeAsync()
    {
        server = await LoopbackDeliveryServer.StartAsync([("portal", "json")]);
        sink = await HttpSink.StartAsync();
        root = Path.Combine(server.Folder, "worker");
        foreach (var folder in new[] { "inbox", "archive", "quarantine" }) Directory.CreateDirectory(Path.Combine(root, folder));
    }

    public async Task DisposeAsync()
    {
        await sink.DisposeAsync();
        await server.DisposeAsync();
    }

    private Dictionary<string, string?> Settings() => new()
    {
        // The folder import the worker also runs: an empty inbox, its nightly cron never fires during the test.
        ["Worker:FolderImport:Inbox"] = Path.Combine(root, "inbox"),
        ["Worker:FolderImport:Archive"] = Path.Combine(root, "archive"),
        ["Worker:FolderImport:Quarantine"] = Path.Combine(root, "quarantine"),
        ["Worker:Server:Url"] = server.Url,
        ["Worker:Server:ApiKey"] = LoopbackDeliveryServer.OperatorKey,
        ["Delivery:ServerUrl"] = server.Url,
        ["Delivery:ApiKey"] = LoopbackDeliveryServer.OperatorKey,
        ["Delivery:Interval"] = "00:00:01",
        ["Delivery:BatchSize"] = "1",
        ["Delivery:Parallelism"] = "1",
        ["Delivery:LeaseDuration"] = "00:01:00",
        ["Delivery:Pipeline:AttemptTimeout"] = "00:00:20",
        ["Delivery:Pipeline:TotalTimeout"] = "00:00:30",
        ["Delivery:Targets:0:Name"] = "portal",
        ["Delivery:Targets:0:Kind"] = "Http",
        ["Delivery:Targets:0:Url"] = sink.Url,
        ["Delivery:Targets:0:AuthSecret"] = "Bearer sink-secret",
    };

    [Fact]
    public async Task A_killed_worker_process_loses_nothing_and_its_restart_duplicates_nothing_at_the_receiver()
    {
        await server.ImportAsync("good.csv", Tables.Publishable(1));
        // The receiver processes the first request, but its answer never leaves before the kill.
        sink.Behaviour = r => r.NumberForKey == 1 ? new SinkReply(AcceptFirst: true, Delay: TimeSpan.FromMinutes(5)) : null;

        using (var first = WorkerProcess.Start(Settings(), root))
        {
            try
            {
                await sink.Holding.Task.WaitAsync(TimeSpan.FromSeconds(90));
            }
            catch (TimeoutException)
            {
                Assert.Fail("the worker never sent the delivery:\n" + first.Output);
            }
            first.Kill();
        }
        var leased = Assert.Single(await server.AllDeliveriesAsync());
        Assert.Equal(DeliveryState.InFlight, leased.State);

        server.Clock.Advance(TimeSpan.FromSeconds(61));
        using var second = WorkerProcess.Start(Settings(), root);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        Contracts.V1.Delivery current;
        while ((current = Assert.Single(await server.AllDeliveriesAsync())).State != DeliveryState.Delivered)
        {
            Assert.False(second.HasExited, second.Output);
            Assert.True(DateTime.UtcNow < deadline, "not delivered after the restart:\n" + second.Output);
            await Task.Delay(200);
        }

        Assert.Equal(2, current.AttemptCount);
        Assert.Single(sink.Accepted);
        Assert.Equal(2, sink.RequestsByKey[current.IdempotencyKey]);
        Assert.Equal(1, sink.Duplicates);
    }
}
