using BudgetGrpc.Contracts.V1;
using BudgetGrpc.Data.Tests.Infrastructure;
using BudgetGrpc.Server.Tests.Infrastructure;
using Grpc.Core;

namespace BudgetGrpc.Server.Tests;

/// <summary>The same server on Kestrel, storing in a real PostgreSQL that the data tests' fixture starts privately.</summary>
public sealed class PostgreSqlEndToEndTests : IClassFixture<PostgresCluster>, IAsyncLifetime
{
    private readonly PostgresCluster _cluster;
    private BudgetServerHost _host = null!;

    public PostgreSqlEndToEndTests(PostgresCluster cluster) => _cluster = cluster;

    public async Task InitializeAsync() => _host = await BudgetServerHost.StartAsync(kestrel: true, extra:
    [
        new("Database:Provider", "PostgreSql"),
        // A database name nobody created: the server's first start creates and migrates it.
        new("Database:ConnectionString", _cluster.ConnectionString("budget_server_e2e")),
    ]);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Seeded_samples_are_read_searched_and_refused_uploads_recorded_on_PostgreSQL()
    {
        var reader = _host.Client(TestKeys.Reader);
        var disclosures = await reader.ListDisclosuresAsync(new ListDisclosuresRequest { PageSize = 10 });
        Assert.Equal(5, disclosures.Disclosures.Count);

        var seed = disclosures.Disclosures.Single(d => d.Department == TestKeys.MenyuanDepartment);
        var revision = await reader.GetRevisionAsync(new GetRevisionRequest { Name = seed.LatestRevisionName, View = RevisionView.Full });
        Assert.Equal(9, revision.Projects.Count);
        Assert.Equal("347.79", revision.DeclaredTotal);

        var hits = await reader.SearchIndicatorsAsync(new SearchIndicatorsRequest
        {
            Level1 = "满意度指标", FiscalYear = 2025, MaxValue = "95", MaxExclusive = true, PageSize = 100,
        });
        Assert.NotEmpty(hits.Hits);
        Assert.All(hits.Hits, h => Assert.True(decimal.Parse(h.Indicator.Value, System.Globalization.CultureInfo.InvariantCulture) < 95m));

        var ex = await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument, () => _host.Client(TestKeys.Operator).ImportDisclosureAsync(
            new ImportDisclosureRequest { FileName = "broken.xlsx", Content = Google.Protobuf.ByteString.CopyFrom([0x50, 0x4B, 0x03, 0x04, 9, 9, 9]) }).ResponseAsync);
        var rejected = await _host.Client(TestKeys.Operator).ListUploadsAsync(new ListUploadsRequest { Outcome = UploadOutcome.Rejected });
        Assert.Contains(rejected.Uploads, u => u.Name == RpcAssert.ErrorInfo(ex).Metadata["upload"]);
    }
}
