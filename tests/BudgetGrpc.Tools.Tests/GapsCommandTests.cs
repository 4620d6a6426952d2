using BudgetGrpc.Tools.Tests.Infrastructure;
using Xunit;

namespace BudgetGrpc.Tools.Tests;

/// <summary>`budget gaps` and the self-evaluation filters of `budget search` against a server that imported the samples.</summary>
public sealed class GapsCommandTests(SeededServerFixture server) : IClassFixture<SeededServerFixture>
{
    private const string Agri = "样例县农业农村局";
    private static readonly string[] PlantedMisses = ["项目按期完成率", "带动农户务工就业", "群众满意度", "强制免疫畜禽数量", "病死畜禽无害化处理率"];

    [Fact]
    public async Task Gaps_prints_the_server_comparison_as_json_and_as_a_table()
    {
        var json = await server.RunAsync(BudgetServerFixture.ReaderKey, "gaps", "--department", Agri, "--year", "2025", "--format", "json");
        Assert.True(json.ExitCode == ExitCodes.Ok, json.ToString());
        var counts = json.Json().GetProperty("counts");
        Assert.Equal(19, counts.GetProperty("met").GetInt32());
        Assert.Equal(5, counts.GetProperty("missed").GetInt32());
        var indicators = json.Json().GetProperty("indicators").EnumerateArray().ToList();
        Assert.Equal(24, indicators.Count);
        Assert.All(indicators, i => Assert.True(i.TryGetProperty("approved", out _) && i.TryGetProperty("evaluated", out _), i.ToString()));
        Assert.Equal(PlantedMisses.Order(), indicators.Where(i => i.GetProperty("status").GetString() == "GAP_STATUS_MISSED")
            .Select(i => i.GetProperty("name").GetString()!).Order());

        var table = await server.RunAsync(BudgetServerFixture.ReaderKey, "gaps", "-d", Agri, "-y", "2025");
        Assert.True(table.ExitCode == ExitCodes.Ok, table.ToString());
        Assert.Contains("19 met, 5 missed, 0 undecided, 0 not evaluated, 0 without an approved target, 0 target changed", table.Out);
        Assert.Contains("群众满意度", table.Out);
        Assert.Contains("MISSED", table.Out);
    }

    [Fact]
    public async Task Gaps_for_a_year_without_a_self_evaluation_is_a_refusal_naming_it()
    {
        var run = await server.RunAsync(BudgetServerFixture.ReaderKey, "gaps", "-d", Agri, "-y", "2024");
        Assert.Equal(ExitCodes.Findings, run.ExitCode);
        Assert.Contains("NO_SELF_EVALUATION", run.Error);
    }

    [Fact]
    public async Task Search_filters_missed_targets_and_scores_the_rules_do_not_give()
    {
        var missed = await server.RunAsync(BudgetServerFixture.ReaderKey, "search", "-d", Agri, "--missed", "--format", "json");
        Assert.True(missed.ExitCode == ExitCodes.Ok, missed.ToString());
        Assert.Equal(PlantedMisses.Order(), missed.Json().GetProperty("hits").EnumerateArray()
            .Select(h => h.GetProperty("indicator").GetProperty("name").GetString()!).Order());

        var differs = await server.RunAsync(BudgetServerFixture.ReaderKey, "search", "-d", Agri, "--score-differs", "--format", "json");
        Assert.Equal(["新建高标准农田面积", "群众满意度"], differs.Json().GetProperty("hits").EnumerateArray()
            .Select(h => h.GetProperty("indicator").GetProperty("name").GetString()!).Order());
    }
}
