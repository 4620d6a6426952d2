using System.Diagnostics;
using Npgsql;

namespace BudgetGrpc.Worker.Tests.Infrastructure;

/// <summary>
/// A private PostgreSQL 15 cluster for the clustered-worker test (the data tests' approach): initdb into a temp
/// folder, pg_ctl on a free loopback port, removed afterwards. As root it runs as the postgres user.
/// </summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "budget-worker-pg-" + Guid.NewGuid().ToString("N")[..12]);
    private string DataDir => Path.Combine(root, "data");
    private bool started;

    public int Port { get; private set; }
    public static string BinDirectory => Environment.GetEnvironmentVariable("PG_BIN") is { Length: > 0 } bin ? bin : "/usr/lib/postgresql/15/bin";
    private static bool IsRoot => Environment.UserName == "root";

    public static async Task<PostgresCluster> StartAsync()
    {
        var cluster = new PostgresCluster();
        await cluster.InitAsync();
        return cluster;
    }

    private async Task InitAsync()
    {
        if (!File.Exists(Path.Combine(BinDirectory, "initdb")))
            throw new InvalidOperationException($"PostgreSQL binaries not found in {BinDirectory}; install postgresql-15 or set PG_BIN");
        var sockets = Path.Combine(root, "sock");
        Directory.CreateDirectory(sockets);
        if (IsRoot) await RunAsync("chown", ["-R", "postgres:postgres", root]);
        await RunPgAsync("initdb", ["-D", DataDir, "-U", "budget", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]);
        Port = LoopbackServer.FreePort();
        var serverOptions = $"-p {Port} -k {sockets} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off";
        await RunPgAsync("pg_ctl", ["-D", DataDir, "-o", serverOptions, "-l", Path.Combine(root, "server.log"), "-w", "-t", "60", "start"]);
        started = true;
    }

    public async Task<string> CreateDatabaseAsync(string name)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = "budget",
        Database = database,
    }.ConnectionString;

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (started)
        {
            try { await RunPgAsync("pg_ctl", ["-D", DataDir, "-m", "immediate", "-w", "stop"]); }
            catch (InvalidOperationException) { }
        }
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
    }

    private static Task RunPgAsync(string tool, IReadOnlyList<string> args)
    {
        var path = Path.Combine(BinDirectory, tool);
        return IsRoot ? RunAsync("runuser", ["-u", "postgres", "--", path, .. args]) : RunAsync(path, args);
    }

    private static async Task RunAsync(string fileName, IReadOnlyList<string> args)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {fileName}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{fileName} {string.Join(' ', args)} exited {process.ExitCode}: {await stdout} {await stderr}");
    }
}
