using BudgetGrpc.Tools.Tests.Infrastructure;
using Xunit;

namespace BudgetGrpc.Tools.Tests;

/// <summary>`budget parse`, `validate` and `compare` on self-evaluation files: offline, with the documented exit codes.</summary>
public sealed class SelfEvaluationCommandTests
{
    [Fact]
    public async Task Parse_writes_the_self_evaluation_fields_and_validate_exits_1_on_its_planted_errors()
    {
        var parse = await Cli.RunAsync("parse", Cli.Sample("yangli-2025-agri-selfeval.xlsx"), "--format", "json");
        Assert.True(parse.ExitCode == ExitCodes.Ok, parse.ToString());
        Assert.Equal("selfEvaluation", parse.Json().GetProperty("kind").GetString());
        Assert.Equal("99.28", parse.Json().GetProperty("projects")[1].GetProperty("computedScore").GetString());

        var validate = await Cli.RunAsync("validate", Cli.Sample("yangli-2025-agri-selfeval.html"), "--format", "json");
        Assert.True(validate.ExitCode == ExitCodes.Findings, validate.ToString());
        Assert.Equal(2, validate.Json().GetProperty("errors").GetInt32());
    }

    [Fact]
    public async Task Compare_links_every_target_and_names_each_miss_as_json_and_as_a_table()
    {
        var json = await Cli.RunAsync("compare", Cli.Sample("yangli-2025-agri.xlsx"), Cli.Sample("yangli-2025-agri-selfeval.xlsx"), "--format", "json");
        Assert.True(json.ExitCode == ExitCodes.Ok, json.ToString());
        var summary = json.Json().GetProperty("summary");
        Assert.Equal((19, 5, 0, 0), (summary.GetProperty("met").GetInt32(), summary.GetProperty("missed").GetInt32(),
            summary.GetProperty("notEvaluated").GetInt32(), summary.GetProperty("withoutApprovedTarget").GetInt32()));
        var missed = json.Json().GetProperty("indicators").EnumerateArray()
            .Where(i => i.GetProperty("status").GetString() == "missed").Select(i => i.GetProperty("name").GetString()).ToList();
        Assert.Contains("群众满意度", missed);

        var table = await Cli.RunAsync("compare", Cli.Sample("yangli-2025-agri.html"), Cli.Sample("yangli-2025-agri-selfeval.html"));
        Assert.True(table.ExitCode == ExitCodes.Ok, table.ToString());
        Assert.Contains("19 met, 5 missed", table.Out);
    }

    [Fact]
    public async Task Compare_refuses_a_second_file_that_is_no_self_evaluation()
    {
        var run = await Cli.RunAsync("compare", Cli.Sample("yangli-2025-agri.xlsx"), Cli.Sample("yangli-2025-agri.csv"));
        Assert.Equal(ExitCodes.Unreadable, run.ExitCode);
        Assert.Contains("no self-evaluation", run.Error);
    }
}
