using BudgetGrpc.Engine.Indicators;
using BudgetGrpc.Engine.Model;
using Xunit;

namespace BudgetGrpc.Engine.Tests.Indicators;

/// <summary>Variants of the wide-layout writing that other counties use; none of them is in the seed.</summary>
public sealed class FreeTextIndicatorsTests
{
    private static readonly SourceRef Cell = new("Sheet1", 7, 5, "绩效指标");

    private static string Row(Indicator i) =>
        $"{i.Level1}|{i.Level2}|{i.Name}|{i.Comparator.ToWire()}|{i.Value}|{i.Unit}|{i.QualitativeValue}";

    private static List<string> Rows(string cell) => FreeTextIndicators.Extract(cell, Cell).Indicators.Select(Row).ToList();

    [Fact]
    public void Plain_text_cell_with_chinese_numbering_and_word_comparators()
    {
        var cell = "一、产出指标\n（一）数量指标\n1、培训人数≥200人次\n2、发放资料不少于500份\n（二）质量指标：合格率≥98%；返工率≤2%\n" +
                   "（三）时效指标：完成时限控制在10天以内\n（四）成本指标：培训费不超过5万元\n二、效益指标\n（一）社会效益指标：群众知晓率 明显提升\n" +
                   "三、满意度指标\n受训人员满意度≥**%";
        Assert.Equal(
        [
            "产出指标|数量指标|培训人数|>=|200|人次|",
            "产出指标|数量指标|发放资料|>=|500|份|",
            "产出指标|质量指标|合格率|>=|98|%|",
            "产出指标|质量指标|返工率|<=|2|%|",
            "产出指标|时效指标|完成时限|<=|10|天|",
            "产出指标|成本指标|培训费|<=|5|万元|",
            "效益指标|社会效益指标|群众知晓率|qualitative|||明显提升",
            "满意度指标|服务对象满意度指标|受训人员满意度|>=||%|",
        ], Rows(cell));
        var last = FreeTextIndicators.Extract(cell, Cell).Indicators[^1];
        Assert.True(last.Flags.HasFlag(IndicatorFlags.Placeholder));
        Assert.True(last.Flags.HasFlag(IndicatorFlags.InferredLevel2));
    }

    [Fact]
    public void Cost_as_its_own_first_level_since_101()
    {
        var cell = "<p>一、成本指标</p><p>（一）经济成本指标：疫苗采购成本≤86万元</p><p>（二）社会成本指标：对养殖户生产的影响 定性 无明显影响</p>" +
                   "<p>（三）生态环境成本指标</p><p>二、产出指标</p><p>（一）数量指标：强制免疫畜禽≥52万头(只)</p>";
        var block = FreeTextIndicators.Extract(cell, Cell);
        Assert.Equal(
        [
            "成本指标|经济成本指标|疫苗采购成本|<=|86|万元|",
            "成本指标|社会成本指标|对养殖户生产的影响|qualitative|||无明显影响",
            "产出指标|数量指标|强制免疫畜禽|>=|52|万头(只)|",
        ], block.Indicators.Select(Row));
        Assert.Contains(new IndicatorHeading("成本指标", "生态环境成本指标", Cell), block.Headings);
    }

    [Fact]
    public void Everything_on_one_line_is_split_on_the_numbering()
    {
        var cell = "一、产出指标(一)数量指标1.培训人数≥200人2.资料≥500份(二)质量指标1.合格率≥98%二、效益指标(一)社会效益指标1.知晓率≥90%三、满意度指标1.满意度≥95%";
        Assert.Equal(
        [
            "产出指标|数量指标|培训人数|>=|200|人|",
            "产出指标|数量指标|资料|>=|500|份|",
            "产出指标|质量指标|合格率|>=|98|%|",
            "效益指标|社会效益指标|知晓率|>=|90|%|",
            "满意度指标|服务对象满意度指标|满意度|>=|95|%|",
        ], Rows(cell));
    }

    [Fact]
    public void A_missing_first_level_heading_is_taken_from_the_second_level()
    {
        var cell = "(一)数量指标 1. 走访企业≥3家\n(一)环境效益指标 1. 绿化覆盖率≥40%\n(二)进度指标 1. 按期完成率100%";
        Assert.Equal(
        [
            "产出指标|数量指标|走访企业|>=|3|家|",
            "效益指标|生态效益指标|绿化覆盖率|>=|40|%|",
            "产出指标|时效指标|按期完成率|=|100|%|",
        ], Rows(cell));
    }

