using System.Text.Json;
using BudgetGrpc.Tools.Tests.Infrastructure;
using Xunit;

namespace BudgetGrpc.Tools.Tests;

/// <summary>`list`, `show`, `search` against a server that imported the samples at start.</summary>
public sealed class ReadCommandTests(SeededServerFixture server) : IClassFixture<SeededServerFixture>
{
    private const string Agri = "样例县农业农村局";

    [Fact]
    public async Task List_shows_every_seeded_disclosure()
    {
        var table = await server.RunAsync(BudgetServerFixture.ReaderKey, "list", "--all");
        var json = await server.RunAsync(BudgetServerFixture.ReaderKey, "list", "--all", "--format", "json");

        Assert.True(table.ExitCode == ExitCodes.Ok, table.ToString());
        Assert.True(json.ExitCode == ExitCodes.Ok, json.ToString());
        var disclosures = Disclosures(json);
        // 农业农村局 publishes three kinds for 2025: its target table, its self-evaluation and its department-wide table.
        Assert.Equal(new[] { "样例县教育局", Agri, Agri, Agri, "门源县工业商务和信息化局" }.Order(StringComparer.Ordinal), disclosures.Select(d => d.GetProperty("department").GetString()).Order(StringComparer.Ordinal));
        foreach (var d in disclosures)
        {
            Assert.Contains(d.GetProperty("name").GetString()!, table.Out);
            Assert.Contains(d.GetProperty("department").GetString()!, table.Out);
        }
    }

    [Fact]
    public async Task List_pages_one_at_a_time_and_all_follows_the_tokens()
    {
        var all = Disclosures(await server.RunAsync(BudgetServerFixture.ReaderKey, "list", "--all", "--format", "json"));

        var first = await server.RunAsync(BudgetServerFixture.ReaderKey, "list", "--page-size", "1", "--format", "json");
        Assert.True(first.ExitCode == ExitCodes.Ok, first.ToString());
        Assert.Single(Disclosures(first));
        var token = first.Json().GetProperty("nextPageToken").GetString()!;
        Assert.Contains($"--page-token {token}", first.Error);

        var second = await server.RunAsync(BudgetServerFixture.ReaderKey, "list", "--page-size", "1", "--page-token", token, "--format", "json");
        Assert.NotEqual(Name(Disclosures(first)[0]), Name(Assert.Single(Disclosures(second))));

        var followed = await server.RunAsync(BudgetServerFixture.ReaderKey, "list", "--page-size", "1", "--all", "--format", "json");
        Assert.Equal(all.Select(Name), Disclosures(followed).Select(Name));
        Assert.Equal("", followed.Error);
    }

    [Fact]
    public async Task List_filters_by_department_and_year()
    {
        var byDepartment = await server.RunAsync(BudgetServerFixture.ReaderKey, "list", "--department", Agri, "--format", "json");
        var byYear = await server.RunAsync(BudgetServerFixture.ReaderKey, "list", "--year", "2024", "--format", "json");

        Assert.Equal(3, Disclosures(byDepartment).Count);
        Assert.All(Disclosures(byDepartment), d => Assert.Equal(Agri, d.GetProperty("department").GetString()));
        Assert.Equal("门源县工业商务和信息化局", Assert.Single(Disclosures(byYear)).GetProperty("department").GetString());
    }

    [Fact]
    public async Task Show_a_disclosure_lists_its_revisions_and_show_a_revision_its_projects_and_findings()
    {
        var agri = await AgriAsync();
        var name = Name(agri);

        var disclosure = await server.RunAsync(BudgetServerFixture.ReaderKey, "show", name);
        Assert.True(disclosure.ExitCode == ExitCodes.Ok, disclosure.ToString());
        var revisionCount = agri.GetProperty("revisionCount").GetInt32();
        for (var n = 1; n <= revisionCount; n++) Assert.Contains($"{name}/revisions/{n}", disclosure.Out);

        var revision = await server.RunAsync(BudgetServerFixture.ReaderKey, "show", $"{name}/revisions/1");
        Assert.True(revision.ExitCode == ExitCodes.Ok, revision.ToString());
        Assert.Contains("高标准农田建设项目", revision.Out);
        Assert.Contains("受益农户满意度", revision.Out);
        Assert.Matches(@"\d+ errors, \d+ warnings, \d+ infos", revision.Out);

        var json = await server.RunAsync(BudgetServerFixture.ReaderKey, "show", $"{name}/revisions/1", "--format", "json");
        var root = json.Json();
        Assert.Equal($"{name}/revisions/1", root.GetProperty("name").GetString());
        var indicators = root.GetProperty("projects").EnumerateArray().Sum(p => p.GetProperty("indicators").GetArrayLength());
        Assert.Equal(root.GetProperty("indicatorCount").GetInt32(), indicators);
    }

