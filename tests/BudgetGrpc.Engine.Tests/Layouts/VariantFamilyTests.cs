using Xunit;
using static BudgetGrpc.Engine.Tests.Layouts.LayoutChecks;

namespace BudgetGrpc.Engine.Tests.Layouts;

/// <summary>
/// Families the generated variants found misread (variant-failures/notes.md: combinations of axes no single axis
/// explains), each as a small table of ours: a qualitative target set off by a space in a free-text list, an approval row
/// whose value is merged across the table, the header of a form's indicator table repeated after a page break with its
/// group row, a unit column headed only 单位, level-path names of a short form followed by the next form's title lines, a page break before a level-path row with a
/// worded target, a row whose cells happen to name several column words (时效 指标, 未达指标值酌情扣分) beside its target, level-path names among bare level rows, the
/// indicator header repeated at the top of a page that broke inside a form's label block, a report's text file whose
/// other table states its own unit before the form's, a form's money rows opening the next table after a page break.
/// </summary>
public sealed class VariantFamilyTests
{
    [Fact]
    public void A_worded_target_after_a_space_in_an_indicator_list_is_the_target()
    {
        var d = Parse(@"<html><body><p>某市2026年部门预算项目绩效目标表</p><p>单位：万元</p><table border=""1"">
<tr><td>项目名称</td><td>金额</td><td>绩效目标</td><td>绩效指标</td></tr>
<tr><td>城乡供水一体化</td><td>300</td><td>推进城乡供水一体化。</td><td>一、产出指标<br>（一）数量指标<br>1.改造管网 ≥40公里<br>（二）时效指标<br>1.补助资金 按季度发放<br>2.配套资金 及时到位<br>二、效益指标<br>（一）社会效益指标<br>1.城乡供水差距 逐步缩小<br>2.供水保障能力 持续提升</td></tr>
</table></body></html>");
        var p = Assert.Single(d.Projects);
        AssertIndicator(p, "产出指标", "数量指标", "改造管网", ">=", "40", "公里");
        AssertIndicator(p, "产出指标", "时效指标", "补助资金", "qualitative", null, "", "按季度发放");
        AssertIndicator(p, "产出指标", "时效指标", "配套资金", "qualitative", null, "", "及时到位");
        AssertIndicator(p, "效益指标", "社会效益指标", "城乡供水差距", "qualitative", null, "", "逐步缩小");
        AssertIndicator(p, "效益指标", "社会效益指标", "供水保障能力", "qualitative", null, "", "持续提升");
    }

    [Theory]
    [InlineData("同意")]
    [InlineData("（盖章）　　年　　月　　日")]
    public void An_approval_row_whose_value_spans_the_table_ends_a_project_list(string approval)
    {
        var d = Parse(@"<html><body><p>2025年项目支出绩效目标表</p><p>金额单位：元</p><table border=""1"">
<tr><td>单位</td><td>项目名称</td><td>预算数</td><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>
<tr><td>101001-某县林业局</td><td>森林防火</td><td>200000</td><td>产出指标</td><td>数量指标</td><td>巡护人员</td><td>≥30人</td></tr>
<tr><td>101001-某县林业局</td><td>森林防火</td><td>200000</td><td>满意度指标</td><td>服务对象满意度指标</td><td>群众满意度</td><td>≥90%</td></tr>
<tr><td>财政部门审核意见</td><td colspan=""6"">" + approval + @"</td></tr>
</table></body></html>");
        var p = Assert.Single(d.Projects);
        Assert.Equal(["巡护人员", "群众满意度"], p.Indicators.Select(i => i.Name));
    }

    [Theory]
    [InlineData("年度绩效指标")]
    [InlineData("绩效目标指标")]
    public void A_form_indicator_header_repeated_after_a_page_break_with_its_group_row_is_no_indicator(string group)
    {
        string header = @"<tr><td rowspan=""2"">绩效指标</td><td colspan=""4"">" + group + @"</td></tr>
<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>";
        var d = Parse(@"<html><body><table border=""1"">
<tr><td colspan=""5"">项目支出绩效目标表</td></tr>
<tr><td>项目名称</td><td colspan=""4"">河道日常管护</td></tr>
<tr><td>年度资金总额</td><td colspan=""4"">86</td></tr>
<tr><td>年度总体目标</td><td colspan=""4"">完成辖区河道日常保洁。</td></tr>
" + header + @"
<tr><td rowspan=""2""></td><td rowspan=""2"">产出指标</td><td>数量指标</td><td>保洁河道长度</td><td>≥86公里</td></tr>
<tr><td>质量指标</td><td>保洁达标率</td><td>≥90%</td></tr>
" + header + @"
<tr><td></td><td>效益指标</td><td>生态效益指标</td><td>河道水质</td><td>稳步提高</td></tr>
</table></body></html>");
        var p = Assert.Single(d.Projects);
        Assert.Equal(["保洁河道长度", "保洁达标率", "河道水质"], p.Indicators.Select(i => i.Name));
    }

    [Fact]
    public void A_unit_column_headed_only_by_its_word_holds_the_units_of_a_form()
    {
        var d = Parse(@"<html><body><table border=""1"">
<tr><td colspan=""4"">项目支出绩效目标表</td></tr>
<tr><td>项目名称</td><td colspan=""3"">动物防疫</td></tr>
<tr><td>年度资金总额</td><td colspan=""3"">95</td></tr>
<tr><td>年度目标</td><td colspan=""3"">完成强制免疫。</td></tr>
<tr><td colspan=""2"">绩效指标</td><td rowspan=""2"">年度指标值</td><td rowspan=""2"">单位</td></tr>
<tr><td colspan=""2"">具体指标</td></tr>
<tr><td colspan=""2"">产出指标-数量指标-免疫畜禽</td><td>≥38</td><td>万头(只)</td></tr>
<tr><td colspan=""2"">产出指标-质量指标-免疫密度</td><td>≥90</td><td>%</td></tr>
<tr><td colspan=""2"">成本指标-经济成本指标-疫苗采购成本</td><td>不高于72.5</td><td>万元</td></tr>
</table></body></html>");
        var p = Assert.Single(d.Projects);
        AssertIndicator(p, "产出指标", "数量指标", "免疫畜禽", ">=", "38", "万头(只)");
        AssertIndicator(p, "产出指标", "质量指标", "免疫密度", ">=", "90", "%");
        AssertIndicator(p, "成本指标", "经济成本指标", "疫苗采购成本", "<=", "72.5", "万元");
    }

    [Fact]
    public void Level_path_names_of_a_short_form_are_read_when_the_next_forms_title_lines_follow()
    {
        static string Form(string name, string amount, params string[] rows) => $"""
            <tr><td colspan="3">某县2025年项目支出绩效目标申报表</td></tr>
            <tr><td colspan="3">金额单位：万元</td></tr>
            <tr><td>资金名称</td><td colspan="2">{name}</td></tr>
            <tr><td>年度预算数</td><td colspan="2">{amount}</td></tr>
            <tr><td>年度目标</td><td colspan="2">按期完成。</td></tr>
            <tr><td colspan="3">绩效目标指标</td></tr>
            <tr><td>三级指标名称</td><td>指标值</td><td>评分标准</td></tr>
            {string.Concat(rows.Select(r => "<tr><td>" + r.Replace("|", "</td><td>") + "</td><td>达到目标值得满分</td></tr>\n"))}
            """;
        var d = Parse("<html><body><table border=\"1\">"
            + Form("集镇环境整治", "50", "产出指标-数量指标-整治街道|≥6条", "产出指标-质量指标-验收合格率|＝100%", "效益指标-社会效益指标-集镇面貌|明显改善")
            + Form("乡村公路养护", "30", "产出指标-数量指标-养护里程|≥40公里", "产出指标-时效指标-完成时间|年底前完成", "满意度指标-服务对象满意度指标-群众满意度|≥90%")
            + "</table></body></html>");
        Assert.Equal(["集镇环境整治", "乡村公路养护"], d.Projects.Select(p => p.Name));
        Assert.Equal([3, 3], d.Projects.Select(p => p.Indicators.Count));
        AssertIndicator(d.Projects[0], "效益指标", "社会效益指标", "集镇面貌", "qualitative", null, "", "明显改善");
    }

    [Fact]
    public void A_table_of_level_path_rows_broken_by_a_page_before_a_worded_target_goes_on()
    {
        var d = Parse("""
            <html><body><p>项目支出绩效目标表</p><table border="1">
            <tr><td>项目名称</td><td colspan="2">河湖长效管护</td></tr>
            <tr><td>年度资金总额</td><td colspan="2">120</td></tr>
            <tr><td>年度目标</td><td colspan="2">完成河湖日常管护。</td></tr>
            <tr><td>三级指标</td><td>指标值</td><td>度量单位</td></tr>
            <tr><td>产出指标-数量指标-管护河道长度</td><td>≥86</td><td>公里</td></tr>
            <tr><td>产出指标-质量指标-保洁达标率</td><td>≥90</td><td>%</td></tr>
            </table>
            <table border="1">
            <tr><td>效益指标-生态效益指标-河湖水环境质量</td><td>持续改善</td><td></td></tr>
            <tr><td>满意度指标-服务对象满意度指标-群众满意度</td><td>≥90</td><td>%</td></tr>
            <tr><td>财政部门审核意见</td><td colspan="2">同意</td></tr>
            </table></body></html>
            """);
        var p = Assert.Single(d.Projects);
        Assert.Equal(["管护河道长度", "保洁达标率", "河湖水环境质量", "群众满意度"], p.Indicators.Select(i => i.Name));
        AssertIndicator(p, "效益指标", "生态效益指标", "河湖水环境质量", "qualitative", null, "", "持续改善");
    }

    [Fact]
    public void A_row_whose_cells_name_column_words_beside_a_target_is_an_indicator_not_the_header_again()
    {
        var d = Parse("""
            <html><body><table border="1">
            <tr><td colspan="7">项目支出绩效目标表</td></tr>
            <tr><td>项目名称</td><td colspan="6">水利工程维修养护</td></tr>
            <tr><td>年度资金总额</td><td colspan="6">260</td></tr>
            <tr><td>年度目标</td><td colspan="6">完成水利工程维修养护。</td></tr>
            <tr><td rowspan="5">年度绩效指标</td><td rowspan="2">一级指 标名称</td><td rowspan="2">二级指 标名称</td><td rowspan="2">三级指 标名称</td><td colspan="2">目标值</td><td rowspan="2">评分标准</td></tr>
            <tr><td>中期目标值</td><td>年度目标值</td></tr>
            <tr><td>产出 指标</td><td>数量 指标</td><td>维修养护泵站</td><td>≥10座</td><td>≥12座</td><td>未达指标值酌情扣分</td></tr>
            <tr><td>产出 指标</td><td>时效 指标</td><td>项目资金支付及时率</td><td>≥86%</td><td>≥95%</td><td>未达指标值酌情扣分</td></tr>
            <tr><td>满意 度指标</td><td>服务 对象满意度指标</td><td>群众满意度</td><td>≥81%</td><td>≥90%</td><td>达到目标值得满分</td></tr>
            </table></body></html>
            """);
        var p = Assert.Single(d.Projects);
        Assert.Equal(["维修养护泵站", "项目资金支付及时率", "群众满意度"], p.Indicators.Select(i => i.Name));
        AssertIndicator(p, "产出指标", "时效指标", "项目资金支付及时率", ">=", "95", "%");
    }

    [Fact]
    public void Level_path_names_among_bare_level_rows_are_read()
    {
        var d = Parse("""
            <html><body><p>2024年项目绩效目标表</p><p>单位：万元</p><table border="1">
            <tr><td>单位</td><td>项目名称</td><td>项目金额</td><td>年度目标</td><td>绩效指标名称</td><td>指标值</td></tr>
            <tr><td>某区文化馆</td><td>非遗传习补助</td><td>30</td><td>资助传承人开展传习。</td><td>产出指标-数量指标-补助传承人</td><td>＝45人</td></tr>
            <tr><td>某区文化馆</td><td>非遗传习补助</td><td>30</td><td>资助传承人开展传习。</td><td>质量指标</td><td></td></tr>
            <tr><td>某区文化馆</td><td>非遗传习补助</td><td>30</td><td>资助传承人开展传习。</td><td>产出指标-时效指标-补助发放及时率</td><td>＝100%</td></tr>
            <tr><td>某区文化馆</td><td>非遗传习补助</td><td>30</td><td>资助传承人开展传习。</td><td>经济效益指标</td><td></td></tr>
            <tr><td>某区文化馆</td><td>非遗传习补助</td><td>30</td><td>资助传承人开展传习。</td><td>满意度指标-服务对象满意度指标-传承人满意度</td><td>≥95%</td></tr>
            </table></body></html>
            """);
        var p = Assert.Single(d.Projects);
        Assert.Equal(["补助传承人", "补助发放及时率", "传承人满意度"], p.Indicators.Select(i => i.Name));
        AssertIndicator(p, "满意度指标", "服务对象满意度指标", "传承人满意度", ">=", "95", "%");
    }

    [Fact]
    public void A_header_repeated_at_the_top_of_a_page_that_broke_inside_a_label_block_is_looked_past()
    {
        const string header = """<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>""";
        var d = Parse($"""
            <html><body><p>某县2026年项目支出绩效目标表</p><p>单位：万元</p><table border="1">
            <tr><td>项目名称</td><td colspan="3">乡村道路养护</td></tr>
            <tr><td>年度资金总额</td><td colspan="3">120</td></tr>
            <tr><td>年度目标</td><td colspan="3">完成乡村道路日常养护。</td></tr>
            {header}
            <tr><td>产出指标</td><td>数量指标</td><td>养护里程</td><td>≥260公里</td></tr>
            <tr><td>满意度指标</td><td>服务对象满意度指标</td><td>群众满意度</td><td>≥88%</td></tr>
            <tr><td>项目名称</td><td colspan="3">疾病防控</td></tr>
            <tr><td>年度资金总额</td><td colspan="3">88.6</td></tr>
            </table>
            <table border="1">
            {header}
            <tr><td>其中：上级资金</td><td colspan="3">35.4</td></tr>
            <tr><td>本级资金</td><td colspan="3">53.2</td></tr>
            <tr><td>年度目标</td><td colspan="3">1.做好传染病监测。2.有效处置疫情。</td></tr>
            {header}
            <tr><td>产出指标</td><td>数量指标</td><td>监测点数量</td><td>≥15个</td></tr>
            <tr><td>产出指标</td><td>质量指标</td><td>疫情处置率</td><td>＝100%</td></tr>
            </table></body></html>
            """);
        Assert.Equal(["乡村道路养护", "疾病防控"], d.Projects.Select(p => p.Name));
        var p = d.Projects[1];
        Assert.Equal(88.6m, p.Amount);
        Assert.Equal(["监测点数量", "疫情处置率"], p.Indicators.Select(i => i.Name));
        Assert.Equal(["做好传染病监测。", "有效处置疫情。"], p.Objectives);
    }

    [Fact]
    public void A_unit_stated_under_another_tables_title_in_a_report_is_not_the_forms()
    {
        var lines = new[]
        {
            "某县农业农村局2025年度项目支出绩效自评报告", "一、项目绩效目标", "2025年专项资金分配表", "单位：元",
            "序号\t单位名称\t金额", "1\t某甲镇人民政府\t1200000", "合计\t\t1200000",
            "项目支出绩效目标表", "填报单位：某县农业农村局\t\t金额单位：万元",
            "项目名称\t高标准农田建设", "年度资金总额\t120", "年度目标\t新建高标准农田2000亩。",
            "一级指标\t二级指标\t三级指标\t指标值", "产出指标\t数量指标\t新建高标准农田\t≥2000亩",
        };
        var d = Parse(string.Join("\n", lines) + "\n", "report.tsv");
        Assert.Equal("万元", d.AmountUnit);
        Assert.Equal(120m, Assert.Single(d.Projects).Amount);
    }

    [Fact]
    public void A_forms_money_rows_that_open_the_next_table_after_a_page_break_give_its_amount()
    {
        const string header = """<tr><td>绩效指标</td><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>""";
        var d = Parse($"""
            <html><body><p>某区2024年项目支出绩效目标表</p><table border="1">
            <tr><td>项目名称</td><td colspan="4">公共文化服务</td></tr>
            <tr><td rowspan="2">项目资金（万元）</td><td>年度资金总额</td><td colspan="3">150</td></tr>
            <tr><td>其中：财政拨款</td><td colspan="3">150</td></tr>
            <tr><td>年度总体目标</td><td colspan="4">开展送戏下乡。</td></tr>
            {header}
            <tr><td></td><td>产出指标</td><td>数量指标</td><td>演出场次</td><td>≥120场</td></tr>
            <tr><td>项目名称</td><td colspan="4">旅游宣传推广</td></tr>
            <tr><td>实施单位</td><td colspan="4">某区文化和旅游局</td></tr>
            </table>
            <table border="1">
            <tr><td rowspan="2">项目资金（万元）</td><td>年度资金总额</td><td colspan="3">80</td></tr>
            <tr><td>其中：财政拨款</td><td colspan="3">80</td></tr>
            <tr><td>年度总体目标</td><td colspan="4">1.组织旅游推介活动。2.带动旅游收入增长。</td></tr>
            {header}
            <tr><td></td><td>产出指标</td><td>数量指标</td><td>推介会</td><td>≥4次</td></tr>
            <tr><td></td><td>满意度指标</td><td>服务对象满意度指标</td><td>游客满意度</td><td>≥85%</td></tr>
            </table></body></html>
            """);
        Assert.Equal(["公共文化服务", "旅游宣传推广"], d.Projects.Select(p => p.Name));
        Assert.Equal([150m, 80m], d.Projects.Select(p => p.Amount));
        Assert.Equal(["推介会", "游客满意度"], d.Projects[1].Indicators.Select(i => i.Name));
        Assert.Equal(["组织旅游推介活动。", "带动旅游收入增长。"], d.Projects[1].Objectives);
    }
}
