using BudgetGrpc.Engine.Model;
using Xunit;

using static BudgetGrpc.Engine.Tests.Layouts.LayoutChecks;

namespace BudgetGrpc.Engine.Tests.Layouts;

/// <summary>
/// The families the hold-out round 12h met that the engine misread (docs/engine.md): an old municipal target form of
/// 指标类型 | 指标名称 | 绩效目标 | 绩效标准 (four grade cells) whose levels are 产出指标 and 成效指标 and whose project is named
/// on a 项目名称： line above the table, not in it; a project form whose figures carry no unit at all and read as 元. Then
/// what the variant suite and the mutation run on IndicatorColumns found after them: described names under a header a page
/// break repeated in a table of its own, a first level in the second-level column under a blank first level. Tables
/// written by us on the model of those families; each failed before.
/// </summary>
public sealed class Round13FamilyTests
{
    private const string GradedForm = """
        <html><body>
        <p>样例区乡村道路养护项目绩效评价报告</p>
        <p>发布机构: 样例区交通运输局 发文日期: 2026年03月02日</p>
        <p>项目绩效目标表</p>
        <p>项目名称:关于下达区交通局农村公路日常养护经费</p>
        <table border="1">
        <tr><td>指标类型</td><td>指标名称</td><td>绩效目标</td><td colspan="4">绩效标准</td></tr>
        <tr><td rowspan="2">产出指标</td><td>养护农村公路里程</td><td>完成全年日常养护任务</td><td>完成率98%以上</td><td>完成率90%以上</td><td>完成率70%以上</td><td>完成率50%以下</td></tr>
        <tr><td>……</td><td></td><td></td><td></td><td></td><td></td></tr>
        <tr><td rowspan="2">成效指标</td><td>社会效益</td><td>群众出行条件明显改善</td><td>满意率95%以上</td><td>满意率85%以上</td><td>满意率60%以上</td><td>满意率40%以下</td></tr>
        <tr><td>……</td><td></td><td></td><td></td><td></td><td></td></tr>
        </table></body></html>
        """;

    [Fact]
    public void A_project_named_on_the_line_above_its_table_and_a_result_level_read_as_benefit()
    {
        var d = Parse(GradedForm);
        var p = Assert.Single(d.Projects);
        // The 项目名称： line right above the table names the project, not the page's title.
        Assert.Equal("关于下达区交通局农村公路日常养护经费", p.Name);
        // 成效指标 is the old forms' word for the benefit level; the placeholder rows are no indicators.
        Assert.Equal(2, p.Indicators.Count);
        Assert.Equal(("产出指标", "养护农村公路里程"), (p.Indicators[0].Level1, p.Indicators[0].Name));
        Assert.Equal(("效益指标", "社会效益"), (p.Indicators[1].Level1, p.Indicators[1].Name));
        Assert.Equal("群众出行条件明显改善", p.Indicators[1].QualitativeValue);
    }

    [Fact]
    public void A_name_line_ends_at_the_next_label_on_it()
    {
        var d = Parse(GradedForm.Replace("<p>项目名称:关于下达区交通局农村公路日常养护经费</p>",
            "<p>项目名称:农村公路日常养护  主管部门:样例区交通运输局</p>"));
        Assert.Equal("农村公路日常养护", Assert.Single(d.Projects).Name);
    }

    [Fact]
    public void Two_tables_under_the_same_header_each_named_on_a_line_above_are_two_projects()
    {
        var second = GradedForm[GradedForm.IndexOf("<p>项目名称", StringComparison.Ordinal)..GradedForm.IndexOf("</table>", StringComparison.Ordinal)]
            .Replace("关于下达区交通局农村公路日常养护经费", "关于下达区交通局危桥改造经费").Replace("养护农村公路里程", "改造危桥座数") + "</table>";
        var d = Parse(GradedForm.Replace("</body>", second + "</body>"));
        Assert.Equal(["关于下达区交通局农村公路日常养护经费", "关于下达区交通局危桥改造经费"], d.Projects.Select(p => p.Name));
        Assert.Equal("改造危桥座数", d.Projects[1].Indicators[0].Name);
    }

