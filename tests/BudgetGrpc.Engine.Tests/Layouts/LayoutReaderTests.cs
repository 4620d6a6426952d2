using System.Text;
using BudgetGrpc.Engine.Model;
using Xunit;

namespace BudgetGrpc.Engine.Tests.Layouts;

/// <summary>
/// What the layout reader makes of a whole file beyond each table (issue 15: the mutation run of the layouts found these
/// unchecked): the refusal that says which header words were seen and where, a header with no project under it, the year
/// of a self-evaluation, a total stated above the table, a department-wide form known by its task list. Pages written by us.
/// </summary>
public sealed class LayoutReaderTests
{
    private static ParseResult Parse(string body) =>
        new DisclosureEngine().Parse(Encoding.UTF8.GetBytes($"<html><body>{body}</body></html>"), "page.html");

    private static DisclosureError Refused(string body)
    {
        var result = Parse(body);
        Assert.False(result.Succeeded);
        return result.Error!;
    }

    private const string Expected =
        "no indicator table found: expected a header with 一级指标/二级指标 and 三级指标 or 指标值 (with 项目名称 as a column, or a " +
        "项目名称 / 部门名称 label above the table), or 项目名称 with 绩效指标 (one row per project)";

    [Fact]
    public void A_refusal_names_the_header_words_seen_in_each_table_up_to_three()
    {
        var e = Refused(
            "<table><tr><td>说明</td></tr><tr><td>序号</td><td>单位名称</td><td>金额（万元）</td></tr><tr><td>1</td><td>某局</td><td>20</td></tr></table>"
            + "<table><tr><td>甲</td><td>乙乙乙乙乙乙乙乙乙乙乙乙乙乙乙乙乙乙乙乙乙乙</td></tr></table>"
            + "<table><tr><td>丙</td></tr></table>"
            + "<table><tr><td>丁</td></tr></table>");
        Assert.Equal(DisclosureErrorCode.UnrecognisedLayout, e.Code);
        Assert.Equal(Expected + "; seen: table 1 row 2: 序号 | 单位名称 | 金额（万元）; table 2 row 1: 甲 | 乙乙乙乙乙乙乙乙乙乙乙乙乙乙乙乙乙乙乙乙…; table 3 row 1: 丙",
            e.Message);
        Assert.Equal(("table 1", 1, 1), (e.Location?.Sheet, e.Location?.Row, e.Location?.Column));
    }

    [Fact]
    public void A_refusal_names_two_header_words_on_a_row_and_keeps_a_twenty_character_cell_whole()
    {
        // Two known words make a row of header words; a cell of twenty characters is shown whole, of twenty-one cut.
        var e = Refused(
            "<table><tr><td>说明</td></tr><tr><td>序号</td><td>单位名称</td></tr><tr><td>1</td><td>某局</td></tr></table>"
            + "<table><tr><td>甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲</td><td>乙乙乙乙乙乙乙乙乙乙乙乙乙乙乙乙乙乙乙乙乙</td></tr></table>");
        Assert.Equal(Expected + "; seen: table 1 row 2: 序号 | 单位名称; table 2 row 1: 甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲 | 乙乙乙乙乙乙乙乙乙乙乙乙乙乙乙乙乙乙乙乙…",
            e.Message);
    }

    [Fact]
    public void A_refusal_of_a_sheet_without_a_name_says_only_the_row()
    {
        var result = new DisclosureEngine().Parse(Encoding.UTF8.GetBytes("序号,单位名称,金额\n1,某局,20\n"), "list.csv");
        Assert.False(result.Succeeded);
        Assert.Equal(Expected + "; seen: row 1: 序号 | 单位名称 | 金额", result.Error!.Message);
    }

    [Fact]
    public void A_unit_line_over_a_table_that_is_no_disclosure_table_after_the_form_is_not_the_amounts_unit()
    {
        // 单位：元 governs the allocation list under it, which follows the form; the form's amounts stay in 万元.
        var d = Parse("<p>某县交通运输局2026年项目支出绩效目标表</p><table>"
            + "<tr><td>项目名称</td><td colspan=\"3\">农村公路提档升级</td></tr><tr><td>年度资金总额</td><td colspan=\"3\">120</td></tr>"
            + "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>"
            + "<tr><td>产出指标</td><td>数量指标</td><td>改造里程</td><td>≥36公里</td></tr></table>"
            + "<p>单位：元</p><table><tr><td>序号</td><td>乡镇</td><td>金额</td></tr><tr><td>1</td><td>城关镇</td><td>600000</td></tr></table>").Disclosure!;
        Assert.Equal(("万元", 120m), (d.AmountUnit, Assert.Single(d.Projects).Amount));
    }

