using BudgetGrpc.Engine.Indicators;
using BudgetGrpc.Engine.Model;
using BudgetGrpc.Engine.Validation;
using Xunit;

using static BudgetGrpc.Engine.Tests.Indicators.ScoringTests;

namespace BudgetGrpc.Engine.Tests.Indicators;

/// <summary>
/// The scoring rules at their edges: each boundary on both sides, each setting switched, each fallback taken, so that a
/// changed comparison or a dropped branch shows (issue 15's mutation testing found these unpinned).
/// </summary>
public class ScoringEdgeTests
{
    private static readonly ScoringOptions Defaults = new();

    private static Project Project(BudgetExecution? budget, StatedTotal? total, params Indicator[] indicators) => new()
    {
        Code = "1",
        Name = "项目",
        Source = SourceRef.None,
        Budget = budget,
        StatedTotal = total,
        Indicators = indicators,
    };

    private static Disclosure Of(DisclosureKind kind, params Project[] projects) => new()
    {
        Source = new SourceInfo("t.xlsx", "", "xlsx", Layout.Form),
        Kind = kind,
        Projects = projects,
    };

    // ---- Apply and the project total ----

    [Theory]
    [InlineData(DisclosureKind.TargetTable)]
    [InlineData(DisclosureKind.DepartmentTargets)]
    public void Only_a_self_evaluation_is_scored(DisclosureKind kind)
    {
        var disclosure = Of(kind, Project(null, null, Target(Comparator.GreaterOrEqual, 10, "次", 10, Num(5, "次"))));
        Assert.Same(disclosure, SelfEvaluationScoring.Apply(disclosure, Defaults));
    }

    [Fact]
    public void A_self_evaluation_has_every_project_scored()
    {
        var disclosure = Of(DisclosureKind.SelfEvaluation,
            Project(null, null, Target(Comparator.GreaterOrEqual, 10, "次", 10, Num(5, "次"))),
            Project(null, null, Target(Comparator.GreaterOrEqual, 4, "次", 20, Num(4, "次"))));
        var scored = SelfEvaluationScoring.Apply(disclosure, Defaults);
        Assert.Equal([5m, 20m], scored.Projects.Select(p => p.ComputedScore!.Value));
        Assert.Equal(["差", "差"], scored.Projects.Select(p => p.Grade));
    }

    [Fact]
    public void Nothing_evaluated_gives_no_total_and_no_grade_even_with_a_budget_score()
    {
        var project = Project(new BudgetExecution { Adjusted = 10, Executed = 10, Weight = 10 }, null,
            Target(Comparator.GreaterOrEqual, 10, "次", 90, null));
        var scored = SelfEvaluationScoring.Score(project, Defaults);
        Assert.Equal(10m, scored.Budget!.ComputedScore);
        Assert.Null(scored.Indicators[0].ComputedScore);
        Assert.Null(scored.ComputedScore);
        Assert.Equal("", scored.Grade);
    }

    [Fact]
    public void A_stated_indicator_score_alone_makes_a_total()
    {
        var project = Project(null, null, Target(Comparator.GreaterOrEqual, 10, "次", null, null) with { Score = 85 });
        var scored = SelfEvaluationScoring.Score(project, Defaults);
        Assert.Equal(85m, scored.ComputedScore);
        Assert.Equal("良", scored.Grade);
    }

    [Fact]
    public void The_budget_part_counts_with_its_stated_score_where_the_rules_give_none()
    {
        // A budget without amounts or rate: no computed score, the stated 8 counts.
        var project = Project(new BudgetExecution { Weight = 10, Score = 8 }, null, Target(Comparator.GreaterOrEqual, 10, "次", 90, Num(10, "次")));
        var scored = SelfEvaluationScoring.Score(project, Defaults);
        Assert.Null(scored.Budget!.ComputedScore);
        Assert.Equal(98m, scored.ComputedScore);
        Assert.Equal("优", scored.Grade);
    }

    [Fact]
    public void The_budget_part_left_out_of_the_total_when_the_stated_total_is_the_indicators_weights()
    {
        var indicators = new[]
        {
            Target(Comparator.GreaterOrEqual, 10, "次", 60, Num(10, "次")),
            Target(Comparator.GreaterOrEqual, 10, "次", 40, Num(5, "次")),
        };
        var inside = Project(new BudgetExecution { Adjusted = 10, Executed = 10, Weight = 10 }, new StatedTotal(100, null, SourceRef.None), indicators);
        Assert.False(SelfEvaluationScoring.BudgetInTotal(inside));
        Assert.Equal(80m, SelfEvaluationScoring.Score(inside, Defaults).ComputedScore);
        var beside = inside with { StatedTotal = new StatedTotal(110, null, SourceRef.None) };
        Assert.True(SelfEvaluationScoring.BudgetInTotal(beside));
        Assert.Equal(90m, SelfEvaluationScoring.Score(beside, Defaults).ComputedScore);
    }

