using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using BudgetGrpc.Contracts.V1;
using BudgetGrpc.Server;
using BudgetGrpc.Server.Extensions;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

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
        var server = new LoopbackDeliveryServer(folder, FreePort());
        var values = new Dictionary<string, string?>
        {
            ["Server:GrpcUrl"] = server.Url,
            ["Server:HttpUrl"] = "",
            ["Database:Provider"] = "Sqlite",
            ["Database:ConnectionString"] = $"Data Source={Path.Combine(folder, "budget.db")}",
            ["Seed:SamplesFolder"] = "",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Auth:Keys:0:Name"] = "delivery-tests-operator",
            ["Auth:Keys:0:KeyHash"] = Hash(OperatorKey),
            ["Auth:Keys:0:Roles:0"] = "operator",
            ["Auth:Keys:1:Name"] = "delivery-tests-reader",
            ["Auth:Keys:1:KeyHash"] = Hash(ReaderKey),
            ["Auth:Keys:1:Roles:0"] = "reader",
            ["Delivery:BaseBackoff"] = "00:00:10",
            ["Delivery:MaxBackoff"] = "00:05:00",
            ["Delivery:MaxAttempts"] = "5",
        };
        var i = 0;
        foreach (var (name, format) in targets)
        {
            values[$"Delivery:Targets:{i}:Name"] = name;
            values[$"Delivery:Targets:{i}:Format"] = format;
            i++;
        }
        settings?.Invoke(values);
        server.app = BudgetServer.Build([], b =>
        {
            b.Configuration.AddInMemoryCollection(values);
            b.Environment.ContentRootPath = folder;
            // Registered before AddBudgetData's TryAdd, so the store and the ledger both use the test's clock.
            b.Services.AddSingleton<TimeProvider>(realTime ? TimeProvider.System : server.Clock);
        });
        await server.app.InitializeBudgetAsync();
        await server.app.StartAsync();
        return server;
    }

    private CallInvoker Invoker(string key)
    {
        channel ??= GrpcChannel.ForAddress(Url, new GrpcChannelOptions { MaxReceiveMessageSize = 256 * 1024 * 1024 });
        return channel.Intercept(meta =>
        {
            meta.Add("authorization", "Bearer " + key);
            return meta;
        });
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

    public async Task<List<Contracts.V1.Delivery>> AllDeliveriesAsync(DeliveryState state = DeliveryState.Unspecified)
    {
        var all = new List<Contracts.V1.Delivery>();
        var token = "";
        do
        {
            var page = await Deliveries().ListDeliveriesAsync(new ListDeliveriesRequest { PageSize = 1000, PageToken = token, State = state });
            all.AddRange(page.Deliveries);
            token = page.NextPageToken;
        } while (token.Length > 0);
        return all;
    }

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

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
