using System.Text.Json;
using BudgetGrpc.Engine.Model;
using BudgetGrpc.Engine.Publishing;
using BudgetGrpc.Engine.Tests.Validation;
using Xunit;
using Xunit.Abstractions;

namespace BudgetGrpc.Engine.Tests.Samples;

/// <summary>
/// The self-evaluation sample in its two renderings (one sheet per project with glued targets; three forms on a saved
/// page with split columns) against its gold: the scorer's measures, the budget and score fields, and the planted faults.
/// </summary>
public sealed class SelfEvaluationSampleTests(ITestOutputHelper output)
{
    private const string Gold = "yangli-2025-agri-selfeval.gold.json";

    [Theory]
    [InlineData("yangli-2025-agri-selfeval.xlsx")]
    [InlineData("yangli-2025-agri-selfeval.html")]
    public void Indicators_and_actuals_score_at_least_the_acceptance_threshold(string file)
    {
        var d = SampleGoldTests.ParseSample(file);
        var gold = SharedScorer.LoadGold(Gold);
        Assert.Equal(DisclosureKind.SelfEvaluation, d.Kind);
        Assert.Equal(gold.GetProperty("department").GetString(), d.Department);
        Assert.Equal(gold.GetProperty("fiscalYear").GetInt32(), d.FiscalYear);
        Assert.Equal(gold.GetProperty("amountUnit").GetString(), d.AmountUnit);

        foreach (var g in gold.GetProperty("projects").EnumerateArray())
        {
            var p = Assert.Single(d.Projects, x => x.Name == g.GetProperty("name").GetString());
            Assert.Equal(g.GetProperty("amount").GetDecimal(), p.Amount);
            Assert.Equal(g.GetProperty("objectives").GetInt32(), p.Objectives.Count);
        }
        // The shared scorer on the published JSON: strict F1 and actuals (value, weight and score) of matched indicators.
        var score = SharedScorer.ScoreJson(SharedScorer.GoldPath(Gold), PublicationJson.ToUtf8Bytes(d), file);
        output.WriteLine(score.Output);
        Assert.True(score.StrictF1 >= 0.98, $"strict F1 {score.StrictF1:0.000}\n{score.Output}");
        Assert.True(score.ActualsOk >= 0.98 * score.Actuals, $"actuals {score.ActualsOk}/{score.Actuals}\n{score.Output}");
    }

    [Theory]
    [InlineData("yangli-2025-agri-selfeval.xlsx")]
    [InlineData("yangli-2025-agri-selfeval.html")]
    public void Budget_stated_and_computed_scores_grades_and_reasons_are_the_golds(string file)
    {
        var d = SampleGoldTests.ParseSample(file);
        foreach (var g in SharedScorer.LoadGold(Gold).GetProperty("projects").EnumerateArray())
        {
            var p = Assert.Single(d.Projects, x => x.Name == g.GetProperty("name").GetString());
            var gb = g.GetProperty("budget");
            var b = Assert.IsType<BudgetExecution>(p.Budget);
            Assert.Equal(gb.GetProperty("initial").GetDecimal(), b.Initial);
            Assert.Equal(gb.GetProperty("adjusted").GetDecimal(), b.Adjusted);
            Assert.Equal(gb.GetProperty("executed").GetDecimal(), b.Executed);
            Assert.Equal(gb.GetProperty("executionRate").GetDecimal(), b.ExecutionRate);
            Assert.Equal(gb.GetProperty("weight").GetDecimal(), b.Weight);
            Assert.Equal(gb.GetProperty("score").GetDecimal(), b.Score);
            Assert.Equal(g.GetProperty("declaredScore").GetDecimal(), p.DeclaredScore);
            Assert.Equal(g.GetProperty("computedScore").GetDecimal(), p.ComputedScore);
            Assert.Equal(g.GetProperty("grade").GetString(), p.Grade);
            foreach (var gi in g.GetProperty("indicators").EnumerateArray())
            {
                var i = Assert.Single(p.Indicators, x => x.Name == gi.GetProperty("name").GetString());
                Assert.Equal(gi.GetProperty("computedScore").GetDecimal(), i.ComputedScore);
                Assert.Equal(gi.GetProperty("deviationReason").GetString(), i.DeviationReason);
            }
        }
    }

