using BudgetGrpc.Engine.Indicators;
using Xunit;

namespace BudgetGrpc.Engine.Tests.Indicators;

/// <summary>The edges of the level names: the cost family, headings worded like a level, and the satisfaction rule.</summary>
public sealed class LevelNamesEdgeTests
{
    [Fact]
    public void The_cost_family_is_the_four_cost_levels_and_no_other()
    {
        string[] cost = [LevelNames.OutputCost, LevelNames.EconomicCost, LevelNames.SocialCost, LevelNames.EcologicalCost];
        foreach (var level2 in LevelNames.AllLevel2)
            Assert.Equal(cost.Contains(level2), LevelNames.IsCostFamily(level2));
    }

    [Theory]
    [InlineData("可持续性发展影响指标", true)]
    [InlineData("服务对象或受益者满意度指标", true)]
    [InlineData("工作完成进度指标", true)]
    [InlineData("数量指标", true)]
    [InlineData("产出指标", true)]
    [InlineData("工作任务指标", false)]
    [InlineData("指标", false)]
    [InlineData("培训人次", false)]
    public void A_heading_worded_like_a_second_level(string raw, bool expected) =>
        Assert.Equal(expected, LevelNames.IsWordedAsLevel(raw));

    [Theory]
    [InlineData("数量指标", LevelNames.Quantity)]
    [InlineData("满意度指标", LevelNames.ServiceSatisfaction)]
    [InlineData("群众满意度", LevelNames.ServiceSatisfaction)]
    public void Under_满意度指标_only_a_satisfaction_heading_becomes_服务对象满意度(string raw, string expected) =>
        Assert.Equal(expected, LevelNames.Level2(raw, LevelNames.Satisfaction));

    [Theory]
    [InlineData("指标")]
    [InlineData("目标")]
    [InlineData("值")]
    [InlineData("产出")]
    public void Bare_suffixes_name_no_level(string raw)
    {
        Assert.Null(LevelNames.Level2(raw, null));
        Assert.Equal(raw == "产出" ? LevelNames.Output : null, LevelNames.Level1(raw));
    }

    [Theory]
    [InlineData("日效性指标", LevelNames.Timeliness)] // 时效性指标 with one character mistyped
    [InlineData("时效性指标", LevelNames.Timeliness)]
    [InlineData("社会效果指标", LevelNames.SocialBenefit)]
    [InlineData("经济效果指标", LevelNames.EconomicBenefit)]
    [InlineData("满意率指标", LevelNames.ServiceSatisfaction)]
    public void A_level_heading_one_character_off_a_single_second_level_is_that_level(string heading, string expected) =>
        Assert.Equal(expected, LevelNames.Level2(heading, null));

    [Theory]
    [InlineData("绩效指标")] // two characters one off 时效: too little to tell
    [InlineData("产量性指标")] // one off 数量 and 质量 alike
    [InlineData("成效性指标")] // one off 时效 and 成本 alike
    [InlineData("日效性")] // not worded as a level
    [InlineData("社会效果")]
    [InlineData("管理效能指标")]
    public void A_heading_off_no_single_second_level_or_not_worded_as_one_is_none(string heading) =>
        Assert.Null(LevelNames.Level2(heading, null));

    [Fact]
    public void A_heading_longer_than_the_cache_takes_is_read_each_time_alike()
    {
        var heading = "数量指标" + new string(' ', 45);
        Assert.Equal(LevelNames.Quantity, LevelNames.Level2(heading, null));
        Assert.Equal(LevelNames.Quantity, LevelNames.Level2(heading, null));
        Assert.Equal(LevelNames.Output, LevelNames.Level1("产出指标" + new string(' ', 45)));
    }
}