    [Fact]
    public void The_budget_part_counts_whenever_the_weights_cannot_say_otherwise()
    {
        var weighted = Target(Comparator.GreaterOrEqual, 10, "次", 100, Num(10, "次"));
        var budget = new BudgetExecution { Adjusted = 10, Executed = 10, Weight = 10 };
        var total = new StatedTotal(100, null, SourceRef.None);
        Assert.True(SelfEvaluationScoring.BudgetInTotal(Project(null, total, weighted)));                                   // no budget
        Assert.True(SelfEvaluationScoring.BudgetInTotal(Project(budget with { Weight = null }, total, weighted)));           // budget without weight
        Assert.True(SelfEvaluationScoring.BudgetInTotal(Project(budget with { Weight = 0 }, total, weighted)));              // budget weight 0
        Assert.True(SelfEvaluationScoring.BudgetInTotal(Project(budget, null, weighted)));                                   // no total row
        Assert.True(SelfEvaluationScoring.BudgetInTotal(Project(budget, new StatedTotal(null, 95, SourceRef.None), weighted))); // total without weight
        Assert.True(SelfEvaluationScoring.BudgetInTotal(Project(budget, total)));                                            // no indicators
        Assert.True(SelfEvaluationScoring.BudgetInTotal(Project(budget, total, weighted, weighted with { Weight = null }))); // a weight missing
        Assert.False(SelfEvaluationScoring.BudgetInTotal(Project(budget, total, weighted)));
    }

    // ---- grades ----

    [Theory]
    [InlineData(80, "良")]
    [InlineData(79.99, "中")]
    [InlineData(60, "中")]
    [InlineData(59.99, "差")]
    [InlineData(0, "差")]
    public void Grade_thresholds_are_inclusive(double total, string grade) =>
        Assert.Equal(grade, SelfEvaluationScoring.Grade((decimal)total, Defaults));

    [Theory]
    [InlineData(95, "良")]
    [InlineData(96, "优")]
    [InlineData(85, "良")]
    [InlineData(84.9, "中")]
    [InlineData(70, "中")]
    [InlineData(69.9, "差")]
    public void Grade_thresholds_are_settings(double total, string grade) =>
        Assert.Equal(grade, SelfEvaluationScoring.Grade((decimal)total, new ScoringOptions { GradeExcellent = 96, GradeGood = 85, GradePass = 70 }));

    // ---- budget execution ----

    [Fact]
    public void A_budget_without_weight_has_no_score() =>
        Assert.Null(SelfEvaluationScoring.BudgetScore(new BudgetExecution { Adjusted = 10, Executed = 10 }, Defaults));

    [Fact]
    public void The_denominator_falls_back_to_the_other_budget_figure()
    {
        var onlyInitial = new BudgetExecution { Initial = 20, Executed = 15, Weight = 10 };
        Assert.Equal(7.5m, SelfEvaluationScoring.BudgetScore(onlyInitial, Defaults));
        var onlyAdjusted = new BudgetExecution { Adjusted = 20, Executed = 5, Weight = 10 };
        Assert.Equal(2.5m, SelfEvaluationScoring.BudgetScore(onlyAdjusted, new ScoringOptions { BudgetAgainstInitial = true }));
    }

    [Fact]
    public void A_zero_budget_takes_the_stated_rate_and_a_computed_rate_is_never_used()
    {
        var zero = new BudgetExecution { Adjusted = 0, Executed = 5, ExecutionRate = 50, Weight = 10 };
        Assert.Equal(5m, SelfEvaluationScoring.BudgetScore(zero, Defaults));
        Assert.Null(SelfEvaluationScoring.BudgetScore(zero with { ExecutionRateComputed = true }, Defaults));
        var noExecuted = new BudgetExecution { Adjusted = 10, ExecutionRate = 95, Weight = 10 };
        Assert.Equal(9.5m, SelfEvaluationScoring.BudgetScore(noExecuted, Defaults));
    }

