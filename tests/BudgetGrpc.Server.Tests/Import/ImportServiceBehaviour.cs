using BudgetGrpc.Data;
using BudgetGrpc.Data.Entities;
using BudgetGrpc.Data.Tests.Infrastructure;
using BudgetGrpc.Engine;
using BudgetGrpc.Engine.Model;
using BudgetGrpc.Server.Import;
using Microsoft.EntityFrameworkCore;

namespace BudgetGrpc.Server.Tests.Import;

/// <summary>
/// The import path (<see cref="ImportService"/>) over a real database, without gRPC: replay check, identity,
/// authorisation, range checks, validate-only and refusals. The write itself is tested in Data.Tests
/// (RevisionWriterBehaviour). Runs on a SQLite file and on the PostgreSQL cluster.
/// </summary>
public abstract class ImportServiceBehaviour(Func<Task<TestDatabase>> createDatabase) : IAsyncLifetime
{
    protected TestDatabase Database { get; private set; } = null!;

    public async Task InitializeAsync() => Database = await createDatabase();

    public async Task DisposeAsync() => await Database.DisposeAsync();

    private async Task<ImportResult> ImportAsync(Disclosure disclosure, ImportCommand command, Func<string, bool>? mayImport = null)
    {
        await using var db = Database.CreateContext();
        return await TestDatabase.Importer(db).ImportAsync(command, () => ParseResult.Ok(disclosure), mayImport, CancellationToken.None);
    }

    private async Task<ImportResult> ImportAsync(ImportCommand command)
    {
        await using var db = Database.CreateContext();
        return await TestDatabase.Importer(db).ImportAsync(command, null, CancellationToken.None);
    }

    [Fact]
    public async Task A_first_import_is_stored_with_its_findings_and_upload()
    {
        var result = await ImportAsync(TestDisclosures.Make(), TestDisclosures.Command("a"));

        var stored = Assert.IsType<ImportResult.Stored>(result);
        Assert.True(stored.Created);
        Assert.False(stored.Replayed);
        Assert.Equal(1, stored.Revision.Number);
        Assert.Equal(new FindingCounts(1, 1, 0), stored.Counts);
        Assert.Equal((stored.Counts.Errors, stored.Counts.Warnings), (stored.Revision.ErrorCount, stored.Revision.WarningCount));
        await using var db = Database.CreateContext();
        var upload = await db.Uploads.SingleAsync();
        Assert.Equal((stored.UploadId, UploadOutcome.Created, (long?)stored.Revision.Id), (upload.Id, upload.Outcome, upload.RevisionId));
    }

    [Fact]
    public async Task The_same_bytes_again_are_unchanged_and_answer_with_the_stored_revision()
    {
        var first = Assert.IsType<ImportResult.Stored>(await ImportAsync(TestDisclosures.Make(), TestDisclosures.Command("a")));
        var again = Assert.IsType<ImportResult.Unchanged>(await ImportAsync(TestDisclosures.Make(), TestDisclosures.Command("a")));

        Assert.Equal(first.Revision.Id, again.Revision.Id);
        Assert.Equal(first.Disclosure.Id, again.Disclosure.Id);
        Assert.Equal(first.Counts, again.Counts);
        Assert.NotEqual(first.UploadId, again.UploadId);
        await using var db = Database.CreateContext();
        Assert.Equal(again.UploadId, (await db.Uploads.SingleAsync(u => u.Outcome == UploadOutcome.Unchanged)).Id);
    }

    [Fact]
    public async Task A_repeated_request_id_of_an_unchanged_import_replays_unchanged()
    {
        await ImportAsync(TestDisclosures.Make(), TestDisclosures.Command("a"));
        var first = Assert.IsType<ImportResult.Unchanged>(await ImportAsync(TestDisclosures.Make(), TestDisclosures.Command("a", requestId: "req-1")));
        var again = Assert.IsType<ImportResult.Unchanged>(await ImportAsync(TestDisclosures.Make(), TestDisclosures.Command("a", requestId: "req-1")));

        Assert.Equal((false, true, first.UploadId, first.Revision.Id), (first.Replayed, again.Replayed, again.UploadId, again.Revision.Id));
        Assert.Equal(first.Findings, again.Findings);
    }

