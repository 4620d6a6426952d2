using Xunit;
using static BudgetGrpc.Engine.Tests.Layouts.LayoutFamilyTests;

namespace BudgetGrpc.Engine.Tests.Validation;

/// <summary>BG207: a recognised table keeps what it can read and names each row it left out.</summary>
public sealed class UnreadRowRuleTests
{
    [Fact]
    public void BG207_fires_on_a_row_that_holds_a_value_without_an_indicator_name_and_the_rest_is_kept()
    {
        var d = Parse(Page("某县农业局2025年项目绩效目标表",
            Block +
            Row("一级指标", "二级指标", "三级指标", "指标值") +
            Row("产出指标", "数量指标", "补贴农机具数量", "≥200台") +
            Row("", "", "", "≥95%") +
            Row("满意度指标", "服务对象满意度指标", "购机户满意度", "≥90%")));
        Assert.Equal(2, d.Projects[0].Indicators.Count);
        var f = Assert.Single(d.Findings, f => f.RuleId == "BG207");
        Assert.Equal(("1", 7), (f.ProjectCode, f.Source!.Row));
        Assert.Contains("≥95%", f.Message);
    }

    [Fact]
    public void BG207_stays_silent_on_headings_written_without_indicators_and_on_repeated_headers()
    {
        var d = Parse(Page("某县农业局2025年项目绩效目标表",
            Block +
            Row("一级指标", "二级指标", "三级指标", "指标值") +
            Row("产出指标", "数量指标", "补贴农机具数量", "≥200台") +
            Row("效益指标", "经济效益指标", "", "") +
            Row("一级指标", "二级指标", "三级指标", "指标值") +
            Row("满意度指标", "服务对象满意度指标", "购机户满意度", "≥90%")));
        Assert.Equal(2, d.Projects[0].Indicators.Count);
        Assert.DoesNotContain(d.Findings, f => f.RuleId == "BG207");
    }

}
