using BudgetGrpc.Data.Entities;
using BudgetGrpc.Data.Tests.Infrastructure;
using BudgetGrpc.Engine.Model;
using Microsoft.EntityFrameworkCore;

namespace BudgetGrpc.Data.Tests;

public abstract class ImportBehaviour(Func<Task<TestDatabase>> createDatabase) : StoreBehaviour(createDatabase)
{
    [Fact]
    public async Task The_returned_revision_carries_the_keys_its_rows_were_stored_under()
    {
        var outcome = await ImportAsync(TestDisclosures.Make(), TestDisclosures.Command("a"));

        await using var db = Database.CreateContext();
        var stored = await db.Projects.Where(p => p.RevisionId == outcome.Revision!.Id).ToDictionaryAsync(p => p.Ordinal, p => p.Id);
        Assert.Equal(stored, outcome.Revision!.Projects.ToDictionary(p => p.Ordinal, p => p.Id));
        // Indicator keys are known where a finding points at an indicator (the seed-like disclosure has one).
        var indicators = await db.Indicators.Where(i => i.RevisionId == outcome.Revision.Id).ToDictionaryAsync(i => (i.ProjectId, i.Ordinal), i => i.Id);
        Assert.All(outcome.Revision.Projects.SelectMany(p => p.Indicators), i => Assert.Equal(indicators[(i.ProjectId, i.Ordinal)], i.Id));
        var finding = outcome.Revision.Findings.Single(f => f.Indicator is not null);
        Assert.Equal(finding.Indicator!.Id, finding.IndicatorId);
    }

    [Fact]
    public async Task First_import_creates_the_disclosure_with_revision_1_and_every_row()
    {
        var parsed = TestDisclosures.Make();
        var outcome = await ImportAsync(parsed, TestDisclosures.Command("a"));

        Assert.Equal(ImportStatus.Created, outcome.Status);
        Assert.Equal(1, outcome.Revision!.Number);
        Assert.Matches("^[a-z2-7]{12}$", outcome.Disclosure!.Id);
        Assert.True(outcome.UploadId > 0);

        await using var db = Database.CreateContext();
        var revision = await db.Revisions.Include(r => r.Disclosure).SingleAsync();
        Assert.Equal(TestDisclosures.Bytes("a"), revision.Content);
        Assert.Equal(64, revision.Sha256.Length);
        Assert.Equal(DisclosureEngineVersion, revision.EngineVersion);
        Assert.Equal(RevisionStatus.Blocked, revision.Status);
        Assert.Equal((1, 1, 0), (revision.ErrorCount, revision.WarningCount, revision.InfoCount));
        Assert.Equal(108.79m, revision.ComputedTotal);
        Assert.Equal(RevisionStatus.Blocked, revision.Disclosure!.Status);
        Assert.Equal(2, await db.Projects.CountAsync());
        Assert.Equal(3, await db.Objectives.CountAsync());
        Assert.Equal(6, await db.Indicators.CountAsync(i => i.IsLatest && i.RevisionId == revision.Id && i.FiscalYear == 2024));
        var flagged = await db.Indicators.SingleAsync(i => i.FindingCount > 0);
        Assert.Equal("社会满意度", flagged.Name);
        var finding = await db.Findings.SingleAsync(f => f.RuleId == "BG301");
        Assert.Equal(flagged.Id, finding.IndicatorId);
        var project = await db.Projects.SingleAsync(p => p.Code == "1");
        Assert.Equal(180000m, project.AmountYuan);
        var upload = await db.Uploads.SingleAsync();
        Assert.Equal((UploadOutcome.Created, revision.Id), (upload.Outcome, upload.RevisionId));
        Assert.Null(upload.Content);
    }

    private static string DisclosureEngineVersion => BudgetGrpc.Engine.DisclosureEngine.Version;

    [Fact]
    public async Task A_full_revision_maps_back_to_the_same_engine_model()
    {
        var parsed = TestDisclosures.Make();
        var outcome = await ImportAsync(parsed, TestDisclosures.Command("a"));

        var full = await WithStoreAsync(s => s.GetRevisionAsync(outcome.Disclosure!.Id, 1, full: true, CancellationToken.None));
        var back = DisclosureMapper.ToDisclosure(full!);

        Assert.Equal(ContentHash.Of(parsed), ContentHash.Of(back));
        Assert.Equal(parsed.Projects[0].Indicators.Select(i => i.Text), back.Projects[0].Indicators.Select(i => i.Text));
        Assert.Equal(parsed.Projects[0].Objectives, back.Projects[0].Objectives);
        Assert.Equal("商务局", back.Projects[0].Attributes["实施单位"]);
        Assert.Equal(parsed.Findings[1].Source, back.Findings[1].Source);
        Assert.Equal(2024, back.FiscalYear);
    }

