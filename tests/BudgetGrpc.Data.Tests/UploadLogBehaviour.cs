using BudgetGrpc.Data.Entities;
using BudgetGrpc.Data.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace BudgetGrpc.Data.Tests;

/// <summary><see cref="UploadLog"/>: what an upload records, a request id's first use, the quota on refused bytes.</summary>
public abstract class UploadLogBehaviour(Func<Task<TestDatabase>> createDatabase) : StoreBehaviour(createDatabase)
{
    private static readonly UploadRefusal Unreadable = new("UNREADABLE_FILE", "content", "broken.xlsx: not a workbook");

    private async Task<long?> RecordAsync(UploadRecord upload, UploadOutcome outcome, UploadRefusal? refusal = null, long? quota = null)
    {
        await using var db = Database.CreateContext();
        return await TestDatabase.Uploads(db, quota).RecordAsync(upload, outcome, refusal, CancellationToken.None);
    }

    private async Task<FirstUse?> FindAsync(string keyScope, string requestId)
    {
        await using var db = Database.CreateContext();
        return await TestDatabase.Uploads(db).FindFirstUseAsync(keyScope, requestId, CancellationToken.None);
    }

    [Fact]
    public async Task A_refusal_is_found_again_as_the_first_use_of_its_request_id_with_what_it_said()
    {
        var upload = TestDisclosures.Upload("a", "req-1", "k1") with { Findings = TestDisclosures.Make().Findings };
        var id = await RecordAsync(upload, UploadOutcome.Rejected, Unreadable);

        var first = await FindAsync("k1", "req-1");

        Assert.NotNull(first);
        Assert.Equal((id!.Value, upload.Sha256, false, UploadOutcome.Rejected), (first!.UploadId, first.Sha256, first.ValidateOnly, first.Outcome));
        Assert.Equal((Unreadable.Reason, Unreadable.Field, Unreadable.Message), (first.Reason, first.Field, first.Message));
        Assert.Equal(upload.Findings, first.Findings);
        Assert.Null(first.Revision);
        Assert.Null(await FindAsync("k2", "req-1"));
        Assert.Null(await FindAsync("k1", "req-2"));
    }

    [Fact]
    public async Task Findings_are_kept_only_under_a_request_id()
    {
        await RecordAsync(TestDisclosures.Upload("a") with { Findings = TestDisclosures.Make().Findings }, UploadOutcome.ValidatedOnly);

        await using var db = Database.CreateContext();
        var row = await db.Uploads.SingleAsync();
        Assert.Null(row.FindingsJson);
        Assert.Null(row.Content);
    }

    [Fact]
    public async Task A_second_first_use_of_a_request_id_records_nothing_and_says_so()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 3).Select(i =>
            Task.Run(() => RecordAsync(TestDisclosures.Upload("v" + i, "req-1", "k1"), UploadOutcome.ValidatedOnly))));

        Assert.Single(results, r => r is not null);
        await using var db = Database.CreateContext();
        Assert.Equal(results.Single(r => r is not null), (await db.Uploads.SingleAsync()).Id);
    }

    [Fact]
    public async Task Refused_bytes_are_kept_within_the_quota_oldest_dropped_first()
    {
        var size = TestDisclosures.Bytes("a").Length;
        foreach (var variant in new[] { "a", "b", "c" })
            await RecordAsync(TestDisclosures.Upload(variant), UploadOutcome.Rejected, Unreadable, quota: 2 * size);

        await using var db = Database.CreateContext();
        var rows = await db.Uploads.OrderBy(u => u.Id).ToListAsync();
        Assert.Equal([false, true, true], rows.Select(u => u.Content is not null));
        Assert.NotNull(rows[0].ContentDroppedAt);
        Assert.All(rows, u => Assert.Equal((size, Unreadable.Reason), ((int)u.SizeBytes, u.ErrorReason)));
    }
}

public sealed class SqliteUploadLogTests() : UploadLogBehaviour(TestDatabase.CreateSqliteAsync);

[Collection(PostgresCollection.Name)]
public sealed class PostgreSqlUploadLogTests(PostgresCluster cluster) : UploadLogBehaviour(() => TestDatabase.CreatePostgreSqlAsync(cluster));