    [Fact]
    public void One_implausible_amount_among_several_makes_an_unstated_unit_yuan()
    {
        // No unit stated anywhere: a project of 2,800,000 万元 would be 28 billion yuan, so the table is in 元 — though
        // the other project's 50,000 would be plausible in 万元.
        var d = Parse("<table><tr><td>项目名称</td><td>项目金额</td><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>"
            + "<tr><td>桥梁维修</td><td>2800000</td><td>产出指标</td><td>数量指标</td><td>维修桥梁</td><td>3座</td></tr>"
            + "<tr><td>路灯安装</td><td>50000</td><td>产出指标</td><td>数量指标</td><td>安装路灯</td><td>40盏</td></tr></table>").Disclosure!;
        Assert.Equal(2, d.Projects.Count);
        Assert.Equal("元", d.AmountUnit);
    }

    [Theory]
    // The next page says the header again, under the group row merged across it or bare: the form goes on.
    [InlineData("<tr><td colspan=\"4\">年度绩效指标</td></tr>")]
    [InlineData("")]
    public void A_page_that_says_the_header_again_under_a_group_row_goes_on_in_the_open_form(string groupRow)
    {
        const string header = "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>";
        var d = Parse("<p>某县交通运输局2026年项目支出绩效目标表</p><table>"
            + "<tr><td>项目名称</td><td colspan=\"3\">农村公路提档升级</td></tr>"
            + "<tr><td colspan=\"4\">年度绩效指标</td></tr>" + header
            + "<tr><td>产出指标</td><td>数量指标</td><td>改造里程</td><td>≥36公里</td></tr></table>"
            + "<table>" + groupRow + header
            + "<tr><td>满意度指标</td><td>服务对象满意度指标</td><td>沿线群众满意度</td><td>≥90%</td></tr></table>").Disclosure!;
        var p = Assert.Single(d.Projects);
        Assert.Equal(["改造里程", "沿线群众满意度"], p.Indicators.Select(i => i.Name));
    }

    [Fact]
    public void A_header_with_no_project_row_under_it_is_refused_as_such()
    {
        var e = Refused("<table><tr><td>项目名称</td><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr></table>");
        Assert.Equal(DisclosureErrorCode.NoProjects, e.Code);
        Assert.Equal("the long layout was recognised but no project row follows its header", e.Message);
    }

    private const string Form = @"
<tr><td>项目名称</td><td colspan=""3"">农村公路提档升级</td></tr>
<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td><td>实际完成值</td><td>分值</td><td>得分</td></tr>
<tr><td>产出指标</td><td>数量指标</td><td>改造里程</td><td>≥36公里</td><td>38公里</td><td>100</td><td>95</td></tr>";

    [Fact]
    public void A_self_evaluation_is_of_the_year_it_evaluates_and_a_target_table_of_its_titles_year()
    {
        var self = Parse($"<p>某县交通运输局2026年项目支出绩效自评表</p><p>（2025年度）</p><table>{Form}</table>").Disclosure!;
        Assert.Equal((DisclosureKind.SelfEvaluation, 2025), (self.Kind, self.FiscalYear));
        var noEvaluatedYear = Parse($"<p>某县交通运输局2026年项目支出绩效自评表</p><table>{Form}</table>").Disclosure!;
        Assert.Equal(2026, noEvaluatedYear.FiscalYear);
        var target = Parse("<p>某县交通运输局2026年项目支出绩效目标表</p><p>（2025年度）</p><table>" +
            "<tr><td>项目名称</td><td colspan=\"3\">农村公路提档升级</td></tr>" +
            "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>" +
            "<tr><td>产出指标</td><td>数量指标</td><td>改造里程</td><td>≥36公里</td></tr></table>").Disclosure!;
        Assert.Equal((DisclosureKind.TargetTable, 2026), (target.Kind, target.FiscalYear));
    }

    [Fact]
    public void A_total_stated_above_a_one_project_self_evaluation_is_its_stated_total()
    {
        var d = Parse($"<p>某县交通运输局2025年度项目支出绩效自评表</p><p>自评总分：95分</p><table>{Form}</table>").Disclosure!;
        var total = Assert.Single(d.Projects).StatedTotal;
        Assert.NotNull(total);
        Assert.Equal(((decimal?)null, 95m), (total.Weight, total.Score));
        // Not over a total the table states, and not for two projects.
        var stated = Parse($"<p>某县交通运输局2025年度项目支出绩效自评表</p><p>自评总分：90分</p><table>{Form}" +
            "<tr><td>总分</td><td></td><td></td><td></td><td></td><td>100</td><td>95</td></tr></table>").Disclosure!;
        Assert.Equal(95m, Assert.Single(stated.Projects).StatedTotal!.Score);
        var two = Parse($"<p>某县交通运输局2025年度项目支出绩效自评表</p><p>自评总分：95分</p><table>{Form}</table><table>{Form.Replace("农村公路提档升级", "桥梁维修")}</table>").Disclosure!;
        Assert.Equal(2, two.Projects.Count);
        Assert.All(two.Projects, p => Assert.Null(p.StatedTotal));
    }

