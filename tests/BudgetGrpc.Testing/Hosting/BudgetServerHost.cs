using BudgetGrpc.Contracts.V1;
using BudgetGrpc.Data.Tests.Infrastructure;
using BudgetGrpc.Worker.Tests.Infrastructure;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;

namespace BudgetGrpc.Server.Tests.Infrastructure;

/// <summary>
/// The real server (same builder as Program.cs, through <see cref="LoopbackHost"/>) on a fresh SQLite file in a temp
/// folder, either in-process on TestServer or on Kestrel over loopback ports, seeded with the sample files, with the
/// <see cref="TestKeys"/>.
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

    public static string SamplesFolder => Samples.Folder;

    public static string Sample(string fileName) => Samples.Path(fileName);

    public static async Task<BudgetServerHost> StartAsync(bool kestrel, bool seed = true, IEnumerable<KeyValuePair<string, string?>>? extra = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "budget-server-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var grpcPort = kestrel ? LoopbackHost.FreePort() : 5080;
        var httpPort = kestrel ? LoopbackHost.FreePort() : 5081;
        var settings = LoopbackHost.Settings($"http://127.0.0.1:{grpcPort}", folder);
        settings["Server:HttpUrl"] = $"http://127.0.0.1:{httpPort}";
        settings["Seed:SamplesFolder"] = seed ? SamplesFolder : "";
        settings["Logging:Console:FormatterName"] = "simple";
        foreach (var (key, value) in TestKeys.Configuration().Concat(extra ?? [])) settings[key] = value;

        var app = await LoopbackHost.StartAsync(settings, folder, builder =>
        {
            if (!kestrel) builder.WebHost.UseTestServer();
        });

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

    public CallInvoker Invoker(string? key) => key is null ? Channel.CreateCallInvoker() : LoopbackHost.WithKey(Channel, key);

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
