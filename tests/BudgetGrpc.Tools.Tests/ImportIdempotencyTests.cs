using BudgetGrpc.Tools.Tests.Infrastructure;
using Xunit;

namespace BudgetGrpc.Tools.Tests;

/// <summary>The samples imported twice into a server of their own, so no other test has imported them before.</summary>
public sealed class ImportIdempotencyTests(BudgetServerFixture server) : IClassFixture<BudgetServerFixture>
{
    [Fact]
    public async Task Samples_are_created_or_new_revisions_then_unchanged_on_the_second_run()
    {
        var first = await server.RunAsync(BudgetServerFixture.OperatorKey, "import", Cli.SamplesFolder, "--format", "json");
        Assert.True(first.ExitCode == ExitCodes.Ok, first.ToString());
        var firstRows = Rows(first);
        var sampleFiles = Directory.GetFiles(Cli.SamplesFolder).Length;
        Assert.Equal(sampleFiles, firstRows.Count);
        Assert.All(firstRows, r => Assert.Contains(r.Outcome, new[] { "CREATED", "NEW_REVISION" }));
        // One CREATED per disclosure, every other file of that disclosure a further revision.
        Assert.Equal(firstRows.Select(r => r.Disclosure).Distinct().Count(), firstRows.Count(r => r.Outcome == "CREATED"));
        Assert.Equal(firstRows.Count, firstRows.Select(r => r.Revision).Distinct().Count());

        var second = await server.RunAsync(BudgetServerFixture.OperatorKey, "import", Cli.SamplesFolder, "--format", "json");
        Assert.True(second.ExitCode == ExitCodes.Ok, second.ToString());
        var secondRows = Rows(second);
        Assert.All(secondRows, r => Assert.Equal("UNCHANGED", r.Outcome));
        // The same bytes answer the revision they made the first time.
        Assert.Equal(firstRows.Select(r => (r.File, r.Revision)), secondRows.Select(r => (r.File, r.Revision)));
    }

    private sealed record Row(string File, string Outcome, string Revision, string Disclosure);

    private static List<Row> Rows(CliRun run) => run.Json().EnumerateArray()
        .Select(r => new Row(r.GetProperty("file").GetString()!, r.GetProperty("outcome").GetString()!,
            r.GetProperty("revision").GetString()!, r.GetProperty("disclosure").GetString()!))
        .ToList();
}