    [Fact]
    public void A_first_level_written_in_the_second_level_column_under_a_blank_first_level_leaves_the_second_to_the_name()
    {
        var d = Parse("""
            <html><body><p>样例县交通运输局2026年项目支出绩效目标表</p>
            <table border="1">
            <tr><td>项目名称</td><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>
            <tr><td>农村公路养护</td><td>产出指标</td><td>数量指标</td><td>养护里程</td><td>120公里</td></tr>
            <tr><td>农村公路养护</td><td>产出指标</td><td>质量指标</td><td>验收合格率</td><td>100%</td></tr>
            <tr><td>农村公路养护</td><td></td><td>效益指标</td><td>沿线农户增收</td><td>≥5%</td></tr>
            <tr><td>农村公路养护</td><td></td><td>效益指标</td><td>路面绿化长度</td><td>3公里</td></tr>
            </table></body></html>
            """);
        var p = Assert.Single(d.Projects);
        Assert.Equal(("效益指标", "经济效益指标"), (p.Indicators[2].Level1, p.Indicators[2].Level2));
        Assert.Equal(("效益指标", "生态效益指标"), (p.Indicators[3].Level1, p.Indicators[3].Level2));
        Assert.True(p.Indicators[2].Flags.HasFlag(IndicatorFlags.InferredLevel2));
    }

    [Fact]
    public void Described_names_go_on_under_the_header_a_page_break_repeated_in_a_table_of_its_own()
    {
        // The 指标名称 column holds the second levels and 指标说明 the names: known from the rows under the first header, too
        // few under the repeated one to tell (the variant suite's describedNames with pageBreak=splitWithHeader in docx).
        const string head = "<tr><td>一级指标</td><td>指标名称</td><td>指标值</td><td>指标说明</td></tr>";
        var d = Parse($"""
            <html><body><p>样例县畜牧兽医局2026年项目支出绩效目标表</p>
            <table border="1">
            <tr><td>项目名称</td><td colspan="3">动物疫病防控</td></tr>
            <tr><td>年度资金总额</td><td colspan="3">95.00</td></tr>
            {head}
            <tr><td>产出指标</td><td>数量指标</td><td>≥38万头</td><td>强制免疫畜禽数量</td></tr>
            <tr><td>产出指标</td><td>质量指标</td><td>≥90%</td><td>免疫密度</td></tr>
            <tr><td>产出指标</td><td>时效指标</td><td>按期完成</td><td>春秋两季集中免疫</td></tr>
            <tr><td>效益指标</td><td>社会效益指标</td><td>＝0起</td><td>区域性重大动物疫情发生数</td></tr>
            </table>
            <table border="1">
            {head}
            <tr><td>满意度指标</td><td>服务对象满意度指标</td><td>≥90%</td><td>养殖户满意度</td></tr>
            </table></body></html>
            """);
        var p = Assert.Single(d.Projects);
        AssertIndicator(p, "满意度指标", "服务对象满意度指标", "养殖户满意度", ">=", "90", "%");
        Assert.Equal(5, p.Indicators.Count);
    }

