using BudgetGrpc.Engine.Publishing;
using BudgetGrpc.Data.Tests.Infrastructure;
using BudgetGrpc.Engine;
using BudgetGrpc.Engine.Model;
using BudgetGrpc.Engine.Validation;
using Microsoft.EntityFrameworkCore;

namespace BudgetGrpc.Data.Tests;

/// <summary>Diff, reprocess and real sample files.</summary>
public abstract class RevisionBehaviour(Func<Task<TestDatabase>> createDatabase) : StoreBehaviour(createDatabase)
{
    [Fact]
    public async Task Diff_reports_changed_added_and_removed_indicators_and_project_amounts()
    {
        var first = await ImportAsync(TestDisclosures.Make(), TestDisclosures.Command("a"));
        await ImportAsync(TestDisclosures.Make(satisfaction: 80m, amount: 20m, withCostIndicator: false), TestDisclosures.Command("b"));

        var diff = await WithStoreAsync(s => s.DiffAsync(first.Disclosure!.Id, 1, 2, CancellationToken.None));

        Assert.NotNull(diff);
        var changed = Assert.Single(diff!.Indicators, c => c.Kind == ChangeKind.Changed);
        Assert.Equal("社会满意度", changed.Name);
        Assert.Equal(["value"], changed.ChangedFields);
        Assert.Equal((95m, 80m), (changed.Before!.Value, changed.After!.Value));
        var removed = Assert.Single(diff.Indicators, c => c.Kind == ChangeKind.Removed);
        Assert.Equal(("1", "宣传推介费"), (removed.ProjectCode, removed.Name));
        Assert.DoesNotContain(diff.Indicators, c => c.Kind == ChangeKind.Added);
        var amount = Assert.Single(diff.Projects);
        Assert.Equal((ChangeKind.Changed, "1", 18m, 20m), (amount.Kind, amount.Code, amount.AmountBefore, amount.AmountAfter));

        var back = await WithStoreAsync(s => s.DiffAsync(first.Disclosure!.Id, 2, 1, CancellationToken.None));
        Assert.Equal(ChangeKind.Added, Assert.Single(back!.Indicators, c => c.Kind != ChangeKind.Changed).Kind);
        Assert.Null(await WithStoreAsync(s => s.DiffAsync(first.Disclosure!.Id, 1, 7, CancellationToken.None)));
    }

    [Fact]
    public async Task Every_sample_file_imports_and_maps_back_to_what_the_engine_read()
    {
        var engine = new DisclosureEngine();
        foreach (var file in Directory.EnumerateFiles(Path.GetDirectoryName(Samples.Path("x"))!).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            var parsed = engine.Parse(await File.ReadAllBytesAsync(file), name);
            Assert.True(parsed.Succeeded, $"{name}: {parsed.Error}");
            var outcome = await ImportFileAsync(name, hint: "样例部门");
            Assert.True(outcome.Status is ImportStatus.Created or ImportStatus.NewRevision, $"{name}: {outcome.Status} {outcome.Message}");

            var full = await WithStoreAsync(s => s.GetRevisionAsync(outcome.Disclosure!.Id, outcome.Revision!.Number, true, CancellationToken.None));
            var back = DisclosureMapper.ToDisclosure(full!);
            var expected = parsed.Disclosure! with { Department = outcome.Disclosure!.Department };
            Assert.Equal(ContentHash.Of(expected), ContentHash.Of(back));
        }
    }

    [Fact]
    public async Task A_self_evaluation_exports_its_actuals_scores_and_budget_as_the_engine_read_them()
    {
        const string name = "yangli-2025-agri-selfeval.html";
        var parsed = new DisclosureEngine().Parse(await File.ReadAllBytesAsync(Samples.Path(name)), name).Disclosure!;
        var outcome = await ImportFileAsync(name, hint: "样例部门");
        Assert.Equal(DisclosureKind.SelfEvaluation, outcome.Disclosure!.Kind);
        var full = await WithStoreAsync(s => s.GetRevisionAsync(outcome.Disclosure!.Id, outcome.Revision!.Number, true, CancellationToken.None));
        var back = DisclosureMapper.ToDisclosure(full!);
        var expected = System.Text.Encoding.UTF8.GetString(PublicationJson.ToUtf8Bytes(parsed with { Department = back.Department }));
        var exported = System.Text.Encoding.UTF8.GetString(PublicationJson.ToUtf8Bytes(back));
        Assert.Equal(expected, exported);
        Assert.Contains("\"computedScore\": \"9.68\"", exported);
        Assert.Contains("\"adjusted\": \"38.00\"", exported);
    }