    [Fact]
    public void Budget_over_execution_is_capped_unless_the_setting_says_not_and_a_negative_scores_zero()
    {
        var over = new BudgetExecution { Adjusted = 10, Executed = 12, Weight = 10 };
        Assert.Equal(10m, SelfEvaluationScoring.BudgetScore(over, Defaults));
        Assert.Equal(12m, SelfEvaluationScoring.BudgetScore(over, new ScoringOptions { CapAtWeight = false }));
        var refund = new BudgetExecution { Adjusted = 10, Executed = -2, Weight = 10 };
        Assert.Equal(0m, SelfEvaluationScoring.BudgetScore(refund, Defaults));
    }

    [Fact]
    public void An_exact_budget_score_is_not_rounded()
    {
        var third = new BudgetExecution { Adjusted = 3, Executed = 1, Weight = 10 };
        Assert.Equal(3.33m, SelfEvaluationScoring.BudgetScore(third, Defaults));
        Assert.Equal(10m * (1m / 3m), SelfEvaluationScoring.BudgetScore(third, Defaults, exact: true));
    }

    // ---- quantitative assessment ----

    [Fact]
    public void No_actual_or_an_unstated_one_is_not_stated()
    {
        Assert.Equal(new Assessment(TargetOutcome.NotStated, null), SelfEvaluationScoring.Assess(Target(Comparator.GreaterOrEqual, 10, "次", 10, null), Defaults));
        var unstated = new IndicatorActual(null, "", "", "");
        Assert.False(unstated.IsStated);
        Assert.Equal(new Assessment(TargetOutcome.NotStated, null), SelfEvaluationScoring.Assess(Target(Comparator.GreaterOrEqual, 10, "次", 10, unstated), Defaults));
    }

    [Fact]
    public void A_figure_against_a_target_in_words_or_without_value_is_undecided()
    {
        Assert.Equal(new Assessment(TargetOutcome.Undecided, null),
            SelfEvaluationScoring.Assess(Target(Comparator.Qualitative, null, "", 10, Num(95, "%"), "显著提升"), Defaults));
        Assert.Equal(new Assessment(TargetOutcome.Undecided, null),
            SelfEvaluationScoring.Assess(Target(Comparator.GreaterOrEqual, null, "%", 10, Num(95, "%")), Defaults));
        // A qualitative comparator with a figure (定性 ≥ 90): still the reviewer's call.
        Assert.Equal(new Assessment(TargetOutcome.Undecided, null),
            SelfEvaluationScoring.Assess(Target(Comparator.Qualitative, 90, "%", 10, Num(95, "%")), Defaults));
    }

    [Fact]
    public void Words_against_a_figure_are_read_as_words()
    {
        Assert.Equal(new Assessment(TargetOutcome.Met, 1m),
            SelfEvaluationScoring.Assess(Target(Comparator.GreaterOrEqual, 90, "%", 10, ScoringTests.Words("已完成")), Defaults));
        Assert.Equal(new Assessment(TargetOutcome.Missed, 0m),
            SelfEvaluationScoring.Assess(Target(Comparator.GreaterOrEqual, 90, "%", 10, ScoringTests.Words("未完成")), Defaults));
    }

    [Theory]
    [InlineData("人", "人次")]
    [InlineData("万元", "人")]
    [InlineData("%", "万元")]
    public void Units_that_do_not_compare_are_undecided(string target, string actual) =>
        Assert.Equal(new Assessment(TargetOutcome.Undecided, null),
            SelfEvaluationScoring.Assess(Target(Comparator.GreaterOrEqual, 10, target, 10, Num(5, actual)), Defaults));

    [Theory]
    [InlineData("万元", 50, "万元", 50, 1)]
    [InlineData("万元", 50, "千元", 250, 0.5)]      // 250 千元 = 25 万元
    [InlineData("万元", 50, "亿元", 0.001, 0.2)]    // 0.001 亿元 = 10 万元
    [InlineData("元", 200000, "万元", 10, 0.5)]     // 10 万元 = 100,000 元
    [InlineData("千元", 100, "元", 100000, 1)]
    [InlineData("", 10, "次", 5, 0.5)]             // a target without unit takes any
    public void Money_units_convert_before_comparing(string targetUnit, double target, string actualUnit, double actual, double fraction) =>
        Assert.Equal(new Assessment((decimal)fraction >= 1m ? TargetOutcome.Met : TargetOutcome.Missed, (decimal)fraction),
            SelfEvaluationScoring.Assess(Target(Comparator.GreaterOrEqual, (decimal)target, targetUnit, 10, Num((decimal)actual, actualUnit)), Defaults));

