using BudgetGrpc.Engine.Indicators;
using Xunit;

namespace BudgetGrpc.Engine.Tests.Indicators;

public sealed class ObjectiveTextTests
{
    [Theory]
    [InlineData("<p>1. 目标一：甲。</p> <p>2. 目标二：乙。</p>", new[] { "甲。", "乙。" })]
    [InlineData("1. 目标一：科级及以下退休人员公用经费2. 本单位每人300元的公用经费。", new[] { "科级及以下退休人员公用经费", "本单位每人300元的公用经费。" })]
    [InlineData("<p>目标1；及时发放报酬。目标2；按年发放奖金。目标3；提高积极性。</p>", new[] { "及时发放报酬。", "按年发放奖金。", "提高积极性。" })]
    [InlineData("目标1. 完成2022年保供稳价工作", new[] { "完成2022年保供稳价工作" })]
    [InlineData("1.为全县学生提供营养膳食补助；2.改善学生营养健康状况，提高学生体质。", new[] { "为全县学生提供营养膳食补助", "改善学生营养健康状况，提高学生体质。" })]
    [InlineData("（1）新建农田1万亩；（2）配套灌溉2.6万米", new[] { "新建农田1万亩", "配套灌溉2.6万米" })]
    [InlineData("①完成监测；②发布报告", new[] { "完成监测", "发布报告" })]
    [InlineData("一、完成免疫。二、减少疫情。", new[] { "完成免疫。", "减少疫情。" })]
    [InlineData("“两节”期间慰问县属企业，帮助企业出谋划策。提升党和政府的关怀形象。", new[] { "“两节”期间慰问县属企业，帮助企业出谋划策。提升党和政府的关怀形象。" })]
    [InlineData("完成签约项目5项，投资4.87亿元，覆盖3、4两个乡镇", new[] { "完成签约项目5项，投资4.87亿元，覆盖3、4两个乡镇" })]
    [InlineData("年度目标：完成全年监测任务", new[] { "完成全年监测任务" })]
    [InlineData("目标：甲。目标：乙。", new[] { "甲。", "乙。" })]
    [InlineData("实现目标：全面完成", new[] { "实现目标：全面完成" })]
    // A line broken after a clause comma (a break typed into a spreadsheet cell to fit its width) goes on in the next line;
    // a line that opens with its numbering, or follows a line ending without a comma, is an objective of its own.
    [InlineData("对特困对象参保给予资助，对自付费用给予救助，\n减轻困难群众就医负担。", new[] { "对特困对象参保给予资助，对自付费用给予救助，减轻困难群众就医负担。" })]
    [InlineData("一、完成监测，\n二、发布报告", new[] { "完成监测", "发布报告" })]
    [InlineData("完成监测\n发布报告", new[] { "完成监测", "发布报告" })]
    public void Objectives_are_split_on_their_numbering(string raw, string[] expected) =>
        Assert.Equal(expected, ObjectiveText.Split(raw));

    [Fact]
    public void An_empty_cell_has_no_objectives() => Assert.Empty(ObjectiveText.Split(" <p> </p> "));
}
