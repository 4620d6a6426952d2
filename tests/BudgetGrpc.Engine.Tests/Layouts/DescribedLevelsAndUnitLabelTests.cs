using Xunit;

using static BudgetGrpc.Engine.Tests.Layouts.LayoutChecks;

namespace BudgetGrpc.Engine.Tests.Layouts;

/// <summary>
/// Families of the ninth round's unseen project tables (docs/layout-survey.md, "Round 9 (blind9a)"): a 项目库 form whose
/// 指标名称 column holds the second levels and whose 指标描述 column says what each indicator is, above a checkbox row
/// (最近年度绩效评价情况 | 优秀□ 良好□ …); a long export headed 单位信息 | 324001-某局机关 above 主管部门; and two families an
/// earlier, lost run of this round reported (levels written as values, 产出值 | 数量值; a first level with a range of weights,
/// 产出指标(40-50)分; a heading 某某项目绩效目标 over a block of 预算数 and 绩效目标总体描述). Tables of ours on those models; each check failed before.
/// </summary>
public sealed class DescribedLevelsAndUnitLabelTests
{
    [Theory]
    [InlineData("指标描述")]
    [InlineData("指标解释")]
    public void A_name_column_of_second_levels_leaves_the_names_to_the_description_column(string describe)
    {
        var p = Assert.Single(Parse($"""
            <html><body><table border="1">
            <tr><td>项目名称:</td><td colspan="3">道路保洁经费</td></tr>
            <tr><td>主管部门</td><td colspan="3">某县城市管理局</td></tr>
            <tr><td>项目金额(万元)</td><td colspan="3">120</td></tr>
            <tr><td rowspan="7">项目绩效目标</td><td>绩效目标总体描述</td><td colspan="2">完成城区主次干道保洁。</td></tr>
            <tr><td>指标类型</td><td>指标名称</td><td>指标值</td><td>{describe}</td></tr>
            <tr><td rowspan="2">产出指标</td><td>数量指标</td><td>80万平方米</td><td>完成城区80万平方米道路保洁</td></tr>
            <tr><td>时效指标</td><td>全年</td><td>保洁服务全年开展</td></tr>
            <tr><td rowspan="2">效益指标</td><td>社会效益指标</td><td>是</td><td>改善城区市容环境</td></tr>
            <tr><td>可持续性发展影响指标</td><td>是</td><td>形成长效保洁机制</td></tr>
            <tr><td>满意度指标</td><td>服务对象或受益者满意度指标</td><td>≥90%</td><td>市民对道路保洁的满意率</td></tr>
            <tr><td>最近年度绩效评价情况</td><td colspan="4">优秀□ 良好□ 合格□ 不合格□ 未评价□</td></tr>
            </table></body></html>
            """).Projects);
        Assert.Equal(["完成城区80万平方米道路保洁", "保洁服务全年开展", "改善城区市容环境", "形成长效保洁机制", "市民对道路保洁的满意率"],
            p.Indicators.Select(i => i.Name));
        AssertIndicator(p, "产出指标", "数量指标", "完成城区80万平方米道路保洁", "=", "80", "万平方米");
        AssertIndicator(p, "效益指标", "可持续影响指标", "形成长效保洁机制", "qualitative", null, "", "是");
        AssertIndicator(p, "满意度指标", "服务对象满意度指标", "市民对道路保洁的满意率", ">=", "90", "%");
    }