    [Fact]
    public void A_form_under_a_unit_name_with_a_task_list_is_department_wide()
    {
        var d = Parse(@"<p>某县水利局2026年绩效目标表</p><table>
<tr><td>单位名称</td><td colspan=""3"">某县水利局</td></tr>
<tr><td>年度主要任务</td><td>任务名称</td><td>主要内容</td><td>预算金额</td></tr>
<tr><td></td><td>山塘除险加固</td><td>加固病险山塘8座</td><td>180</td></tr>
<tr><td>年度总体目标</td><td colspan=""3"">做好水利工程管护。</td></tr>
<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>
<tr><td>产出指标</td><td>数量指标</td><td>加固山塘</td><td>8座</td></tr></table>").Disclosure!;
        Assert.Equal(DisclosureKind.DepartmentTargets, d.Kind);
        Assert.Equal("某县水利局", Assert.Single(d.Projects).Name);
        // Without the task list the same form under 单位名称 is a project's.
        var project = Parse(@"<p>某县水利局2026年绩效目标表</p><table>
<tr><td>单位名称</td><td colspan=""3"">某县水利局</td></tr>
<tr><td>项目名称</td><td colspan=""3"">山塘除险加固</td></tr>
<tr><td>年度总体目标</td><td colspan=""3"">做好水利工程管护。</td></tr>
<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>
<tr><td>产出指标</td><td>数量指标</td><td>加固山塘</td><td>8座</td></tr></table>").Disclosure!;
        Assert.Equal(DisclosureKind.TargetTable, project.Kind);
        Assert.Equal("山塘除险加固", Assert.Single(project.Projects).Name);
    }

    [Fact]
    public void The_first_tables_layout_is_the_files()
    {
        var d = Parse(
            "<p>某县交通运输局2026年项目支出绩效目标表</p>" +
            "<table><tr><td>项目名称</td><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>" +
            "<tr><td>桥梁维修</td><td>产出指标</td><td>数量指标</td><td>维修桥梁</td><td>3座</td></tr></table>" +
            "<table><tr><td>项目名称</td><td colspan=\"3\">农村公路提档升级</td></tr>" +
            "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>" +
            "<tr><td>产出指标</td><td>数量指标</td><td>改造里程</td><td>≥36公里</td></tr></table>").Disclosure!;
        Assert.Equal(2, d.Projects.Count);
        Assert.Equal(Layout.Long, d.Source.Layout);
    }

    [Fact]
    public void A_table_a_page_cut_goes_on_in_a_grid_that_starts_with_an_empty_level_row()
    {
        // The levels are written in the names (产出指标-数量指标-…); the template's row for a level with no indicator under
        // it (生态效益指标, nothing beside it) opens the next page's grid.
        var d = Parse(@"<p>某县市场监督管理局2026年项目支出绩效目标表</p><table>
<tr><td>项目名称</td><td colspan=""3"">食品安全抽检</td></tr>
<tr><td>年度资金总额</td><td colspan=""3"">580</td></tr>
<tr><td>年度绩效目标</td><td colspan=""3"">完成年度食品安全监督抽检。</td></tr>
<tr><td>绩效指标名称</td><td>指标性质</td><td>指标值</td><td>计量单位</td></tr>
<tr><td>产出指标-数量指标-食品安全抽检批次</td><td>正向</td><td>≥4800</td><td>批次</td></tr>
<tr><td>效益指标-社会效益指标-重大食品安全事故发生数</td><td>正向</td><td>＝0</td><td>起</td></tr></table>
<table><tr><td>生态效益指标</td><td></td><td></td><td></td></tr>
<tr><td>满意度指标-服务对象满意度指标-群众对食品安全满意度</td><td>正向</td><td>≥80</td><td>%</td></tr>
<tr><td>填报人：李某</td><td colspan=""3"">联系电话：0000-1234567</td></tr></table>").Disclosure!;
        var p = Assert.Single(d.Projects);
        Assert.Equal(["食品安全抽检批次", "重大食品安全事故发生数", "群众对食品安全满意度"], p.Indicators.Select(i => i.Name));
        Assert.Equal(("满意度指标", "服务对象满意度指标", 80m), (p.Indicators[2].Level1, p.Indicators[2].Level2, p.Indicators[2].Value));
    }

    [Fact]
    public void A_form_cut_in_its_money_block_goes_on_under_the_header_and_group_row_the_next_page_repeats()
    {
        // The second level stands under 指标名称 and the name under 指标说明 (known only from the cells); the page repeats the
        // group row and the header over the money block's last row and the goals, then again over the indicators.
        const string header = "<tr><td>年度绩效指标</td><td>年度绩效指标</td><td></td><td></td><td></td><td></td></tr>"
            + "<tr><td></td><td>一级指标</td><td>指标名称</td><td>指标值</td><td>度量单位</td><td>指标说明</td></tr>";
        var d = Parse(@"<p>某市卫生健康委员会2026年项目支出绩效目标表</p><table>
<tr><td>项目名称</td><td>村医补助经费</td><td></td><td></td><td></td><td></td></tr>
<tr><td>资金总额及构成</td><td>年度资金总额</td><td></td><td>216</td><td></td><td></td></tr>
<tr><td></td><td>其中：财政拨款</td><td></td><td>216</td><td></td><td></td></tr></table><table>" + header + @"
<tr><td></td><td>其他</td><td></td><td>0</td><td></td><td></td></tr>
<tr><td>年度目标</td><td>按月足额发放村医补助，稳定村医队伍。</td><td></td><td></td><td></td><td></td></tr>" + header + @"
<tr><td></td><td>产出指标</td><td>数量指标</td><td>=360</td><td>人</td><td>补助村医人数</td></tr>
<tr><td></td><td></td><td>时效指标</td><td>按季度发放</td><td></td><td>补助发放时间</td></tr>
<tr><td></td><td>满意度指标</td><td>服务对象满意度指标</td><td>≥90</td><td>%</td><td>村医满意度</td></tr></table>").Disclosure!;
        var p = Assert.Single(d.Projects);
        Assert.Equal(("村医补助经费", 216m, 1), (p.Name, p.Amount, p.Objectives.Count));
        Assert.Equal(["补助村医人数", "补助发放时间", "村医满意度"], p.Indicators.Select(i => i.Name));
        Assert.Equal(["数量指标", "时效指标", "服务对象满意度指标"], p.Indicators.Select(i => i.Level2));
    }

    [Fact]
    public void A_two_row_header_a_page_splits_under_a_form_is_read_whole_over_the_next_page()
    {
        // The page ends after the header's top row (绩效指标 | 指标单位 | 指标值 | 指标说明); its second row (一级目标 | 指标名称)
        // tops the next page. The second levels stand under 指标名称 and the names under 指标说明, known from both rows.
        var d = Parse(@"<p>某县农业农村局2026年绩效目标批复表</p><table>
<tr><td>资金名称</td><td colspan=""2"">耕地地力保护补贴</td><td>主管部门</td><td colspan=""2"">某县农业农村局</td></tr>
<tr><td>年度预算数</td><td colspan=""5"">320</td></tr>
<tr><td>年度绩效目标</td><td colspan=""5"">按时足额发放耕地地力保护补贴。</td></tr>
<tr><td>绩效指标表</td><td colspan=""2"">绩效指标</td><td>指标单位</td><td>指标值</td><td>指标说明</td></tr></table>
<table><tr><td></td><td>一级目标</td><td>指标名称</td><td></td><td></td><td></td></tr>
<tr><td></td><td>产出指标</td><td>数量指标</td><td>万亩</td><td>>=12.5</td><td>补贴面积</td></tr>
<tr><td></td><td></td><td>时效指标</td><td></td><td>2026年6月底前</td><td>补贴发放时间</td></tr>
<tr><td></td><td>满意度指标</td><td>服务对象满意度指标</td><td>%</td><td>>=90</td><td>种粮农户满意度</td></tr></table>").Disclosure!;
        var p = Assert.Single(d.Projects);
        Assert.Equal(("耕地地力保护补贴", 320m), (p.Name, p.Amount));
        Assert.Equal(["补贴面积", "补贴发放时间", "种粮农户满意度"], p.Indicators.Select(i => i.Name));
        Assert.Equal(["数量指标", "时效指标", "服务对象满意度指标"], p.Indicators.Select(i => i.Level2));
        Assert.Equal((12.5m, "万亩"), (p.Indicators[0].Value, p.Indicators[0].Unit));
    }
}
