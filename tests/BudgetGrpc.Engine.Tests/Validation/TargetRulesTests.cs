using BudgetGrpc.Engine.Model;
using Xunit;
using static BudgetGrpc.Engine.Tests.Validation.Make;

namespace BudgetGrpc.Engine.Tests.Validation;

public class TargetRulesTests
{
    [Fact]
    public void BG301_fires_on_an_indicator_with_no_value_of_any_kind()
    {
        var p = CleanProject("3", "两节慰问工作经费").Adding(
            Cost("每家企业慰问金额", Comparator.None, null, ""),
            Ind("产出指标", "质量指标", "创造良好的环境，提高企业服务满意度。", Comparator.Qualitative));
        var findings = Run(p).Of("BG301");
        Assert.Equal([6, 7], findings.Select(f => f.IndicatorIndex));
        Assert.Equal("项目“两节慰问工作经费”的成本指标“每家企业慰问金额”未设目标值", findings[0].Message);
        Assert.Equal(p.Indicators[6].Source, findings[0].Source);
    }

    [Fact]
    public void BG301_accepts_qualitative_values_and_leaves_placeholders_to_BG306()
    {
        var p = CleanProject().Adding(Quantity("培训人数", Comparator.GreaterOrEqual, 1, "人") with { Value = null, Flags = IndicatorFlags.Placeholder });
        Assert.Empty(Run(p).Of("BG301"));
    }

    [Fact]
    public void BG302_fires_on_a_number_without_a_unit()
    {
        var p = CleanProject("7", "促消费专项资金").Adding(
            Quantity("猪肉储备金额", Comparator.Equal, 90.79m, ""),
            Satisfaction("社会公众满意度", Comparator.GreaterOrEqual, 95, ""));
        var findings = Run(p).Of("BG302");
        Assert.Equal(2, findings.Count);
        Assert.Equal("项目“促消费专项资金”的指标“社会公众满意度”目标值≥95缺少计量单位", findings[1].Message);
    }

    [Fact]
    public void BG302_exempts_dimensionless_coefficients_and_zero()
    {
        var p = CleanProject().Adding(
            Ind("效益指标", "生态效益指标", "农田灌溉水有效利用系数", Comparator.GreaterOrEqual, 0.58m, ""),
            Ind("效益指标", "社会效益指标", "安全事故发生数", Comparator.Equal, 0, ""));
        Assert.Empty(Run(p).Of("BG302"));
    }

    [Fact]
    public void BG303_fires_on_the_qualitative_with_number_flag()
    {
        var p = CleanProject("9", "编外人员生活补助").Adding(
            Cost("就业公益性岗位每年补助金", Comparator.Qualitative, 3.375m, "万元") with { Flags = IndicatorFlags.QualitativeWithNumber });
        var f = Assert.Single(Run(p).Of("BG303"));
        Assert.Equal("项目“编外人员生活补助”的指标“就业公益性岗位每年补助金”标为定性却填写了数值3.375万元，应改为定量指标", f.Message);
    }

    [Fact]
    public void BG303_accepts_qualitative_words_after_定性()
    {
        var p = CleanProject().Adding(Ind("效益指标", "社会效益指标", "提振居民消费信心", Comparator.Qualitative, qualitative: "15天内见效"));
        Assert.Empty(Run(p).Of("BG303"));
    }

    [Fact]
    public void BG304_fires_on_a_percentage_above_100()
    {
        var p = CleanProject().Adding(Quality("验收合格率", 120));
        Assert.Contains("超过100%", Assert.Single(Run(p).Of("BG304")).Message);
    }

    [Fact]
    public void BG304_ignores_100_caps_and_suspected_ocr_faults()
    {
        var p = CleanProject().Adding(
            Ind("产出指标", "质量指标", "资金使用合规性", Comparator.GreaterOrEqual, 100, "%"),
            Ind("产出指标", "质量指标", "成本超支率", Comparator.LessOrEqual, 150, "%"),
            Quality("验收合格率", 292) with { Flags = IndicatorFlags.SuspectedOcrFault });
        Assert.Empty(Run(p).Of("BG304"));
    }

    [Fact]
    public void BG305_fires_on_a_suspected_ocr_fault()
    {
        var p = CleanProject().Adding(Quality("验收合格率", 292) with { Flags = IndicatorFlags.SuspectedOcrFault, Text = "验收合格率292%" });
        Assert.Contains("“验收合格率292%”疑似识别错误", Assert.Single(Run(p).Of("BG305")).Message);
    }

    [Fact]
    public void BG305_trusts_unflagged_values()
    {
        Assert.Empty(Run(CleanProject().Adding(Quality("验收合格率", 92))).Of("BG305"));
    }

    [Fact]
    public void BG306_fires_on_a_placeholder()
    {
        var p = CleanProject().Adding(Quantity("培训人数", Comparator.Equal, 1, "人") with { Value = null, Flags = IndicatorFlags.Placeholder, Text = "培训人数**人" });
        Assert.Equal("项目“招商引资工作经费”的指标“培训人数”目标值为占位符“培训人数**人”，未填写实际数值", Assert.Single(Run(p).Of("BG306")).Message);
    }

    [Fact]
    public void BG306_is_silent_without_the_placeholder_flag()
    {
        Assert.Empty(Run(CleanProject().Adding(Quantity("培训人数", Comparator.Equal, 20, "人"))).Of("BG306"));
    }

