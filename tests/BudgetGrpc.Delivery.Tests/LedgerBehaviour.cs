using BudgetGrpc.Data;
using BudgetGrpc.Data.Deliveries;
using BudgetGrpc.Data.Tests.Infrastructure;
using BudgetGrpc.Delivery.Tests.Infrastructure;
using BudgetGrpc.Server.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BudgetGrpc.Delivery.Tests;

/// <summary>The ledger against a real database; run on SQLite and on the private PostgreSQL cluster.</summary>
public abstract class LedgerBehaviour : IAsyncLifetime
{
    private TestDatabase database = null!;
    protected readonly ManualClock Clock = new();

    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    public async Task InitializeAsync() => database = await CreateDatabaseAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    private static DeliveryLedgerOptions Options() => new()
    {
        Targets = [new DeliveryTargetDefinition { Name = "portal" }, new DeliveryTargetDefinition { Name = "archive", Format = DeliveryFormat.Csv }],
        MaxAttempts = 3,
        BaseBackoff = TimeSpan.FromSeconds(10),
        MaxBackoff = TimeSpan.FromMinutes(10),
    };

    protected DeliveryLedger Ledger(BudgetDbContext db, DeliveryLedgerOptions? options = null) =>
        new(db, Microsoft.Extensions.Options.Options.Create(options ?? Options()), Clock, NullLogger<DeliveryLedger>.Instance);

    private async Task<ImportResult.Stored> ImportAsync(string name, byte[] content)
    {
        await using var db = database.CreateContext();
        var result = await TestDatabase.Importer(db, time: Clock).ImportAsync(new ImportCommand(name, content), null, default);
        Assert.True(result is ImportResult.Stored, $"{name}: {result}");
        return (ImportResult.Stored)result;
    }

    private async Task<List<DeliveryEntity>> AllAsync()
    {
        await using var db = database.CreateContext();
        return await db.Deliveries.AsNoTracking().OrderBy(d => d.Id).ToListAsync();
    }

    [Fact]
    public async Task One_delivery_per_publishable_latest_revision_and_target_and_none_for_blocked_ones()
    {
        await ImportAsync("a.csv", Tables.Publishable(1));
        await ImportAsync("b.csv", Tables.Publishable(2));
        await ImportAsync("bad.csv", Tables.Blocked(3));

        await using (var db = database.CreateContext())
        {
            Assert.Equal(4, await Ledger(db).EnqueueDueAsync(default));
            // Idempotent: a second pass finds nothing missing.
            Assert.Equal(0, await Ledger(db).EnqueueDueAsync(default));
        }
        var all = await AllAsync();
        Assert.Equal(4, all.Count);
        Assert.DoesNotContain(all, d => d.DisclosureId == all[0].DisclosureId && d.RevisionNumber != 1);
        Assert.Equal(2, all.Select(d => d.DisclosureId).Distinct().Count());
        Assert.All(all, d => Assert.Equal(DeliveryLedger.IdempotencyKeyFor(d.DisclosureId, d.RevisionNumber, d.Target), d.IdempotencyKey));
        Assert.Equal(DeliveryFormat.Csv, all.Single(d => d.Target == "archive" && d.DisclosureId == all[0].DisclosureId).Format);
    }

    [Fact]
    public async Task A_newer_revision_supersedes_a_pending_older_one_but_not_a_delivered_one_and_a_blocked_one_supersedes_nothing()
    {
        await ImportAsync("v1.csv", Tables.Publishable(1, edit: 1));
        await using (var db = database.CreateContext()) await Ledger(db).EnqueueDueAsync(default);
        // The archive copy of revision 1 goes out before revision 2 arrives; the portal copy is still waiting.
        await using (var db = database.CreateContext())
        {
            var ledger = Ledger(db);
            var lease = Assert.Single(await ledger.ClaimAsync("w", 10, TimeSpan.FromMinutes(1), ["archive"], default));
            await ledger.CompleteAsync(lease.Id, lease.LeaseToken!, new DeliveryReport(DeliveryOutcome.Delivered, "w"), default);
        }

        await ImportAsync("v2.csv", Tables.Publishable(1, edit: 2));
        await using (var db = database.CreateContext()) Assert.Equal(2, await Ledger(db).EnqueueDueAsync(default));
        var all = await AllAsync();
        var portal1 = all.Single(d => d.Target == "portal" && d.RevisionNumber == 1);
        var portal2 = all.Single(d => d.Target == "portal" && d.RevisionNumber == 2);
        Assert.Equal(DeliveryState.Superseded, portal1.State);
        Assert.Equal(portal2.Id, portal1.SupersededById);
        Assert.Equal(DeliveryState.Delivered, all.Single(d => d.Target == "archive" && d.RevisionNumber == 1).State);
        Assert.Equal(DeliveryState.Pending, portal2.State);

        // Revision 3 has an error finding: it is not delivered and revision 2 stays due.
        await ImportAsync("v3.csv", Tables.Blocked(1, edit: 3));
        await using (var db = database.CreateContext()) Assert.Equal(0, await Ledger(db).EnqueueDueAsync(default));
        Assert.Equal(DeliveryState.Pending, (await AllAsync()).Single(d => d.Id == portal2.Id).State);
    }