    [Fact]
    public async Task The_seed_imports_then_is_unchanged_when_sent_again()
    {
        var first = await ImportFileAsync("000_c21431a6439d21ac.txt");
        var again = await ImportFileAsync("000_c21431a6439d21ac.txt");

        Assert.Equal(ImportStatus.Created, first.Status);
        Assert.Equal("门源县工业商务和信息化局", first.Disclosure!.Department);
        Assert.Equal(2024, first.Disclosure.FiscalYear);
        Assert.Equal(ImportStatus.Unchanged, again.Status);
        Assert.Equal(first.Revision!.Id, again.Revision!.Id);
    }

    [Fact]
    public async Task Reprocess_with_the_same_engine_changes_nothing()
    {
        var first = await ImportFileAsync("000_c21431a6439d21ac.txt");

        var result = await WithStoreAsync(s => s.ReprocessAsync(new ReprocessScope(All: true), CancellationToken.None));

        Assert.Equal((1, 0, 1, 0), (result.Examined, result.NewRevisions, result.Unchanged, result.Failed));
        await using var db = Database.CreateContext();
        Assert.Equal(1, (await db.Disclosures.SingleAsync(d => d.Id == first.Disclosure!.Id)).LatestRevision);
    }

    [Fact]
    public async Task Reprocess_under_a_changed_rule_catalog_stores_a_new_revision_from_the_kept_bytes()
    {
        var first = await ImportFileAsync("000_c21431a6439d21ac.txt");
        Assert.NotEmpty(first.Findings);
        // Turning every rule off reads the same bytes into a disclosure without findings: a different result.
        var options = new ValidationOptions();
        foreach (var id in new Validator().EnabledRuleIds) options.Rules[id] = new RuleOptions { Enabled = false };
        var quieter = new DisclosureEngine(validator: new Validator(options));

        var result = await WithStoreAsync(s => s.ReprocessAsync(new ReprocessScope(DisclosureId: first.Disclosure!.Id), CancellationToken.None), quieter);

        Assert.Equal((1, 1, 0, 0), (result.Examined, result.NewRevisions, result.Unchanged, result.Failed));
        var created = Assert.Single(result.Created);
        Assert.Equal(2, created.Number);
        Assert.Equal(first.Revision!.Sha256, created.Sha256);
        Assert.Equal(0, created.ErrorCount + created.WarningCount + created.InfoCount);
        await using var db = Database.CreateContext();
        Assert.Equal(Entities.RevisionOrigin.Reprocess, (await db.Revisions.SingleAsync(r => r.Number == 2)).Origin);
        Assert.Equal(0, await db.Indicators.CountAsync(i => i.IsLatest && i.RevisionId == first.Revision.Id));

        var again = await WithStoreAsync(s => s.ReprocessAsync(new ReprocessScope(Department: first.Disclosure!.Department), CancellationToken.None), quieter);
        Assert.Equal((1, 0, 1), (again.Examined, again.NewRevisions, again.Unchanged));
    }

    [Fact]
    public async Task Reprocess_counts_a_file_the_current_engine_cannot_read_as_failed()
    {
        await ImportFileAsync("000_c21431a6439d21ac.txt");
        var tiny = new DisclosureEngine(new EngineLimits { MaxFileBytes = 10 });

        var result = await WithStoreAsync(s => s.ReprocessAsync(new ReprocessScope(FiscalYear: 2024), CancellationToken.None), tiny);

        Assert.Equal((1, 0, 0, 1), (result.Examined, result.NewRevisions, result.Unchanged, result.Failed));
        Assert.Equal("FILE_TOO_LARGE", Assert.Single(result.Failures).Reason);
        await Assert.ThrowsAsync<ArgumentException>(() => WithStoreAsync(s => s.ReprocessAsync(new ReprocessScope(), CancellationToken.None)));
    }
}

public sealed class SqliteRevisionTests() : RevisionBehaviour(TestDatabase.CreateSqliteAsync);

[Collection(PostgresCollection.Name)]
public sealed class PostgreSqlRevisionTests(PostgresCluster cluster) : RevisionBehaviour(() => TestDatabase.CreatePostgreSqlAsync(cluster));