    [Theory]
    [InlineData(Comparator.GreaterOrEqual, 10, 10, TargetOutcome.Met, 1)]
    [InlineData(Comparator.Greater, 10, 10, TargetOutcome.Missed, 1)]     // not above: missed, the ratio still 1
    [InlineData(Comparator.Greater, 10, 11, TargetOutcome.Met, 1)]
    [InlineData(Comparator.Greater, 10, 9, TargetOutcome.Missed, 0.9)]
    [InlineData(Comparator.Equal, 10, 8, TargetOutcome.Missed, 0.8)]
    [InlineData(Comparator.None, 10, 12, TargetOutcome.Met, 1)]
    [InlineData(Comparator.GreaterOrEqual, 10, -5, TargetOutcome.Missed, 0)] // a negative actual scores nothing
    [InlineData(Comparator.LessOrEqual, 10, 10, TargetOutcome.Met, 1)]
    [InlineData(Comparator.Less, 10, 10, TargetOutcome.Missed, 1)]
    [InlineData(Comparator.Less, 10, 9.99, TargetOutcome.Met, 1)]
    [InlineData(Comparator.LessOrEqual, 10, 20, TargetOutcome.Missed, 0.5)]
    [InlineData(Comparator.LessOrEqual, 0, 3, TargetOutcome.Missed, 0)]   // ≤ 0 exceeded: nothing
    [InlineData(Comparator.LessOrEqual, -1, 0, TargetOutcome.Met, 1)]     // an actual of 0 under a negative bound: full marks by setting
    public void Each_comparator_at_its_boundary(Comparator comparator, double target, double actual, TargetOutcome outcome, double fraction) =>
        Assert.Equal(new Assessment(outcome, (decimal)fraction),
            SelfEvaluationScoring.Assess(Target(comparator, (decimal)target, "次", 10, Num((decimal)actual, "次")), Defaults));

    [Fact]
    public void Full_marks_for_a_zero_negative_actual_is_a_setting()
    {
        var underNegative = Target(Comparator.LessOrEqual, -1, "次", 10, Num(0, "次"));
        Assert.Equal(new Assessment(TargetOutcome.Missed, 0m),
            SelfEvaluationScoring.Assess(underNegative, new ScoringOptions { FullMarksForZeroNegativeActual = false }));
    }

    [Theory]
    [InlineData(Comparator.Equal, 0, TargetOutcome.Met, 1)]
    [InlineData(Comparator.Equal, 1, TargetOutcome.Missed, 0)]
    [InlineData(Comparator.None, 0, TargetOutcome.Met, 1)]
    [InlineData(Comparator.None, 2, TargetOutcome.Missed, 0)]
    [InlineData(Comparator.GreaterOrEqual, 0, TargetOutcome.Met, 1)]  // ≥ 0 is met by anything from 0
    [InlineData(Comparator.Greater, 0, TargetOutcome.Missed, 0)]      // > 0 is not met by 0
    public void A_zero_target(Comparator comparator, double actual, TargetOutcome outcome, double fraction) =>
        Assert.Equal(new Assessment(outcome, (decimal)fraction),
            SelfEvaluationScoring.Assess(Target(comparator, 0, "起", 10, Num((decimal)actual, "起")), Defaults));

    [Fact]
    public void A_zero_equal_target_without_the_exact_rule_is_met_by_any_actual_from_zero()
    {
        var options = new ScoringOptions { ZeroEqualsTargetIsExact = false };
        Assert.Equal(new Assessment(TargetOutcome.Met, 1m), SelfEvaluationScoring.Assess(Target(Comparator.Equal, 0, "起", 10, Num(3, "起")), options));
        Assert.Equal(new Assessment(TargetOutcome.Missed, 0m), SelfEvaluationScoring.Assess(Target(Comparator.Equal, 0, "起", 10, Num(-1, "起")), options));
    }

    [Fact]
    public void Without_the_cap_the_ratio_goes_past_one_either_way()
    {
        var options = new ScoringOptions { CapAtWeight = false };
        Assert.Equal(new Assessment(TargetOutcome.Met, 1.5m), SelfEvaluationScoring.Assess(Target(Comparator.GreaterOrEqual, 10, "次", 10, Num(15, "次")), options));
        Assert.Equal(new Assessment(TargetOutcome.Missed, 0.5m), SelfEvaluationScoring.Assess(Target(Comparator.LessOrEqual, 10, "次", 10, Num(20, "次")), options));
        Assert.Equal(new Assessment(TargetOutcome.Met, 1.2m), SelfEvaluationScoring.Assess(Target(Comparator.GreaterOrEqual, 10, "次", 10, Num(12, "次")), options));
    }

    // ---- words ----