    [Fact]
    public async Task Concurrent_claimers_never_get_the_same_delivery_and_together_get_all()
    {
        for (var i = 0; i < 20; i++) await ImportAsync($"t{i}.csv", Tables.Publishable(i));

        var claimed = new System.Collections.Concurrent.ConcurrentBag<long>();
        // Four workers race from the same start, each on its own connection, enqueueing and claiming in small batches.
        using var start = new ManualResetEventSlim();
        var workers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            start.Wait();
            await using var db = database.CreateContext();
            var ledger = Ledger(db);
            while (true)
            {
                var batch = await ledger.ClaimAsync($"w{w}", 3, TimeSpan.FromMinutes(5), null, default);
                if (batch.Count == 0) break;
                foreach (var d in batch) claimed.Add(d.Id);
            }
        })).ToList();
        start.Set();
        await Task.WhenAll(workers);

        var all = await AllAsync();
        Assert.Equal(40, all.Count);
        Assert.Equal(claimed.Count, claimed.Distinct().Count());
        Assert.Equal(all.Select(d => d.Id).Order(), claimed.Order());
        Assert.All(all, d => Assert.Equal(DeliveryState.InFlight, d.State));
    }

    [Fact]
    public async Task An_expired_lease_is_taken_over_and_the_old_holder_can_no_longer_report()
    {
        await ImportAsync("a.csv", Tables.Publishable(1));
        await using var db = database.CreateContext();
        var ledger = Ledger(db, new DeliveryLedgerOptions { Targets = [new DeliveryTargetDefinition { Name = "portal" }] });
        var first = Assert.Single(await ledger.ClaimAsync("old", 5, TimeSpan.FromMinutes(1), null, default));
        Assert.Empty(await ledger.ClaimAsync("new", 5, TimeSpan.FromMinutes(1), null, default));

        Clock.Advance(TimeSpan.FromMinutes(1));
        var second = Assert.Single(await ledger.ClaimAsync("new", 5, TimeSpan.FromMinutes(1), null, default));
        Assert.Equal(first.Id, second.Id);
        Assert.Equal(2, second.Attempts);
        Assert.Equal(first.IdempotencyKey, second.IdempotencyKey);

        await Assert.ThrowsAsync<DeliveryLeaseLostException>(() =>
            ledger.CompleteAsync(first.Id, first.LeaseToken!, new DeliveryReport(DeliveryOutcome.Delivered, "old"), default));
        var done = await ledger.CompleteAsync(second.Id, second.LeaseToken!, new DeliveryReport(DeliveryOutcome.Delivered, "new", 200), default);
        Assert.Equal(DeliveryState.Delivered, done.State);
    }

    [Fact]
    public async Task A_delivery_whose_every_lease_expires_unreported_is_parked_after_the_last_attempt()
    {
        await ImportAsync("a.csv", Tables.Publishable(1));
        await using var db = database.CreateContext();
        var ledger = Ledger(db, new DeliveryLedgerOptions { Targets = [new DeliveryTargetDefinition { Name = "portal" }], MaxAttempts = 2 });
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            Assert.Single(await ledger.ClaimAsync($"doomed-{attempt}", 1, TimeSpan.FromMinutes(1), null, default));
            Clock.Advance(TimeSpan.FromMinutes(2));
        }

        Assert.Empty(await ledger.ClaimAsync("next", 1, TimeSpan.FromMinutes(1), null, default));
        var parked = Assert.Single(await AllAsync());
        Assert.Equal(DeliveryState.Failed, parked.State);
        Assert.Null(parked.LeaseToken);
        Assert.Contains("lease expired", parked.LastError);
    }

    [Fact]
    public async Task Retryable_failures_back_off_honour_Retry_After_and_park_after_the_last_attempt()
    {
        await ImportAsync("a.csv", Tables.Publishable(1));
        await using var db = database.CreateContext();
        var ledger = Ledger(db, new DeliveryLedgerOptions
        {
            Targets = [new DeliveryTargetDefinition { Name = "portal" }], MaxAttempts = 3,
            BaseBackoff = TimeSpan.FromSeconds(10), MaxBackoff = TimeSpan.FromMinutes(10),
        });

        var lease = Assert.Single(await ledger.ClaimAsync("w", 1, TimeSpan.FromMinutes(1), null, default));
        var after1 = await ledger.CompleteAsync(lease.Id, lease.LeaseToken!, new DeliveryReport(DeliveryOutcome.FailedRetryable, "w", 503, "down"), default);
        Assert.Equal(DeliveryState.Pending, after1.State);
        var wait1 = after1.NextAttemptAt - Clock.GetUtcNow();
        Assert.InRange(wait1, TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(12));
        Assert.Empty(await ledger.ClaimAsync("w", 1, TimeSpan.FromMinutes(1), null, default));

        Clock.Advance(wait1);
        lease = Assert.Single(await ledger.ClaimAsync("w", 1, TimeSpan.FromMinutes(1), null, default));
        var after2 = await ledger.CompleteAsync(lease.Id, lease.LeaseToken!,
            new DeliveryReport(DeliveryOutcome.FailedRetryable, "w", 429, "slow down", RetryAfter: TimeSpan.FromMinutes(5)), default);
        Assert.True(after2.NextAttemptAt - Clock.GetUtcNow() >= TimeSpan.FromMinutes(5));

        Clock.Advance(TimeSpan.FromMinutes(5));
        lease = Assert.Single(await ledger.ClaimAsync("w", 1, TimeSpan.FromMinutes(1), null, default));
        var parked = await ledger.CompleteAsync(lease.Id, lease.LeaseToken!, new DeliveryReport(DeliveryOutcome.FailedRetryable, "w", 503, "still down"), default);
        Assert.Equal(DeliveryState.Failed, parked.State);
        Assert.Equal(3, parked.Attempts);

        var withLog = await ledger.GetAsync(parked.Id, withAttempts: true, default);
        Assert.Equal([503, 429, 503], withLog!.AttemptLog.Select(a => a.StatusCode ?? 0));

        Assert.Equal(1, await ledger.RetryAsync([parked.Id], null, default));
        Assert.Single(await ledger.ClaimAsync("w", 1, TimeSpan.FromMinutes(1), null, default));
    }

    [Fact]
    public async Task Listing_filters_by_state_and_target_and_pages()
    {
        for (var i = 0; i < 3; i++) await ImportAsync($"t{i}.csv", Tables.Publishable(i));
        await using var db = database.CreateContext();
        var ledger = Ledger(db);
        await ledger.EnqueueDueAsync(default);

        var first = await ledger.ListAsync(new DeliveryQuery(DeliveryState.Pending, "portal"), 2, null, default);
        Assert.Equal(2, first.Items.Count);
        Assert.NotEmpty(first.NextPageToken);
        var second = await ledger.ListAsync(new DeliveryQuery(DeliveryState.Pending, "portal"), 2, first.NextPageToken, default);
        Assert.Single(second.Items);
        Assert.Empty(second.NextPageToken);
        Assert.All(first.Items.Concat(second.Items), d => Assert.Equal("portal", d.Target));
        Assert.Empty((await ledger.ListAsync(new DeliveryQuery(DeliveryState.Delivered), 10, null, default)).Items);
    }
}

public sealed class SqliteLedgerBehaviour : LedgerBehaviour
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.CreateSqliteAsync();
}

[Collection(PostgresCollection.Name)]
public sealed class PostgreSqlLedgerBehaviour(PostgresCluster cluster) : LedgerBehaviour
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.CreatePostgreSqlAsync(cluster);
}
