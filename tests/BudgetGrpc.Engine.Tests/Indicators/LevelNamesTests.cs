using BudgetGrpc.Engine.Indicators;
using Xunit;

namespace BudgetGrpc.Engine.Tests.Indicators;

public sealed class LevelNamesTests
{
    [Theory]
    [InlineData("一、产出指标", "产出指标")]
    [InlineData("产出", "产出指标")]
    [InlineData("满意 度指 标", "满意度指标")]
    [InlineData("三、满意度指标：", "满意度指标")]
    [InlineData("二、效益指标", "效益指标")]
    [InlineData("成本指标", "成本指标")]
    [InlineData(" 效益\n指标 ", "效益指标")]
    public void First_levels_are_canonical(string raw, string expected) => Assert.Equal(expected, LevelNames.Level1(raw));

    [Theory]
    [InlineData("数量指标")]
    [InlineData("经济效益指标")]
    [InlineData("产出指标合计")]
    [InlineData("")]
    [InlineData("项目资金金额")]
    public void Other_text_is_no_first_level(string raw) => Assert.Null(LevelNames.Level1(raw));

    [Theory]
    [InlineData("(一) 数量指标", "产出指标", "数量指标")]
    [InlineData("（二）质量指标：", "产出指标", "质量指标")]
    [InlineData("进度指标", "产出指标", "时效指标")]
    [InlineData("时效", "产出指标", "时效指标")]
    [InlineData("成本指标", "产出指标", "成本指标")]
    [InlineData("经济成本指标", "成本指标", "经济成本指标")]
    [InlineData("社会成本指标", "成本指标", "社会成本指标")]
    [InlineData("生态环境成本指标", "成本指标", "生态环境成本指标")]
    [InlineData("环境效益指标", "效益指标", "生态效益指标")]
    [InlineData("经济效益", "效益指标", "经济效益指标")]
    [InlineData("可持续影响指标", "效益指标", "可持续影响指标")]
    [InlineData("社会公众或服务对象满意度指标", "满意度指标", "服务对象满意度指标")]
    [InlineData("满意度指标", "满意度指标", "服务对象满意度指标")]
    [InlineData("满意度", "满意度指标", "服务对象满意度指标")]
    [InlineData("服务对象满意度指标", null, "服务对象满意度指标")]
    [InlineData("社会效益 指标", "效益指标", "社会效益指标")]
    public void Second_levels_are_canonical_with_synonyms(string raw, string? level1, string expected) =>
        Assert.Equal(expected, LevelNames.Level2(raw, level1));

    [Theory]
    [InlineData("产出指标")]
    [InlineData("慰问企业户数")]
    [InlineData("社会满意度")]
    [InlineData("")]
    public void Other_text_is_no_second_level(string raw) => Assert.Null(LevelNames.Level2(raw, "效益指标"));
}
