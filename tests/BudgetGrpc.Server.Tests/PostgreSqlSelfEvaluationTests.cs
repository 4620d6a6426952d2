using BudgetGrpc.Contracts.V1;
using BudgetGrpc.Data.Tests.Infrastructure;
using BudgetGrpc.Server.Tests.Infrastructure;

namespace BudgetGrpc.Server.Tests;

/// <summary>The comparison and the self-evaluation search filters on PostgreSQL (decimal comparison, rule-id lists).</summary>
public sealed class PostgreSqlSelfEvaluationTests : IClassFixture<PostgresCluster>, IAsyncLifetime
{
    private readonly PostgresCluster _cluster;
    private BudgetServerHost _host = null!;

    public PostgreSqlSelfEvaluationTests(PostgresCluster cluster) => _cluster = cluster;

    public async Task InitializeAsync() => _host = await BudgetServerHost.StartAsync(kestrel: true, extra:
    [
        new("Database:Provider", "PostgreSql"),
        new("Database:ConnectionString", _cluster.ConnectionString("budget_server_selfeval")),
    ]);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_seeded_self_evaluation_is_compared_and_filtered_on_PostgreSQL()
    {
        var reader = _host.Client(TestKeys.Reader);
        var c = await reader.CompareSelfEvaluationAsync(new CompareSelfEvaluationRequest { Department = TestKeys.AgriDepartment, FiscalYear = 2025 });
        Assert.Equal(new GapCounts { Met = 19, Missed = 5 }, c.Counts);
        Assert.All(c.Indicators, g => Assert.True(g.Approved is not null && g.Evaluated is not null, g.Name));

        var missed = await reader.SearchIndicatorsAsync(new SearchIndicatorsRequest { Department = TestKeys.AgriDepartment, MissedTargets = true });
        Assert.Equal(5, missed.Hits.Count);
        var differs = await reader.SearchIndicatorsAsync(new SearchIndicatorsRequest { Department = TestKeys.AgriDepartment, ScoreDiffers = true });
        Assert.Equal(["新建高标准农田面积", "群众满意度"], differs.Hits.Select(h => h.Indicator.Name).Order());
    }
}
