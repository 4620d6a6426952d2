using System.Text;
using BenchmarkDotNet.Attributes;
using BudgetGrpc.Data;
using BudgetGrpc.Engine;
using BudgetGrpc.Server.Extensions;
using BudgetGrpc.Server.Import;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BudgetGrpc.Benchmarks;

/// <summary>
/// Seed files stored per second through <see cref="ImportService"/> (the server's import path) into a SQLite file, one caller, no gRPC, beside
/// parsing the same files alone: the ratio is what storage adds to a parse. Every call imports a copy of the seed under
/// a department name of its own, so each is a new disclosure and the database grows through the run as in a nightly
/// import. The host runs, so the WAL is checkpointed in the background as on the server.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 15)]
public class ImportBenchmarks
{
    private const string SeedName = "000_c21431a6439d21ac.txt";
    private const string SeedDepartment = "门源县工业商务和信息化局";
    private readonly DisclosureEngine _engine = new();
    private string _folder = "";
    private IHost _host = null!;
    private string _seed = "";
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _seed = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", SeedName));
        _folder = Directory.CreateTempSubdirectory("budget-import-bench-").FullName;
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:ConnectionString"] = $"Data Source={Path.Combine(_folder, "budget.db")}",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.AddBudgetData();
        builder.AddBudgetImport();
        _host = builder.Build();
        _host.Services.MigrateBudgetDatabaseAsync().GetAwaiter().GetResult();
        _host.StartAsync().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _host.StopAsync().GetAwaiter().GetResult();
        _host.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(Baseline = true)]
    public int ParseOnly() => _engine.Parse(NextCopy(), SeedName).Disclosure!.IndicatorCount;

    [Benchmark]
    public async Task<long> ParseAndStore()
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var imports = scope.ServiceProvider.GetRequiredService<ImportService>();
        var result = await imports.ImportAsync(new ImportCommand(SeedName, NextCopy()), null, CancellationToken.None);
        return result is ImportResult.Stored { Created: true } stored ? stored.Revision.Id : throw new InvalidOperationException($"{result.Outcome}: {result}");
    }

    /// <summary>The seed under a new department name; Chinese numerals, as digits would run into the title's year.</summary>
    private byte[] NextCopy()
    {
        var n = Interlocked.Increment(ref _next);
        var department = $"基准{string.Concat(n.ToString("D7").Select(c => "〇一二三四五六七八九"[c - '0']))}县测试局";
        return Encoding.UTF8.GetBytes(_seed.Replace(SeedDepartment, department, StringComparison.Ordinal));
    }
}
