using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using BudgetGrpc.Contracts.V1;
using BudgetGrpc.Server;
using BudgetGrpc.Server.Extensions;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace BudgetGrpc.Worker.Tests.Infrastructure;

/// <summary>
/// The real BudgetGrpc server on 127.0.0.1 (Kestrel, h2c) over a SQLite file in a temp folder. It can be stopped and
/// started again on the same port and database, to play a service outage.
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    /// <summary>Importer for the sample departments except 门源县工业商务和信息化局, so that one is refused.</summary>
    public const string ImporterKey = "worker-tests-importer-key";
    public const string OperatorKey = "worker-tests-operator-key";
    public static readonly string[] ImporterDepartments = ["样例县农业农村局", "样例县教育局"];

    private readonly string folder;
    private readonly string databaseConnectionString;
    private WebApplication? app;
    private GrpcChannel? channel;

    private LoopbackServer(string folder, int port, string databaseConnectionString)
    {
        this.folder = folder;
        Port = port;
        this.databaseConnectionString = databaseConnectionString;
    }

    public int Port { get; }
    public string Url => $"http://127.0.0.1:{Port}";

    public static async Task<LoopbackServer> StartAsync(string folder, string[]? importerDepartments = null,
        Func<LoopbackServer, Dictionary<string, string?>>? extraSettings = null)
    {
        Directory.CreateDirectory(folder);
        var server = new LoopbackServer(folder, FreePort(), $"Data Source={Path.Combine(folder, "budget.db")}");
        server.extra = extraSettings?.Invoke(server) ?? [];
        await server.StartAsync(importerDepartments ?? ImporterDepartments);
        return server;
    }

    private Dictionary<string, string?> extra = [];

    private string[] departments = ImporterDepartments;

    public Task StartAsync() => StartAsync(departments);

    private async Task StartAsync(string[] importerDepartments)
    {
        departments = importerDepartments;
        var settings = new Dictionary<string, string?>
        {
            ["Server:GrpcUrl"] = Url,
            ["Server:HttpUrl"] = "",
            ["Database:Provider"] = "Sqlite",
            ["Database:ConnectionString"] = databaseConnectionString,
            ["Seed:SamplesFolder"] = "",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Auth:Keys:0:Name"] = "worker-tests-importer",
            ["Auth:Keys:0:KeyHash"] = Hash(ImporterKey),
            ["Auth:Keys:0:Roles:0"] = "importer",
            ["Auth:Keys:1:Name"] = "worker-tests-operator",
            ["Auth:Keys:1:KeyHash"] = Hash(OperatorKey),
            ["Auth:Keys:1:Roles:0"] = "operator",
        };
        for (var i = 0; i < importerDepartments.Length; i++) settings[$"Auth:Keys:0:Departments:{i}"] = importerDepartments[i];
        foreach (var (key, value) in extra) settings[key] = value;
        app = BudgetServer.Build([], b =>
        {
            b.Configuration.AddInMemoryCollection(settings);
            b.Environment.ContentRootPath = folder;
        });
        await app.InitializeBudgetAsync();
        await app.StartAsync();
    }

    public async Task StopAsync()
    {
        if (app is null) return;
        await app.StopAsync();
        await app.DisposeAsync();
        app = null;
    }

    /// <summary>A client with the operator key, to see what the service stored.</summary>
    public DisclosureService.DisclosureServiceClient OperatorClient()
    {
        channel ??= GrpcChannel.ForAddress(Url);
        return new DisclosureService.DisclosureServiceClient(channel.Intercept(meta =>
        {
            meta.Add("authorization", "Bearer " + OperatorKey);
            return meta;
        }));
    }

    public async Task<List<Upload>> UploadsAsync()
    {
        var client = OperatorClient();
        var all = new List<Upload>();
        var token = "";
        do
        {
            var page = await client.ListUploadsAsync(new ListUploadsRequest { PageSize = 1000, PageToken = token });
            all.AddRange(page.Uploads);
            token = page.NextPageToken;
        } while (token.Length > 0);
        return all;
    }

    public async Task<List<Disclosure>> DisclosuresAsync()
    {
        var client = OperatorClient();
        var all = new List<Disclosure>();
        var token = "";
        do
        {
            var page = await client.ListDisclosuresAsync(new ListDisclosuresRequest { PageSize = 1000, PageToken = token });
            all.AddRange(page.Disclosures);
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
        await StopAsync();
        channel?.Dispose();
    }
}
