using BudgetGrpc.Contracts.V1;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using BudgetGrpc.Worker.Tests.Infrastructure;

namespace BudgetGrpc.Delivery.Tests.Infrastructure;

/// <summary>
/// The real BudgetGrpc server on 127.0.0.1 (Kestrel, h2c) over a SQLite file in a temp folder, with the delivery
/// targets the test names and a <see cref="ManualClock"/> for the ledger.
/// </summary>
public sealed class LoopbackDeliveryServer : IAsyncDisposable
{
    public const string OperatorKey = "delivery-tests-operator-key";
    public const string ReaderKey = "delivery-tests-reader-key";

    private readonly string folder;
    private WebApplication? app;
    private GrpcChannel? channel;

    private LoopbackDeliveryServer(string folder, int port)
    {
        this.folder = folder;
        Port = port;
    }

    public int Port { get; }
    public string Url => $"http://127.0.0.1:{Port}";
    public ManualClock Clock { get; } = new();
    public string Folder => folder;

    /// <param name="targets">(name, format) of each target the service enqueues for.</param>
    /// <param name="realTime">The system clock instead of <see cref="Clock"/> (the benchmark waits out real backoffs).</param>
    public static async Task<LoopbackDeliveryServer> StartAsync(IEnumerable<(string Name, string Format)> targets, Action<Dictionary<string, string?>>? settings = null, bool realTime = false)
    {
        var folder = Path.Combine(Path.GetTempPath(), "budget-delivery-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        var server = new LoopbackDeliveryServer(folder, LoopbackHost.FreePort());
        var values = LoopbackHost.Settings(server.Url, folder);
        LoopbackHost.AddKey(values, 0, "delivery-tests-operator", OperatorKey, "operator");
        LoopbackHost.AddKey(values, 1, "delivery-tests-reader", ReaderKey, "reader");
        values["Delivery:BaseBackoff"] = "00:00:10";
        values["Delivery:MaxBackoff"] = "00:05:00";
        values["Delivery:MaxAttempts"] = "5";
        var i = 0;
        foreach (var (name, format) in targets)
        {
            values[$"Delivery:Targets:{i}:Name"] = name;
            values[$"Delivery:Targets:{i}:Format"] = format;
            i++;
        }
        settings?.Invoke(values);
        // Registered before AddBudgetData's TryAdd, so the store and the ledger both use the test's clock.
        server.app = await LoopbackHost.StartAsync(values, folder, b => b.Services.AddSingleton<TimeProvider>(realTime ? TimeProvider.System : server.Clock));
        return server;
    }

    private CallInvoker Invoker(string key)
    {
        channel ??= GrpcChannel.ForAddress(Url, new GrpcChannelOptions { MaxReceiveMessageSize = 256 * 1024 * 1024 });
        return LoopbackHost.WithKey(channel, key);
    }

    public DeliveryService.DeliveryServiceClient Deliveries(string key = OperatorKey) => new(Invoker(key));
    public DisclosureService.DisclosureServiceClient Disclosures(string key = OperatorKey) => new(Invoker(key));

    public async Task<ImportDisclosureResponse> ImportAsync(string fileName, byte[] content) =>
        await Disclosures().ImportDisclosureAsync(new ImportDisclosureRequest
        {
            FileName = fileName,
            Content = ByteString.CopyFrom(content),
            Kind = DisclosureKind.TargetTable,
        });

    public Task<List<Contracts.V1.Delivery>> AllDeliveriesAsync(DeliveryState state = DeliveryState.Unspecified) =>
        LoopbackHost.AllPagesAsync<Contracts.V1.Delivery>(async token =>
        {
            var page = await Deliveries().ListDeliveriesAsync(new ListDeliveriesRequest { PageSize = 1000, PageToken = token, State = state });
            return (page.Deliveries, page.NextPageToken);
        });

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
        channel?.Dispose();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(folder, recursive: true); }
        catch (IOException) { /* a file still open on a slow runner; the temp folder is cleaned eventually */ }
    }
}