    [Fact]
    public async Task The_same_bytes_again_are_unchanged_and_return_the_existing_revision()
    {
        var first = await ImportAsync(TestDisclosures.Make(), TestDisclosures.Command("a"));
        var again = await ImportAsync(TestDisclosures.Make(), TestDisclosures.Command("a"));

        Assert.Equal(ImportStatus.Unchanged, again.Status);
        Assert.Equal(first.Revision!.Id, again.Revision!.Id);
        await using var db = Database.CreateContext();
        Assert.Equal(1, await db.Revisions.CountAsync());
        Assert.Equal([UploadOutcome.Created, UploadOutcome.Unchanged], await db.Uploads.OrderBy(u => u.Id).Select(u => u.Outcome).ToListAsync());
    }

    [Fact]
    public async Task A_repeated_request_id_replays_the_first_outcome_without_storing_anything()
    {
        var first = await ImportAsync(TestDisclosures.Make(), TestDisclosures.Command("a", requestId: "req-1"));
        var again = await ImportAsync(TestDisclosures.Make(), TestDisclosures.Command("a", requestId: "req-1"));

        Assert.Equal(ImportStatus.Created, again.Status);
        Assert.True(again.Replayed);
        Assert.Equal(first.Revision!.Id, again.Revision!.Id);
        Assert.Equal(first.UploadId, again.UploadId);
        Assert.Equal(first.Findings, again.Findings);
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
        Assert.Equal(ImportStatus.RequestIdReused, otherContent.Status);
        Assert.Equal(ImportStatus.RequestIdReused, otherMode.Status);
        Assert.Equal("REQUEST_ID_REUSED", otherContent.Reason);
        Assert.Equal("request_id", otherContent.Field);

        // Another key's id of the same name is another id: judged afresh.
        var otherKey = await ImportAsync(TestDisclosures.Make(satisfaction: 80m), TestDisclosures.Command("b", requestId: "req-1") with { KeyScope = "k2" });
        Assert.Equal(ImportStatus.NewRevision, otherKey.Status);
        Assert.False(otherKey.Replayed);
        await using var db = Database.CreateContext();
        Assert.Equal(2, await db.Uploads.CountAsync());
    }

    [Fact]
    public async Task New_content_for_the_same_identity_is_revision_2_and_becomes_the_latest()
    {
        var first = await ImportAsync(TestDisclosures.Make(), TestDisclosures.Command("a"));
        var second = await ImportAsync(TestDisclosures.Make(satisfaction: 80m), TestDisclosures.Command("b"));

        Assert.Equal(ImportStatus.NewRevision, second.Status);
        Assert.Equal(first.Disclosure!.Id, second.Disclosure!.Id);
        Assert.Equal(2, second.Revision!.Number);
        await using var db = Database.CreateContext();
        var disclosure = await db.Disclosures.SingleAsync();
        Assert.Equal(2, disclosure.LatestRevision);
        Assert.True(disclosure.Version > 1);
        Assert.Equal(0, await db.Indicators.CountAsync(i => i.IsLatest && i.RevisionId == first.Revision!.Id));
        Assert.Equal(6, await db.Indicators.CountAsync(i => i.IsLatest && i.RevisionId == second.Revision.Id));
    }

    [Fact]
    public async Task The_department_hint_completes_an_identity_the_file_lacks()
    {
        var outcome = await ImportAsync(TestDisclosures.Make(department: ""), TestDisclosures.Command("a", hint: "海北州农业农村局"));

        Assert.Equal(ImportStatus.Created, outcome.Status);
        Assert.Equal("海北州农业农村局", outcome.Disclosure!.Department);
        await using var db = Database.CreateContext();
        Assert.Equal("海北州农业农村局", (await db.Indicators.FirstAsync()).Department);
    }

    [Fact]
    public async Task No_department_anywhere_is_rejected_and_the_upload_keeps_its_bytes()
    {
        var outcome = await ImportAsync(TestDisclosures.Make(department: ""), TestDisclosures.Command("a"));

        Assert.Equal(ImportStatus.Rejected, outcome.Status);
        Assert.Equal(DisclosureStore.IncompleteIdentityReason, outcome.Reason);
        Assert.Equal("department_hint", outcome.Field);
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
        var outcome = await ImportAsync(TestDisclosures.Make(amount: 123_456_789_012_345m), TestDisclosures.Command("a"));

        Assert.Equal(ImportStatus.Rejected, outcome.Status);
        Assert.Equal(DisclosureStore.ValueOutOfRangeReason, outcome.Reason);
        Assert.Contains("123456789012345", outcome.Message);
        await using var db = Database.CreateContext();
        Assert.Equal(0, await db.Revisions.CountAsync());
        Assert.Equal(TestDisclosures.Bytes("a"), (await db.Uploads.SingleAsync()).Content);
    }