    [Fact]
    public void Of_two_describing_columns_the_one_of_names_not_sentences_gives_the_names()
    {
        // 指标解释 explains each indicator in a sentence (反映…情况。); 指标描述 further right holds its name.
        var p = Assert.Single(Parse("""
            <html><body><table border="1">
            <tr><td>项目名称</td><td colspan="3">道路保洁经费</td></tr>
            <tr><td>项目金额(万元)</td><td colspan="3">120</td></tr>
            <tr><td>指标名称</td><td>指标解释</td><td>指标值</td><td>指标描述</td></tr>
            <tr><td>数量指标</td><td>反映道路保洁面积情况。</td><td>≥80万平方米</td><td>道路保洁面积</td></tr>
            <tr><td>时效指标</td><td>反映保洁完成时间情况。</td><td>全年</td><td>保洁服务时间</td></tr>
            <tr><td>社会效益指标</td><td>反映市容环境情况。</td><td>明显改善</td><td>城区市容环境</td></tr>
            <tr><td>服务对象满意度指标</td><td>反映市民满意度情况。</td><td>≥90%</td><td>市民满意度</td></tr>
            </table></body></html>
            """).Projects);
        Assert.Equal(["道路保洁面积", "保洁服务时间", "城区市容环境", "市民满意度"], p.Indicators.Select(i => i.Name));
        AssertIndicator(p, "产出指标", "数量指标", "道路保洁面积", ">=", "80", "万平方米");
    }

    [Theory]
    [InlineData("")]
    [InlineData("<tr><td colspan=\"3\">年度绩效指标</td></tr>")]
    public void A_page_that_repeats_the_header_over_one_last_indicator_goes_on_reading_its_names_from_the_description(string groupRow)
    {
        // The page break left one row under the repeated header: too few to tell again that 指标名称 holds the second
        // levels, but the header's words are the open table's, so the table goes on with its columns.
        const string header = "<tr><td>指标名称</td><td>指标值</td><td>指标描述</td></tr>";
        var p = Assert.Single(Parse($"""
            <html><body><p>道路保洁经费绩效目标表</p><table border="1">
            <tr><td>项目名称</td><td colspan="2">道路保洁经费</td></tr>
            <tr><td>项目金额(万元)</td><td colspan="2">120</td></tr>
            {header}
            <tr><td>数量指标</td><td>≥80万平方米</td><td>道路保洁面积</td></tr>
            <tr><td>时效指标</td><td>全年</td><td>保洁服务时间</td></tr>
            <tr><td>社会效益指标</td><td>明显改善</td><td>城区市容环境</td></tr>
            </table><p>2</p><table border="1">
            {groupRow}{header}
            <tr><td>服务对象满意度指标</td><td>≥90%</td><td>市民满意度</td></tr>
            </table></body></html>
            """).Projects);
        Assert.Equal(["道路保洁面积", "保洁服务时间", "城区市容环境", "市民满意度"], p.Indicators.Select(i => i.Name));
        AssertIndicator(p, "满意度指标", "服务对象满意度指标", "市民满意度", ">=", "90", "%");
    }

    [Fact]
    public void Names_that_are_real_names_keep_their_column_beside_a_description()
    {
        var p = Assert.Single(Parse("""
            <html><body><table border="1">
            <tr><td>项目名称</td><td colspan="4">道路保洁经费</td></tr>
            <tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td><td>指标描述</td></tr>
            <tr><td>产出指标</td><td>数量指标</td><td>保洁面积</td><td>80万平方米</td><td>城区道路保洁面积</td></tr>
            <tr><td>效益指标</td><td>社会效益指标</td><td>市容环境</td><td>明显改善</td><td>城区市容改善情况</td></tr>
            </table></body></html>
            """).Projects);
        Assert.Equal(["保洁面积", "市容环境"], p.Indicators.Select(i => i.Name));
    }

    [Fact]
    public void Levels_written_as_values_are_the_levels()
    {
        var p = Assert.Single(Parse("""
            <html><body><table border="1">
            <tr><td colspan="4">2024年项目支出绩效目标表</td></tr>
            <tr><td>项目名称</td><td colspan="3">农村公路养护</td></tr>
            <tr><td>项目资金(万元)</td><td colspan="3">60</td></tr>
            <tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>
            <tr><td rowspan="2">产出值</td><td>数量值</td><td>养护里程</td><td>≥120公里</td></tr>
            <tr><td>质量值</td><td>路面完好率</td><td>≥90%</td></tr>
            <tr><td>效益值</td><td>社会效益值</td><td>群众出行条件</td><td>明显改善</td></tr>
            <tr><td>满意度值</td><td>服务对象满意度值</td><td>沿线群众满意度</td><td>≥90%</td></tr>
            </table></body></html>
            """).Projects);
        AssertIndicator(p, "产出指标", "数量指标", "养护里程", ">=", "120", "公里");
        AssertIndicator(p, "产出指标", "质量指标", "路面完好率", ">=", "90", "%");
        AssertIndicator(p, "效益指标", "社会效益指标", "群众出行条件", "qualitative", null, "", "明显改善");
        AssertIndicator(p, "满意度指标", "服务对象满意度指标", "沿线群众满意度", ">=", "90", "%");
    }

