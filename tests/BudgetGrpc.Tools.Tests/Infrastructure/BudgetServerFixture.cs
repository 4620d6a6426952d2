using System.Security.Cryptography;
using System.Text;
using BudgetGrpc.Server;
using BudgetGrpc.Server.Extensions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace BudgetGrpc.Tools.Tests.Infrastructure;

/// <summary>
/// The real server (BudgetServer.Build, as Program.cs runs it) on Kestrel at 127.0.0.1 on a free port, over its own
/// SQLite file, with one key per role. The CLI talks to it over plain HTTP/2 like it talks to a deployed server.
/// </summary>
public class BudgetServerFixture : IAsyncLifetime
{
    public const string ReaderKey = "tools-tests-reader-key";
    public const string ImporterKey = "tools-tests-importer-key";
    public const string OperatorKey = "tools-tests-operator-key";
    /// <summary>The only department <see cref="ImporterKey"/> may import for.</summary>
    public const string ImporterDepartment = "样例县农业农村局";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "budget-tools-tests", Guid.NewGuid().ToString("N"));
    private WebApplication? _app;

    public string Address { get; private set; } = "";

    /// <summary>A folder the server imports at start, or null for an empty server.</summary>
    protected virtual string? SeedFolder => null;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var settings = new Dictionary<string, string?>
        {
            ["Server:GrpcUrl"] = "http://127.0.0.1:0",
            ["Server:HttpUrl"] = "",
            ["Database:Provider"] = "Sqlite",
            ["Database:ConnectionString"] = $"Data Source={Path.Combine(_folder, "budget.db")}",
            ["Seed:SamplesFolder"] = SeedFolder ?? "",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        AddKey(settings, 0, "tools-tests-reader", ReaderKey, "reader");
        AddKey(settings, 1, "tools-tests-importer", ImporterKey, "importer", ImporterDepartment);
        AddKey(settings, 2, "tools-tests-operator", OperatorKey, "operator");

        _app = BudgetServer.Build(["--environment", "Testing"], builder => builder.Configuration.AddInMemoryCollection(settings));
        await _app.InitializeBudgetAsync();
        await _app.StartAsync();
        // Port 0 lets Kestrel pick a free port; the addresses feature tells which.
        var addresses = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        Address = addresses.Single();
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open only leaves a temporary folder behind.
        }
    }

    /// <summary>Runs `budget ARGS… --server ADDRESS --api-key KEY` in-process.</summary>
    public Task<CliRun> RunAsync(string apiKey, params string[] args) =>
        Cli.RunAsync([.. args, "--server", Address, "--api-key", apiKey]);

    private static void AddKey(Dictionary<string, string?> settings, int index, string name, string key, string role, string? department = null)
    {
        var at = $"Auth:Keys:{index}";
        settings[$"{at}:Name"] = name;
        settings[$"{at}:KeyHash"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        settings[$"{at}:Roles:0"] = role;
        if (department is not null) settings[$"{at}:Departments:0"] = department;
    }
}

/// <summary>A server that imported tests/samples at start, through its own seeding.</summary>
public sealed class SeededServerFixture : BudgetServerFixture
{
    protected override string? SeedFolder => Cli.SamplesFolder;
}
