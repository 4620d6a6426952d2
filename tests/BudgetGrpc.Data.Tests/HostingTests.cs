using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace BudgetGrpc.Data.Tests;

public sealed class HostingTests
{
    [Fact]
    public async Task The_default_provider_creates_its_folder_and_database_on_first_start()
    {
        var folder = Path.Combine(Path.GetTempPath(), "budget-host-" + Guid.NewGuid().ToString("N")[..12]);
        var file = Path.Combine(folder, "data", "budget.db");
        try
        {
            var builder = Host.CreateApplicationBuilder();
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Database:ConnectionString"] = $"Data Source={file}" });
            builder.AddBudgetData();
            using var host = builder.Build();

            await host.Services.MigrateBudgetDatabaseAsync();

            Assert.True(File.Exists(file));
            await using var scope = host.Services.CreateAsyncScope();
            var store = scope.ServiceProvider.GetRequiredService<DisclosureStore>();
            Assert.IsType<SqliteBudgetDbContext>(store.Db);
            Assert.Empty((await store.ListDisclosuresAsync(new DisclosureQuery(), 10, null, CancellationToken.None)).Items);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void The_postgresql_provider_is_chosen_by_configuration()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "PostgreSql",
            ["Database:ConnectionString"] = "Host=127.0.0.1;Database=x;Username=y",
        });
        builder.AddBudgetData();
        using var host = builder.Build();
        using var scope = host.Services.CreateScope();
        Assert.IsType<PostgreSqlBudgetDbContext>(scope.ServiceProvider.GetRequiredService<BudgetDbContext>());
    }

    [Fact]
    public async Task An_empty_connection_string_stops_the_start()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Database:ConnectionString"] = "" });
        builder.AddBudgetData();
        using var host = builder.Build();
        await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
    }

    [Fact]
    public void Rule_severities_and_switches_come_from_the_Validation_section()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:ConnectionString"] = "Data Source=unused.db",
            ["Validation:Rules:BG302:Severity"] = "Error",
            ["Validation:Rules:BG303:Enabled"] = "false",
        });
        builder.AddBudgetData();
        using var host = builder.Build();
        var engine = host.Services.GetRequiredService<BudgetGrpc.Engine.DisclosureEngine>();
        var seed = File.ReadAllBytes(Infrastructure.Samples.Path("000_c21431a6439d21ac.txt"));
        var findings = engine.Parse(seed, "000_c21431a6439d21ac.txt").Disclosure!.Findings;
        // 猪肉储备金额90.79 without a unit is now an error that blocks publication; 定性 with a number is off.
        Assert.Contains(findings, f => f.RuleId == "BG302" && f.Severity == BudgetGrpc.Engine.Model.Severity.Error);
        Assert.DoesNotContain(findings, f => f.RuleId == "BG303");
    }

    [Fact]
    public async Task An_unknown_rule_id_in_the_Validation_section_stops_the_start()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:ConnectionString"] = "Data Source=unused.db",
            ["Validation:Rules:BG999:Enabled"] = "false",
        });
        builder.AddBudgetData();
        using var host = builder.Build();
        await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
    }
}
