using System.Diagnostics;
using BudgetGrpc.Data;
using BudgetGrpc.Worker.Tests.Infrastructure;
using Npgsql;

namespace BudgetGrpc.Data.Tests.Infrastructure;

/// <summary>
/// A private PostgreSQL cluster for the test run: initdb into a temp folder, pg_ctl start on a free loopback port,
/// stopped and deleted at the end. No system service is involved. As root the server runs as the postgres user,
/// because PostgreSQL refuses to run as root. A test class takes it as a class fixture, or joins the collection
/// named <see cref="Collection"/>, which each test project declares itself (xunit looks for collection definitions
/// only in the test assembly).
/// </summary>
public sealed class PostgresCluster : IAsyncLifetime
{
    /// <summary>The name of the collection that shares one cluster among the test classes of a project.</summary>
    public const string Collection = "postgres";

    private const string TemplateDatabase = "budget_template";
    private readonly SemaphoreSlim _templateLock = new(1, 1);
    private bool _templateReady;
    private string _root = "";
    private string _dataDir = "";
    private bool _started;

    public int Port { get; private set; }
    /// <summary>Where initdb and pg_ctl are, whatever version is installed (see <see cref="FindBinDirectory"/>).</summary>
    public static string BinDirectory { get; } = FindBinDirectory();

    /// <summary>
    /// PG_BIN when set; else the newest /usr/lib/postgresql/N/bin (Debian's layout, any N); else pg_config --bindir;
    /// else the folder of an initdb on PATH (its link resolved, so that pg_ctl beside it is found too).
    /// </summary>
    private static string FindBinDirectory()
    {
        if (Environment.GetEnvironmentVariable("PG_BIN") is { Length: > 0 } bin) return bin;
        const string debian = "/usr/lib/postgresql";
        if (Directory.Exists(debian))
        {
            var newest = Directory.GetDirectories(debian)
                .Select(d => (Dir: Path.Combine(d, "bin"), Version: decimal.TryParse(Path.GetFileName(d),
                    System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : -1))
                .Where(x => File.Exists(Path.Combine(x.Dir, "initdb")))
                .OrderByDescending(x => x.Version)
                .Select(x => x.Dir)
                .FirstOrDefault();
            if (newest is not null) return newest;
        }
        if (PgConfigBinDirectory() is { } fromPgConfig && File.Exists(Path.Combine(fromPgConfig, "initdb"))) return fromPgConfig;
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var initdb = new FileInfo(Path.Combine(dir, "initdb"));
            if (!initdb.Exists) continue;
            var target = initdb.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? initdb.FullName;
            return Path.GetDirectoryName(target)!;
        }
        return debian + "/<version>/bin";
    }

    private static string? PgConfigBinDirectory()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pg_config", "--bindir") { RedirectStandardOutput = true, RedirectStandardError = true });
            if (process is null) return null;
            var output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return process.ExitCode == 0 && output.Length > 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // no pg_config on PATH
        }
    }

    private static bool IsRoot => Environment.UserName == "root";

    public async Task InitializeAsync()
    {
        if (!File.Exists(Path.Combine(BinDirectory, "initdb")))
            throw new InvalidOperationException($"PostgreSQL binaries not found in {BinDirectory}; install PostgreSQL (any version) or set PG_BIN");

        _root = Path.Combine(Path.GetTempPath(), "budget-pg-" + Guid.NewGuid().ToString("N")[..12]);
        _dataDir = Path.Combine(_root, "data");
        var socketDir = Path.Combine(_root, "sock");
        Directory.CreateDirectory(socketDir);
        if (IsRoot) await RunAsync("chown", ["-R", "postgres:postgres", _root]);

        await RunPgAsync("initdb", ["-D", _dataDir, "-U", "budget", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]);
        Port = LoopbackHost.FreePort();
        // fsync off: the cluster is thrown away after the run, and the tests measure behaviour, not durability.
        var serverOptions = $"-p {Port} -k {socketDir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        await RunPgAsync("pg_ctl", ["-D", _dataDir, "-o", serverOptions, "-l", Path.Combine(_root, "server.log"), "-w", "-t", "60", "start"]);
        _started = true;
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_started)
        {
            try { await RunPgAsync("pg_ctl", ["-D", _dataDir, "-m", "immediate", "-w", "stop"]); }
            catch (InvalidOperationException) { /* already gone; the folder is removed below either way */ }
        }
        if (_root.Length > 0 && Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Username = "budget",
            Database = database,
            Pooling = true,
            IncludeErrorDetail = true,
        }.ConnectionString;

    /// <summary>A fresh, migrated database, cloned from a template that is migrated once per run.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        await EnsureTemplateAsync();
        var name = "t_" + Guid.NewGuid().ToString("N")[..16];
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE \"{TemplateDatabase}\"", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    private async Task EnsureTemplateAsync()
    {
        await _templateLock.WaitAsync();
        try
        {
            if (_templateReady) return;
            var options = new DatabaseOptions { Provider = DatabaseProvider.PostgreSql, ConnectionString = ConnectionString(TemplateDatabase) };
            await using (var db = TestDatabase.CreateContext(options))
            {
                // Migrate creates the database: this is the first-start path of a real server too.
                await BudgetDataExtensions.MigrateAsync(db);
            }
            // A template cannot be cloned while anyone is connected to it.
            NpgsqlConnection.ClearAllPools();
            _templateReady = true;
        }
        finally
        {
            _templateLock.Release();
        }
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