    [Fact]
    public async Task No_fiscal_year_is_rejected()
    {
        var outcome = await ImportAsync(TestDisclosures.Make(fiscalYear: null), TestDisclosures.Command("a"));

        Assert.Equal(ImportStatus.Rejected, outcome.Status);
        Assert.Equal(DisclosureStore.IncompleteIdentityReason, outcome.Reason);
        await using var db = Database.CreateContext();
        Assert.Equal(0, await db.Disclosures.CountAsync());
    }

    [Fact]
    public async Task An_unreadable_file_is_rejected_with_the_engines_reason_and_listed_for_operators()
    {
        var garbage = "PK\u0003\u0004 this is not a workbook"u8.ToArray();
        var outcome = await WithStoreAsync(s => s.ImportAsync(new ImportCommand("broken.xlsx", garbage, RequestId: "r-9"), null, CancellationToken.None));

        Assert.Equal(ImportStatus.Rejected, outcome.Status);
        Assert.NotNull(outcome.Error);
        Assert.Equal(outcome.Error!.Reason, outcome.Reason);
        var page = await WithStoreAsync(s => s.ListUploadsAsync(UploadOutcome.Rejected, 10, null, CancellationToken.None));
        var listed = Assert.Single(page.Items);
        Assert.Equal(("broken.xlsx", outcome.Reason), (listed.FileName, listed.ErrorReason));
        var stored = await WithStoreAsync(s => s.GetUploadAsync(listed.Id, CancellationToken.None));
        Assert.Equal(garbage, stored!.Content);

        var replay = await WithStoreAsync(s => s.ImportAsync(new ImportCommand("broken.xlsx", garbage, RequestId: "r-9"), null, CancellationToken.None));
        Assert.Equal((ImportStatus.Rejected, outcome.Reason, true), (replay.Status, replay.Reason, replay.Replayed));
    }

    [Fact]
    public async Task A_department_the_caller_may_not_import_for_is_forbidden_and_recorded()
    {
        var outcome = await ImportAsync(TestDisclosures.Make(), TestDisclosures.Command("a"), mayImport: d => d == "别的部门");

        Assert.Equal(ImportStatus.Forbidden, outcome.Status);
        Assert.Equal(DisclosureStore.ForbiddenDepartmentReason, outcome.Reason);
        await using var db = Database.CreateContext();
        Assert.Equal(0, await db.Disclosures.CountAsync());
        Assert.Equal(UploadOutcome.Forbidden, (await db.Uploads.SingleAsync()).Outcome);
    }

    [Fact]
    public async Task Validate_only_stores_nothing_but_the_upload_record()
    {
        var outcome = await ImportAsync(TestDisclosures.Make(), TestDisclosures.Command("a", validateOnly: true));

        Assert.Equal(ImportStatus.ValidatedOnly, outcome.Status);
        Assert.Equal(2, outcome.Findings.Count);
        Assert.Equal(RevisionStatus.Blocked, outcome.Revision!.Status);
        await using var db = Database.CreateContext();
        Assert.Equal(0, await db.Disclosures.CountAsync());
        Assert.Equal(0, await db.Indicators.CountAsync());
        Assert.Equal(UploadOutcome.ValidatedOnly, (await db.Uploads.SingleAsync()).Outcome);
    }

    [Fact]
    public async Task A_failure_inside_the_import_leaves_no_partial_revision()
    {
        var failure = new FailingCommandInterceptor("UPDATE \"Uploads\"");
        await using (var db = Database.CreateContext(failure))
        {
            var store = TestDatabase.Store(db);
            await Assert.ThrowsAnyAsync<Exception>(() =>
                store.ImportAsync(TestDisclosures.Command("a"), () => Engine.Model.ParseResult.Ok(TestDisclosures.Make()), null, CancellationToken.None));
        }
        Assert.Equal(6, failure.IndicatorsWrittenBeforeFailure);
        await using (var db = Database.CreateContext())
        {
            Assert.Equal(0, await db.Disclosures.CountAsync());
            Assert.Equal(0, await db.Revisions.CountAsync());
            Assert.Equal(0, await db.Projects.CountAsync());
            Assert.Equal(0, await db.Indicators.CountAsync());
            Assert.Equal(0, await db.Uploads.CountAsync());
        }
    }