    [Fact]
    public async Task A_replay_whose_stored_revision_is_gone_fails_loudly()
    {
        var first = Assert.IsType<ImportResult.Stored>(await ImportAsync(TestDisclosures.Make(), TestDisclosures.Command("a", requestId: "req-1")));
        await using (var db = Database.CreateContext())
            await db.Uploads.ExecuteUpdateAsync(u => u.SetProperty(x => x.RevisionId, -1L));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => ImportAsync(TestDisclosures.Make(), TestDisclosures.Command("a", requestId: "req-1")));
        Assert.Equal($"upload {first.UploadId} was stored but its revision is gone", error.Message);
    }

    [Fact]
    public async Task An_empty_request_id_is_none()
    {
        var first = Assert.IsType<ImportResult.Stored>(await ImportAsync(TestDisclosures.Make(), TestDisclosures.Command("a", requestId: "")));
        var second = Assert.IsType<ImportResult.Stored>(await ImportAsync(TestDisclosures.Make(satisfaction: 80m), TestDisclosures.Command("b", requestId: "")));

        Assert.Equal((1, 2, false), (first.Revision.Number, second.Revision.Number, second.Replayed));
        await using var db = Database.CreateContext();
        Assert.All(await db.Revisions.ToListAsync(), r => Assert.Null(r.RequestId));
    }

    [Fact]
    public async Task A_repeated_request_id_replays_the_first_outcome_without_storing_anything()
    {
        var first = Assert.IsType<ImportResult.Stored>(await ImportAsync(TestDisclosures.Make(), TestDisclosures.Command("a", requestId: "req-1")));
        var again = await ImportAsync(TestDisclosures.Make(), TestDisclosures.Command("a", requestId: "req-1"));

        var replayed = Assert.IsType<ImportResult.Stored>(again);
        Assert.True(replayed.Created);
        Assert.True(again.Replayed);
        Assert.Equal(first.Revision.Id, replayed.Revision.Id);
        Assert.Equal(first.UploadId, again.UploadId);
        Assert.Equal(first.Findings, again.Findings);
        Assert.Equal(first.Counts, again.Counts);
        await using var db = Database.CreateContext();
        Assert.Equal(1, await db.Revisions.CountAsync());
        Assert.Equal(1, await db.Uploads.CountAsync());
    }

    [Fact]
    public async Task A_request_id_is_bound_to_its_key_its_content_and_validate_only()
    {
        await ImportAsync(TestDisclosures.Make(), TestDisclosures.Command("a", requestId: "req-1") with { KeyScope = "k1" });

        // Other bytes, or the real import after a validate-only one, under the same id: refused, nothing recorded.
        var otherContent = await ImportAsync(TestDisclosures.Make(satisfaction: 80m), TestDisclosures.Command("b", requestId: "req-1") with { KeyScope = "k1" });
        var otherMode = await ImportAsync(TestDisclosures.Make(), TestDisclosures.Command("a", requestId: "req-1", validateOnly: true) with { KeyScope = "k1" });
        var refused = Assert.IsType<ImportResult.Refused>(otherContent);
        Assert.Equal(RefusalKind.RequestIdReused, refused.Kind);
        Assert.Equal(RefusalKind.RequestIdReused, Assert.IsType<ImportResult.Refused>(otherMode).Kind);
        Assert.Equal("REQUEST_ID_REUSED", refused.Reason);
        Assert.Equal("request_id", refused.Field);
        Assert.Equal("this request_id was used before by this key for other content; a new call needs a new request_id", refused.Message);
        Assert.Equal("this request_id was used before by this key for validate_only false; a new call needs a new request_id",
            Assert.IsType<ImportResult.Refused>(otherMode).Message);

        // Another key's id of the same name is another id: judged afresh.
        var otherKey = await ImportAsync(TestDisclosures.Make(satisfaction: 80m), TestDisclosures.Command("b", requestId: "req-1") with { KeyScope = "k2" });
        Assert.False(Assert.IsType<ImportResult.Stored>(otherKey).Created);
        Assert.False(otherKey.Replayed);
        await using var db = Database.CreateContext();
        Assert.Equal(2, await db.Uploads.CountAsync());
    }

    [Fact]
    public async Task A_replay_answers_a_key_that_may_not_see_the_department_as_forbidden()
    {
        await ImportAsync(TestDisclosures.Make(), TestDisclosures.Command("a", requestId: "req-1") with { KeyScope = "k1" });

        var replay = await ImportAsync(TestDisclosures.Make(), TestDisclosures.Command("a", requestId: "req-1") with { KeyScope = "k1" },
            mayImport: d => d == "别的部门");

        var refused = Assert.IsType<ImportResult.Refused>(replay);
        Assert.Equal((RefusalKind.Forbidden, "FORBIDDEN_DEPARTMENT", true), (refused.Kind, refused.Reason, refused.Replayed));
        Assert.Equal(("department_hint", $"this key may not import for the department {TestDisclosures.Department}"), (refused.Field, refused.Message));
    }

    [Fact]
    public async Task A_repeated_request_id_of_a_forbidden_import_replays_the_refusal_as_forbidden()
    {
        var command = TestDisclosures.Command("a", requestId: "req-1") with { KeyScope = "k1" };
        var first = Assert.IsType<ImportResult.Refused>(await ImportAsync(TestDisclosures.Make(), command, mayImport: d => d == "别的部门"));
        var again = Assert.IsType<ImportResult.Refused>(await ImportAsync(TestDisclosures.Make(), command, mayImport: d => d == "别的部门"));

        Assert.Equal((RefusalKind.Forbidden, false), (first.Kind, first.Replayed));
        Assert.Equal((RefusalKind.Forbidden, first.Reason, first.Field, first.Message, first.UploadId, true),
            (again.Kind, again.Reason, again.Field, again.Message, again.UploadId, again.Replayed));
    }

    [Fact]
    public async Task Of_two_first_uses_of_a_request_id_at_once_the_later_writer_answers_with_the_first_ones_answer()
    {
        var command = TestDisclosures.Command("a", requestId: "req-1") with { KeyScope = "k1" };
        ImportResult? winner = null;
        // The other call runs while this one parses: after this one's replay check, before its write.
        ParseResult ParseWhileAnotherCallImports()
        {
            winner = ImportAsync(TestDisclosures.Make(), command).GetAwaiter().GetResult();
            return ParseResult.Ok(TestDisclosures.Make());
        }

        ImportResult loser;
        await using (var db = Database.CreateContext())
            loser = await TestDatabase.Importer(db).ImportAsync(command, ParseWhileAnotherCallImports, null, CancellationToken.None);

        var first = Assert.IsType<ImportResult.Stored>(winner);
        var answer = Assert.IsType<ImportResult.Stored>(loser);
        Assert.Equal((true, first.Revision.Id, first.UploadId, true), (answer.Created, answer.Revision.Id, answer.UploadId, answer.Replayed));
        Assert.Equal(first.Findings, answer.Findings);
        await using var check = Database.CreateContext();
        Assert.Equal(1, await check.Uploads.CountAsync());
        Assert.Equal(1, await check.Revisions.CountAsync());
    }

    [Fact]
    public async Task Of_two_refused_first_uses_of_a_request_id_at_once_the_later_answers_with_the_first_ones_refusal()
    {
        var command = TestDisclosures.Command("a", requestId: "req-1") with { KeyScope = "k1" };
        ImportResult? winner = null;
        ParseResult ParseWhileAnotherCallImports()
        {
            winner = ImportAsync(TestDisclosures.Make(department: ""), command).GetAwaiter().GetResult();
            return ParseResult.Ok(TestDisclosures.Make(department: ""));
        }

        ImportResult loser;
        await using (var db = Database.CreateContext())
            loser = await TestDatabase.Importer(db).ImportAsync(command, ParseWhileAnotherCallImports, null, CancellationToken.None);

        var first = Assert.IsType<ImportResult.Refused>(winner);
        var answer = Assert.IsType<ImportResult.Refused>(loser);
        Assert.Equal((first.Reason, first.Field, first.Message, first.UploadId, true), (answer.Reason, answer.Field, answer.Message, answer.UploadId, answer.Replayed));
        await using var check = Database.CreateContext();
        Assert.Equal(1, await check.Uploads.CountAsync());
    }

    [Fact]
    public async Task The_department_hint_completes_an_identity_the_file_lacks()
    {
        var result = await ImportAsync(TestDisclosures.Make(department: ""), TestDisclosures.Command("a", hint: "海北州农业农村局"));

        var stored = Assert.IsType<ImportResult.Stored>(result);
        Assert.True(stored.Created);
        Assert.Equal("海北州农业农村局", stored.Disclosure.Department);
        await using var db = Database.CreateContext();
        Assert.Equal("海北州农业农村局", (await db.Indicators.FirstAsync()).Department);
    }

    [Fact]
    public async Task No_department_anywhere_is_rejected_and_the_upload_keeps_its_bytes()
    {
        var result = await ImportAsync(TestDisclosures.Make(department: ""), TestDisclosures.Command("a"));

        var refused = Assert.IsType<ImportResult.Refused>(result);
        Assert.Equal(RefusalKind.Rejected, refused.Kind);
        Assert.Equal(Contracts.ErrorReasons.IncompleteIdentity, refused.Reason);
        Assert.Equal("department_hint", refused.Field);
        await using var db = Database.CreateContext();
        Assert.Equal(0, await db.Revisions.CountAsync());
        var upload = await db.Uploads.SingleAsync();
        Assert.Equal(UploadOutcome.Rejected, upload.Outcome);
        Assert.Equal(TestDisclosures.Bytes("a"), upload.Content);
        Assert.Contains("department", upload.Reason);
    }

    [Fact]
    public async Task An_amount_too_large_to_store_is_rejected_with_its_place_and_the_upload_kept()
    {
        var result = await ImportAsync(TestDisclosures.Make(amount: 123_456_789_012_345m), TestDisclosures.Command("a"));

        var refused = Assert.IsType<ImportResult.Refused>(result);
        Assert.Equal(RefusalKind.Rejected, refused.Kind);
        Assert.Equal(Contracts.ErrorReasons.ValueOutOfRange, refused.Reason);
        Assert.Equal("content", refused.Field);
        Assert.Contains("123456789012345", refused.Message);
        await using var db = Database.CreateContext();
        Assert.Equal(0, await db.Revisions.CountAsync());
        Assert.Equal(TestDisclosures.Bytes("a"), (await db.Uploads.SingleAsync()).Content);
    }

    [Fact]
    public async Task No_fiscal_year_is_rejected()
    {
        var result = await ImportAsync(TestDisclosures.Make(fiscalYear: null), TestDisclosures.Command("a"));

        var refused = Assert.IsType<ImportResult.Refused>(result);
        Assert.Equal(RefusalKind.Rejected, refused.Kind);
        Assert.Equal(Contracts.ErrorReasons.IncompleteIdentity, refused.Reason);
        Assert.Equal(("content", "dept.tsv: the file states no fiscal year (年度) in its title"), (refused.Field, refused.Message));
        await using var db = Database.CreateContext();
        Assert.Equal(0, await db.Disclosures.CountAsync());
    }

    [Fact]
    public async Task An_unreadable_file_is_rejected_with_the_engines_reason_and_listed_for_operators()
    {
        var garbage = "PK\u0003\u0004 this is not a workbook"u8.ToArray();
        var engineError = new DisclosureEngine().Parse(garbage, "broken.xlsx").Error;
        var result = await ImportAsync(new ImportCommand("broken.xlsx", garbage, RequestId: "r-9"));

        var refused = Assert.IsType<ImportResult.Refused>(result);
        Assert.Equal(RefusalKind.Rejected, refused.Kind);
        Assert.NotNull(engineError);
        Assert.Equal(engineError!.Reason, refused.Reason);
        Assert.Equal(engineError.Location, refused.Location);
        Assert.Equal(("content", engineError.ToString()), (refused.Field, refused.Message));
        await using (var db = Database.CreateContext())
        {
            var store = TestDatabase.Store(db);
            var page = await store.ListUploadsAsync(UploadOutcome.Rejected, 10, null, CancellationToken.None);
            var listed = Assert.Single(page.Items);
            Assert.Equal(("broken.xlsx", refused.Reason), (listed.FileName, listed.ErrorReason));
            var stored = await store.GetUploadAsync(listed.Id, CancellationToken.None);
            Assert.Equal(garbage, stored!.Content);
        }

        var replay = Assert.IsType<ImportResult.Refused>(await ImportAsync(new ImportCommand("broken.xlsx", garbage, RequestId: "r-9")));
        Assert.Equal((RefusalKind.Rejected, refused.Reason, refused.Field, refused.Message, true),
            (replay.Kind, replay.Reason, replay.Field, replay.Message, replay.Replayed));
    }

    [Fact]
    public async Task A_department_the_caller_may_not_import_for_is_forbidden_and_recorded()
    {
        var result = await ImportAsync(TestDisclosures.Make(), TestDisclosures.Command("a"), mayImport: d => d == "别的部门");

        var refused = Assert.IsType<ImportResult.Refused>(result);
        Assert.Equal(RefusalKind.Forbidden, refused.Kind);
        Assert.Equal(Contracts.ErrorReasons.ForbiddenDepartment, refused.Reason);
        Assert.Equal(("department_hint", $"this key may not import for the department {TestDisclosures.Department}"), (refused.Field, refused.Message));
        await using var db = Database.CreateContext();
        Assert.Equal(0, await db.Disclosures.CountAsync());
        Assert.Equal(UploadOutcome.Forbidden, (await db.Uploads.SingleAsync()).Outcome);
    }

    [Fact]
    public async Task Validate_only_stores_nothing_but_the_upload_record()
    {
        var result = await ImportAsync(TestDisclosures.Make(), TestDisclosures.Command("a", validateOnly: true));

        var validated = Assert.IsType<ImportResult.ValidatedOnly>(result);
        Assert.Equal(2, validated.Findings.Count);
        Assert.Equal(RevisionStatus.Blocked, validated.Revision.Status);
        // No disclosure yet: the revision hangs on an unsaved one with the identity and no id.
        Assert.Null(validated.Disclosure);
        Assert.Equal(("", "", TestDisclosures.Department, 2024), (validated.Revision.DisclosureId, validated.Revision.Disclosure!.Id,
            validated.Revision.Disclosure.Department, validated.Revision.Disclosure.FiscalYear));
        await using var db = Database.CreateContext();
        Assert.Equal(0, await db.Disclosures.CountAsync());
        Assert.Equal(0, await db.Indicators.CountAsync());
        Assert.Equal(UploadOutcome.ValidatedOnly, (await db.Uploads.SingleAsync()).Outcome);
    }

    [Fact]
    public async Task Validate_only_of_a_stored_identity_answers_with_the_stored_disclosure()
    {
        var stored = Assert.IsType<ImportResult.Stored>(await ImportAsync(TestDisclosures.Make(), TestDisclosures.Command("a")));

        var validated = Assert.IsType<ImportResult.ValidatedOnly>(
            await ImportAsync(TestDisclosures.Make(satisfaction: 80m), TestDisclosures.Command("b", validateOnly: true)));

        Assert.Equal(stored.Disclosure.Id, validated.Disclosure?.Id);
        Assert.Equal((stored.Disclosure.Id, stored.Disclosure.Id), (validated.Revision.DisclosureId, validated.Revision.Disclosure!.Id));
    }

    [Fact]
    public async Task A_repeated_validate_only_request_id_answers_again_with_the_findings_and_records_once()
    {
        var first = Assert.IsType<ImportResult.ValidatedOnly>(await ImportAsync(TestDisclosures.Make(), TestDisclosures.Command("a", requestId: "v-1", validateOnly: true)));
        var again = Assert.IsType<ImportResult.ValidatedOnly>(await ImportAsync(TestDisclosures.Make(), TestDisclosures.Command("a", requestId: "v-1", validateOnly: true)));

        Assert.Equal((first.UploadId, false, true), (again.UploadId, first.Replayed, again.Replayed));
        Assert.Equal(first.Findings, again.Findings);
        await using var db = Database.CreateContext();
        Assert.Equal(1, await db.Uploads.CountAsync());
    }

    [Fact]
    public async Task A_validate_only_request_id_sent_again_after_the_key_lost_the_department_is_forbidden_and_not_recorded_again()
    {
        var command = TestDisclosures.Command("a", requestId: "v-1", validateOnly: true);
        var first = Assert.IsType<ImportResult.ValidatedOnly>(await ImportAsync(TestDisclosures.Make(), command));

        var again = await ImportAsync(TestDisclosures.Make(), command, mayImport: d => d == "别的部门");

        var refused = Assert.IsType<ImportResult.Refused>(again);
        Assert.Equal((RefusalKind.Forbidden, first.UploadId), (refused.Kind, refused.UploadId));
        await using var db = Database.CreateContext();
        Assert.Equal(UploadOutcome.ValidatedOnly, (await db.Uploads.SingleAsync()).Outcome);
    }

    [Fact]
    public async Task A_request_id_longer_than_its_column_is_refused()
    {
        var command = new ImportCommand("x.tsv", TestDisclosures.Bytes("a"), RequestId: new string('r', 129));
        var error = await Assert.ThrowsAsync<ArgumentException>(() => ImportAsync(command));
        Assert.Equal("request_id", error.ParamName);
        Assert.StartsWith("request_id has 129 characters; at most 128 are accepted", error.Message);

        // As long as its column is accepted.
        var longest = await ImportAsync(new ImportCommand("x.tsv", TestDisclosures.Bytes("a"), RequestId: new string('r', ImportService.MaxRequestIdLength)));
        Assert.IsType<ImportResult.Refused>(longest);
        await using var db = Database.CreateContext();
        Assert.Equal(ImportService.MaxRequestIdLength, (await db.Uploads.SingleAsync()).RequestId!.Length);
    }

    [Fact]
    public async Task A_command_without_content_is_an_argument_error()
    {
        await using var db = Database.CreateContext();
        var importer = TestDatabase.Importer(db);
        Assert.Equal("command", (await Assert.ThrowsAsync<ArgumentNullException>(() => importer.ImportAsync(null!, null, CancellationToken.None))).ParamName);
        await Assert.ThrowsAsync<ArgumentNullException>(() => importer.ImportAsync(new ImportCommand("x.tsv", null!), null, CancellationToken.None));
    }
}

public sealed class SqliteImportServiceTests() : ImportServiceBehaviour(TestDatabase.CreateSqliteAsync);

[Collection(PostgresCollection.Name)]
public sealed class PostgreSqlImportServiceTests(PostgresCluster cluster) : ImportServiceBehaviour(() => TestDatabase.CreatePostgreSqlAsync(cluster));
