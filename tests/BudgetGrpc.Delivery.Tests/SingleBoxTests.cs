using BudgetGrpc.Contracts.V1;
using BudgetGrpc.Delivery.Tests.Infrastructure;

namespace BudgetGrpc.Delivery.Tests;

/// <summary>Single box: Worker:HostInServer=true runs the delivery job inside the server, calling its own endpoint.</summary>
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
            s["Worker:HostInServer"] = "true";
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
}
