using System.Net;
using System.Net.Sockets;
using BudgetGrpc.Contracts.V1;
using BudgetGrpc.Server.Extensions;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace BudgetGrpc.Server.Tests.Infrastructure;

/// <summary>
/// The real server (same builder as Program.cs) on a fresh SQLite file in a temp folder, either in-process
/// on TestServer or on Kestrel over loopback ports, seeded with the sample files.
/// </summary>
public sealed class BudgetServerHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BudgetServerHost(WebApplication app, string folder, GrpcChannel channel, HttpClient http)
    {
        _app = app;
        Folder = folder;
        Channel = channel;
        Http = http;
    }

    public string Folder { get; }
    public GrpcChannel Channel { get; }
    /// <summary>For the JSON-transcoded GETs (HTTP/1.1 endpoint on Kestrel).</summary>
    public HttpClient Http { get; }
    public IServiceProvider Services => _app.Services;

    public static string SamplesFolder => Path.Combine(AppContext.BaseDirectory, "samples");

    public static string Sample(string fileName) => Path.Combine(SamplesFolder, fileName);

    /// <summary>
    /// What a seeded server imports: the samples whose gold names no other kind than project targets. The read tests
    /// count, list and search those; the self-evaluation and department-wide samples (same department and year, other
    /// kinds) are imported by the tests about their kinds.
    /// </summary>
    public static string SeedFolder => SeedFolderOnce.Value;

    private static readonly Lazy<string> SeedFolderOnce = new(() =>
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "seed-samples");
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(SamplesFolder))
        {
            var name = Path.GetFileName(file);
            var gold = Path.Combine(SamplesFolder, "expected", name[..name.IndexOf('.')] + ".gold.json");
            if (File.Exists(gold) && System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(gold)).RootElement.TryGetProperty("kind", out var kind)
                && kind.GetString() != "projectTargets")
                continue;
            File.Copy(file, Path.Combine(folder, name), overwrite: true);
        }
        return folder;
    });

    public static async Task<BudgetServerHost> StartAsync(bool kestrel, bool seed = true, IEnumerable<KeyValuePair<string, string?>>? extra = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "budget-server-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var grpcPort = kestrel ? FreePort() : 5080;
        var httpPort = kestrel ? FreePort() : 5081;
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:ConnectionString"] = $"Data Source={Path.Combine(folder, "budget.db")}",
            ["Seed:SamplesFolder"] = seed ? SeedFolder : "",
            ["Server:GrpcUrl"] = $"http://127.0.0.1:{grpcPort}",
            ["Server:HttpUrl"] = $"http://127.0.0.1:{httpPort}",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:Console:FormatterName"] = "simple",
        };
        foreach (var (key, value) in TestKeys.Configuration().Concat(extra ?? [])) settings[key] = value;

        var app = BudgetServer.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(settings);
            if (!kestrel) builder.WebHost.UseTestServer();
        });
        await app.InitializeBudgetAsync();
        await app.StartAsync();

        GrpcChannel channel;
        HttpClient http;
        if (kestrel)
        {
            channel = GrpcChannel.ForAddress($"http://127.0.0.1:{grpcPort}");
            http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}") };
        }
        else
        {
            var server = app.GetTestServer();
            channel = GrpcChannel.ForAddress(server.BaseAddress, new GrpcChannelOptions { HttpHandler = server.CreateHandler() });
            http = server.CreateClient();
        }
        return new BudgetServerHost(app, folder, channel, http);
    }

    public DisclosureService.DisclosureServiceClient Client(string? key) => new(Invoker(key));

    public DiagnosticsService.DiagnosticsServiceClient Diagnostics(string? key) => new(Invoker(key));

    public CallInvoker Invoker(string? key) => key is null
        ? Channel.CreateCallInvoker()
        : Channel.CreateCallInvoker().Intercept(metadata =>
        {
            metadata.Add("authorization", $"Bearer {key}");
            return metadata;
        });

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        Channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A straggling handle on Windows-like file systems; the temp folder is cleaned by the OS.
        }
    }
}

/// <summary>One seeded in-process server shared by the read and auth tests of a class.</summary>
public sealed class InProcessServer : IAsyncLifetime
{
    public BudgetServerHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await BudgetServerHost.StartAsync(kestrel: false);

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

/// <summary>One seeded server on real Kestrel over loopback.</summary>
public sealed class KestrelServer : IAsyncLifetime
{
    public BudgetServerHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await BudgetServerHost.StartAsync(kestrel: true);

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