    [Fact]
    public void Numbers_inside_names_are_not_values()
    {
        var cell = "(一)数量指标\n1. 2024年年内完成100%\n2. 每年7月在省会城市召开展会≥1次\n3. 第3批补助发放≥20户\n4. 5G基站建设≥12座";
        Assert.Equal(
        [
            "产出指标|数量指标|2024年年内完成|=|100|%|",
            "产出指标|数量指标|每年7月在省会城市召开展会|>=|1|次|",
            "产出指标|数量指标|第3批补助发放|>=|20|户|",
            "产出指标|数量指标|5G基站建设|>=|12|座|",
        ], Rows(cell));
    }

    [Fact]
    public void A_target_on_the_next_line_completes_the_item_above()
    {
        var cell = "(二)质量指标\n1. 慰问覆盖率\n20%\n2. 档案管理规范性；规范有序";
        Assert.Equal(
        [
            "产出指标|质量指标|慰问覆盖率|=|20|%|",
            "产出指标|质量指标|档案管理规范性|qualitative|||规范有序",
        ], Rows(cell));
    }

    [Fact]
    public void Circled_and_bracketed_item_numbers()
    {
        var cell = "一、产出指标\n（一）数量指标：①新建农田≥1000亩；②修建渠道≥12公里\n（二）质量指标\n(1)验收合格率=100%\n(2)工程质量 优良";
        Assert.Equal(
        [
            "产出指标|数量指标|新建农田|>=|1000|亩|",
            "产出指标|数量指标|修建渠道|>=|12|公里|",
            "产出指标|质量指标|验收合格率|=|100|%|",
            "产出指标|质量指标|工程质量|qualitative|||优良",
        ], Rows(cell));
    }

    [Fact]
    public void Headings_without_items_are_declared()
    {
        var block = FreeTextIndicators.Extract("一、产出指标\n(一)数量指标\n(二)质量指标\n二、效益指标\n(一)可持续影响指标：", Cell);
        Assert.Empty(block.Indicators);
        Assert.Equal(
        [
            new IndicatorHeading("产出指标", "", Cell),
            new IndicatorHeading("产出指标", "数量指标", Cell),
            new IndicatorHeading("产出指标", "质量指标", Cell),
            new IndicatorHeading("效益指标", "", Cell),
            new IndicatorHeading("效益指标", "可持续影响指标", Cell),
        ], block.Headings);
    }

    [Fact]
    public void Stray_spaces_in_headings_from_extraction()
    {
        var cell = "三、满意 度指 标\n(一) 服务对象 满意度指标：群众满意度不低于90%";
        Assert.Equal(["满意度指标|服务对象满意度指标|群众满意度|>=|90|%|"], Rows(cell));
    }

    [Fact]
    public void Text_keeps_the_item_source_and_source_is_the_cell()
    {
        var indicator = Assert.Single(FreeTextIndicators.Extract("<p>(一)数量指标</p><p>1. 拨付网络经费<math>\\geq 12</math>次(全年)</p>", Cell).Indicators);
        Assert.Equal("拨付网络经费≥12次(全年)", indicator.Text);
        Assert.Equal("拨付网络经费", indicator.Name);
        Assert.Equal(Cell, indicator.Source);
    }

    [Theory]
    [InlineData("")]
    [InlineData("<p></p>")]
    [InlineData("无")]
    public void An_empty_cell_has_nothing(string cell)
    {
        var block = FreeTextIndicators.Extract(cell, Cell);
        Assert.Empty(block.Headings);
        Assert.True(block.Indicators.Count <= 1);
    }

    [Fact]
    public void A_count_inside_a_name_is_not_a_separate_indicator()
    {
        var cell = "(一)质量指标\n1. 完成3个乡镇的改造任务≥90%\n2. 慰问3家企业\n3. 补助金额2.5万元全年补贴总额5万元\n4. 群众满意度达到95% 以上";
        Assert.Equal(
        [
            "产出指标|质量指标|完成3个乡镇的改造任务|>=|90|%|",
            "产出指标|质量指标|慰问|=|3|家|",
            "产出指标|质量指标|补助金额|=|2.5|万元|",
            "产出指标|质量指标|全年补贴总额|=|5|万元|",
            "产出指标|质量指标|群众满意度|>=|95|%|",
        ], Rows(cell));
    }

