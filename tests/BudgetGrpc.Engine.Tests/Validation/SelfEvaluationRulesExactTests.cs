using BudgetGrpc.Engine.Model;
using BudgetGrpc.Engine.Validation;
using Xunit;
using static BudgetGrpc.Engine.Tests.Validation.Make;
using static BudgetGrpc.Engine.Tests.Validation.SelfEvaluationRulesTests;

namespace BudgetGrpc.Engine.Tests.Validation;

/// <summary>
/// The self-evaluation rules (BG6xx) asserted whole, and the edges of their sums: the budget part in or out of the
/// total, weights on levels, the tolerances.
/// </summary>
public class SelfEvaluationRulesExactTests
{
    private const string Name = "招商引资工作经费";
    private static readonly SourceRef Project1 = new(null, 5, 2, "单位及项目名称");
    private static readonly SourceRef TotalRow = new(null, 30, 8, "得分");
    private static Func<Indicator, Indicator> Same => i => i;

    private static IReadOnlyList<Finding> RunEvaluation(Project project, ValidationOptions? options = null) => Run(SelfEvaluation(project), options);

    [Fact]
    public void BG601_names_an_indicator_score_and_a_budget_score_above_their_weights()
    {
        var p = CleanEvaluated(i => i with { Score = 21 });
        Expect.Single(RunEvaluation(p), "BG601", Severity.Error, $"项目“{Name}”的指标“开展招商活动”得分21，高于其分值20",
            $"Indicator “开展招商活动” of project “{Name}” scores 21, above its weight 20", "1", 0, p.Indicators[0].Source);
        var c = CleanEvaluated();
        var budgetSource = new SourceRef(null, 25, 6, "得分");
        var budget = c with { Budget = c.Budget! with { Score = 12, Source = budgetSource } };
        Expect.Single(RunEvaluation(budget), "BG601", Severity.Error, $"项目“{Name}”预算执行得分12，高于其分值10",
            $"The budget execution score of project “{Name}”, 12, is above its weight 10", "1", null, budgetSource);
    }

    [Fact]
    public void BG602_names_the_stated_and_the_rules_score_of_an_indicator_and_of_the_budget()
    {
        var p = CleanEvaluated(i => i with { Actual = new IndicatorActual(4, "次", "", "4次"), Score = 18, DeviationReason = "活动延期" });
        Expect.Single(RunEvaluation(p), "BG602", Severity.Warning,
            $"项目“{Name}”的指标“开展招商活动”自评得分18，按计分规则应为16（≥5次，实际完成4次）",
            $"Indicator “开展招商活动” of project “{Name}” states a score of 18; the scoring rules give 16 (target ≥5次, actual 4次)",
            "1", 0, p.Indicators[0].Source);
        var c = CleanEvaluated();
        var budget = c with { Budget = c.Budget! with { Executed = 8, ExecutionRate = 80, Score = 9.50m } };
        Expect.Single(RunEvaluation(budget), "BG602", Severity.Warning, $"项目“{Name}”预算执行得分9.5，按执行率计分应为8",
            $"The budget execution score of project “{Name}” is stated as 9.5; the execution rate gives 8", "1", null, SourceRef.None);
    }

    [Fact]
    public void BG602_compares_a_budget_score_with_the_unrounded_rules_score()
    {
        // 2 of 3 executed: 6.666… points; stated 6.67 is within the tolerance of the exact score, not of the score rounded to 7.
        var c = CleanEvaluated();
        var p = c with { Budget = new BudgetExecution { Initial = 3, Adjusted = 3, Executed = 2, Weight = 10, Score = 6.67m } };
        Assert.Empty(RunEvaluation(p, new ValidationOptions { Scoring = { Decimals = 0 } }).Of("BG602"));
        Assert.Single(RunEvaluation(p with { Budget = p.Budget! with { Score = 6.75m } }, new ValidationOptions { Scoring = { Decimals = 0 } }).Of("BG602"));
    }

    [Fact]
    public void BG603_names_the_missed_target_and_the_full_marks()
    {
        var p = CleanEvaluated(Same, Same, Same, Same, Same, i => i with { Actual = new IndicatorActual(85, "%", "", "85%"), Score = 10, DeviationReason = "宣传不足" });
        Expect.Single(RunEvaluation(p), "BG603", Severity.Warning,
            $"项目“{Name}”的指标“服务对象满意度”实际完成85%，未达到目标≥90%，却得满分10",
            $"Indicator “服务对象满意度” of project “{Name}” misses its target ≥90% with 85%, yet scores full marks (10)",
            "1", 5, p.Indicators[5].Source);
    }

    [Fact]
    public void BG604_names_the_missed_target_and_takes_a_blank_project_reason_for_none()
    {
        var p = CleanEvaluated(i => i with { Actual = new IndicatorActual(4, "次", "", "4次"), Score = 16 });
        Expect.Single(RunEvaluation(p), "BG604", Severity.Warning,
            $"项目“{Name}”的指标“开展招商活动”实际完成4次，未达到目标≥5次，未说明偏差原因及改进措施",
            $"Indicator “开展招商活动” of project “{Name}” misses its target ≥5次 with 4次 and gives no reason",
            "1", 0, p.Indicators[0].Source);
        var blankReason = p with { Attributes = new Dictionary<string, string> { ["偏差原因分析"] = "  " } };
        Assert.Single(RunEvaluation(blankReason).Of("BG604"));
    }