    [Theory]
    [InlineData("", TargetOutcome.NotStated)]             // only white space stated
    [InlineData("未 完 成", TargetOutcome.Missed)]        // spaces inside the words do not hide them
    [InlineData("基本完成", TargetOutcome.Undecided)]      // partial before achieved, though it contains 完成
    [InlineData("部分完成，未达标", TargetOutcome.Undecided)] // partial before not-achieved
    [InlineData("尚未完成", TargetOutcome.Missed)]         // not-achieved before achieved
    [InlineData("全 面 推 进", TargetOutcome.Met)]          // the target's own words, spaced
    [InlineData("效果良好", TargetOutcome.Met)]
    [InlineData("正在推进中", TargetOutcome.Undecided)]
    public void Words_are_read_partial_first_then_not_achieved_then_the_target_then_achieved(string actual, TargetOutcome outcome)
    {
        var indicator = Target(Comparator.Qualitative, null, "", 10, actual.Length == 0 ? new IndicatorActual(null, "", " ", " ") : ScoringTests.Words(actual), "全面推进");
        var assessment = SelfEvaluationScoring.Assess(indicator, Defaults);
        Assert.Equal(outcome, assessment.Outcome);
        Assert.Equal(outcome switch { TargetOutcome.Met => 1m, TargetOutcome.Missed => 0m, _ => null }, assessment.Fraction);
    }

    [Fact]
    public void A_target_without_words_is_not_found_in_every_actual()
    {
        // An empty target is contained in any text; it must not count as the target's words.
        var indicator = Target(Comparator.Qualitative, null, "", 10, ScoringTests.Words("正在推进中"), "");
        Assert.Equal(new Assessment(TargetOutcome.Undecided, null), SelfEvaluationScoring.Assess(indicator, Defaults));
    }

    [Fact]
    public void The_word_lists_are_settings()
    {
        var indicator = Target(Comparator.Qualitative, null, "", 10, ScoringTests.Words("进展顺利"), "按期完成");
        Assert.Equal(TargetOutcome.Undecided, SelfEvaluationScoring.Assess(indicator, Defaults).Outcome);
        Assert.Equal(TargetOutcome.Missed, SelfEvaluationScoring.Assess(indicator, new ScoringOptions { NotAchievedWords = ["顺利"] }).Outcome);
        Assert.Equal(TargetOutcome.Undecided, SelfEvaluationScoring.Assess(indicator, new ScoringOptions { PartialWords = ["进展"], AchievedWords = ["顺利"] }).Outcome);
        Assert.Equal(TargetOutcome.Met, SelfEvaluationScoring.Assess(indicator, new ScoringOptions { AchievedWords = ["顺利"] }).Outcome);
    }

    // ---- indicator scores and rounding ----

    [Fact]
    public void An_indicator_without_weight_or_with_an_undecided_outcome_has_no_score()
    {
        Assert.Null(SelfEvaluationScoring.IndicatorScore(Target(Comparator.GreaterOrEqual, 10, "次", null, Num(10, "次")), Defaults));
        Assert.Null(SelfEvaluationScoring.IndicatorScore(Target(Comparator.GreaterOrEqual, 10, "次", 10, Num(10, "人")), Defaults));
        Assert.Equal(0m, SelfEvaluationScoring.IndicatorScore(Target(Comparator.GreaterOrEqual, 10, "次", 10, ScoringTests.Words("未完成")), Defaults));
    }

    [Theory]
    [InlineData(2, "3.33")]
    [InlineData(0, "3")]
    [InlineData(-3, "3")]            // below 0 decimals: 0
    [InlineData(4, "3.3333")]
    [InlineData(40, "3.3333333333")] // above 10 decimals: 10
    public void Scores_are_rounded_to_the_set_decimals_between_0_and_10(int decimals, string expected)
    {
        var third = Target(Comparator.GreaterOrEqual, 3, "次", 10, Num(1, "次"));
        Assert.Equal(expected, SelfEvaluationScoring.IndicatorScore(third, new ScoringOptions { Decimals = decimals })!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Halves_round_away_from_zero_and_trailing_zeros_are_dropped()
    {
        // 5 × 1/2 = 2.5: 3 at 0 decimals away from zero (to even would give 2).
        var half = Target(Comparator.GreaterOrEqual, 2, "次", 5, Num(1, "次"));
        Assert.Equal("3", SelfEvaluationScoring.IndicatorScore(half, new ScoringOptions { Decimals = 0 })!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("2.5", SelfEvaluationScoring.IndicatorScore(half, Defaults)!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var full = Target(Comparator.GreaterOrEqual, 4, "次", 10.00m, Num(4, "次"));
        Assert.Equal("10", SelfEvaluationScoring.IndicatorScore(full, Defaults)!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