    [Theory]
    [InlineData("yangli-2025-agri-selfeval.xlsx")]
    [InlineData("yangli-2025-agri-selfeval.html")]
    public void Every_planted_fault_is_raised_on_its_project_and_no_other_error(string file)
    {
        var d = SampleGoldTests.ParseSample(file);
        var gold = SharedScorer.LoadGold(Gold);
        var findings = d.Findings;
        output.WriteLine(SeedJudge.Describe(findings));
        var missing = SeedJudge.NotRaised(findings, gold);
        Assert.True(missing.Count == 0, "Not raised:\n" + string.Join("\n", missing) + "\nRaised:\n" + SeedJudge.Describe(findings));

        var expected = gold.GetProperty("expectedFindings").EnumerateArray()
            .Select(e => (Project: e.GetProperty("project").GetString(), Kind: e.GetProperty("kind").GetString())).ToHashSet();
        var unexpectedErrors = findings.Where(f => f.Severity == Severity.Error && !expected.Contains((f.ProjectCode, SeedJudge.KindOf(f))));
        Assert.True(!unexpectedErrors.Any(), SeedJudge.Describe(unexpectedErrors));

        // expectedNoFindings: a kind (on a project, or anywhere) that must not be raised beyond what is expected.
        foreach (var no in gold.GetProperty("expectedNoFindings").EnumerateArray())
        {
            var kind = no.GetProperty("kind").GetString();
            var project = no.TryGetProperty("project", out var pe) ? pe.GetString() : null;
            var raised = findings.Where(f => SeedJudge.KindOf(f) == kind && (project is null || f.ProjectCode == project)
                && !expected.Contains((f.ProjectCode, kind)));
            Assert.True(!raised.Any(), $"{kind}: {no.GetProperty("note").GetString()}\n{SeedJudge.Describe(raised)}");
        }
    }

    [Fact]
    public void Publication_json_writes_the_self_evaluation_fields_and_target_tables_stay_as_they_were()
    {
        var d = SampleGoldTests.ParseSample("yangli-2025-agri-selfeval.xlsx");
        using var doc = JsonDocument.Parse(PublicationJson.ToUtf8Bytes(d));
        var root = doc.RootElement;
        Assert.Equal("selfEvaluation", root.GetProperty("kind").GetString());
        var p = root.GetProperty("projects")[1];
        Assert.Equal("38.00", p.GetProperty("budget").GetProperty("adjusted").GetString());
        Assert.Equal("96", p.GetProperty("budget").GetProperty("executionRate").GetString());
        Assert.Equal("98.6", p.GetProperty("declaredScore").GetString());
        Assert.Equal("99.28", p.GetProperty("computedScore").GetString());
        Assert.Equal("优", p.GetProperty("grade").GetString());
        var i = p.GetProperty("indicators")[6];
        Assert.Equal("群众满意度", i.GetProperty("name").GetString());
        Assert.Equal("92", i.GetProperty("actual").GetProperty("value").GetString());
        Assert.Equal("%", i.GetProperty("actual").GetProperty("unit").GetString());
        Assert.Equal("92%", i.GetProperty("actual").GetProperty("text").GetString());
        Assert.Equal("10", i.GetProperty("weight").GetString());
        Assert.Equal("10", i.GetProperty("score").GetString());
        Assert.Equal("9.68", i.GetProperty("computedScore").GetString());
        Assert.StartsWith("部分群众", i.GetProperty("deviationReason").GetString());

        using var target = JsonDocument.Parse(PublicationJson.ToUtf8Bytes(SampleGoldTests.ParseSample("yangli-2025-agri.xlsx")));
        Assert.Equal("projectTargets", target.RootElement.GetProperty("kind").GetString());
        var tp = target.RootElement.GetProperty("projects")[0];
        foreach (var field in new[] { "budget", "declaredScore", "computedScore", "grade" }) Assert.False(tp.TryGetProperty(field, out _), field);
        foreach (var field in new[] { "actual", "score", "computedScore", "deviationReason" })
            Assert.False(tp.GetProperty("indicators")[0].TryGetProperty(field, out _), field);
    }

    [Fact]
    public void Flat_csv_carries_the_evaluation_columns_for_self_evaluations_only()
    {
        var csv = System.Text.Encoding.UTF8.GetString(FlatCsv.ToUtf8Bytes(SampleGoldTests.ParseSample("yangli-2025-agri-selfeval.html")));
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.EndsWith("actualValue,actualUnit,actualQualitativeValue,weight,score,indicatorComputedScore,deviationReason", lines[0]);
        Assert.Contains(lines, l => l.Contains("群众满意度") && l.Contains(",92,%,,10,10,9.68,部分群众"));
        var target = System.Text.Encoding.UTF8.GetString(FlatCsv.ToUtf8Bytes(SampleGoldTests.ParseSample("yangli-2025-agri.xlsx")));
        Assert.EndsWith("text,sourceRef", target.TrimStart('\uFEFF').Split("\r\n")[0]);
    }
}
