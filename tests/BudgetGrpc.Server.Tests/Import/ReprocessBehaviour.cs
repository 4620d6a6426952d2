using BudgetGrpc.Data.Tests.Infrastructure;
using BudgetGrpc.Engine;
using BudgetGrpc.Engine.Validation;
using BudgetGrpc.Server.Import;
using Microsoft.EntityFrameworkCore;

namespace BudgetGrpc.Server.Tests.Import;

/// <summary><see cref="ReprocessService"/> over a real database: the kept bytes read again, a new revision only where the reading changed.</summary>
public abstract class ReprocessBehaviour(Func<Task<TestDatabase>> createDatabase) : IAsyncLifetime
{
    private const string Seed = "000_c21431a6439d21ac.txt";

    protected TestDatabase Database { get; private set; } = null!;

    public async Task InitializeAsync() => Database = await createDatabase();

    public async Task DisposeAsync() => await Database.DisposeAsync();

    private async Task<ImportResult.Stored> ImportSeedAsync()
    {
        await using var db = Database.CreateContext();
        var result = await TestDatabase.Importer(db).ImportAsync(new ImportCommand(Seed, await File.ReadAllBytesAsync(Samples.Path(Seed))), null, CancellationToken.None);
        return Assert.IsType<ImportResult.Stored>(result);
    }

    private async Task<ReprocessResult> ReprocessAsync(ReprocessScope scope, DisclosureEngine? engine = null)
    {
        await using var db = Database.CreateContext();
        return await TestDatabase.Reprocessor(db, engine).ReprocessAsync(scope, CancellationToken.None);
    }

    [Fact]
    public async Task Reprocess_with_the_same_engine_changes_nothing()
    {
        var first = await ImportSeedAsync();

        var result = await ReprocessAsync(new ReprocessScope(All: true));

        Assert.Equal((1, 0, 1, 0), (result.Examined, result.NewRevisions, result.Unchanged, result.Failed));
        await using var db = Database.CreateContext();
        Assert.Equal(1, (await db.Disclosures.SingleAsync(d => d.Id == first.Disclosure.Id)).LatestRevision);
    }

    [Fact]
    public async Task Reprocess_under_a_changed_rule_catalog_stores_a_new_revision_from_the_kept_bytes()
    {
        var first = await ImportSeedAsync();
        Assert.NotEmpty(first.Findings);
        // Turning every rule off reads the same bytes into a disclosure without findings: a different result.
        var options = new ValidationOptions();
        foreach (var id in new Validator().EnabledRuleIds) options.Rules[id] = new RuleOptions { Enabled = false };
        var quieter = new DisclosureEngine(validator: new Validator(options));

        var result = await ReprocessAsync(new ReprocessScope(DisclosureId: first.Disclosure.Id), quieter);

        Assert.Equal((1, 1, 0, 0), (result.Examined, result.NewRevisions, result.Unchanged, result.Failed));
        var created = Assert.Single(result.Created);
        Assert.Equal(2, created.Number);
        Assert.Equal(first.Revision.Sha256, created.Sha256);
        Assert.Equal(0, created.ErrorCount + created.WarningCount + created.InfoCount);
        await using var db = Database.CreateContext();
        Assert.Equal(Data.Entities.RevisionOrigin.Reprocess, (await db.Revisions.SingleAsync(r => r.Number == 2)).Origin);
        Assert.Equal(0, await db.Indicators.CountAsync(i => i.IsLatest && i.RevisionId == first.Revision.Id));

        var again = await ReprocessAsync(new ReprocessScope(Department: first.Disclosure.Department), quieter);
        Assert.Equal((1, 0, 1), (again.Examined, again.NewRevisions, again.Unchanged));
    }

    [Fact]
    public async Task Reprocess_counts_a_file_the_current_engine_cannot_read_as_failed()
    {
        await ImportSeedAsync();
        var tiny = new DisclosureEngine(new EngineLimits { MaxFileBytes = 10 });

        var result = await ReprocessAsync(new ReprocessScope(FiscalYear: 2024), tiny);

        Assert.Equal((1, 0, 0, 1), (result.Examined, result.NewRevisions, result.Unchanged, result.Failed));
        Assert.Equal("FILE_TOO_LARGE", Assert.Single(result.Failures).Reason);
        await Assert.ThrowsAsync<ArgumentException>(() => ReprocessAsync(new ReprocessScope()));
    }
}

public sealed class SqliteReprocessTests() : ReprocessBehaviour(TestDatabase.CreateSqliteAsync);

[Collection(PostgresCollection.Name)]
public sealed class PostgreSqlReprocessTests(PostgresCluster cluster) : ReprocessBehaviour(() => TestDatabase.CreatePostgreSqlAsync(cluster));