    [Fact]
    public void A_header_whose_top_row_ended_the_page_goes_on_under_the_whole_header_said_again()
    {
        // Two forms in one table; the page breaks after the second form's first header row, and the next page says the
        // two-row header again whole over that form's rows (names in 指标解释, second levels under 指标名称).
        const string top = "<tr><td>一级指标</td><td>指标名称</td><td colspan=\"2\">指标值</td><td>指标解释</td></tr>";
        const string bottom = "<tr><td></td><td></td><td>上年实际值</td><td>本年目标值</td><td></td></tr>";
        var d = Parse($"""
            <html><body><p>样例区文化和旅游局2026年项目支出绩效目标表</p>
            <table border="1">
            <tr><td>项目名称</td><td colspan="4">公共文化服务</td></tr>
            <tr><td>年度资金总额</td><td colspan="4">150.00</td></tr>
            {top}{bottom}
            <tr><td>产出指标</td><td>数量指标</td><td>≥108场</td><td>≥120场</td><td>送戏下乡演出场次</td></tr>
            <tr><td>产出指标</td><td>质量指标</td><td>98%</td><td>100%</td><td>文化设施验收合格率</td></tr>
            <tr><td>效益指标</td><td>社会效益指标</td><td>基本完成</td><td>效果明显</td><td>群众文化生活</td></tr>
            <tr><td>满意度指标</td><td>服务对象满意度指标</td><td>≥85%</td><td>≥90%</td><td>群众满意度</td></tr>
            <tr><td>项目名称</td><td colspan="4">非物质文化遗产保护</td></tr>
            <tr><td>年度资金总额</td><td colspan="4">30.00</td></tr>
            {top}
            </table>
            <table border="1">
            {top}{bottom}
            <tr><td>产出指标</td><td>数量指标</td><td>40人</td><td>45人</td><td>传承人补助人数</td></tr>
            <tr><td>产出指标</td><td>时效指标</td><td>98%</td><td>100%</td><td>补助发放及时率</td></tr>
            <tr><td>效益指标</td><td>可持续影响指标</td><td>基本完成</td><td>持续开展</td><td>非遗项目传承</td></tr>
            <tr><td>满意度指标</td><td>服务对象满意度指标</td><td>≥86%</td><td>≥95%</td><td>传承人满意度</td></tr>
            </table></body></html>
            """);
        Assert.Equal(["公共文化服务", "非物质文化遗产保护"], d.Projects.Select(p => p.Name));
        var second = d.Projects[1];
        Assert.Equal(["传承人补助人数", "补助发放及时率", "非遗项目传承", "传承人满意度"], second.Indicators.Select(i => i.Name));
        AssertIndicator(second, "产出指标", "数量指标", "传承人补助人数", "=", "45", "人");
    }

    [Fact]
    public void A_header_said_again_over_more_rows_than_the_first_had_reads_them_by_what_they_hold()
    {
        // One row under the header before the page breaks: too few to tell that 指标名称 holds second levels. The header
        // said again over the rest tells it, and its rows are read so.
        const string head = "<tr><td>一级指标</td><td>指标名称</td><td>指标值</td><td>指标说明</td></tr>";
        var d = Parse($"""
            <html><body><p>样例县畜牧兽医局2026年项目支出绩效目标表</p>
            <table border="1">
            <tr><td>项目名称</td><td colspan="3">饲草种植补贴</td></tr>
            <tr><td>年度资金总额</td><td colspan="3">56.00</td></tr>
            {head}
            <tr><td>产出指标</td><td>数量指标</td><td>≥8000亩</td><td>饲草种植面积</td></tr>
            </table>
            <table border="1">
            {head}
            <tr><td>产出指标</td><td>数量指标</td><td>≥650户</td><td>补贴农户</td></tr>
            <tr><td>产出指标</td><td>质量指标</td><td>＝100%</td><td>补贴面积核实准确率</td></tr>
            <tr><td>效益指标</td><td>经济效益指标</td><td>≥800元</td><td>户均增收</td></tr>
            <tr><td>满意度指标</td><td>服务对象满意度指标</td><td>≥92%</td><td>受益农户满意度</td></tr>
            </table></body></html>
            """);
        var p = Assert.Single(d.Projects);
        // The one row before the break is read so too: a level word in the one cell under 指标名称 is enough.
        AssertIndicator(p, "产出指标", "数量指标", "饲草种植面积", ">=", "8000", "亩");
        Assert.Equal(5, p.Indicators.Count);
        AssertIndicator(p, "产出指标", "数量指标", "补贴农户", ">=", "650", "户");
        AssertIndicator(p, "效益指标", "经济效益指标", "户均增收", ">=", "800", "元");
        AssertIndicator(p, "满意度指标", "服务对象满意度指标", "受益农户满意度", ">=", "92", "%");
    }

