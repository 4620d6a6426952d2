using BudgetGrpc.Contracts.V1;
using BudgetGrpc.Delivery.Tests.Infrastructure;

namespace BudgetGrpc.Delivery.Tests;

/// <summary>Single box (src/BudgetGrpc.Host): the delivery job runs inside the server, calling its own endpoint.</summary>
public sealed class SingleBoxTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "budget-singlebox-" + Guid.NewGuid().ToString("N")[..8]);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(root, recursive: true); }
        catch (IOException) { /* the scheduler's file still open on a slow runner; the temp folder is cleaned eventually */ }
    }

    [Fact]
    public async Task The_server_hosting_the_worker_delivers_what_it_imports()
    {
        await using var sink = await HttpSink.StartAsync();
        await using var server = await LoopbackDeliveryServer.StartAsync([("portal", "json")], s =>
        {
            var self = s["Server:GrpcUrl"];
            foreach (var folder in new[] { "inbox", "archive", "quarantine" }) Directory.CreateDirectory(Path.Combine(root, folder));
            s[BudgetGrpc.Worker.Tests.Infrastructure.LoopbackHost.SingleBoxKey] = "true";
            s["Worker:FolderImport:Inbox"] = Path.Combine(root, "inbox");
            s["Worker:FolderImport:Archive"] = Path.Combine(root, "archive");
            s["Worker:FolderImport:Quarantine"] = Path.Combine(root, "quarantine");
            s["Worker:Server:Url"] = self;
            s["Worker:Server:ApiKey"] = LoopbackDeliveryServer.OperatorKey;
            s["Worker:Quartz:ConnectionString"] = $"Data Source={Path.Combine(root, "quartz.db")}";
            s["Delivery:ServerUrl"] = self;
            s["Delivery:ApiKey"] = LoopbackDeliveryServer.OperatorKey;
            s["Delivery:Interval"] = "00:00:01";
            s["Delivery:Targets:0:Kind"] = "Http";
            s["Delivery:Targets:0:Url"] = sink.Url;
            s["Delivery:Targets:0:AuthSecret"] = "Bearer sink-secret";
        },
        // Quartz in the server takes its clock from the container: it must be the real one here.
        realTime: true);

        var imported = await server.ImportAsync("a.csv", Tables.Publishable(1));

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (sink.Accepted.Count == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "nothing delivered within a minute");
            await Task.Delay(200);
        }
        var delivery = Assert.Single(sink.Log);
        Assert.Equal(imported.Revision.Name, delivery.Revision);
        deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while ((await server.AllDeliveriesAsync(DeliveryState.Delivered)).Count == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the delivery was sent but never reported");
            await Task.Delay(200);
        }
    }

    [Fact]
    public async Task Two_boxes_on_other_ports_each_import_only_their_own_inbox_and_write_only_their_own_deliveries()
    {
        async Task<(LoopbackDeliveryServer Server, string Outbound)> BoxAsync(int n)
        {
            var box = Path.Combine(root, "box" + n);
            var outbound = Path.Combine(box, "outbound");
            foreach (var folder in new[] { "archive", "quarantine", "outbound" }) Directory.CreateDirectory(Path.Combine(box, folder));
            Directory.CreateDirectory(Path.Combine(box, "inbox", Tables.Department(n)));
            File.WriteAllBytes(Path.Combine(box, "inbox", Tables.Department(n), "表.csv"), Tables.Publishable(n));
            var server = await LoopbackDeliveryServer.StartAsync([("outbound", "json")], s =>
            {
                s[BudgetGrpc.Worker.Tests.Infrastructure.LoopbackHost.SingleBoxKey] = "true";
                // No server address for the jobs: the box gives them its own (Server:GrpcUrl, a free port here).
                s["Worker:FolderImport:Inbox"] = Path.Combine(box, "inbox");
                s["Worker:FolderImport:Archive"] = Path.Combine(box, "archive");
                s["Worker:FolderImport:Quarantine"] = Path.Combine(box, "quarantine");
                s["Worker:FolderImport:StableFor"] = "00:00:00";
                s["Worker:FolderImport:Cron"] = "0/2 * * * * ?";
                s["Worker:Server:ApiKey"] = LoopbackDeliveryServer.OperatorKey;
                s["Worker:Quartz:ConnectionString"] = $"Data Source={Path.Combine(box, "quartz.db")}";
                s["Worker:Quartz:SchedulerName"] = "box" + n;
                s["Worker:Quartz:IdleWaitTime"] = "00:00:01";
                s["Delivery:ApiKey"] = LoopbackDeliveryServer.OperatorKey;
                s["Delivery:Interval"] = "00:00:01";
                s["Delivery:Targets:0:Kind"] = "Folder";
                s["Delivery:Targets:0:Folder"] = outbound;
            }, realTime: true);
            return (server, outbound);
        }

        var (first, firstOutbound) = await BoxAsync(1);
        await using var firstBox = first;
        var (second, secondOutbound) = await BoxAsync(2);
        await using var secondBox = second;

        foreach (var (server, outbound, own, other) in new[]
        {
            (first, firstOutbound, Tables.Department(1), Tables.Department(2)),
            (second, secondOutbound, Tables.Department(2), Tables.Department(1)),
        })
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            while ((await server.AllDeliveriesAsync(DeliveryState.Delivered)).Count == 0)
            {
                Assert.True(DateTime.UtcNow < deadline, $"nothing imported and delivered by the box of {own} within a minute");
                await Task.Delay(300);
            }
            var delivered = Assert.Single(Directory.EnumerateFiles(outbound, "*", SearchOption.AllDirectories), f => !f.EndsWith(".tmp", StringComparison.Ordinal));
            var text = File.ReadAllText(delivered);
            Assert.Contains(own, text);
            Assert.DoesNotContain(other, text);
            Assert.Single(await server.AllDeliveriesAsync());
        }
    }
}
