using BudgetGrpc.Engine.Indicators;
using BudgetGrpc.Engine.Model;
using Xunit;

namespace BudgetGrpc.Engine.Tests.Indicators;

/// <summary>
/// One numbered item read into its indicators: several in one item, a target after 定性, a bare target after ；,
/// words after a colon or a space, and the numbers that belong to a name.
/// </summary>
public sealed class ItemParserTests
{
    private static List<string> Read(string item) =>
        ItemParser.Parse(item).Select(p => $"{p.RawName}|{p.Target.Comparator.ToWire()}|{p.Target.Value}|{p.Target.Unit}|{p.Target.QualitativeValue}|{p.Target.Flags}").ToList();

    [Theory]
    [InlineData("慰问企业≥3家", "慰问企业|>=|3|家||None")]
    [InlineData("系统稳定性≥99%", "系统稳定性|>=|99|%||None")]                       // 定性 inside 稳定性 is part of a name
    [InlineData("完成3个乡镇的改造任务≥90%", "完成3个乡镇的改造任务|>=|90|%||None")]   // a count glued to words is part of the name
    [InlineData("10万元≤18万元", "|=|10|万元||None")]                                 // a second bound without a name of its own
    [InlineData("培训xx人", "培训|=||人||Placeholder")]
    [InlineData("名称 定性 效果明显", "名称 |qualitative|||效果明显|None")]
    [InlineData("名称定性：效果明显。", "名称|qualitative|||效果明显|None")]
    [InlineData("完成时间：2024年12月31日前", "完成时间|qualitative|||2024年12月31日前|None")]
    [InlineData("非遗项目传承：持续开展", "非遗项目传承|qualitative|||持续开展|None")]
    [InlineData("实施期限 2023.07-2024.01", "实施期限 |qualitative|||2023.07-2024.01|None")]
    public void One_indicator_in_an_item(string item, string expected) => Assert.Equal([expected], Read(item));

    [Fact]
    public void Several_indicators_written_one_after_the_other() =>
        Assert.Equal(["项目|=|5|项||None", "，签订金额|=|4.87|亿元||None"], Read("项目5项，签订金额4.87亿元"));

    [Fact]
    public void A_number_after_定性_is_read_and_flagged_and_what_follows_is_read_too() =>
        Assert.Equal(["补助金额|=|7.026|万元||QualitativeWithNumber", "全年补贴总额|=|13.63|万元||None"],
            Read("补助金额定性7.026万元全年补贴总额13.63万元"));

    [Fact]
    public void Items_separated_by_semicolons() =>
        Assert.Equal(["培训|>=|3|次||None", "宣传|=|5|场||None"], Read("培训≥3次；宣传5场"));

    [Fact]
    public void A_few_words_after_an_item_without_target_are_its_target() =>
        Assert.Equal(["慰问程序合规率|qualitative|||合规|None"], Read("慰问程序合规率；合规"));

    [Fact]
    public void Longer_words_after_an_item_without_target_are_an_item_of_their_own() =>
        Assert.Equal(["慰问程序合规率|||||None", "按规定程序开展慰问工作|||||None"], Read("慰问程序合规率；按规定程序开展慰问工作"));

    [Theory]
    [InlineData("第2批")]
    [InlineData("每年7月在省会召开")]
    [InlineData("建设5G基站")]
    [InlineData("培训xx")]
    [InlineData("2024年12月完成")]
    [InlineData("2023.07-2024.01完成")]
    public void Numbers_that_belong_to_a_name_are_no_target(string item) =>
        Assert.Equal([$"{item}|||||None"], Read(item));

    [Fact]
    public void Empty_parts_are_skipped() => Assert.Equal(["培训|=|3|次||None"], Read("；；培训3次；"));
}
