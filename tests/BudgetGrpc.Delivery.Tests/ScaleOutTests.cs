using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BudgetGrpc.Contracts.V1;
using BudgetGrpc.Data.Tests.Infrastructure;
using BudgetGrpc.Delivery.Tests.Infrastructure;
using BudgetGrpc.Worker.Tests.Infrastructure;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;

namespace BudgetGrpc.Delivery.Tests;

/// <summary>
/// The scaled-out topology of docs/deployment.md, every part a real process: one PostgreSQL cluster, two server
/// processes (`dotnet BudgetGrpc.Server.dll`) behind a round-robin TCP balancer, two worker processes clustered on a
/// Quartz store in the same PostgreSQL, a loopback HTTP receiver. One server and one worker are SIGKILLed mid-run.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ScaleOutTests(PostgresCluster postgres) : IAsyncLifetime
{
    private const string Target = "portal";
    private readonly string root = Path.Combine(Path.GetTempPath(), "budget-scaleout-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly List<WorkerProcess> processes = [];
    private readonly List<GrpcChannel> channels = [];
    private HttpSink sink = null!;
    private TcpBalancer? balancer;

    private string Inbox => Path.Combine(root, "share", "inbox");
    private string Archive => Path.Combine(root, "share", "archive");
    private string Quarantine => Path.Combine(root, "share", "quarantine");

    public async Task InitializeAsync()
    {
        foreach (var folder in new[] { Inbox, Archive, Quarantine }) Directory.CreateDirectory(folder);
        sink = await HttpSink.StartAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var process in processes) process.Dispose();
        foreach (var channel in channels) channel.Dispose();
        if (balancer is not null) await balancer.DisposeAsync();
        await sink.DisposeAsync();
        try { Directory.Delete(root, recursive: true); }
        catch (IOException) { /* a file still open on a slow runner; the temp folder is cleaned eventually */ }
    }

    /// <summary>A server node: the shared database, the operator key, the delivery target; its own loopback port.</summary>
    private static Dictionary<string, string?> ServerSettings(int port, string folder, string database)
    {
        var s = LoopbackHost.Settings($"http://127.0.0.1:{port}", folder);
        LoopbackHost.AddKey(s, 0, "scaleout-operator", LoopbackDeliveryServer.OperatorKey, "operator");
        s["Database:Provider"] = "PostgreSql";
        s["Database:ConnectionString"] = database;
        s["Delivery:Targets:0:Name"] = Target;
        s["Delivery:Targets:0:Format"] = "json";
        s["Delivery:EnqueueInterval"] = "00:00:01";
        s["Delivery:BaseBackoff"] = "00:00:01";
        s["Delivery:MaxAttempts"] = "10";
        return s;
    }

    /// <summary>A worker node: both reach the servers through the balancer and share the inbox, the archive and the Quartz store.</summary>
    private Dictionary<string, string?> WorkerSettings(string workerId, string quartz) => new()
    {
        ["Worker:FolderImport:Inbox"] = Inbox,
        ["Worker:FolderImport:Archive"] = Archive,
        ["Worker:FolderImport:Quarantine"] = Quarantine,
        ["Worker:FolderImport:StableFor"] = "00:00:00",
        ["Worker:FolderImport:Cron"] = "0/2 * * * * ?",
        ["Worker:Server:Url"] = balancer!.Url,
        ["Worker:Server:ApiKey"] = LoopbackDeliveryServer.OperatorKey,
        ["Worker:Retry:MaxRetryAttempts"] = "8",
        ["Worker:Retry:BaseDelay"] = "00:00:00.200",
        ["Worker:Retry:MaxDelay"] = "00:00:01",
        ["Worker:Retry:AttemptTimeout"] = "00:00:15",
        ["Worker:Retry:TotalTimeout"] = "00:00:40",
        ["Worker:Quartz:Provider"] = "PostgreSql",
        ["Worker:Quartz:ConnectionString"] = quartz,
        ["Worker:Quartz:Clustered"] = "true",
        ["Worker:Quartz:CheckinInterval"] = "00:00:01",
        ["Worker:Quartz:IdleWaitTime"] = "00:00:01",
        ["Delivery:ServerUrl"] = balancer.Url,
        ["Delivery:ApiKey"] = LoopbackDeliveryServer.OperatorKey,
        ["Delivery:WorkerId"] = workerId,
        ["Delivery:Interval"] = "00:00:01",
        ["Delivery:BatchSize"] = "1",
        ["Delivery:Parallelism"] = "1",
        // Longer than an attempt (the held request must still be open when its sender is killed), yet short enough
        // that the other worker takes the delivery over within the test.
        ["Delivery:LeaseDuration"] = "00:00:12",
        ["Delivery:Pipeline:AttemptTimeout"] = "00:00:06",
        ["Delivery:Pipeline:TotalTimeout"] = "00:00:07",
        // One request per lease: the receiver's count per delivery can then be held against the ledger's attempts.
        ["Delivery:Pipeline:MaxRetryAttempts"] = "0",
        ["Delivery:Targets:0:Name"] = Target,
        ["Delivery:Targets:0:Kind"] = "Http",
        ["Delivery:Targets:0:Url"] = sink.Url,
        ["Delivery:Targets:0:AuthSecret"] = "Bearer sink-secret",
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Quartz"] = "Warning",
    };

    private WorkerProcess Start(Dictionary<string, string?> settings, string folder, string assembly)
    {
        Directory.CreateDirectory(folder);
        var process = WorkerProcess.Start(settings, folder, assembly);
        processes.Add(process);
        return process;
    }

    /// <summary>A client on its own connection through the balancer (each new connection goes to the next server).</summary>
    private DisclosureService.DisclosureServiceClient Disclosures(string url)
    {
        var channel = GrpcChannel.ForAddress(url, new GrpcChannelOptions { MaxReceiveMessageSize = 64 * 1024 * 1024 });
        channels.Add(channel);
        return new DisclosureService.DisclosureServiceClient(LoopbackHost.WithKey(channel, LoopbackDeliveryServer.OperatorKey));
    }

    private DeliveryService.DeliveryServiceClient Deliveries(string url)
    {
        var channel = GrpcChannel.ForAddress(url);
        channels.Add(channel);
        return new DeliveryService.DeliveryServiceClient(LoopbackHost.WithKey(channel, LoopbackDeliveryServer.OperatorKey));
    }

    private static async Task WaitUntilServingAsync(WorkerProcess server, int port)
    {
        var client = new DeliveryService.DeliveryServiceClient(LoopbackHost.WithKey(GrpcChannel.ForAddress($"http://127.0.0.1:{port}"), LoopbackDeliveryServer.OperatorKey));
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            try
            {
                await client.ListDeliveriesAsync(new ListDeliveriesRequest { PageSize = 1 }, deadline: DateTime.UtcNow.AddSeconds(5));
                return;
            }
            catch (RpcException) when (!server.HasExited && DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
            catch (RpcException ex)
            {
                Assert.Fail($"the server on port {port} is not serving ({ex.StatusCode}):\n{server.Output}");
            }
        }
    }

    private void Drop(int department)
    {
        var folder = Path.Combine(Inbox, Tables.Department(department));
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, "目标表.csv"), Tables.Publishable(department));
    }

    private static Task<ImportDisclosureResponse> ImportAsync(DisclosureService.DisclosureServiceClient client, int department) =>
        client.ImportDisclosureAsync(new ImportDisclosureRequest
        {
            FileName = $"目标表-{department}.csv",
            Content = ByteString.CopyFrom(Tables.Publishable(department)),
            Kind = DisclosureKind.TargetTable,
        }, deadline: DateTime.UtcNow.AddSeconds(60)).ResponseAsync;

    private static Task<List<Contracts.V1.Delivery>> AllDeliveriesAsync(DeliveryService.DeliveryServiceClient client) =>
        LoopbackHost.AllPagesAsync<Contracts.V1.Delivery>(async token =>
        {
            var page = await client.ListDeliveriesAsync(new ListDeliveriesRequest { PageSize = 1000, PageToken = token });
            return (page.Deliveries, page.NextPageToken);
        });

    private string Outputs() => string.Join("\n----\n", processes.Select((p, i) => $"process {i}:\n{p.Output}"));

    [Fact]
    public async Task Two_servers_and_two_clustered_workers_on_one_PostgreSQL_import_and_deliver_each_file_once_though_one_of_each_is_killed()
    {
        // The first request the receiver gets is stored, and its answer held back until its sender is gone.
        sink.Behaviour = r => r.Number == 1 ? new SinkReply(AcceptFirst: true, Delay: TimeSpan.FromMinutes(5)) : null;
        var database = await postgres.CreateDatabaseAsync();
        var quartz = await postgres.CreateDatabaseAsync();

        int[] ports = [LoopbackHost.FreePort(), LoopbackHost.FreePort()];
        var servers = ports.Select((port, i) => Start(ServerSettings(port, Path.Combine(root, "server" + i), database),
            Path.Combine(root, "server" + i), "BudgetGrpc.Server.dll")).ToList();
        for (var i = 0; i < servers.Count; i++) await WaitUntilServingAsync(servers[i], ports[i]);
        balancer = TcpBalancer.Start(ports);

        // Wave 1: department folders in the shared inbox, and imports straight through the balancer on two connections.
        int[] inboxFirst = [1, 2, 3, 4], inboxSecond = [5, 6, 7, 8], directFirst = [11, 12, 13], directSecond = [14, 15, 16];
        foreach (var n in inboxFirst) Drop(n);
        // The balancer's first two connections, one to each server: the same bytes sent to both at once make one revision.
        var first = Enumerable.Range(0, 2).Select(_ => Disclosures(balancer.Url)).ToList();
        foreach (var n in directFirst)
        {
            var answers = await Task.WhenAll(first.Select(c => ImportAsync(c, n)));
            Assert.Equal([ImportOutcome.Created, ImportOutcome.Unchanged], answers.Select(a => a.Outcome).Order());
            Assert.Equal(answers[0].Revision.Name, answers[1].Revision.Name);
        }
        Assert.Equal([1, 1], balancer.ConnectionsPerBackend);

        // Node A creates the Quartz tables; B joins the cluster once they exist.
        string[] workerIds = ["scaleout-a", "scaleout-b"];
        var workers = new List<WorkerProcess>();
        foreach (var id in workerIds)
        {
            var worker = Start(WorkerSettings(id, quartz), Path.Combine(root, id), "BudgetGrpc.Worker.dll");
            await worker.WaitForOutputAsync("Folder import schedule", TimeSpan.FromSeconds(90));
            workers.Add(worker);
        }

        // Mid-run: a delivery is on the wire and its worker dies; one server dies with it.
        try
        {
            await sink.Holding.Task.WaitAsync(TimeSpan.FromSeconds(90));
        }
        catch (TimeoutException)
        {
            Assert.Fail("no delivery reached the receiver:\n" + Outputs());
        }
        var observer = Deliveries(balancer.Url);
        var held = Assert.Single(await AllDeliveriesAsync(observer), d => d.IdempotencyKey == sink.Holding.Task.Result);
        Assert.Equal(DeliveryState.InFlight, held.State);
        var holder = workers[Array.IndexOf(workerIds, held.LeaseOwner)];
        foreach (var n in inboxSecond) Drop(n);
        holder.Kill();
        servers[0].Kill();
        var beforeKill = balancer.ConnectionsPerBackend;
        Assert.All(beforeKill, c => Assert.True(c > 0, $"a server got no connection through the balancer: {string.Join(", ", beforeKill)}"));

        // Wave 2, after the kills: the balancer skips the dead server, the surviving worker takes over the cluster's jobs.
        var second = Enumerable.Range(0, 2).Select(_ => Disclosures(balancer.Url)).ToList();
        for (var i = 0; i < directSecond.Length; i++) await ImportAsync(second[i % 2], directSecond[i]);

        int[] departments = [.. inboxFirst, .. inboxSecond, .. directFirst, .. directSecond];
        var deadline = DateTime.UtcNow.AddSeconds(120);
        List<Contracts.V1.Delivery> deliveries;
        while (Directory.EnumerateFiles(Inbox, "*", SearchOption.AllDirectories).Any()
               || (deliveries = await AllDeliveriesAsync(observer)).Count(d => d.State == DeliveryState.Delivered) < departments.Length)
        {
            Assert.True(DateTime.UtcNow < deadline, "not everything imported and delivered within two minutes:\n" + Outputs());
            await Task.Delay(300);
        }

        // Every inbox file imported exactly once: archived once, nothing quarantined, one revision of its bytes.
        int[] dropped = [.. inboxFirst, .. inboxSecond];
        var archived = Directory.EnumerateFiles(Archive, "*", SearchOption.AllDirectories).ToList();
        Assert.Equal(dropped.Length, archived.Count);
        Assert.Equal(dropped.Select(n => Sha256(Tables.Publishable(n))).Order(), archived.Select(f => Sha256(File.ReadAllBytes(f))).Order());
        Assert.Empty(Directory.EnumerateFiles(Quarantine, "*", SearchOption.AllDirectories));

        var reader = Disclosures(balancer.Url);
        var disclosures = await LoopbackHost.AllPagesAsync<Disclosure>(async token =>
        {
            var page = await reader.ListDisclosuresAsync(new ListDisclosuresRequest { PageSize = 1000, PageToken = token });
            return (page.Disclosures, page.NextPageToken);
        });
        Assert.Equal(departments.Select(Tables.Department).Order(StringComparer.Ordinal), disclosures.Select(d => d.Department).Order(StringComparer.Ordinal));
        var expectedIndicators = -1;
        foreach (var disclosure in disclosures)
        {
            var revisions = (await reader.ListRevisionsAsync(new ListRevisionsRequest { Parent = disclosure.Name, PageSize = 100 })).Revisions;
            var only = Assert.Single(revisions);
            var n = departments.Single(d => Tables.Department(d) == disclosure.Department);
            Assert.Equal(Sha256(Tables.Publishable(n)), only.Source.Sha256);

            // None half-written: the revision's rows are all there, and every revision of the same table has as many.
            var full = await reader.GetRevisionAsync(new GetRevisionRequest { Name = only.Name, View = RevisionView.Full });
            Assert.Equal(full.ProjectCount, full.Projects.Count);
            Assert.Equal(full.IndicatorCount, full.Projects.Sum(p => p.Indicators.Count));
            if (expectedIndicators < 0) expectedIndicators = full.IndicatorCount;
            Assert.Equal(expectedIndicators, full.IndicatorCount);
        }
        Assert.True(expectedIndicators > 0);

        // Every delivery made exactly once at the receiver: one stored body per delivery, complete, of its own revision.
        deliveries = await AllDeliveriesAsync(observer);
        Assert.Equal(departments.Length, deliveries.Count);
        Assert.All(deliveries, d => Assert.Equal(DeliveryState.Delivered, d.State));
        Assert.Equal(deliveries.Select(d => d.IdempotencyKey).Order(StringComparer.Ordinal), sink.Accepted.Keys.Order(StringComparer.Ordinal));
        foreach (var delivery in deliveries)
        {
            // Sent only under a lease of its own (a claim whose answer was lost counts an attempt and sends nothing).
            Assert.InRange(sink.RequestsByKey[delivery.IdempotencyKey], 1, delivery.AttemptCount);
            var body = sink.Accepted[delivery.IdempotencyKey];
            using var json = JsonDocument.Parse(body);
            Assert.Equal(JsonValueKind.Object, json.RootElement.ValueKind);
            var department = disclosures.Single(d => delivery.Revision.StartsWith(d.Name + "/", StringComparison.Ordinal)).Department;
            Assert.Contains(department, Encoding.UTF8.GetString(body));
        }
        // The held delivery: sent by the killed worker, sent again by the other after its lease ran out, stored once.
        var retaken = Assert.Single(deliveries, d => d.IdempotencyKey == held.IdempotencyKey);
        Assert.Equal(2, retaken.AttemptCount);
        Assert.Equal(workerIds.Single(id => id != held.LeaseOwner), (await observer.GetDeliveryAsync(new GetDeliveryRequest { Name = retaken.Name })).Attempts.Last().WorkerId);
        Assert.True(sink.Duplicates >= 1);
        Assert.False(servers[1].HasExited, servers[1].Output);
        Assert.False(workers.Single(w => w != holder).HasExited, Outputs());
    }

    private static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
