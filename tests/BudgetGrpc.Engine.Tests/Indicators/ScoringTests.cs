using BudgetGrpc.Engine.Indicators;
using BudgetGrpc.Engine.Model;
using BudgetGrpc.Engine.Validation;
using Xunit;

namespace BudgetGrpc.Engine.Tests.Indicators;

/// <summary>The scoring rules of self-evaluations, one setting at a time.</summary>
public class ScoringTests
{
    /// <summary>An indicator of the scoring tests (ScoringEdgeTests too): levels and name fixed, the rest as given.</summary>
    internal static Indicator Target(Comparator c, decimal? value, string unit, decimal? weight, IndicatorActual? actual, string words = "") => new()
    {
        Level1 = "产出指标",
        Level2 = "数量指标",
        Name = "指标",
        Comparator = c,
        Value = value,
        Unit = unit,
        QualitativeValue = words,
        Text = "指标",
        Source = SourceRef.None,
        Weight = weight,
        Actual = actual,
    };

    internal static IndicatorActual Num(decimal v, string unit = "") => new(v, unit, "", v + unit);
    internal static IndicatorActual Words(string w) => new(null, "", w, w);

    [Theory]
    [InlineData(">=", 300, "人次", 8, 280, "人次", 7.47)]     // 8 × 280/300, rounded to 2 decimals
    [InlineData(">=", 52, "万头(只)", 15, 49.4, "万头(只)", 14.25)]
    [InlineData("=", 100, "%", 15, 98, "%", 14.7)]
    [InlineData(">=", 10000, "亩", 15, 10260, "亩", 15)]   // capped at the weight
    [InlineData("<=", 1250, "元/亩", 10, 1200, "元/亩", 10)]
    [InlineData("<=", 100, "万元", 10, 125, "万元", 8)]      // negative: 10 × 100/125
    [InlineData("<=", 5, "天", 10, 0, "天", 10)]             // negative with actual 0: full marks
    [InlineData("=", 0, "起", 15, 0, "起", 15)]              // = 0 met by 0 only
    [InlineData("=", 0, "起", 15, 2, "起", 0)]
    [InlineData(">=", 90, "%", 10, 93, "", 10)]              // a bare actual takes the target's unit
    [InlineData("<=", 10, "万元", 10, 98000, "元", 10)]      // money units convert
    public void Quantitative_indicators_score_by_the_ratio(string comparator, double target, string unit, double weight, double actual, string actualUnit, double expected)
    {
        var i = Target(ComparatorExtensions.FromWire(comparator), (decimal)target, unit, (decimal)weight, Num((decimal)actual, actualUnit));
        Assert.Equal((decimal)expected, SelfEvaluationScoring.IndicatorScore(i, new ScoringOptions()));
    }

    [Theory]
    [InlineData("按期完成", "已按期完成", TargetOutcome.Met)]
    [InlineData("持续提升", "达成年度目标", TargetOutcome.Met)]
    [InlineData("无明显影响", "无明显影响", TargetOutcome.Met)]
    [InlineData("年底前完成", "已于12月中旬完成", TargetOutcome.Met)]
    [InlineData("按期完成", "未完成", TargetOutcome.Missed)]
    [InlineData("按期完成", "部分完成", TargetOutcome.Undecided)]
    [InlineData("显著提升", "见附件", TargetOutcome.Undecided)]
    public void Qualitative_indicators_score_by_the_actuals_words(string target, string actual, TargetOutcome outcome)
    {
        var i = Target(Comparator.Qualitative, null, "", 10, Words(actual), target);
        var assessment = SelfEvaluationScoring.Assess(i, new ScoringOptions());
        Assert.Equal(outcome, assessment.Outcome);
        Assert.Equal(outcome switch { TargetOutcome.Met => 10m, TargetOutcome.Missed => 0m, _ => null }, SelfEvaluationScoring.IndicatorScore(i, new ScoringOptions()));
    }

    [Fact]
    public void Settings_change_the_rules()
    {
        var over = Target(Comparator.GreaterOrEqual, 100, "亩", 10, Num(120, "亩"));
        Assert.Equal(12m, SelfEvaluationScoring.IndicatorScore(over, new ScoringOptions { CapAtWeight = false }));
        var third = Target(Comparator.GreaterOrEqual, 3, "次", 10, Num(2, "次"));
        Assert.Equal(6.7m, SelfEvaluationScoring.IndicatorScore(third, new ScoringOptions { Decimals = 1 }));
        var zero = Target(Comparator.Equal, 0, "起", 10, Num(1, "起"));
        Assert.Equal(10m, SelfEvaluationScoring.IndicatorScore(zero, new ScoringOptions { ZeroEqualsTargetIsExact = false }));
        var words = Target(Comparator.Qualitative, null, "", 10, Words("圆满收官"), "按期完成");
        Assert.Null(SelfEvaluationScoring.IndicatorScore(words, new ScoringOptions()));
        Assert.Equal(10m, SelfEvaluationScoring.IndicatorScore(words, new ScoringOptions { AchievedWords = ["收官"] }));
    }

    [Fact]
    public void Budget_execution_scores_executed_over_adjusted_or_initial()
    {
        var budget = new BudgetExecution { Initial = 35, Adjusted = 38, Executed = 36.48m, Weight = 10 };
        Assert.Equal(9.6m, SelfEvaluationScoring.BudgetScore(budget, new ScoringOptions()));
        Assert.Equal(10m, SelfEvaluationScoring.BudgetScore(budget, new ScoringOptions { BudgetAgainstInitial = true }));
        Assert.Equal(8.6m, SelfEvaluationScoring.BudgetScore(new BudgetExecution { ExecutionRate = 86, Weight = 10 }, new ScoringOptions()));
        Assert.Null(SelfEvaluationScoring.BudgetScore(new BudgetExecution { Executed = 5, Adjusted = 10 }, new ScoringOptions()));
    }

    [Theory]
    [InlineData(98.82, "优")]
    [InlineData(90, "优")]
    [InlineData(89.99, "良")]
    [InlineData(60, "中")]
    [InlineData(59.5, "差")]
    public void Grades_follow_the_thresholds(double total, string grade) =>
        Assert.Equal(grade, SelfEvaluationScoring.Grade((decimal)total, new ScoringOptions()));

    [Fact]
    public void A_project_total_adds_the_budget_and_the_computed_scores_stated_ones_where_the_rules_give_none()
    {
        var project = new Project
        {
            Code = "1",
            Name = "项目",
            Source = SourceRef.None,
            Budget = new BudgetExecution { Adjusted = 10, Executed = 9, Weight = 10, Score = 9 },
            Indicators =
            [
                Target(Comparator.GreaterOrEqual, 10, "次", 50, Num(8, "次")) with { Score = 50 },
                Target(Comparator.Qualitative, null, "", 40, Words("部分达成"), "按期完成") with { Score = 30 },
            ],
        };
        var scored = SelfEvaluationScoring.Score(project, new ScoringOptions());
        Assert.Equal(40m, scored.Indicators[0].ComputedScore);
        Assert.Null(scored.Indicators[1].ComputedScore);
        Assert.Equal(9m, scored.Budget!.ComputedScore);
        Assert.Equal(79m, scored.ComputedScore);
        Assert.Equal("中", scored.Grade);
    }
}