    [Fact]
    public async Task A_failed_second_revision_leaves_the_first_one_latest()
    {
        var first = await ImportAsync(TestDisclosures.Make(), TestDisclosures.Command("a"));
        var failure = new FailingCommandInterceptor("UPDATE \"Uploads\"");
        await using (var db = Database.CreateContext(failure))
        {
            var store = TestDatabase.Store(db);
            await Assert.ThrowsAnyAsync<Exception>(() =>
                store.ImportAsync(TestDisclosures.Command("b"), () => Engine.Model.ParseResult.Ok(TestDisclosures.Make(satisfaction: 70m)), null, CancellationToken.None));
        }
        Assert.Equal(12, failure.IndicatorsWrittenBeforeFailure);
        await using (var db = Database.CreateContext())
        {
            var disclosure = await db.Disclosures.SingleAsync();
            Assert.Equal((1, 1L), (disclosure.LatestRevision, disclosure.Version));
            Assert.Equal(1, await db.Revisions.CountAsync());
            Assert.Equal(6, await db.Indicators.CountAsync(i => i.IsLatest && i.RevisionId == first.Revision!.Id));
        }
    }

    [Fact]
    public async Task Concurrent_imports_of_one_identity_from_two_contexts_get_revisions_1_and_2()
    {
        var results = await Task.WhenAll(
            Task.Run(() => ImportAsync(TestDisclosures.Make(), TestDisclosures.Command("a"))),
            Task.Run(() => ImportAsync(TestDisclosures.Make(satisfaction: 80m), TestDisclosures.Command("b"))));

        Assert.Equal([1, 2], results.Select(r => r.Revision!.Number).Order());
        Assert.Equal([ImportStatus.Created, ImportStatus.NewRevision], results.Select(r => r.Status).Order());
        Assert.Single(results.Select(r => r.Disclosure!.Id).Distinct());
        await using var db = Database.CreateContext();
        var disclosure = await db.Disclosures.SingleAsync();
        Assert.Equal(2, disclosure.LatestRevision);
        var latestId = await db.Revisions.Where(r => r.Number == 2).Select(r => r.Id).SingleAsync();
        Assert.Equal(6, await db.Indicators.CountAsync(i => i.IsLatest));
        Assert.Equal(6, await db.Indicators.CountAsync(i => i.IsLatest && i.RevisionId == latestId));
    }

    [Fact]
    public async Task Concurrent_imports_of_the_same_bytes_store_one_revision()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ =>
            Task.Run(() => ImportAsync(TestDisclosures.Make(), TestDisclosures.Command("a")))));

        Assert.Equal(1, results.Count(r => r.Status == ImportStatus.Created));
        Assert.Equal(2, results.Count(r => r.Status == ImportStatus.Unchanged));
        Assert.Single(results.Select(r => r.Revision!.Id).Distinct());
    }

    [Fact]
    public async Task Four_concurrent_different_files_get_four_distinct_revision_numbers()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            Task.Run(() => ImportAsync(TestDisclosures.Make(satisfaction: 90m + i), TestDisclosures.Command("v" + i)))));

        Assert.Equal([1, 2, 3, 4], results.Select(r => r.Revision!.Number).Order());
        await using var db = Database.CreateContext();
        Assert.Equal(4, (await db.Disclosures.SingleAsync()).LatestRevision);
        Assert.Equal(6, await db.Indicators.CountAsync(i => i.IsLatest));
    }

    [Fact]
    public async Task Oversized_texts_from_a_file_are_cut_to_their_columns_on_every_provider()
    {
        var made = TestDisclosures.Make(department: new string('局', 300)) with { Title = new string('题', 900) };
        var project = made.Projects[0] with
        {
            Name = new string('项', 2000),
            Indicators = [made.Projects[0].Indicators[0] with { Name = new string('指', 2000), Unit = new string('单', 100) }],
        };
        var parsed = made with { Projects = [project, made.Projects[1]] };

        var first = await ImportAsync(parsed, TestDisclosures.Command("long"));
        var again = await ImportAsync(parsed, TestDisclosures.Command("long"));

        Assert.Equal((ImportStatus.Created, ImportStatus.Unchanged), (first.Status, again.Status));
        await using var db = Database.CreateContext();
        Assert.Equal(200, (await db.Disclosures.SingleAsync()).Department.Length);
        Assert.Equal(500, (await db.Projects.SingleAsync(p => p.Code == "1")).Name.Length);
        var indicator = await db.Indicators.SingleAsync(i => i.Level2 == "数量指标");
        Assert.Equal((500, 64), (indicator.Name.Length, indicator.Unit.Length));
    }

    [Fact]
    public async Task A_request_id_longer_than_its_column_is_refused()
    {
        var command = new ImportCommand("x.tsv", TestDisclosures.Bytes("a"), RequestId: new string('r', 129));
        var error = await Assert.ThrowsAsync<ArgumentException>(() => WithStoreAsync(s => s.ImportAsync(command, null, CancellationToken.None)));
        Assert.Contains("request_id", error.Message);
    }
}

public sealed class SqliteImportTests() : ImportBehaviour(TestDatabase.CreateSqliteAsync);

[Collection(PostgresCollection.Name)]
public sealed class PostgreSqlImportTests(PostgresCluster cluster) : ImportBehaviour(() => TestDatabase.CreatePostgreSqlAsync(cluster));
