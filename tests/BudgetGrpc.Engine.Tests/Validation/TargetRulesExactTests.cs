using BudgetGrpc.Engine.Model;
using Xunit;
using static BudgetGrpc.Engine.Tests.Validation.Make;

namespace BudgetGrpc.Engine.Tests.Validation;

/// <summary>The target rules (BG3xx) asserted whole: every message in both languages, at the indicator it names.</summary>
public class TargetRulesExactTests
{
    private static (Project Project, IReadOnlyList<Finding> Findings) RunAdding(Indicator extra)
    {
        var p = CleanProject().Adding(extra);
        return (p, Run(p));
    }

    [Fact]
    public void BG301_names_the_second_level_and_the_indicator()
    {
        var (p, findings) = RunAdding(Ind("产出指标", "数量指标", "培训人次"));
        Expect.Single(findings, "BG301", Severity.Warning, "项目“招商引资工作经费”的数量指标“培训人次”未设目标值",
            "数量指标 “培训人次” of project “招商引资工作经费” has no target value", "1", 6, p.Indicators[6].Source);
    }

    [Fact]
    public void BG302_quotes_the_target_without_its_unit()
    {
        var (p, findings) = RunAdding(Quantity("培训人次", Comparator.Less, 5, ""));
        Expect.Single(findings, "BG302", Severity.Warning, "项目“招商引资工作经费”的指标“培训人次”目标值＜5缺少计量单位",
            "Indicator “培训人次” of project “招商引资工作经费” has the value ＜5 without a unit", "1", 6, p.Indicators[6].Source);
    }

    [Fact]
    public void BG303_names_the_number_written_after_the_qualitative_mark()
    {
        var (p, findings) = RunAdding(Quantity("培训人次", Comparator.Qualitative, 300, "人次") with { Flags = IndicatorFlags.QualitativeWithNumber });
        Expect.Single(findings, "BG303", Severity.Warning, "项目“招商引资工作经费”的指标“培训人次”标为定性却填写了数值300人次，应改为定量指标",
            "Indicator “培训人次” of project “招商引资工作经费” is marked 定性 (qualitative) but states the number 300人次; it should be quantitative",
            "1", 6, p.Indicators[6].Source);
    }

    [Fact]
    public void BG304_names_a_percentage_above_100()
    {
        var (p, findings) = RunAdding(Quality("验收合格率", 101));
        Expect.Single(findings, "BG304", Severity.Warning, "项目“招商引资工作经费”的指标“验收合格率”目标值101%超过100%",
            "Indicator “验收合格率” of project “招商引资工作经费” targets 101%, above 100%", "1", 6, p.Indicators[6].Source);
    }

    [Fact]
    public void BG305_and_BG306_quote_the_text_as_written()
    {
        var (p, findings) = RunAdding(Quality("验收合格率", 295) with { Text = "295%", Flags = IndicatorFlags.SuspectedOcrFault });
        Expect.Single(findings, "BG305", Severity.Warning,
            "项目“招商引资工作经费”的指标“验收合格率”目标值“295%”疑似识别错误（如“≥”被识别为“2”），请核对原表",
            "The value of indicator “验收合格率” of project “招商引资工作经费” (“295%”) looks like an OCR fault (e.g. ≥ read as 2); check the source",
            "1", 6, p.Indicators[6].Source);
        var (q, placeholder) = RunAdding(Ind("产出指标", "数量指标", "培训人次", text: "XX人次", flags: IndicatorFlags.Placeholder));
        Expect.Single(placeholder, "BG306", Severity.Warning, "项目“招商引资工作经费”的指标“培训人次”目标值为占位符“XX人次”，未填写实际数值",
            "Indicator “培训人次” of project “招商引资工作经费” has a placeholder (“XX人次”) instead of a value", "1", 6, q.Indicators[6].Source);
    }

    [Fact]
    public void BG307_names_a_low_satisfaction_target_with_or_without_the_percent_sign()
    {
        var (p, findings) = RunAdding(Satisfaction("群众认可率", Comparator.GreaterOrEqual, 70));
        Expect.Single(findings, "BG307", Severity.Info, "项目“招商引资工作经费”的满意度指标“群众认可率”目标值≥70%低于80%",
            "Satisfaction indicator “群众认可率” of project “招商引资工作经费” targets ≥70%, below 80%", "1", 6, p.Indicators[6].Source);
        Assert.Single(RunAdding(Satisfaction("群众满意度", Comparator.GreaterOrEqual, 70, "")).Findings.Of("BG307"));
        Assert.Empty(RunAdding(Satisfaction("群众满意度", Comparator.GreaterOrEqual, 80)).Findings.Of("BG307"));
    }

    [Fact]
    public void BG308_names_satisfaction_stated_in_words_or_another_unit()
    {
        var (p, findings) = RunAdding(Ind("满意度指标", "服务对象满意度指标", "群众满意度", Comparator.Qualitative, qualitative: "满意"));
        Expect.Single(findings, "BG308", Severity.Warning, "项目“招商引资工作经费”的满意度指标“群众满意度”目标值定性 满意未以百分比表示",
            "Satisfaction indicator “群众满意度” of project “招商引资工作经费” targets 定性 满意, not a percentage", "1", 6, p.Indicators[6].Source);
        Assert.Single(RunAdding(Satisfaction("群众满意度", Comparator.GreaterOrEqual, 4, "分")).Findings.Of("BG308"));
    }

    [Fact]
    public void BG309_names_a_lower_is_better_indicator_with_a_floor()
    {
        var (p, findings) = RunAdding(Quantity("投诉次数", Comparator.Greater, 2, "次") with { Direction = "反向指标" });
        Expect.Single(findings, "BG309", Severity.Warning, "项目“招商引资工作经费”的指标“投诉次数”为反向指标，却设为＞2次",
            "Indicator “投诉次数” of project “招商引资工作经费” is lower-is-better (反向) but targets ＞2次", "1", 6, p.Indicators[6].Source);
    }

    [Fact]
    public void BG309_names_a_rate_of_something_unwanted_with_a_floor()
    {
        var (p, findings) = RunAdding(Ind("效益指标", "社会效益指标", "补贴逾期发放率", Comparator.GreaterOrEqual, 100, "%"));
        Expect.Single(findings, "BG309", Severity.Warning, "项目“招商引资工作经费”的指标“补贴逾期发放率”是越低越好的比率，却设为≥100%",
            "Indicator “补贴逾期发放率” of project “招商引资工作经费” is a rate of something unwanted (lower is better) but targets ≥100%", "1", 6, p.Indicators[6].Source);
    }

    [Fact]
    public void BG310_names_a_quantity_stated_in_words()
    {
        var (p, findings) = RunAdding(Ind("产出指标", "数量指标", "培训人次", Comparator.Qualitative, qualitative: "较多"));
        Expect.Single(findings, "BG310", Severity.Info,
            "项目“招商引资工作经费”的数量指标“培训人次”使用定性目标“较多”，宜设定量目标值",
            "数量指标 “培训人次” of project “招商引资工作经费” has the qualitative target “较多”; a quantity or amount is expected",
            "1", 6, p.Indicators[6].Source);
    }
}
