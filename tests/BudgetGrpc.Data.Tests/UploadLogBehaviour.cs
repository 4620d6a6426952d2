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

    [Fact]
    public async Task A_refused_file_as_large_as_the_quota_is_kept_and_a_larger_one_is_not()
    {
        var size = TestDisclosures.Bytes("a").Length;
        await RecordAsync(TestDisclosures.Upload("a"), UploadOutcome.Rejected, Unreadable, quota: size);
        await RecordAsync(TestDisclosures.Upload("b"), UploadOutcome.Rejected, Unreadable, quota: size - 1);

        await using var db = Database.CreateContext();
        var rows = await db.Uploads.OrderBy(u => u.Id).ToListAsync();
        Assert.Equal(TestDisclosures.Bytes("a"), rows[0].Content);
        Assert.Null(rows[0].ContentDroppedAt);
        Assert.Null(rows[1].Content);
        Assert.Equal(rows[1].ReceivedAt, rows[1].ContentDroppedAt);
        Assert.Equal((long)size, rows[1].SizeBytes);
    }

    [Fact]
    public async Task The_default_quota_keeps_a_refused_file_of_a_megabyte()
    {
        var content = new byte[1024 * 1024];
        var upload = TestDisclosures.Upload("a") with { Content = content, Sha256 = TestDisclosures.Sha256(content) };
        await RecordAsync(upload, UploadOutcome.Rejected, Unreadable);

        await using var db = Database.CreateContext();
        Assert.Equal(content.Length, (await db.Uploads.SingleAsync()).Content?.Length);
    }

    [Fact]
    public async Task An_upload_without_a_file_name_is_recorded_as_unnamed_and_a_named_one_by_its_name()
    {
        await RecordAsync(TestDisclosures.Upload("a") with { FileName = " " }, UploadOutcome.ValidatedOnly);
        await RecordAsync(TestDisclosures.Upload("b") with { FileName = "预算.xlsx" }, UploadOutcome.ValidatedOnly);

        await using var db = Database.CreateContext();
        Assert.Equal(["(unnamed)", "预算.xlsx"], await db.Uploads.OrderBy(u => u.Id).Select(u => u.FileName).ToListAsync());
    }

    [Fact]
    public async Task Uploads_with_an_empty_request_id_have_none_and_do_not_collide()
    {
        var first = await RecordAsync(TestDisclosures.Upload("a", "", "k1") with { Findings = TestDisclosures.Make().Findings }, UploadOutcome.ValidatedOnly);
        var second = await RecordAsync(TestDisclosures.Upload("b", "", "k1"), UploadOutcome.ValidatedOnly);

        Assert.NotNull(first);
        Assert.NotNull(second);
        await using var db = Database.CreateContext();
        Assert.All(await db.Uploads.ToListAsync(), u => Assert.Equal((null, null), (u.RequestId, u.FindingsJson)));
    }

    [Fact]
    public async Task A_failure_that_is_not_a_lost_race_is_thrown_even_under_a_request_id()
    {
        await using var db = Database.CreateContext(new FailingCommandInterceptor("INSERT INTO \"Uploads\""));
        await Assert.ThrowsAsync<DbUpdateException>(() =>
            TestDatabase.Uploads(db).RecordAsync(TestDisclosures.Upload("a", "req-1", "k1"), UploadOutcome.ValidatedOnly, null, CancellationToken.None));
    }

    [Fact]
    public async Task After_losing_a_request_id_race_the_same_context_records_the_next_upload()
    {
        await RecordAsync(TestDisclosures.Upload("a", "req-1", "k1"), UploadOutcome.ValidatedOnly);

        await using var db = Database.CreateContext();
        var log = TestDatabase.Uploads(db);
        Assert.Null(await log.RecordAsync(TestDisclosures.Upload("a", "req-1", "k1"), UploadOutcome.ValidatedOnly, null, CancellationToken.None));
        Assert.NotNull(await log.RecordAsync(TestDisclosures.Upload("b", "req-2", "k1"), UploadOutcome.ValidatedOnly, null, CancellationToken.None));
    }

    [Fact]
    public async Task A_stored_upload_is_found_again_with_its_revision_and_disclosure()
    {
        // Another revision first, so that the one looked for is not the only one.
        await using (var db = Database.CreateContext())
            await TestDatabase.Writer(db).WriteAsync(TestDisclosures.Rows(TestDisclosures.Make(), TestDisclosures.Bytes("x")), null, CancellationToken.None);
        RevisionWrite written;
        await using (var db = Database.CreateContext())
            written = await TestDatabase.Writer(db).WriteAsync(TestDisclosures.Rows(TestDisclosures.Make(department: "门源县农牧局"), TestDisclosures.Bytes("a"), requestId: "req-1"),
                TestDisclosures.Upload("a", "req-1", "k1"), CancellationToken.None);

        var first = await FindAsync("k1", "req-1");

        Assert.Equal((UploadOutcome.Created, written.Revision!.Id, "门源县农牧局"), (first!.Outcome, first.Revision!.Id, first.Revision.Disclosure!.Department));
    }
}

public sealed class SqliteUploadLogTests() : UploadLogBehaviour(TestDatabase.CreateSqliteAsync);

[Collection(PostgresCollection.Name)]
public sealed class PostgreSqlUploadLogTests(PostgresCluster cluster) : UploadLogBehaviour(() => TestDatabase.CreatePostgreSqlAsync(cluster));