    [Fact]
    public async Task Show_of_an_unknown_disclosure_is_not_found_and_of_a_malformed_name_names_the_field()
    {
        var unknown = await server.RunAsync(BudgetServerFixture.ReaderKey, "show", "disclosures/does-not-exist");
        Assert.True(unknown.ExitCode == ExitCodes.Findings, unknown.ToString());
        Assert.StartsWith("error NOT_FOUND (RESOURCE_NOT_FOUND): ", unknown.Error);

        var malformed = await server.RunAsync(BudgetServerFixture.ReaderKey, "show", "disclosures/a/revisions/zero");
        Assert.True(malformed.ExitCode == ExitCodes.Findings, malformed.ToString());
        Assert.StartsWith("error INVALID_ARGUMENT (MALFORMED_RESOURCE_NAME): ", malformed.Error);
        Assert.Contains("\n  name", malformed.Error);
    }

    [Fact]
    public async Task Search_finds_satisfaction_targets_by_level_unit_and_range()
    {
        var run = await server.RunAsync(BudgetServerFixture.ReaderKey,
            "search", "--level1", "满意度指标", "--unit", "%", "--min", "90", "--all", "--format", "json");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        var hits = run.Json().GetProperty("hits").EnumerateArray().ToList();
        Assert.NotEmpty(hits);
        Assert.All(hits, h =>
        {
            var indicator = h.GetProperty("indicator");
            Assert.Equal("满意度指标", indicator.GetProperty("level1").GetString());
            Assert.Equal("%", indicator.GetProperty("unit").GetString());
            Assert.True(decimal.Parse(indicator.GetProperty("value").GetString()!, System.Globalization.CultureInfo.InvariantCulture) >= 90);
        });
        var agri = Name(await AgriAsync());
        var satisfaction = Assert.Single(hits, h => h.GetProperty("indicator").GetProperty("name").GetString() == "受益农户满意度"
            && h.GetProperty("revision").GetString()!.StartsWith(agri + "/", StringComparison.Ordinal));
        var value = satisfaction.GetProperty("indicator").GetProperty("value").GetString();

        var table = await server.RunAsync(BudgetServerFixture.ReaderKey, "search", "--text", "受益农户满意度");
        Assert.True(table.ExitCode == ExitCodes.Ok, table.ToString());
        Assert.Contains("受益农户满意度", table.Out);
        Assert.Contains(table.Out.Split('\n'), l => l.Contains("受益农户满意度") && l.Contains($"≥ {value} %"));
    }

    [Fact]
    public async Task Search_with_an_impossible_bound_is_a_usage_error_without_a_call()
    {
        var run = await server.RunAsync(BudgetServerFixture.ReaderKey, "search", "--min", "ninety");

        Assert.True(run.ExitCode == ExitCodes.Unreadable, run.ToString());
        Assert.Contains("--min 'ninety' is not a decimal number", run.Error);
    }

    /// <summary>The agri department's target table (its self-evaluation and department-wide table are disclosures of other kinds).</summary>
    private async Task<JsonElement> AgriAsync() =>
        Disclosures(await server.RunAsync(BudgetServerFixture.ReaderKey, "list", "--department", Agri, "--format", "json"))
            .Single(d => d.TryGetProperty("kind", out var kind) && kind.GetString() == "DISCLOSURE_KIND_TARGET_TABLE");

    private static List<JsonElement> Disclosures(CliRun run) =>
        run.Json().TryGetProperty("disclosures", out var list) ? list.EnumerateArray().ToList() : [];

    private static string Name(JsonElement disclosure) => disclosure.GetProperty("name").GetString()!;
}
