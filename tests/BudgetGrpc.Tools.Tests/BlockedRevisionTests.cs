using System.Text;
using BudgetGrpc.Tools.Tests.Infrastructure;
using Xunit;

namespace BudgetGrpc.Tools.Tests;

/// <summary>A revision with an error finding: stored as BLOCKED, exported only when an operator forces it.</summary>
public sealed class BlockedRevisionTests(BudgetServerFixture server) : IClassFixture<BudgetServerFixture>, IDisposable
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("budget-blocked-").FullName;

    [Fact]
    public async Task A_blocked_revision_is_listed_as_blocked_and_exported_only_with_force_by_an_operator()
    {
        // 合计 one 元 off the sum of the projects: BG101, an error.
        var file = Path.Combine(_scratch, "agri-total-off-by-one.csv");
        var text = await File.ReadAllTextAsync(Cli.Sample("yangli-2025-agri.csv"), Encoding.UTF8);
        Assert.Contains("\"合计\",,13930000,", text);
        await File.WriteAllTextAsync(file, text.Replace("\"合计\",,13930000,", "\"合计\",,13930001,"), new UTF8Encoding(false));

        var import = await server.RunAsync(BudgetServerFixture.OperatorKey, "import", file, "--format", "json");
        Assert.True(import.ExitCode == ExitCodes.Ok, import.ToString());
        var row = import.Json()[0];
        Assert.True(row.GetProperty("findingCounts").GetProperty("errors").GetInt32() > 0, import.ToString());
        Assert.Contains(row.GetProperty("findings").EnumerateArray(), f => f.GetProperty("ruleId").GetString() == "BG101");
        var revision = row.GetProperty("revision").GetString()!;

        var blocked = await server.RunAsync(BudgetServerFixture.ReaderKey, "list", "--status", "blocked");
        Assert.Contains(row.GetProperty("disclosure").GetString()!, blocked.Out);
        Assert.Contains("BLOCKED", blocked.Out);

        var refused = await server.RunAsync(BudgetServerFixture.OperatorKey, "export", revision);
        Assert.True(refused.ExitCode == ExitCodes.Findings, refused.ToString());
        Assert.StartsWith("error FAILED_PRECONDITION (", refused.Error);
        Assert.Equal("", refused.Out);

        var readerForce = await server.RunAsync(BudgetServerFixture.ReaderKey, "export", revision, "--force");
        Assert.True(readerForce.ExitCode == ExitCodes.Findings, readerForce.ToString());
        Assert.StartsWith("error PERMISSION_DENIED (", readerForce.Error);

        var forced = await server.RunAsync(BudgetServerFixture.OperatorKey, "export", revision, "--force", "--format", "csv");
        Assert.True(forced.ExitCode == ExitCodes.Ok, forced.ToString());
        Assert.Contains("受益农户满意度", forced.Out);
    }

    public void Dispose() => Directory.Delete(_scratch, recursive: true);
}
