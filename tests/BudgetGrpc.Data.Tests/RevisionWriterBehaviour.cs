using BudgetGrpc.Data.Entities;
using BudgetGrpc.Data.Tests.Infrastructure;
using BudgetGrpc.Engine.Model;
using Microsoft.EntityFrameworkCore;

namespace BudgetGrpc.Data.Tests;

/// <summary>
/// <see cref="RevisionWriter"/>: one transaction per revision, child rows from flat rows, the latest-revision flip, the
/// same bytes unchanged, races retried. The import's decisions around it are tested in Server.Tests (ImportServiceBehaviour).
/// </summary>
public abstract class RevisionWriterBehaviour(Func<Task<TestDatabase>> createDatabase) : StoreBehaviour(createDatabase)
{
    [Fact]
    public async Task Every_child_row_points_at_the_keys_its_parents_were_stored_under()
    {
        // Findings on an indicator of each project (the second project's indicators follow the first's four in the flat
        // rows), on a project only, and on the whole disclosure.
        var made = TestDisclosures.Make();
        var parsed = made with
        {
            Findings =
            [
                .. made.Findings,
                new Finding { RuleId = "BG102", Severity = Severity.Warning, Message = "项目缺少金额", ProjectCode = "2" },
                new Finding { RuleId = "BG302", Severity = Severity.Info, Message = "指标值偏低", ProjectCode = "2", IndicatorIndex = 1 },
            ],
        };
        var written = await WriteAsync(parsed, "a");
        var revisionId = written.Revision!.Id;

        await using var db = Database.CreateContext();
        var projects = await db.Projects.Where(p => p.RevisionId == revisionId).ToDictionaryAsync(p => p.Id, p => p.Code);
        Assert.Equal(parsed.Projects.Select(p => p.Code).Order(), projects.Values.Order());
        var objectives = await db.Objectives.Where(o => projects.Keys.Contains(o.ProjectId)).ToListAsync();
        Assert.Equal(parsed.Projects.Sum(p => p.Objectives.Count), objectives.Count);
        Assert.All(objectives, o => Assert.Equal(
            parsed.Projects.Single(p => p.Code == projects[o.ProjectId]).Objectives[o.Ordinal], o.Text));
        var indicators = await db.Indicators.Where(i => i.RevisionId == revisionId).ToListAsync();
        Assert.Equal(parsed.IndicatorCount, indicators.Count);
        Assert.All(indicators, i => Assert.Equal(
            parsed.Projects.Single(p => p.Code == projects[i.ProjectId]).Indicators[i.Ordinal].Name, i.Name));
        var findings = await db.Findings.Where(f => f.RevisionId == revisionId).OrderBy(f => f.Ordinal).ToListAsync();
        Assert.Equal(parsed.Findings.Select(f => f.RuleId), findings.Select(f => f.RuleId));
        Assert.Equal(2, findings.Count(f => f.IndicatorId is not null));
        Assert.All(findings.Where(f => f.IndicatorId is not null), f =>
        {
            var pointed = indicators.Single(i => i.Id == f.IndicatorId);
            Assert.Equal(projects[pointed.ProjectId], f.ProjectCode);
            Assert.Equal(pointed.Ordinal, f.IndicatorIndex);
            Assert.Equal(pointed.ProjectId, f.ProjectId);
        });
        Assert.All(findings, f => Assert.Equal(f.ProjectCode, f.ProjectId is long id ? projects[id] : null));
        Assert.Equal(new[] { "社会满意度", "群众满意度" }.Order(StringComparer.Ordinal),
            indicators.Where(i => i.HasFindings).Select(i => i.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task First_write_creates_the_disclosure_with_revision_1_and_every_row()
    {
        var written = await WriteAsync(TestDisclosures.Make(), "a", TestDisclosures.Upload("a"));

        Assert.Equal(RevisionWriteStatus.Created, written.Status);
        Assert.Equal(1, written.Revision!.Number);
        Assert.Matches("^[a-z2-7]{12}$", written.Disclosure!.Id);
        Assert.True(written.UploadId > 0);

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
        Assert.Equal((UploadOutcome.Created, (long?)revision.Id, written.UploadId), (upload.Outcome, upload.RevisionId, (long?)upload.Id));
        Assert.Null(upload.Content);
    }

    private static string DisclosureEngineVersion => BudgetGrpc.Engine.DisclosureEngine.Version;

    [Fact]
    public async Task A_full_revision_maps_back_to_the_same_engine_model()
    {
        var parsed = TestDisclosures.Make();
        var written = await WriteAsync(parsed, "a");

        var full = await WithStoreAsync(s => s.GetRevisionAsync(written.Disclosure!.Id, 1, full: true, CancellationToken.None));
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
        var first = await WriteAsync(TestDisclosures.Make(), "a", TestDisclosures.Upload("a"));
        var again = await WriteAsync(TestDisclosures.Make(), "a", TestDisclosures.Upload("a"));

        Assert.Equal(RevisionWriteStatus.Unchanged, again.Status);
        Assert.Equal(first.Revision!.Id, again.Revision!.Id);
        await using var db = Database.CreateContext();
        Assert.Equal(1, await db.Revisions.CountAsync());
        Assert.Equal([UploadOutcome.Created, UploadOutcome.Unchanged], await db.Uploads.OrderBy(u => u.Id).Select(u => u.Outcome).ToListAsync());
        Assert.Equal(first.Revision.Id, (await db.Uploads.SingleAsync(u => u.Id == again.UploadId)).RevisionId);
    }

    [Fact]
    public async Task A_reprocessed_reading_of_the_same_bytes_is_a_new_revision()
    {
        var first = await WriteAsync(TestDisclosures.Make(), "a");
        await using (var db = Database.CreateContext())
        {
            var rows = TestDisclosures.Rows(TestDisclosures.Make(satisfaction: 70m), TestDisclosures.Bytes("a"), origin: RevisionOrigin.Reprocess);
            var again = await TestDatabase.Writer(db).WriteAsync(rows, null, CancellationToken.None);
            Assert.Equal((RevisionWriteStatus.NewRevision, 2, (long?)null), (again.Status, again.Revision!.Number, again.UploadId));
            Assert.Equal(first.Revision!.Sha256, again.Revision.Sha256);
        }
        await using var check = Database.CreateContext();
        Assert.Equal(0, await check.Uploads.CountAsync());
        Assert.Equal(RevisionOrigin.Reprocess, (await check.Revisions.SingleAsync(r => r.Number == 2)).Origin);
    }

    [Fact]
    public async Task New_content_for_the_same_identity_is_revision_2_and_becomes_the_latest()
    {
        var first = await WriteAsync(TestDisclosures.Make(), "a", TestDisclosures.Upload("a"));
        var second = await WriteAsync(TestDisclosures.Make(satisfaction: 80m), "b", TestDisclosures.Upload("b"));

        Assert.Equal(RevisionWriteStatus.NewRevision, second.Status);
        Assert.Equal(first.Disclosure!.Id, second.Disclosure!.Id);
        Assert.Equal(2, second.Revision!.Number);
        await using var db = Database.CreateContext();
        var disclosure = await db.Disclosures.SingleAsync();
        Assert.Equal(2, disclosure.LatestRevision);
        Assert.True(disclosure.Version > 1);
        Assert.Equal(0, await db.Indicators.CountAsync(i => i.IsLatest && i.RevisionId == first.Revision!.Id));
        Assert.Equal(6, await db.Indicators.CountAsync(i => i.IsLatest && i.RevisionId == second.Revision.Id));
        Assert.Equal([UploadOutcome.Created, UploadOutcome.NewRevision], await db.Uploads.OrderBy(u => u.Id).Select(u => u.Outcome).ToListAsync());
    }

    [Fact]
    public async Task A_new_revision_leaves_the_indicators_of_other_disclosures_latest()
    {
        var other = await WriteAsync(TestDisclosures.Make(department: "门源县农牧局"), "other");
        await WriteAsync(TestDisclosures.Make(), "a");
        await WriteAsync(TestDisclosures.Make(satisfaction: 80m), "b");

        await using var db = Database.CreateContext();
        Assert.Equal(6, await db.Indicators.CountAsync(i => i.IsLatest && i.RevisionId == other.Revision!.Id));
        Assert.Equal(12, await db.Indicators.CountAsync(i => i.IsLatest));
    }

    [Fact]
    public async Task The_same_bytes_after_a_reprocess_are_unchanged_against_the_latest_revision_with_them()
    {
        await WriteAsync(TestDisclosures.Make(), "a");
        await using (var db = Database.CreateContext())
            await TestDatabase.Writer(db).WriteAsync(
                TestDisclosures.Rows(TestDisclosures.Make(satisfaction: 70m), TestDisclosures.Bytes("a"), origin: RevisionOrigin.Reprocess), null, CancellationToken.None);

        var again = await WriteAsync(TestDisclosures.Make(), "a", TestDisclosures.Upload("a"));

        Assert.Equal((RevisionWriteStatus.Unchanged, 2), (again.Status, again.Revision!.Number));
        await using var check = Database.CreateContext();
        Assert.Equal(again.Revision.Id, (await check.Uploads.SingleAsync()).RevisionId);
    }

    [Fact]
    public async Task A_finding_on_the_first_indicator_alone_points_at_its_row()
    {
        var made = TestDisclosures.Make();
        var parsed = made with
        {
            Findings = [new Finding { RuleId = "BG301", Severity = Severity.Error, Message = "指标值异常", ProjectCode = "1", IndicatorIndex = 0 }],
        };
        var written = await WriteAsync(parsed, "a");

        await using var db = Database.CreateContext();
        var finding = await db.Findings.SingleAsync(f => f.RevisionId == written.Revision!.Id);
        var indicator = await db.Indicators.SingleAsync(i => i.Id == finding.IndicatorId);
        Assert.Equal(("项目资金金额", 0, true), (indicator.Name, indicator.Ordinal, indicator.HasFindings));
    }

    [Fact]
    public async Task What_a_write_returns_is_untracked()
    {
        await using var db = Database.CreateContext();
        var writer = TestDatabase.Writer(db);
        var created = await writer.WriteAsync(TestDisclosures.Rows(TestDisclosures.Make(), TestDisclosures.Bytes("a")), TestDisclosures.Upload("a"), CancellationToken.None);
        Assert.Empty(db.ChangeTracker.Entries());
        var unchanged = await writer.WriteAsync(TestDisclosures.Rows(TestDisclosures.Make(), TestDisclosures.Bytes("a")), TestDisclosures.Upload("a"), CancellationToken.None);

        Assert.Equal((RevisionWriteStatus.Created, RevisionWriteStatus.Unchanged), (created.Status, unchanged.Status));
        Assert.Empty(db.ChangeTracker.Entries());
    }

    [Fact]
    public async Task A_lost_race_is_retried_twice_and_then_fails()
    {
        var twice = new FailingCommandInterceptor("INSERT INTO \"Disclosures\"", asConflict: true, times: 2);
        await using (var db = Database.CreateContext(twice))
        {
            var written = await TestDatabase.Writer(db).WriteAsync(TestDisclosures.Rows(TestDisclosures.Make(), TestDisclosures.Bytes("a")), null, CancellationToken.None);
            Assert.Equal((RevisionWriteStatus.Created, 1), (written.Status, written.Revision!.Number));
        }
        Assert.Equal(2, twice.Failures);

        var always = new FailingCommandInterceptor("INSERT INTO \"Revisions\"", asConflict: true);
        await using (var db = Database.CreateContext(always))
        {
            await Assert.ThrowsAsync<DbUpdateException>(() => TestDatabase.Writer(db).WriteAsync(
                TestDisclosures.Rows(TestDisclosures.Make(satisfaction: 80m), TestDisclosures.Bytes("b")), null, CancellationToken.None));
        }
        Assert.Equal(3, always.Failures);
        await using var check = Database.CreateContext();
        Assert.Equal(1, await check.Revisions.CountAsync());
    }

    [Fact]
    public async Task A_failure_that_is_not_a_lost_race_is_not_retried()
    {
        var failure = new FailingCommandInterceptor("INSERT INTO \"Disclosures\"");
        await using (var db = Database.CreateContext(failure))
        {
            await Assert.ThrowsAsync<DbUpdateException>(() => TestDatabase.Writer(db).WriteAsync(
                TestDisclosures.Rows(TestDisclosures.Make(), TestDisclosures.Bytes("a")), null, CancellationToken.None));
        }
        Assert.Equal(1, failure.Failures);
    }

    [Fact]
    public async Task A_failure_inside_the_write_leaves_no_partial_revision()
    {
        var failure = new FailingCommandInterceptor("UPDATE \"Uploads\"");
        await using (var db = Database.CreateContext(failure))
        {
            var writer = TestDatabase.Writer(db);
            await Assert.ThrowsAnyAsync<Exception>(() =>
                writer.WriteAsync(TestDisclosures.Rows(TestDisclosures.Make(), TestDisclosures.Bytes("a")), TestDisclosures.Upload("a"), CancellationToken.None));
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
        var first = await WriteAsync(TestDisclosures.Make(), "a", TestDisclosures.Upload("a"));
        var failure = new FailingCommandInterceptor("UPDATE \"Uploads\"");
        await using (var db = Database.CreateContext(failure))
        {
            var writer = TestDatabase.Writer(db);
            await Assert.ThrowsAnyAsync<Exception>(() =>
                writer.WriteAsync(TestDisclosures.Rows(TestDisclosures.Make(satisfaction: 70m), TestDisclosures.Bytes("b")), TestDisclosures.Upload("b"), CancellationToken.None));
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
    public async Task Concurrent_writes_of_one_identity_from_two_contexts_get_revisions_1_and_2()
    {
        var results = await Task.WhenAll(
            Task.Run(() => WriteAsync(TestDisclosures.Make(), "a", TestDisclosures.Upload("a"))),
            Task.Run(() => WriteAsync(TestDisclosures.Make(satisfaction: 80m), "b", TestDisclosures.Upload("b"))));

        Assert.Equal([1, 2], results.Select(r => r.Revision!.Number).Order());
        Assert.Equal([RevisionWriteStatus.Created, RevisionWriteStatus.NewRevision], results.Select(r => r.Status).Order());
        Assert.Single(results.Select(r => r.Disclosure!.Id).Distinct());
        await using var db = Database.CreateContext();
        var disclosure = await db.Disclosures.SingleAsync();
        Assert.Equal(2, disclosure.LatestRevision);
        var latestId = await db.Revisions.Where(r => r.Number == 2).Select(r => r.Id).SingleAsync();
        Assert.Equal(6, await db.Indicators.CountAsync(i => i.IsLatest));
        Assert.Equal(6, await db.Indicators.CountAsync(i => i.IsLatest && i.RevisionId == latestId));
    }

    [Fact]
    public async Task Concurrent_writes_of_the_same_bytes_store_one_revision()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ =>
            Task.Run(() => WriteAsync(TestDisclosures.Make(), "a", TestDisclosures.Upload("a")))));

        Assert.Equal(1, results.Count(r => r.Status == RevisionWriteStatus.Created));
        Assert.Equal(2, results.Count(r => r.Status == RevisionWriteStatus.Unchanged));
        Assert.Single(results.Select(r => r.Revision!.Id).Distinct());
    }

    [Fact]
    public async Task Four_concurrent_different_files_get_four_distinct_revision_numbers()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            Task.Run(() => WriteAsync(TestDisclosures.Make(satisfaction: 90m + i), "v" + i, TestDisclosures.Upload("v" + i)))));

        Assert.Equal([1, 2, 3, 4], results.Select(r => r.Revision!.Number).Order());
        await using var db = Database.CreateContext();
        Assert.Equal(4, (await db.Disclosures.SingleAsync()).LatestRevision);
        Assert.Equal(6, await db.Indicators.CountAsync(i => i.IsLatest));
    }