    [Fact]
    public void Flattened_rows_and_headings_without_the_word_indicator()
    {
        var cell = "产出指标 数量指标 受益人数≥100人\n效益指标\n社会效益：政策知晓率≥90%\n质量：合格";
        Assert.Equal(
        [
            "产出指标|数量指标|受益人数|>=|100|人|",
            "效益指标|社会效益指标|政策知晓率|>=|90|%|",
            "效益指标|社会效益指标|质量|qualitative|||合格",
        ], Rows(cell));
    }

    [Fact]
    public void Deadlines_written_as_dates_are_qualitative()
    {
        var cell = "(三)时效指标\n1. 完成时间：2024年12月31日前\n2. 资金拨付时间 2024年6月\n3. 项目启动时间：年底前";
        Assert.Equal(
        [
            "产出指标|时效指标|完成时间|qualitative|||2024年12月31日前",
            "产出指标|时效指标|资金拨付时间|qualitative|||2024年6月",
            "产出指标|时效指标|项目启动时间|qualitative|||年底前",
        ], Rows(cell));
    }

    [Fact]
    public void Escaped_line_breaks_from_an_export_are_line_breaks()
    {
        var cell = "一、产出指标\\n（一）数量指标\\n1. 培训人数≥200人";
        Assert.Equal(["产出指标|数量指标|培训人数|>=|200|人|"], Rows(cell));
    }

    [Fact]
    public void Headings_named_in_running_text_without_numbering()
    {
        var cell = "产出指标：数量指标：完成培训人次≥500人次；质量指标：培训合格率≥95%；时效指标：2024年12月底前完成；成本指标：培训成本≤10万元。" +
                   "效益指标：社会效益指标：提升基层干部能力 明显提升。满意度指标：服务对象满意度指标：参训人员满意度≥90%。";
        Assert.Equal(
        [
            "产出指标|数量指标|完成培训人次|>=|500|人次|",
            "产出指标|质量指标|培训合格率|>=|95|%|",
            "产出指标|时效指标|2024年12月底前完成||||",
            "产出指标|成本指标|培训成本|<=|10|万元|",
            "效益指标|社会效益指标|提升基层干部能力|qualitative|||明显提升",
            "满意度指标|服务对象满意度指标|参训人员满意度|>=|90|%|",
        ], Rows(cell));
    }

    [Fact]
    public void A_satisfaction_indicator_before_a_colon_is_not_a_heading()
    {
        var cell = "三、满意度指标\n1. 服务对象满意度：≥90%\n2. 社会公众满意度: 95%";
        Assert.Equal(
        [
            "满意度指标|服务对象满意度指标|服务对象满意度|>=|90|%|",
            "满意度指标|服务对象满意度指标|社会公众满意度|=|95|%|",
        ], Rows(cell));
    }

    [Fact]
    public void A_heading_followed_by_none_in_words_has_no_indicator()
    {
        var block = FreeTextIndicators.Extract("效益指标：经济效益指标：无；社会效益指标：人居环境改善率≥90%；生态效益指标：/", Cell);
        Assert.Equal(["效益指标|社会效益指标|人居环境改善率|>=|90|%|"], block.Indicators.Select(Row));
        Assert.Contains(new IndicatorHeading("效益指标", "经济效益指标", Cell), block.Headings);
        Assert.Contains(new IndicatorHeading("效益指标", "生态效益指标", Cell), block.Headings);
    }

    [Fact]
    public void Words_that_contain_the_comparator_words_are_names()
    {
        var cell = "(二)质量指标\n1. 系统运行稳定性≥99%\n2. 数据确定性 定性 明显提升\n3. 节约10万元\n4. 下达100万元\n5. 满意度达90%";
        Assert.Equal(
        [
            "产出指标|质量指标|系统运行稳定性|>=|99|%|",
            "产出指标|质量指标|数据确定性|qualitative|||明显提升",
            "产出指标|质量指标|节约|=|10|万元|",
            "产出指标|质量指标|下达|=|100|万元|",
            "产出指标|质量指标|满意度|>=|90|%|",
        ], Rows(cell));
        Assert.All(FreeTextIndicators.Extract(cell, Cell).Indicators, i => Assert.False(i.Flags.HasFlag(IndicatorFlags.QualitativeWithNumber)));
    }
}
