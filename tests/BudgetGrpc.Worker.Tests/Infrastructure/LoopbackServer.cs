using BudgetGrpc.Contracts.V1;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;

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
        var server = new LoopbackServer(folder, LoopbackHost.FreePort(), $"Data Source={Path.Combine(folder, "budget.db")}");
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
        var settings = LoopbackHost.Settings(Url, folder);
        settings["Database:ConnectionString"] = databaseConnectionString;
        LoopbackHost.AddKey(settings, 0, "worker-tests-importer", ImporterKey, "importer", importerDepartments);
        LoopbackHost.AddKey(settings, 1, "worker-tests-operator", OperatorKey, "operator");
        foreach (var (key, value) in extra) settings[key] = value;
        app = await LoopbackHost.StartAsync(settings, folder);
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
        return new DisclosureService.DisclosureServiceClient(LoopbackHost.WithKey(channel, OperatorKey));
    }

    public Task<List<Upload>> UploadsAsync() => LoopbackHost.AllPagesAsync<Upload>(async token =>
    {
        var page = await OperatorClient().ListUploadsAsync(new ListUploadsRequest { PageSize = 1000, PageToken = token });
        return (page.Uploads, page.NextPageToken);
    });

    public Task<List<Disclosure>> DisclosuresAsync() => LoopbackHost.AllPagesAsync<Disclosure>(async token =>
    {
        var page = await OperatorClient().ListDisclosuresAsync(new ListDisclosuresRequest { PageSize = 1000, PageToken = token });
        return (page.Disclosures, page.NextPageToken);
    });

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        channel?.Dispose();
    }
}