    [Fact]
    public async Task A_request_id_recorded_first_by_a_concurrent_call_writes_nothing_and_says_so()
    {
        // The first call with the id committed (here: a refusal under it); this write under the same id and key loses.
        await using (var db = Database.CreateContext())
            Assert.NotNull(await TestDatabase.Uploads(db).RecordAsync(TestDisclosures.Upload("x", "req-1", "k1"), UploadOutcome.Rejected,
                new UploadRefusal("UNREADABLE_FILE", "content", "not a table"), CancellationToken.None));

        var written = await WriteAsync(TestDisclosures.Make(), "a", TestDisclosures.Upload("a", "req-1", "k1"));

        Assert.Equal(new RevisionWrite(RevisionWriteStatus.RequestIdTaken, null, null, null), written);
        await using var check = Database.CreateContext();
        Assert.Equal(0, await check.Revisions.CountAsync());
        Assert.Equal(0, await check.Disclosures.CountAsync());
        Assert.Equal(1, await check.Uploads.CountAsync());
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

        var first = await WriteAsync(parsed, "long", TestDisclosures.Upload("long"));
        var again = await WriteAsync(parsed, "long", TestDisclosures.Upload("long"));

        Assert.Equal((RevisionWriteStatus.Created, RevisionWriteStatus.Unchanged), (first.Status, again.Status));
        await using var db = Database.CreateContext();
        Assert.Equal(200, (await db.Disclosures.SingleAsync()).Department.Length);
        Assert.Equal(500, (await db.Projects.SingleAsync(p => p.Code == "1")).Name.Length);
        var indicator = await db.Indicators.SingleAsync(i => i.Level2 == "数量指标");
        Assert.Equal((500, 64), (indicator.Name.Length, indicator.Unit.Length));
    }
}

public sealed class SqliteRevisionWriterTests() : RevisionWriterBehaviour(TestDatabase.CreateSqliteAsync);

[Collection(PostgresCollection.Name)]
public sealed class PostgreSqlRevisionWriterTests(PostgresCluster cluster) : RevisionWriterBehaviour(() => TestDatabase.CreatePostgreSqlAsync(cluster));