    [Theory]
    // A project list's 小计 row with no name before it names no department (found by the mutation tests of LongLayout and
    // WideLayout); with a unit's name before it, that unit.
    [InlineData("小计", "")]
    [InlineData("样例县教育局小计", "样例县教育局")]
    public void A_subtotal_row_names_a_department_only_by_the_unit_written_before_it(string subtotal, string department)
    {
        var d = Parse($"""
            <html><body><p>2025年项目支出绩效目标表</p>
            <table border="1">
            <tr><td>项目名称</td><td>金额（万元）</td><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>
            <tr><td>{subtotal}</td><td>60</td><td></td><td></td><td></td><td></td></tr>
            <tr><td>校园安全建设</td><td>60</td><td>产出指标</td><td>数量指标</td><td>安装监控点位</td><td>120个</td></tr>
            </table></body></html>
            """);
        Assert.Equal(department, d.Department);
        Assert.Equal("校园安全建设", Assert.Single(d.Projects).Name);
    }

    [Fact]
    public void An_amount_column_headed_绩效金额_with_its_unit_is_the_amount()
    {
        var d = Parse("""
            <html><body><p>样例县教育局2025年项目支出绩效目标表</p>
            <table border="1">
            <tr><td>项目名称</td><td>绩效金额（元）</td><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>
            <tr><td>校园安全建设</td><td>600000</td><td>产出指标</td><td>数量指标</td><td>安装监控点位</td><td>120个</td></tr>
            </table></body></html>
            """);
        Assert.Equal(("元", 600000m), (d.AmountUnit, Assert.Single(d.Projects).Amount));
    }

    private static string FormWithAmount(string amount, string title = "样例区统计局2026年项目支出绩效目标表") => $"""
        <html><body><p>{title}</p>
        <table border="1">
        <tr><td>项目名称</td><td colspan="4">人口抽样调查经费</td></tr>
        <tr><td>主管部门</td><td colspan="4">样例区统计局</td></tr>
        <tr><td rowspan="2">项目资金</td><td>资金总额</td><td>{amount}</td><td>当年资金总额:</td><td>{amount}</td></tr>
        <tr><td>其中:财政拨款</td><td>{amount}</td><td>其中:当年财政拨款</td><td>{amount}</td></tr>
        <tr><td>年度目标</td><td colspan="4">完成年度人口抽样调查入户登记。</td></tr>
        <tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td colspan="2">指标值</td></tr>
        <tr><td>产出指标</td><td>数量指标</td><td>调查样本户数</td><td colspan="2">≥600户</td></tr>
        </table></body></html>
        """;

    [Theory]
    // Ten billion yuan in 万元 is no unit's project: the unstated unit is 元.
    [InlineData("2800000.0000", "元")]
    [InlineData("1000000", "元")]
    // Under that, budget tables keep 万元.
    [InlineData("999999.99", "万元")]
    [InlineData("28.5", "万元")]
    public void A_form_that_states_no_unit_reads_its_amounts_in_yuan_only_when_万元_would_be_implausible(string amount, string unit)
    {
        var d = Parse(FormWithAmount(amount));
        Assert.Equal(unit, d.AmountUnit);
        Assert.Equal(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), Assert.Single(d.Projects).Amount);
    }

    [Fact]
    public void A_stated_unit_is_kept_however_large_the_amount()
    {
        var d = Parse(FormWithAmount("2800000.0000", "样例区统计局2026年项目支出绩效目标表（单位：万元）"));
        Assert.Equal("万元", d.AmountUnit);
    }
}
