using BudgetGrpc.Engine.Publishing;
using BudgetGrpc.Data.Tests.Infrastructure;
using BudgetGrpc.Engine;
using BudgetGrpc.Engine.Model;
using Microsoft.EntityFrameworkCore;

namespace BudgetGrpc.Data.Tests;

/// <summary>Diff and real sample files, written as the import writes them.</summary>
public abstract class RevisionBehaviour(Func<Task<TestDatabase>> createDatabase) : StoreBehaviour(createDatabase)
{
    [Fact]
    public async Task Diff_reports_changed_added_and_removed_indicators_and_project_amounts()
    {
        var first = await WriteAsync(TestDisclosures.Make(), "a");
        await WriteAsync(TestDisclosures.Make(satisfaction: 80m, amount: 20m, withCostIndicator: false), "b");

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
            var outcome = await WriteFileAsync(name, hint: "样例部门");
            Assert.True(outcome.Status is RevisionWriteStatus.Created or RevisionWriteStatus.NewRevision, $"{name}: {outcome.Status}");

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
        var outcome = await WriteFileAsync(name, hint: "样例部门");
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
        var first = await WriteFileAsync("000_c21431a6439d21ac.txt");
        var again = await WriteFileAsync("000_c21431a6439d21ac.txt");

        Assert.Equal(RevisionWriteStatus.Created, first.Status);
        Assert.Equal("门源县工业商务和信息化局", first.Disclosure!.Department);
        Assert.Equal(2024, first.Disclosure.FiscalYear);
        Assert.Equal(RevisionWriteStatus.Unchanged, again.Status);
        Assert.Equal(first.Revision!.Id, again.Revision!.Id);
    }
}

public sealed class SqliteRevisionTests() : RevisionBehaviour(TestDatabase.CreateSqliteAsync);

[Collection(PostgresCollection.Name)]
public sealed class PostgreSqlRevisionTests(PostgresCluster cluster) : RevisionBehaviour(() => TestDatabase.CreatePostgreSqlAsync(cluster));
