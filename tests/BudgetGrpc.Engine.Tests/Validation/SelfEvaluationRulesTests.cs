using BudgetGrpc.Engine.Model;
using BudgetGrpc.Engine.Validation;
using Xunit;
using static BudgetGrpc.Engine.Tests.Validation.Make;

namespace BudgetGrpc.Engine.Tests.Validation;

/// <summary>The self-evaluation rules (BG6xx), each on a clean evaluated project with the one fault it is about.</summary>
public class SelfEvaluationRulesTests
{
    private static Indicator Evaluated(Indicator target, decimal weight, decimal? actual = null, string actualUnit = "", string actualWords = "",
        decimal? score = null, string reason = "") => target with
    {
        Weight = weight,
        Actual = actual is null && actualWords.Length == 0
            ? IndicatorActual.Empty
            : new IndicatorActual(actual, actual is null ? "" : actualUnit, actualWords, actual is null ? actualWords : actual + actualUnit),
        Score = score ?? weight,
        DeviationReason = reason,
    };

    /// <summary>Every target met, full marks, weights 10 + 90 = 100, the total adds up.</summary>
    internal static Project CleanEvaluated(params Func<Indicator, Indicator>[] change)
    {
        Indicator[] indicators =
        [
            Evaluated(Quantity("开展招商活动", Comparator.GreaterOrEqual, 5, "次"), 20, 6, "次"),
            Evaluated(Quality("活动组织合规率", 100), 20, 100, "%"),
            Evaluated(Timeliness("完成时间", "年内"), 10, actualWords: "已于年内完成"),
            Evaluated(Cost("项目总成本", Comparator.LessOrEqual, 10, "万元"), 10, 9.8m, "万元"),
            Evaluated(Social("带动企业发展", "效果明显"), 20, actualWords: "效果明显"),
            Evaluated(Satisfaction("服务对象满意度", Comparator.GreaterOrEqual, 90), 10, 95, "%"),
        ];
        for (var k = 0; k < change.Length && k < indicators.Length; k++) indicators[k] = change[k](indicators[k]);
        var project = CleanProject().WithIndicators(indicators) with
        {
            Budget = new BudgetExecution { Initial = 10, Adjusted = 10, Executed = 10, ExecutionRate = 100, Weight = 10, Score = 10 },
        };
        var total = (project.Budget!.Score ?? 0) + indicators.Sum(i => i.Score ?? 0);
        return project with { StatedTotal = new StatedTotal(100, total, new SourceRef(null, 30, 8, "得分")) };
    }

    private static Func<Indicator, Indicator> Same => i => i;

    internal static Disclosure SelfEvaluation(params Project[] projects) =>
        Disclosure(projects) with { Kind = DisclosureKind.SelfEvaluation, DeclaredTotal = null, Title = "项目支出绩效自评表（2024年度）" };

    private static IReadOnlyList<Finding> RunEvaluation(Project project, ValidationOptions? options = null) => Run(SelfEvaluation(project), options);

    [Fact]
    public void A_clean_evaluated_project_raises_nothing()
    {
        var findings = RunEvaluation(CleanEvaluated());
        Assert.True(findings.Count == 0, SeedJudge.Describe(findings));
    }

    [Fact]
    public void The_self_evaluation_rules_stay_silent_on_target_tables()
    {
        var p = CleanEvaluated(i => i with { Score = 25 });
        Assert.DoesNotContain(Run(Disclosure(p)), f => f.RuleId.StartsWith("BG6", StringComparison.Ordinal));
    }

    [Fact]
    public void BG601_fires_on_a_score_above_its_weight()
    {
        var f = Assert.Single(RunEvaluation(CleanEvaluated(i => i with { Score = 21 })).Of("BG601"));
        Assert.Equal(Severity.Error, f.Severity);
        Assert.Equal(0, f.IndicatorIndex);
        Assert.Contains("得分21，高于其分值20", f.Message);
    }

