using System.Globalization;
using System.Text;
using BudgetGrpc.Contracts.V1;
using BudgetGrpc.Tools.Tests.Infrastructure;
using Grpc.Core;
using Grpc.Net.Client;
using Xunit;

namespace BudgetGrpc.Tools.Tests;

/// <summary>`diff`, `export` and `reprocess` over a disclosure with two revisions that differ in one target.</summary>
public sealed class RevisionCommandTests(BudgetServerFixture server) : IClassFixture<BudgetServerFixture>, IAsyncLifetime
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("budget-revisions-").FullName;
    private string _disclosure = "";

    public async Task InitializeAsync()
    {
        // The second revision raises one target from 90 to 95: exactly one CHANGED indicator.
        var original = Cli.Sample("yangli-2025-agri.csv");
        var raised = Path.Combine(_scratch, "yangli-2025-agri-raised.csv");
        var text = await File.ReadAllTextAsync(original, Encoding.UTF8);
        const string target = "\"受益农户满意度\",\"≥\",90,";
        Assert.Contains(target, text);
        await File.WriteAllTextAsync(raised, text.Replace(target, "\"受益农户满意度\",\"≥\",95,"), new UTF8Encoding(false));

        var run = await server.RunAsync(BudgetServerFixture.OperatorKey, "import", original, raised, "--format", "json");
        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        _disclosure = run.Json()[0].GetProperty("disclosure").GetString()!;
    }

    [Fact]
    public async Task Diff_shows_the_one_changed_target()
    {
        var table = await server.RunAsync(BudgetServerFixture.ReaderKey, "diff", Revision(1), Revision(2));
        var json = await server.RunAsync(BudgetServerFixture.ReaderKey, "diff", Revision(1), Revision(2), "--format", "json");

        Assert.True(table.ExitCode == ExitCodes.Ok, table.ToString());
        Assert.Contains("0 added, 0 removed, 1 changed", table.Out);
        var change = Assert.Single(json.Json().GetProperty("indicatorChanges").EnumerateArray());
        Assert.Equal("CHANGE_KIND_CHANGED", change.GetProperty("kind").GetString());
        Assert.Equal("受益农户满意度", change.GetProperty("name").GetString());
        Assert.Contains("value", change.GetProperty("changedFields").EnumerateArray().Select(f => f.GetString()));
        var before = decimal.Parse(change.GetProperty("before").GetProperty("value").GetString()!, CultureInfo.InvariantCulture);
        var after = decimal.Parse(change.GetProperty("after").GetProperty("value").GetString()!, CultureInfo.InvariantCulture);
        Assert.Equal((90m, 95m), (before, after));
        var changedLine = Assert.Single(table.Out.Split('\n'), l => l.Contains("受益农户满意度"));
        Assert.Contains("CHANGED", changedLine);
        Assert.Contains($"≥ {change.GetProperty("before").GetProperty("value").GetString()} %", changedLine);
        Assert.Contains($"≥ {change.GetProperty("after").GetProperty("value").GetString()} %", changedLine);
    }

    [Fact]
    public async Task Diff_across_disclosures_is_refused()
    {
        var run = await server.RunAsync(BudgetServerFixture.ReaderKey, "diff", Revision(1), "disclosures/other/revisions/1");

        Assert.True(run.ExitCode == ExitCodes.Findings, run.ToString());
        Assert.StartsWith("error INVALID_ARGUMENT (", run.Error);
    }

    [Theory]
    [InlineData("json", ExportFormat.Json)]
    [InlineData("csv", ExportFormat.Csv)]
    public async Task Export_writes_the_bytes_the_server_sent(string format, ExportFormat wire)
    {
        var expected = await ExportDirectlyAsync(Revision(2), wire);
        var file = Path.Combine(_scratch, $"export.{format}");

        var toFile = await server.RunAsync(BudgetServerFixture.OperatorKey, "export", Revision(2), "--format", format, "--out", file, "--force");
        var toStdout = await server.RunAsync(BudgetServerFixture.OperatorKey, "export", Revision(2), "--format", format, "--force");

        Assert.True(toFile.ExitCode == ExitCodes.Ok, toFile.ToString());
        Assert.Equal(expected, await File.ReadAllBytesAsync(file));
        Assert.True(toStdout.ExitCode == ExitCodes.Ok, toStdout.ToString());
        Assert.Equal(new UTF8Encoding(false).GetString(expected), toStdout.Out);
        Assert.Contains("受益农户满意度", toStdout.Out);
    }

    [Fact]
    public async Task Reprocess_with_an_unchanged_engine_makes_no_revision_and_needs_an_operator()
    {
        var run = await server.RunAsync(BudgetServerFixture.OperatorKey, "reprocess", "--disclosure", _disclosure, "--format", "json");
        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        var counts = run.Json();
        Assert.Equal(1, counts.GetProperty("examined").GetInt32());
        Assert.Equal(1, counts.GetProperty("unchanged").GetInt32());
        Assert.False(counts.TryGetProperty("newRevisions", out _));

        var table = await server.RunAsync(BudgetServerFixture.OperatorKey, "reprocess", "--all");
        Assert.True(table.ExitCode == ExitCodes.Ok, table.ToString());
        Assert.Matches(@"examined \d+, new revisions 0, unchanged \d+, failed 0", table.Out);

        var reader = await server.RunAsync(BudgetServerFixture.ReaderKey, "reprocess", "--all");
        Assert.True(reader.ExitCode == ExitCodes.Findings, reader.ToString());
        Assert.StartsWith("error PERMISSION_DENIED (ROLE_REQUIRED): ", reader.Error);
    }

    [Fact]
    public async Task Reprocess_needs_exactly_one_scope()
    {
        var none = await server.RunAsync(BudgetServerFixture.OperatorKey, "reprocess");
        var two = await server.RunAsync(BudgetServerFixture.OperatorKey, "reprocess", "--all", "--year", "2025");

        Assert.True(none.ExitCode == ExitCodes.Unreadable, none.ToString());
        Assert.True(two.ExitCode == ExitCodes.Unreadable, two.ToString());
        Assert.Contains("exactly one of", two.Error);
    }

    private string Revision(int n) => $"{_disclosure}/revisions/{n}";

    /// <summary>The export as the server sends it, through a plain client, to compare the command's output with.</summary>
    private async Task<byte[]> ExportDirectlyAsync(string name, ExportFormat format)
    {
        using var channel = GrpcChannel.ForAddress(server.Address);
        var client = new DisclosureService.DisclosureServiceClient(channel);
        var headers = new Metadata { { "authorization", $"Bearer {BudgetServerFixture.OperatorKey}" } };
        var response = await client.ExportRevisionAsync(new ExportRevisionRequest { Name = name, Format = format, Force = true }, headers);
        return response.Content.ToByteArray();
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_scratch, recursive: true);
        return Task.CompletedTask;
    }
}