    [Fact]
    public void BG307_fires_on_a_satisfaction_target_below_80()
    {
        var p = CleanProject().Adding(Satisfaction("群众满意度", Comparator.GreaterOrEqual, 75));
        var f = Assert.Single(Run(p).Of("BG307"));
        Assert.Equal(Severity.Info, f.Severity);
        Assert.Equal("项目“招商引资工作经费”的满意度指标“群众满意度”目标值≥75%低于80%", f.Message);
    }

    [Fact]
    public void BG307_ignores_80_and_above_and_dissatisfaction_rates()
    {
        var p = CleanProject().Adding(
            Satisfaction("群众满意度", Comparator.GreaterOrEqual, 80),
            Satisfaction("群众不满意率", Comparator.LessOrEqual, 5),
            Ind("效益指标", "社会效益指标", "投诉满意度处理率", Comparator.Equal, 50, "%"));
        Assert.Empty(Run(p).Of("BG307"));
    }

    [Fact]
    public void BG308_fires_on_satisfaction_in_another_unit_or_in_words()
    {
        var p = CleanProject().Adding(
            Satisfaction("服务对象满意度", Comparator.GreaterOrEqual, 90, "分"),
            Ind("满意度指标", "服务对象满意度指标", "群众满意度", Comparator.Qualitative, qualitative: "满意"));
        Assert.Equal(2, Run(p).Of("BG308").Count);
    }

    [Fact]
    public void BG308_leaves_percentages_and_missing_units_alone()
    {
        var p = CleanProject().Adding(Satisfaction("社会公众满意度", Comparator.GreaterOrEqual, 95, ""));
        var findings = Run(p);
        Assert.Empty(findings.Of("BG308"));
        Assert.Single(findings.Of("BG302"));
    }

    [Fact]
    public void BG309_fires_on_a_lower_is_better_indicator_with_a_lower_bound()
    {
        var p = CleanProject().Adding(Ind("效益指标", "社会效益指标", "安全事故发生数", Comparator.GreaterOrEqual, 1, "起", direction: "反向指标"));
        Assert.Contains("反向指标", Assert.Single(Run(p).Of("BG309")).Message);
    }

    [Fact]
    public void BG309_ignores_reverse_caps_and_leaves_money_costs_to_BG105()
    {
        var p = CleanProject().Adding(
            Ind("效益指标", "社会效益指标", "安全事故发生数", Comparator.Equal, 0, "起", direction: "反向指标"),
            Cost("疫苗采购成本", Comparator.GreaterOrEqual, 5, "万元") with { Direction = "反向指标" });
        var findings = Run(p);
        Assert.Empty(findings.Of("BG309"));
        Assert.Single(findings.Of("BG105"));
    }

    [Theory]
    // A rate of something unwanted, no direction column: lower is better, so ≥ or > is a slip (#142: 逾期发放率 >=100%).
    [InlineData("补贴逾期发放率", true)]
    [InlineData("安全事故发生率", true)]
    [InlineData("群众投诉率", true)]
    [InlineData("设备故障率（%）", true)]
    // A word of remedy or reduction makes the rate higher-is-better; a count (no 率) is BG309's only when marked 反向.
    [InlineData("投诉办结率", false)]
    [InlineData("故障修复率", false)]
    [InlineData("安全事故发生率下降率", false)]
    [InlineData("安全事故发生数", false)]
    [InlineData("补贴按时发放率", false)]
    public void BG309_fires_on_a_rate_of_something_unwanted_bounded_from_below(string name, bool fires)
    {
        var p = CleanProject().Adding(Ind("效益指标", "社会效益指标", name, Comparator.GreaterOrEqual, 100, "%"));
        Assert.Equal(fires ? 1 : 0, Run(p).Of("BG309").Count());
        // Capped from above, or marked 正向 by the table itself, it is no slip.
        Assert.Empty(Run(CleanProject().Adding(Ind("效益指标", "社会效益指标", name, Comparator.LessOrEqual, 1, "%"))).Of("BG309"));
        Assert.Empty(Run(CleanProject().Adding(Ind("效益指标", "社会效益指标", name, Comparator.GreaterOrEqual, 100, "%", direction: "正向"))).Of("BG309"));
    }

    [Fact]
    public void BG310_fires_on_a_quantity_or_cost_indicator_with_words_only()
    {
        var p = CleanProject().Adding(
            Ind("产出指标", "数量指标", "完成培训任务", Comparator.Qualitative, qualitative: "完成"),
            Ind("成本指标", "经济成本指标", "采购成本", Comparator.Qualitative, qualitative: "参照政府采购成本控制"));
        var findings = Run(p).Of("BG310");
        Assert.Equal(2, findings.Count);
        Assert.Equal(Severity.Info, findings[0].Severity);
        Assert.Equal("项目“招商引资工作经费”的数量指标“完成培训任务”使用定性目标“完成”，宜设定量目标值", findings[0].Message);
    }

    [Fact]
    public void BG310_accepts_qualitative_quality_timeliness_and_social_cost()
    {
        var p = CleanProject().Adding(
            Ind("产出指标", "质量指标", "程序合规", Comparator.Qualitative, qualitative: "合规"),
            Ind("成本指标", "社会成本指标", "对养殖户生产的影响", Comparator.Qualitative, qualitative: "无明显影响"),
            Cost("就业公益性岗位每年补助金", Comparator.Qualitative, 3.375m, "万元"));
        Assert.Empty(Run(p).Of("BG310"));
    }
}