    [Fact]
    public void BG601_fires_on_a_budget_score_above_its_weight_and_not_on_full_marks()
    {
        var p = CleanEvaluated();
        Assert.Empty(RunEvaluation(p).Of("BG601"));
        var over = p with { Budget = p.Budget! with { Score = 12 }, StatedTotal = p.StatedTotal! with { Score = 102 } };
        Assert.Contains("预算执行得分12", Assert.Single(RunEvaluation(over).Of("BG601")).Message);
    }

    [Fact]
    public void BG602_fires_when_the_stated_score_is_not_the_rules_score()
    {
        // 带动 ≥5次 with 4次: 20 × 4/5 = 16, stated 18.
        var p = CleanEvaluated(i => i with { Actual = new IndicatorActual(4, "次", "", "4次"), Score = 18, DeviationReason = "活动延期" });
        var f = Assert.Single(RunEvaluation(p).Of("BG602"));
        Assert.Contains("按计分规则应为16", f.Message);
    }

    [Fact]
    public void BG602_tolerates_the_stated_scores_own_rounding_and_checks_the_budget()
    {
        // 20 × 4.3/5 = 17.2 stated as 17 (rounded to whole points): passes.
        var rounded = CleanEvaluated(i => i with { Actual = new IndicatorActual(4.3m, "次", "", "4.3次"), Score = 17, DeviationReason = "活动延期" });
        Assert.Empty(RunEvaluation(rounded).Of("BG602"));
        // Budget 8 of 10 executed: 8.00, stated 9.50.
        var p = CleanEvaluated();
        var budget = p with { Budget = p.Budget! with { Executed = 8, ExecutionRate = 80, Score = 9.50m } };
        Assert.Contains("应为8", Assert.Single(RunEvaluation(budget).Of("BG602")).Message);
    }

    [Fact]
    public void BG603_fires_on_full_marks_for_a_missed_target()
    {
        var p = CleanEvaluated(Same, Same, Same, Same, Same, i => i with { Actual = new IndicatorActual(85, "%", "", "85%"), Score = 10, DeviationReason = "宣传不足" });
        var f = Assert.Single(RunEvaluation(p).Of("BG603"));
        Assert.Equal(5, f.IndicatorIndex);
    }

    [Fact]
    public void BG603_stays_silent_when_the_missed_target_lost_points_or_a_cost_stayed_under_its_cap()
    {
        var partial = CleanEvaluated(Same, Same, Same, Same, Same, i => i with { Actual = new IndicatorActual(85, "%", "", "85%"), Score = 9.44m, DeviationReason = "宣传不足" });
        Assert.Empty(RunEvaluation(partial).Of("BG603"));
        Assert.Empty(RunEvaluation(partial).Of("BG602"));
        Assert.Empty(RunEvaluation(CleanEvaluated()).Of("BG603"));
    }

    [Fact]
    public void BG603_reads_words_that_state_a_qualitative_target_was_not_achieved()
    {
        var p = CleanEvaluated(Same, Same, i => i with { Actual = new IndicatorActual(null, "", "未完成", "未完成"), DeviationReason = "延期" });
        Assert.Single(RunEvaluation(p).Of("BG603"));
        Assert.Single(RunEvaluation(p).Of("BG602"));
    }

    [Fact]
    public void BG604_fires_on_a_missed_target_without_a_reason()
    {
        var p = CleanEvaluated(i => i with { Actual = new IndicatorActual(4, "次", "", "4次"), Score = 16 });
        Assert.Single(RunEvaluation(p).Of("BG604"));
        // 无 is no reason.
        Assert.Single(RunEvaluation(CleanEvaluated(i => i with { Actual = new IndicatorActual(4, "次", "", "4次"), Score = 16, DeviationReason = "" })).Of("BG604"));
    }

