using System.Net;
using System.Net.Sockets;
using BudgetGrpc.Server;
using BudgetGrpc.Server.Auth;
using BudgetGrpc.Server.Extensions;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace BudgetGrpc.Worker.Tests.Infrastructure;

/// <summary>
/// The one server host builder of the tests: the real BudgetGrpc server (or the single box) on 127.0.0.1 (Kestrel,
/// h2c) over a SQLite file in a temp folder, keys kept hashed as in production, calls with a bearer key, free ports.
/// <see cref="BudgetGrpc.Server.Tests.Infrastructure.BudgetServerHost"/>, the worker tests' LoopbackServer and
/// <see cref="BudgetGrpc.Delivery.Tests.Infrastructure.LoopbackDeliveryServer"/> are built on it.
/// </summary>
public static class LoopbackHost
{
    /// <summary>A server on <paramref name="url"/> over <c>budget.db</c> in <paramref name="folder"/>: no HTTP/1 endpoint, no seed, quiet logs.</summary>
    public static Dictionary<string, string?> Settings(string url, string folder) => new()
    {
        ["Server:GrpcUrl"] = url,
        ["Server:HttpUrl"] = "",
        ["Database:Provider"] = "Sqlite",
        ["Database:ConnectionString"] = $"Data Source={Path.Combine(folder, "budget.db")}",
        ["Seed:SamplesFolder"] = "",
        ["Logging:LogLevel:Default"] = "Warning",
    };

    /// <summary>Adds API key number <paramref name="index"/> with one role and, for an importer, its departments.</summary>
    public static void AddKey(Dictionary<string, string?> settings, int index, string name, string key, string role, IEnumerable<string>? departments = null)
    {
        settings[$"Auth:Keys:{index}:Name"] = name;
        settings[$"Auth:Keys:{index}:KeyHash"] = ApiKeyRegistry.Hash(key);
        settings[$"Auth:Keys:{index}:Roles:0"] = role;
        var i = 0;
        foreach (var department in departments ?? []) settings[$"Auth:Keys:{index}:Departments:{i++}"] = department;
    }

    /// <summary>Set to "true" in a test's settings to start the single box (src/BudgetGrpc.Host) instead of the server alone.</summary>
    public const string SingleBoxKey = "Test:SingleBox";

    /// <summary>Builds, migrates and starts the server (or the single box, see <see cref="SingleBoxKey"/>) with <paramref name="settings"/>.</summary>
    public static async Task<WebApplication> StartAsync(IReadOnlyDictionary<string, string?> settings, string folder, Action<WebApplicationBuilder>? configure = null)
    {
        void Configure(WebApplicationBuilder b)
        {
            b.Configuration.AddInMemoryCollection(settings);
            b.Environment.ContentRootPath = folder;
            configure?.Invoke(b);
        }
        var app = settings.TryGetValue(SingleBoxKey, out var box) && box == "true"
            ? BudgetGrpc.SingleBox.BudgetHost.Build([], Configure)
            : BudgetServer.Build([], Configure);
        await app.InitializeBudgetAsync();
        await app.StartAsync();
        return app;
    }

    /// <summary>Calls on <paramref name="channel"/> that carry <paramref name="key"/> as their bearer token.</summary>
    public static CallInvoker WithKey(GrpcChannel channel, string key) => channel.Intercept(meta =>
    {
        meta.Add("authorization", "Bearer " + key);
        return meta;
    });

    /// <summary>Every item of a paged list, following next-page tokens from the first page.</summary>
    public static async Task<List<T>> AllPagesAsync<T>(Func<string, Task<(IEnumerable<T> Items, string NextPageToken)>> page)
    {
        var all = new List<T>();
        var token = "";
        do
        {
            var (items, next) = await page(token);
            all.AddRange(items);
            token = next;
        } while (token.Length > 0);
        return all;
    }

    /// <summary>
    /// A loopback port nobody listens on now, for servers, sinks and the PostgreSQL cluster: drawn below the ephemeral
    /// range (Linux's 32768–60999, macOS's and Windows' 49152 and up). A port the OS picks for a listener on port 0 comes
    /// from that range, which it also hands to outgoing connections: one of the suite's own clients could take it between
    /// this check and the server's bind (seen as "address already in use" in CI runs).
    /// </summary>
    public static int FreePort()
    {
        for (var attempt = 0; attempt < 500; attempt++)
        {
            var port = Random.Shared.Next(20000, 32768);
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // Taken: draw again.
            }
        }
        throw new InvalidOperationException("no free loopback port between 20000 and 32767");
    }
}