    [Fact]
    public void BG605_names_the_weights_and_the_total_at_the_total_row()
    {
        var p = CleanEvaluated(i => i with { Weight = 25, Score = 25 });
        Expect.Single(RunEvaluation(p), "BG605", Severity.Warning, $"项目“{Name}”各项分值合计105，不等于总分值100",
            $"The weights of project “{Name}” add up to 105, not 100", "1", null, TotalRow);
        Assert.Empty(Run(Disclosure(p)).Of("BG605"));
    }

    [Fact]
    public void BG605_leaves_the_budget_out_when_the_indicators_alone_make_the_stated_total()
    {
        var c = CleanEvaluated();
        Assert.Empty(RunEvaluation(c with { StatedTotal = c.StatedTotal! with { Weight = 90, Score = 90 } }).Of("BG605"));
        Assert.Empty(RunEvaluation(c with { StatedTotal = c.StatedTotal! with { Weight = 90, Score = 90 } }).Of("BG606"));
        // 19.995 + 70 + 10 = 99.995: within the half cent a weight may be rounded by.
        Assert.Empty(RunEvaluation(CleanEvaluated(i => i with { Weight = 19.995m })).Of("BG605"));
        Assert.Single(RunEvaluation(CleanEvaluated(i => i with { Weight = 19.994m })).Of("BG605"));
    }

    [Fact]
    public void BG605_needs_every_indicator_weighted_or_first_level_weights()
    {
        var c = CleanEvaluated();
        Assert.Empty(RunEvaluation(c.WithIndicators()).Of("BG605"));
        Assert.Empty(RunEvaluation(CleanEvaluated(i => i with { Weight = null })).Of("BG605"));
        var levels = c.WithIndicators([.. c.Indicators.Select(i => i with { Weight = null, Score = null })]) with
        {
            StatedTotal = null,
            LevelWeights =
            [
                new("产出指标", "", 50, SourceRef.None), new("产出指标", "数量指标", 20, SourceRef.None),
                new("效益指标", "", 20, SourceRef.None), new("满意度指标", "", 10, SourceRef.None),
            ],
        };
        Expect.Single(RunEvaluation(levels), "BG605", Severity.Warning, $"项目“{Name}”各项分值合计90，不等于总分值100",
            $"The weights of project “{Name}” add up to 90, not 100", "1", null, Project1);
    }

    [Fact]
    public void BG606_names_the_total_and_the_sum_with_and_without_the_budget()
    {
        var c = CleanEvaluated();
        Expect.Single(RunEvaluation(c with { StatedTotal = c.StatedTotal! with { Score = 98.60m } }), "BG606", Severity.Error,
            $"项目“{Name}”总分98.60，与预算执行10分加各指标得分之和100.00不一致",
            $"The total score 98.60 of project “{Name}” differs from budget execution 10 plus the indicators' scores, 100.00", "1", null, TotalRow);
        Expect.Single(RunEvaluation(c with { Budget = null, StatedTotal = c.StatedTotal! with { Score = 95 } }), "BG606", Severity.Error,
            $"项目“{Name}”总分95，与各指标得分之和90不一致",
            $"The total score 95 of project “{Name}” differs from the indicators' scores, 90", "1", null, TotalRow);
    }

    [Fact]
    public void BG606_tolerates_exactly_the_score_tolerance()
    {
        var c = CleanEvaluated();
        Assert.Empty(RunEvaluation(c with { StatedTotal = c.StatedTotal! with { Score = 99.99m } }).Of("BG606"));
        Assert.Single(RunEvaluation(c with { StatedTotal = c.StatedTotal! with { Score = 99.98m } }).Of("BG606"));
    }

    [Fact]
    public void BG607_names_the_actual_and_the_target_left_for_a_reviewer()
    {
        var p = CleanEvaluated(Same, Same, i => i with { Actual = new IndicatorActual(null, "", "部分达成", "部分达成") });
        Expect.Single(RunEvaluation(p), "BG607", Severity.Info,
            $"项目“{Name}”的指标“完成时间”完成情况“部分达成”无法按计分规则判断是否达成目标定性 年内，需人工复核",
            $"The actual “部分达成” of indicator “完成时间” of project “{Name}” cannot be judged against 定性 年内 by the rules; a reviewer decides",
            "1", 2, p.Indicators[2].Source);
    }

    [Fact]
    public void BG607_quotes_a_qualitative_target_without_words_as_the_bare_mark()
    {
        var p = CleanEvaluated(Same, Same, i => i with { QualitativeValue = "", Actual = new IndicatorActual(null, "", "部分达成", "部分达成") });
        Assert.Equal($"项目“{Name}”的指标“完成时间”完成情况“部分达成”无法按计分规则判断是否达成目标定性，需人工复核",
            Assert.Single(RunEvaluation(p).Of("BG607")).Message);
    }

    [Fact]
    public void BG607_stays_silent_on_target_tables_and_unweighted_indicators()
    {
        var p = CleanEvaluated(Same, Same, i => i with { Actual = new IndicatorActual(null, "", "部分达成", "部分达成") });
        Assert.Empty(Run(Disclosure(p)).Of("BG607"));
        var unweighted = CleanEvaluated(Same, Same, i => i with { Weight = null, Actual = new IndicatorActual(null, "", "部分达成", "部分达成") });
        Assert.Empty(RunEvaluation(unweighted).Of("BG607"));
    }

    [Fact]
    public void BG608_names_the_indicator_without_an_actual()
    {
        var p = CleanEvaluated(i => i with { Actual = IndicatorActual.Empty });
        Expect.Single(RunEvaluation(p), "BG608", Severity.Warning, $"项目“{Name}”的指标“开展招商活动”未填写实际完成值",
            $"Indicator “开展招商活动” of project “{Name}” states no actual", "1", 0, p.Indicators[0].Source);
    }
}