    [Fact]
    public void BG604_stays_silent_with_a_reason_on_the_indicator_or_under_the_table()
    {
        var withReason = CleanEvaluated(i => i with { Actual = new IndicatorActual(4, "次", "", "4次"), Score = 16, DeviationReason = "受疫情影响" });
        Assert.Empty(RunEvaluation(withReason).Of("BG604"));
        var projectReason = CleanEvaluated(i => i with { Actual = new IndicatorActual(4, "次", "", "4次"), Score = 16 }) with
        {
            Attributes = new Dictionary<string, string> { ["偏差大或目标未完成原因分析"] = "受疫情影响，活动减少。" },
        };
        Assert.Empty(RunEvaluation(projectReason).Of("BG604"));
    }

    [Fact]
    public void BG605_fires_when_weights_do_not_add_up_to_the_stated_total()
    {
        var p = CleanEvaluated(i => i with { Weight = 25, Score = 25 });
        var f = Assert.Single(RunEvaluation(p with { StatedTotal = p.StatedTotal! with { Score = 105 } }).Of("BG605"));
        Assert.Contains("合计105", f.Message);
    }

    [Fact]
    public void BG605_takes_level_weights_when_indicators_have_none_and_the_configured_total()
    {
        var p = CleanEvaluated();
        var noIndicatorWeights = p.WithIndicators([.. p.Indicators.Select(i => i with { Weight = null, Score = null })]) with
        {
            Budget = p.Budget,
            StatedTotal = null,
            LevelWeights = [new("产出指标", "", 60, SourceRef.None), new("效益指标", "", 20, SourceRef.None), new("满意度指标", "", 10, SourceRef.None)],
        };
        Assert.Empty(RunEvaluation(noIndicatorWeights).Of("BG605"));
        Assert.Single(RunEvaluation(noIndicatorWeights, new ValidationOptions { Scoring = { WeightTotal = 90 } }).Of("BG605"));
    }

    [Fact]
    public void BG606_fires_when_the_total_is_not_the_sum_of_the_scores()
    {
        var p = CleanEvaluated();
        var f = Assert.Single(RunEvaluation(p with { StatedTotal = p.StatedTotal! with { Score = 98.60m } }).Of("BG606"));
        Assert.Equal(Severity.Error, f.Severity);
        Assert.Contains("总分98.60", f.Message);
    }

    [Fact]
    public void BG606_stays_silent_without_a_stated_total_or_with_unscored_indicators()
    {
        var p = CleanEvaluated();
        Assert.Empty(RunEvaluation(p with { StatedTotal = null }).Of("BG606"));
        var blank = CleanEvaluated(i => i with { Score = null });
        Assert.Empty(RunEvaluation(blank with { StatedTotal = blank.StatedTotal! with { Score = 50 } }).Of("BG606"));
    }

    [Fact]
    public void BG607_fires_on_words_the_rules_cannot_judge()
    {
        var p = CleanEvaluated(Same, Same, i => i with { Actual = new IndicatorActual(null, "", "部分达成", "部分达成") });
        var f = Assert.Single(RunEvaluation(p).Of("BG607"));
        Assert.Equal(Severity.Info, f.Severity);
    }

    [Fact]
    public void BG607_stays_silent_on_words_that_decide_and_on_units_that_compare()
    {
        Assert.Empty(RunEvaluation(CleanEvaluated()).Of("BG607"));
        // 98000元 against ≤10万元 compares (9.8万元).
        var p = CleanEvaluated(Same, Same, Same, i => i with { Actual = new IndicatorActual(98000, "元", "", "98000元") });
        Assert.Empty(RunEvaluation(p).Of("BG607"));
        Assert.Empty(RunEvaluation(p).Of("BG602"));
    }

    [Fact]
    public void BG608_fires_on_an_indicator_left_without_an_actual()
    {
        var p = CleanEvaluated(i => i with { Actual = IndicatorActual.Empty, Score = 20 });
        Assert.Single(RunEvaluation(p).Of("BG608"));
    }

    [Fact]
    public void BG608_stays_silent_when_the_table_has_no_actual_column()
    {
        var p = CleanEvaluated(i => i with { Actual = null });
        Assert.Empty(RunEvaluation(p).Of("BG608"));
    }
}