    [Fact]
    public void A_first_level_with_a_range_of_weights_after_it_is_that_level()
    {
        var p = Assert.Single(Parse("""
            <html><body><table border="1">
            <tr><td colspan="5">2023年项目支出绩效目标审批表</td></tr>
            <tr><td>项目名称</td><td colspan="4">村道硬化</td></tr>
            <tr><td>当年年度预算</td><td colspan="4">45</td></tr>
            <tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td><td>分值</td></tr>
            <tr><td>成本指标(0-20)分</td><td>经济成本指标</td><td>项目建设成本</td><td>≤45万元</td><td>10</td></tr>
            <tr><td rowspan="2">产出指标(40-50)分</td><td>数量指标</td><td>硬化村道长度</td><td>≥3公里</td><td>20</td></tr>
            <tr><td>质量指标</td><td>验收合格率</td><td>100%</td><td>20</td></tr>
            <tr><td>效益指标（20-30）分</td><td>社会效益指标</td><td>受益群众人数</td><td>≥500人</td><td>20</td></tr>
            </table></body></html>
            """).Projects);
        AssertIndicator(p, "成本指标", "经济成本指标", "项目建设成本", "<=", "45", "万元");
        AssertIndicator(p, "产出指标", "数量指标", "硬化村道长度", ">=", "3", "公里");
        AssertIndicator(p, "效益指标", "社会效益指标", "受益群众人数", ">=", "500", "人");
    }

    [Fact]
    public void A_heading_naming_the_project_goals_gives_its_name_and_the_budget_and_description_labels_are_read()
    {
        var p = Assert.Single(Parse("""
            <html><body>
            <p>基本公共卫生服务项目绩效目标</p>
            <table border="1">
            <tr><td>主管部门</td><td colspan="3">某县卫生健康局</td></tr>
            <tr><td>预算数</td><td colspan="3">85.6</td></tr>
            <tr><td>绩效目标总体描述</td><td colspan="3">为辖区居民提供基本公共卫生服务。</td></tr>
            <tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>
            <tr><td>产出指标</td><td>数量指标</td><td>建立居民健康档案人数</td><td>≥5000人</td></tr>
            </table></body></html>
            """).Projects);
        Assert.Equal(("基本公共卫生服务项目", 85.6m), (p.Name, p.Amount));
        Assert.Equal(["为辖区居民提供基本公共卫生服务。"], p.Objectives);
    }

    [Fact]
    public void A_unit_information_label_names_the_department_before_the_supervising_one()
    {
        var d = Parse("""
            <html><body><table border="1">
            <tr><td colspan="6">绩效目标表</td></tr>
            <tr><td>单位信息:</td><td colspan="2">301001-某州生态环境局机关</td><td>项目名称:</td><td colspan="2">大气污染防治</td></tr>
            <tr><td>主管部门:</td><td colspan="2">301-某州生态环境部门</td><td>项目经办人:</td><td colspan="2"></td></tr>
            <tr><td>整体目标:</td><td colspan="5">完成全州空气质量监测和污染源巡查。</td></tr>
            <tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标性质</td><td>指标值</td><td>度量单位</td></tr>
            <tr><td>产出指标</td><td>数量指标</td><td>污染源巡查次数</td><td>≥</td><td>12</td><td>次</td></tr>
            </table></body></html>
            """);
        Assert.Equal("某州生态环境局机关", d.Department);
        Assert.Equal("大气污染防治", Assert.Single(d.Projects).Name);
    }
}
