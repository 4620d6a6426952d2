using BudgetGrpc.Engine.Model;
using Xunit;
using static BudgetGrpc.Engine.Tests.Layouts.LayoutChecks;

namespace BudgetGrpc.Engine.Tests.Layouts;

/// <summary>
/// The form reader's paths that a mutation run of FormLayout found unchecked (issue 15): how a label block is read
/// (goals one a row under a merged label, 长期目标 | 年度目标 over their texts, tasks of a department-wide form with or
/// without their merge, the figure a money label glues its unit to), how forms are numbered, and where a form's indicator
/// table ends. Tables written by us on the model of the county forms of the survey.
/// </summary>
public sealed class FormLayoutEdgeTests
{
    private static Disclosure Parse(string html) => LayoutChecks.Parse(html, "form.html");

    private const string Indicators = @"
<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>
<tr><td rowspan=""2"">产出指标</td><td>数量指标</td><td>改造农村公路里程</td><td>≥36公里</td></tr>
<tr><td>质量指标</td><td>工程验收合格率</td><td>100%</td></tr>
<tr><td>满意度指标</td><td>服务对象满意度指标</td><td>沿线群众满意度</td><td>≥90%</td></tr>
";

    private static readonly string[] IndicatorTexts =
        ["产出指标/数量指标/改造农村公路里程 >= 36 公里", "产出指标/质量指标/工程验收合格率 = 100 %", "满意度指标/服务对象满意度指标/沿线群众满意度 >= 90 %"];

    private static string Page(string title, string rows) =>
        $"<html><body><p>{title}</p><table border=\"1\">{rows}</table></body></html>";

    [Fact]
    public void Goals_one_a_row_under_a_label_merged_down_are_all_the_years_objectives()
    {
        var d = Parse(Page("某县交通运输局2026年项目支出绩效目标表", @"
<tr><td>项目名称</td><td colspan=""3"">农村公路提档升级</td></tr>
<tr><td>主管部门</td><td colspan=""3"">某县交通运输局</td></tr>
<tr><td>年度资金总额</td><td colspan=""3"">1260</td></tr>
<tr><td rowspan=""3"">年度绩效目标</td><td colspan=""3"">完成农村公路提档升级36公里。</td></tr>
<tr><td colspan=""3"">工程一次验收合格。</td></tr>
<tr><td colspan=""3"">改善沿线群众出行条件。</td></tr>" + Indicators));
        var p = Assert.Single(d.Projects);
        Assert.Equal(("农村公路提档升级", 1260m, "某县交通运输局"), (p.Name, p.Amount, d.Department));
        Assert.Equal(["完成农村公路提档升级36公里。", "工程一次验收合格。", "改善沿线群众出行条件。"], p.Objectives);
        Assert.Equal(IndicatorTexts, p.Indicators.Select(Ind));
    }

    [Fact]
    public void A_long_term_goal_beside_the_years_goal_under_one_goals_label_is_not_an_objective()
    {
        var d = Parse(Page("某县交通运输局2026年项目支出绩效目标表", @"
<tr><td>项目名称</td><td colspan=""3"">农村公路提档升级</td></tr>
<tr><td>主管部门</td><td colspan=""3"">某县交通运输局</td></tr>
<tr><td>年度资金总额</td><td colspan=""3"">1260</td></tr>
<tr><td rowspan=""2"">绩效目标</td><td>长期目标</td><td colspan=""2"">年度目标</td></tr>
<tr><td>到2030年建成便捷通畅的农村公路网。</td><td colspan=""2"">完成农村公路提档升级36公里。</td></tr>" + Indicators));
        var p = Assert.Single(d.Projects);
        Assert.Equal(["完成农村公路提档升级36公里。"], p.Objectives);
        Assert.Equal(IndicatorTexts, p.Indicators.Select(Ind));
    }

    [Fact]
    public void A_department_wide_forms_task_rows_that_lost_their_merged_label_are_tasks_with_every_text_but_the_amount()
    {
        // A text export keeps 年度主要任务 on the task header's row only; each task row under it is name, content, amount, note.
        var d = Parse(Page("某县水利局2026年部门整体支出绩效目标表", @"
<tr><td>部门（单位）名称</td><td colspan=""4"">某县水利局</td></tr>
<tr><td>年度预算总额</td><td colspan=""4"">432.6</td></tr>
<tr><td>年度主要任务</td><td>任务名称</td><td>主要内容</td><td>预算金额</td><td>备注</td></tr>
<tr><td>山塘除险加固</td><td>加固病险山塘8座</td><td>180</td><td>汛前完工</td></tr>
<tr><td>农村供水保障</td><td>维修供水管网15公里</td><td>95.5</td><td></td></tr>
<tr><td>年度总体目标</td><td colspan=""4"">1.保障机关正常运转；2.做好水利工程管护。</td></tr>" + Indicators));
        Assert.Equal((DisclosureKind.DepartmentTargets, "某县水利局"), (d.Kind, d.Department));
        var p = Assert.Single(d.Projects);
        Assert.Equal(("", "某县水利局", 432.6m), (p.Code, p.Name, p.Amount));
        Assert.Equal(["保障机关正常运转", "做好水利工程管护。", "山塘除险加固：加固病险山塘8座；汛前完工", "农村供水保障：维修供水管网15公里"],
            p.Objectives);
        Assert.Equal(IndicatorTexts, p.Indicators.Select(Ind));
    }

    [Fact]
    public void A_department_wide_forms_task_label_merged_down_beside_its_rows_reads_each_row_as_a_task()
    {
        var d = Parse(Page("某县水利局2026年部门整体支出绩效目标表", @"
<tr><td>部门（单位）名称</td><td colspan=""3"">某县水利局</td></tr>
<tr><td>年度预算总额</td><td colspan=""3"">432.6</td></tr>
<tr><td rowspan=""3"">年度主要任务</td><td>任务名称</td><td>主要内容</td><td>预算金额</td></tr>
<tr><td>山塘除险加固</td><td>加固病险山塘8座</td><td>180</td></tr>
<tr><td>农村供水保障</td><td>维修供水管网15公里</td><td>95.5</td></tr>
<tr><td>年度总体目标</td><td colspan=""3"">1.保障机关正常运转；2.做好水利工程管护。</td></tr>" + Indicators));
        var p = Assert.Single(d.Projects);
        Assert.Equal(["保障机关正常运转", "做好水利工程管护。", "山塘除险加固：加固病险山塘8座", "农村供水保障：维修供水管网15公里"], p.Objectives);
        Assert.Equal(IndicatorTexts, p.Indicators.Select(Ind));
    }

    [Fact]
    public void Forms_without_a_code_are_numbered_in_the_order_they_stand()
    {
        static string Form(string name, string amount) => $@"
<tr><td>项目名称</td><td colspan=""3"">{name}</td></tr>
<tr><td>主管部门</td><td colspan=""3"">某县交通运输局</td></tr>
<tr><td>年度资金总额</td><td colspan=""3"">{amount}</td></tr>
<tr><td>年度绩效目标</td><td colspan=""3"">完成{name}。</td></tr>" + Indicators;
        var d = Parse(Page("某县交通运输局2026年项目支出绩效目标表", Form("农村公路提档升级", "1260") + Form("危桥改造", "310.5") + Form("公路养护", "88")));
        Assert.Equal([("1", "农村公路提档升级", 1260m), ("2", "危桥改造", 310.5m), ("3", "公路养护", 88m)],
            d.Projects.Select(p => (p.Code, p.Name, p.Amount ?? 0m)));
        Assert.All(d.Projects, p => Assert.Equal(IndicatorTexts, p.Indicators.Select(Ind)));
        Assert.Equal(["完成危桥改造。"], d.Projects[1].Objectives);
    }

    [Fact]
    public void A_total_written_with_its_unit_glued_on_sets_the_amount_unit_where_the_title_names_none()
    {
        var d = Parse(Page("某县交通运输局2026年项目支出绩效目标表", @"
<tr><td>项目名称</td><td colspan=""3"">危桥改造</td></tr>
<tr><td>主管部门</td><td colspan=""3"">某县交通运输局</td></tr>
<tr><td>年度资金总额</td><td colspan=""3"">3105000.00元</td></tr>
<tr><td>年度绩效目标</td><td colspan=""3"">完成危桥改造4座。</td></tr>" + Indicators));
        var p = Assert.Single(d.Projects);
        Assert.Equal((3105000m, "元"), (p.Amount, d.AmountUnit));
    }

    [Fact]
    public void The_implementing_unit_is_the_department_where_the_form_and_title_name_no_other()
    {
        var d = Parse(Page("2026年项目支出绩效目标表", @"
<tr><td>项目名称</td><td colspan=""3"">危桥改造</td></tr>
<tr><td>实施单位</td><td colspan=""3"">某县公路事业发展中心</td></tr>
<tr><td>年度资金总额</td><td colspan=""3"">310.5</td></tr>
<tr><td>年度绩效目标</td><td colspan=""3"">完成危桥改造4座。</td></tr>" + Indicators));
        var p = Assert.Single(d.Projects);
        Assert.Equal("某县公路事业发展中心", d.Department);
        Assert.Equal(new Dictionary<string, string> { ["实施单位"] = "某县公路事业发展中心" }, p.Attributes);
    }

    [Fact]
    public void A_goal_written_under_its_label_after_the_task_list_is_the_goal_and_no_further_task()
    {
        var d = Parse(Page("某县水利局2026年部门整体支出绩效目标表", @"
<tr><td>部门（单位）名称</td><td colspan=""3"">某县水利局</td></tr>
<tr><td>年度预算总额</td><td colspan=""3"">432.6</td></tr>
<tr><td>年度主要任务</td><td>任务名称</td><td>主要内容</td><td>预算金额</td></tr>
<tr><td>山塘除险加固</td><td>加固病险山塘8座</td><td>180</td></tr>
<tr><td colspan=""4"">年度总体目标</td></tr>
<tr><td colspan=""4"">保障机关正常运转，做好水利工程管护。</td></tr>" + Indicators));
        var p = Assert.Single(d.Projects);
        Assert.Equal(["保障机关正常运转，做好水利工程管护。", "山塘除险加固：加固病险山塘8座"], p.Objectives);
        Assert.Equal(IndicatorTexts, p.Indicators.Select(Ind));
    }

    private const string Form = @"
<tr><td>项目名称</td><td colspan=""3"">农村公路提档升级</td></tr>
<tr><td>主管部门</td><td colspan=""3"">某县交通运输局</td></tr>
<tr><td>年度资金总额</td><td colspan=""3"">1260</td></tr>
<tr><td>年度绩效目标</td><td colspan=""3"">完成农村公路提档升级36公里。</td></tr>";

    [Fact]
    public void The_title_of_the_notices_next_table_under_the_form_ends_its_indicators()
    {
        var d = Parse(Page("某县交通运输局2026年项目支出绩效目标表", Form + Indicators + @"
<tr><td colspan=""4"">2026年农村公路资金分配表</td></tr>
<tr><td>某甲镇人民政府</td><td>产出指标</td><td>数量指标</td><td>600</td></tr>
<tr><td>某乙镇人民政府</td><td>产出指标</td><td>数量指标</td><td>660</td></tr>"));
        var p = Assert.Single(d.Projects);
        Assert.Equal(IndicatorTexts, p.Indicators.Select(Ind));
        Assert.Empty(d.UnreadRows);
    }

    [Fact]
    public void The_running_title_the_group_row_and_the_header_repeated_past_a_page_break_are_no_indicators()
    {
        // The new page repeats the table's title, its group row and its header, the header's words broken over two lines.
        var d = Parse(Page("某县交通运输局2026年项目支出绩效目标表", Form + @"
<tr><td>绩效指标</td><td colspan=""3"">年度绩效指标</td></tr>
<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>
<tr><td rowspan=""2"">产出指标</td><td>数量指标</td><td>改造农村公路里程</td><td>≥36公里</td></tr>
<tr><td>质量指标</td><td>工程验收合格率</td><td>100%</td></tr>
<tr><td colspan=""4"">某县交通运输局2026年项目支出绩效目标（续）</td></tr>
<tr><td>绩效指标</td><td colspan=""3"">年度绩效指标</td></tr>
<tr><td>一级<br>指标</td><td>二级<br>指标</td><td>三级<br>指标</td><td>指标值</td></tr>
<tr><td>满意度指标</td><td>服务对象满意度指标</td><td>沿线群众满意度</td><td>≥90%</td></tr>"));
        var p = Assert.Single(d.Projects);
        Assert.Equal(IndicatorTexts, p.Indicators.Select(Ind));
        Assert.Empty(d.UnreadRows);
    }

    [Fact]
    public void The_weight_total_under_a_target_tables_indicators_is_no_indicator()
    {
        var d = Parse(Page("某县交通运输局2026年项目支出绩效目标表", Form + @"
<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td><td>权重</td></tr>
<tr><td rowspan=""2"">产出指标</td><td>数量指标</td><td>改造农村公路里程</td><td>≥36公里</td><td>40</td></tr>
<tr><td>质量指标</td><td>工程验收合格率</td><td>100%</td><td>30</td></tr>
<tr><td>满意度指标</td><td>服务对象满意度指标</td><td>沿线群众满意度</td><td>≥90%</td><td>30</td></tr>
<tr><td colspan=""4"">合计</td><td>100</td></tr>"));
        Assert.Equal(DisclosureKind.TargetTable, d.Kind);
        var p = Assert.Single(d.Projects);
        Assert.Equal(IndicatorTexts, p.Indicators.Select(Ind));
        Assert.Equal([40m, 30m, 30m], p.Indicators.Select(i => i.Weight ?? 0m));
        Assert.Empty(d.UnreadRows);
    }

    [Fact]
    public void Labels_glued_to_their_values_in_one_cell_are_split_a_money_label_glued_to_its_figure_too()
    {
        var d = Parse(Page("某县交通运输局2026年项目支出绩效目标表", @"
<tr><td colspan=""2"">项目名称：危桥改造</td><td colspan=""2"">主管部门：某县交通运输局</td></tr>
<tr><td colspan=""4"">年度资金总额:310.5</td></tr>
<tr><td colspan=""4"">年度绩效目标：完成危桥改造4座，消除安全隐患。</td></tr>" + Indicators));
        var p = Assert.Single(d.Projects);
        Assert.Equal(("危桥改造", 310.5m, "某县交通运输局"), (p.Name, p.Amount, d.Department));
        Assert.Equal(["完成危桥改造4座，消除安全隐患。"], p.Objectives);
        Assert.Equal(IndicatorTexts, p.Indicators.Select(Ind));
    }

    [Fact]
    public void A_total_written_under_its_label_is_the_projects_amount()
    {
        var d = Parse(Page("某县交通运输局2026年项目支出绩效目标表", @"
<tr><td>项目名称</td><td colspan=""3"">危桥改造</td></tr>
<tr><td>主管部门</td><td colspan=""3"">某县交通运输局</td></tr>
<tr><td colspan=""4"">年度资金总额</td></tr>
<tr><td colspan=""4"">310.5</td></tr>
<tr><td>年度绩效目标</td><td colspan=""3"">完成危桥改造4座。</td></tr>" + Indicators));
        var p = Assert.Single(d.Projects);
        Assert.Equal(310.5m, p.Amount);
        Assert.Equal(["完成危桥改造4座。"], p.Objectives);
        Assert.Equal(IndicatorTexts, p.Indicators.Select(Ind));
    }

    [Fact]
    public void A_form_that_states_only_its_goal_over_the_implementation_period_takes_it_as_its_objectives()
    {
        var d = Parse(Page("某县交通运输局2026年项目支出绩效目标表", @"
<tr><td>项目名称</td><td colspan=""3"">危桥改造</td></tr>
<tr><td>主管部门</td><td colspan=""3"">某县交通运输局</td></tr>
<tr><td>年度资金总额</td><td colspan=""3"">310.5</td></tr>
<tr><td>实施期目标</td><td colspan=""3"">1.三年内完成全县危桥改造12座；2.公路桥梁安全隐患全部消除。</td></tr>" + Indicators));
        var p = Assert.Single(d.Projects);
        Assert.Equal(["三年内完成全县危桥改造12座", "公路桥梁安全隐患全部消除。"], p.Objectives);
        Assert.Equal(new Dictionary<string, string> { ["主管部门"] = "某县交通运输局", ["实施期目标"] = "1.三年内完成全县危桥改造12座；2.公路桥梁安全隐患全部消除。" },
            p.Attributes);
    }

    [Fact]
    public void A_money_label_that_names_its_unit_sets_the_amount_unit_where_the_title_names_none()
    {
        var d = Parse(Page("某县交通运输局2026年项目支出绩效目标表", @"
<tr><td>项目名称</td><td colspan=""3"">危桥改造</td></tr>
<tr><td>主管部门</td><td colspan=""3"">某县交通运输局</td></tr>
<tr><td>年度资金总额（元）</td><td colspan=""3"">3105000</td></tr>
<tr><td>年度绩效目标</td><td colspan=""3"">完成危桥改造4座。</td></tr>" + Indicators));
        Assert.Equal((3105000m, "元"), (Assert.Single(d.Projects).Amount, d.AmountUnit));
    }

    [Fact]
    public void A_unit_label_beside_its_unit_in_the_form_sets_the_amount_unit()
    {
        var d = Parse(Page("某县交通运输局2026年项目支出绩效目标表", @"
<tr><td>项目名称</td><td>危桥改造</td><td>金额单位</td><td>元</td></tr>
<tr><td>主管部门</td><td colspan=""3"">某县交通运输局</td></tr>
<tr><td>年度资金总额</td><td colspan=""3"">3105000</td></tr>
<tr><td>年度绩效目标</td><td colspan=""3"">完成危桥改造4座。</td></tr>" + Indicators));
        var p = Assert.Single(d.Projects);
        Assert.Equal(("危桥改造", 3105000m, "元"), (p.Name, p.Amount, d.AmountUnit));
    }

    [Fact]
    public void The_indicator_header_a_page_break_repeats_amid_the_money_block_does_not_end_the_label_block()
    {
        // The export repeats the table's header at the top of each page, here over the form's money heads.
        var d = Parse(Page("某县交通运输局2026年项目支出绩效目标表", @"
<tr><td>项目名称</td><td colspan=""3"">农村公路提档升级</td></tr>
<tr><td>主管部门</td><td colspan=""3"">某县交通运输局</td></tr>
<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>
<tr><td rowspan=""2"">年度资金总额</td><td>财政拨款</td><td>其他资金</td><td>合计</td></tr>
<tr><td>1200</td><td>60</td><td>1260</td></tr>
<tr><td>年度绩效目标</td><td colspan=""3"">完成农村公路提档升级36公里。</td></tr>" + Indicators));
        var p = Assert.Single(d.Projects);
        Assert.Equal(("农村公路提档升级", 1260m), (p.Name, p.Amount));
        Assert.Equal(["完成农村公路提档升级36公里。"], p.Objectives);
        Assert.Equal(IndicatorTexts, p.Indicators.Select(Ind));
        Assert.Empty(d.UnreadRows);
    }

    [Fact]
    public void The_header_a_page_break_repeats_before_the_last_money_row_does_not_end_the_label_block()
    {
        // The page ends after 其中：财政拨款; the new page repeats the two-row header over the 其他 row and the goals.
        var d = Parse(Page("某县交通运输局2026年项目支出绩效目标表", @"
<tr><td>项目名称</td><td colspan=""3"">农村公路提档升级</td></tr>
<tr><td rowspan=""2"">资金总额及构成</td><td>年度预算数</td><td colspan=""2"">1260</td></tr>
<tr><td>其中：财政拨款</td><td colspan=""2"">1260</td></tr>
<tr><td>绩效指标</td><td>指标值</td><td>计量单位</td><td>指标方向</td></tr>
<tr><td>三级指标名称</td><td></td><td></td><td></td></tr>
<tr><td></td><td>其他</td><td colspan=""2"">0</td></tr>
<tr><td>绩效目标</td><td colspan=""3"">目标1：完成农村公路提档升级36公里；目标2：工程一次验收合格</td></tr>
<tr><td>绩效指标</td><td>指标值</td><td>计量单位</td><td>指标方向</td></tr>
<tr><td>三级指标名称</td><td></td><td></td><td></td></tr>
<tr><td>产出指标-数量指标-改造农村公路里程</td><td>≥36</td><td>公里</td><td>正向</td></tr>
<tr><td>满意度指标-服务对象满意度指标-沿线群众满意度</td><td>≥90</td><td>%</td><td>正向</td></tr>"));
        var p = Assert.Single(d.Projects);
        Assert.Equal(("农村公路提档升级", 1260m), (p.Name, p.Amount));
        Assert.Equal(2, p.Objectives.Count);
        Assert.Equal(["产出指标/数量指标/改造农村公路里程 >= 36 公里", "满意度指标/服务对象满意度指标/沿线群众满意度 >= 90 %"], p.Indicators.Select(Ind));
        Assert.Empty(d.UnreadRows);
    }

    [Fact]
    public void A_money_label_names_its_unit_in_brackets_without_the_word_for_unit()
    {
        var d = Parse(Page("某县畜牧兽医局2025年项目支出绩效目标表", @"
<tr><td>项目名称</td><td colspan=""3"">动物疫病强制免疫</td></tr>
<tr><td colspan=""4"">本年度预计投入（元）</td></tr>
<tr><td>合计</td><td>财政资金</td><td colspan=""2"">其他资金</td></tr>
<tr><td>950000</td><td>760000</td><td colspan=""2"">190000</td></tr>
<tr><td>年度绩效目标</td><td colspan=""3"">完成春秋两季重大动物疫病强制免疫。</td></tr>" + Indicators));
        var p = Assert.Single(d.Projects);
        Assert.Equal((950000m, "元"), (p.Amount, d.AmountUnit));
    }

    [Fact]
    public void The_title_and_unit_line_of_a_list_under_the_form_are_not_sampled_as_indicator_names()
    {
        // A text export: every line of the page is a row, unmerged. The allocation list's title and unit line under four
        // indicators whose names carry their levels (the only sign of a table: no level, comparator, unit or weight column)
        // must not outvote them.
        var d = Parse(Page("某区文化和旅游局2024年项目支出绩效目标表", @"
<tr><td>项目名称</td><td>非物质文化遗产保护</td><td></td></tr>
<tr><td>年度资金总额</td><td>30</td><td></td></tr>
<tr><td>年度绩效目标</td><td>资助非遗代表性传承人开展传习活动。</td><td></td></tr>
<tr><td>指标名称</td><td>指标值</td><td></td></tr>
<tr><td></td><td>上年完成值</td><td>年度目标值</td></tr>
<tr><td>产出指标-数量指标-传承人补助人数（人）</td><td>40</td><td>45</td></tr>
<tr><td>产出指标-时效指标-补助发放及时率（%）</td><td>98</td><td>100</td></tr>
<tr><td>效益指标-可持续影响指标-非遗项目传承</td><td>基本完成</td><td>持续开展</td></tr>
<tr><td>满意度指标-服务对象满意度指标-传承人满意度（%）</td><td>&gt;=86</td><td>不低于95</td></tr>
<tr><td></td><td></td><td></td></tr>
<tr><td>2024年专项资金分配表</td><td></td><td></td></tr>
<tr><td>单位：元</td><td></td><td></td></tr>
<tr><td>序号</td><td>单位名称</td><td>金额</td></tr>
<tr><td>1</td><td>示例甲镇人民政府</td><td>1205000</td></tr>
<tr><td>2</td><td>示例乙镇人民政府</td><td>860000</td></tr>"));
        var p = Assert.Single(d.Projects);
        Assert.Equal(["产出指标/数量指标/传承人补助人数 = 45 人", "产出指标/时效指标/补助发放及时率 = 100 %",
            "效益指标/可持续影响指标/非遗项目传承 qualitative 持续开展", "满意度指标/服务对象满意度指标/传承人满意度 >= 95 %"], p.Indicators.Select(Ind));
    }

    [Fact]
    public void A_column_is_told_by_its_cells_on_both_sides_of_the_header_a_page_break_repeats()
    {
        // One indicator row fits on the first page: the signs under 指标方向 are comparators on the rows of both pages.
        var d = Parse(Page("某县畜牧兽医局2025年项目支出绩效目标表", @"
<tr><td>项目名称</td><td colspan=""3"">饲草种植补贴</td></tr>
<tr><td>年度资金总额</td><td colspan=""3"">56</td></tr>
<tr><td>年度绩效目标</td><td colspan=""3"">补贴饲草种植8000亩。</td></tr>
<tr><td>指标内容</td><td>指标方向</td><td>指标值（长期）</td><td>指标值（年度）</td></tr>
<tr><td>产出指标-数量指标-饲草种植面积</td><td>≧</td><td>7200亩</td><td>8000亩</td></tr>
<tr><td>指标内容</td><td>指标方向</td><td>指标值（长期）</td><td>指标值（年度）</td></tr>
<tr><td>产出指标-数量指标-补贴农户</td><td>≧</td><td>585户</td><td>650户</td></tr>
<tr><td>产出指标-成本指标-亩均补贴标准</td><td>＝</td><td>63元/亩</td><td>70元/亩</td></tr>
<tr><td>满意度指标-服务对象满意度指标-受益农户满意度</td><td>≧</td><td>83%</td><td>92%</td></tr>"));
        var p = Assert.Single(d.Projects);
        Assert.Equal(["产出指标/数量指标/饲草种植面积 >= 8000 亩", "产出指标/数量指标/补贴农户 >= 650 户",
            "产出指标/成本指标/亩均补贴标准 = 70 元/亩", "满意度指标/服务对象满意度指标/受益农户满意度 >= 92 %"], p.Indicators.Select(Ind));
    }

    [Fact]
    public void The_figures_of_a_money_block_under_the_header_a_page_break_repeats_are_its_figures()
    {
        // The page ends under the money heads; the next page repeats the indicator header over the figures.
        var d = Parse(Page("某市卫生健康委员会2026年项目支出绩效目标表", @"
<tr><td>项目名称</td><td colspan=""3"">村医补助经费</td></tr>
<tr><td>年度资金总额</td><td>财政资金</td><td>其他资金</td><td>合计</td></tr>
<tr><td></td><td></td><td></td><td></td></tr>
<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>
<tr><td></td><td>172.80</td><td>43.20</td><td>216.00</td></tr>
<tr><td>年度绩效目标</td><td colspan=""3"">按月足额发放村医补助。</td></tr>" + Indicators));
        var p = Assert.Single(d.Projects);
        Assert.Equal(("村医补助经费", 216m), (p.Name, p.Amount));
        Assert.Equal(["按月足额发放村医补助。"], p.Objectives);
        Assert.Equal(IndicatorTexts, p.Indicators.Select(Ind));
        Assert.Empty(d.UnreadRows);
    }

    [Fact]
    public void The_heads_of_a_money_block_under_the_header_and_group_row_a_page_break_repeats_are_its_heads()
    {
        // 年度资金总额 ends the page; the next repeats the group row and the header over the heads, part heads and figures.
        var d = Parse(Page("某区文化和旅游局2026年项目支出绩效目标表", @"
<tr><td>项目名称</td><td colspan=""5"">旅游宣传推广经费</td></tr>
<tr><td colspan=""6"">年度资金总额</td></tr>
<tr><td>本年度绩效指标</td><td colspan=""5"">绩效指标</td></tr>
<tr><td></td><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td><td>权重</td></tr>
<tr><td colspan=""4"">财政资金</td><td>其他资金</td><td>合计</td></tr>
<tr><td>中央</td><td>省级</td><td>市级</td><td>本级</td><td></td><td></td></tr>
<tr><td>25.6</td><td>19.2</td><td>12.8</td><td>6.4</td><td>16</td><td>80</td></tr>
<tr><td>绩效目标</td><td colspan=""5"">组织旅游推介活动，扩大区域旅游影响。</td></tr>
<tr><td>本年度绩效指标</td><td colspan=""5"">绩效指标</td></tr>
<tr><td></td><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td><td>权重</td></tr>
<tr><td></td><td>产出指标</td><td>数量指标</td><td>发放宣传册</td><td>≥5000册</td><td>50</td></tr>
<tr><td></td><td>效益指标</td><td>经济效益指标</td><td>旅游综合收入增长</td><td>≥8%</td><td>50</td></tr>"));
        var p = Assert.Single(d.Projects);
        Assert.Equal(("旅游宣传推广经费", 80m), (p.Name, p.Amount));
        Assert.Equal(["组织旅游推介活动，扩大区域旅游影响。"], p.Objectives);
        Assert.Equal(["产出指标/数量指标/发放宣传册 >= 5000 册", "效益指标/经济效益指标/旅游综合收入增长 >= 8 %"], p.Indicators.Select(Ind));
        Assert.Empty(d.UnreadRows);
    }

    [Fact]
    public void A_blank_row_beside_the_indicator_blocks_label_merged_down_does_not_end_the_table()
    {
        // The template's row for a level with no indicator, left blank; the block's label (spaced out, ending in 表) runs down beside it.
        var d = Parse(Page("某区文化和旅游局2024年项目支出绩效目标表", @"
<tr><td>项目名称</td><td colspan=""3"">非物质文化遗产保护</td></tr>
<tr><td>年度资金总额</td><td colspan=""3"">30</td></tr>
<tr><td>年度绩效目标</td><td colspan=""3"">资助非遗代表性传承人开展传习活动。</td></tr>
<tr><td rowspan=""5"">绩 效 项 目 指 标 表</td><td>指标内容</td><td>指标值</td><td>计算符号</td></tr>
<tr><td>产出指标-数量指标-非遗传承人补助人数</td><td>45人</td><td>＝</td></tr>
<tr><td></td><td></td><td></td></tr>
<tr><td>效益指标-可持续影响指标-非遗项目传承</td><td>持续开展</td><td>定性</td></tr>
<tr><td>满意度指标-服务对象满意度指标-传承人满意度</td><td>95%</td><td>≥</td></tr>"));
        Assert.Equal(["产出指标/数量指标/非遗传承人补助人数 = 45 人", "效益指标/可持续影响指标/非遗项目传承 qualitative 持续开展",
            "满意度指标/服务对象满意度指标/传承人满意度 >= 95 %"], Assert.Single(d.Projects).Indicators.Select(Ind));
    }

    [Fact]
    public void A_unit_label_and_its_unit_in_two_cells_of_the_label_block_give_the_unit()
    {
        var d = Parse(Page("某县交通运输局2026年项目支出绩效目标表", @"
<tr><td>项目名称</td><td colspan=""3"">危桥改造</td></tr>
<tr><td>金额单位</td><td colspan=""3"">元</td></tr>
<tr><td>年度资金总额</td><td colspan=""3"">35000</td></tr>
<tr><td>年度绩效目标</td><td colspan=""3"">完成危桥改造4座。</td></tr>" + Indicators));
        var p = Assert.Single(d.Projects);
        Assert.Equal((35000m, "元"), (p.Amount, d.AmountUnit));
    }

    [Fact]
    public void A_goals_label_with_nothing_beside_it_takes_no_goal_from_a_two_word_header_under_it()
    {
        var d = Parse(Page("某县交通运输局2026年项目支出绩效目标表", @"
<tr><td>项目名称</td><td>危桥改造</td></tr>
<tr><td>年度资金总额</td><td>310.5</td></tr>
<tr><td>年度绩效目标</td><td></td></tr>
<tr><td>三级指标</td><td>指标值</td></tr>
<tr><td>产出指标-数量指标-改造危桥数量</td><td>≥4座</td></tr>
<tr><td>满意度指标-服务对象满意度指标-沿线群众满意度</td><td>≥90%</td></tr>"));
        var p = Assert.Single(d.Projects);
        Assert.Empty(p.Objectives);
        Assert.Equal(["产出指标/数量指标/改造危桥数量 >= 4 座", "满意度指标/服务对象满意度指标/沿线群众满意度 >= 90 %"], p.Indicators.Select(Ind));
    }

    [Fact]
    public void A_budget_group_label_beside_one_figure_gives_the_amount_where_no_total_is_stated()
    {
        var d = Parse(Page("某县交通运输局2026年项目支出绩效目标表", @"
<tr><td>项目名称</td><td colspan=""3"">危桥改造</td></tr>
<tr><td>主管部门</td><td colspan=""3"">某县交通运输局</td></tr>
<tr><td>年度预算申请</td><td colspan=""3"">310.5</td></tr>
<tr><td>年度绩效目标</td><td colspan=""3"">完成危桥改造4座。</td></tr>" + Indicators));
        var p = Assert.Single(d.Projects);
        Assert.Equal(("危桥改造", 310.5m), (p.Name, p.Amount));
        Assert.Equal(IndicatorTexts, p.Indicators.Select(Ind));
    }

    [Fact]
    public void A_department_wide_form_names_the_department_where_its_title_does_not()
    {
        var d = Parse(Page("2026年部门整体支出绩效目标表", @"
<tr><td>部门（单位）名称</td><td colspan=""3"">某县水利局</td></tr>
<tr><td>年度预算总额</td><td colspan=""3"">432.6</td></tr>
<tr><td>年度总体目标</td><td colspan=""3"">保障机关正常运转，做好水利工程管护。</td></tr>" + Indicators));
        Assert.Equal((DisclosureKind.DepartmentTargets, "某县水利局"), (d.Kind, d.Department));
        var p = Assert.Single(d.Projects);
        Assert.Equal(("", "某县水利局", 432.6m), (p.Code, p.Name, p.Amount));
    }

    [Fact]
    public void A_forms_project_points_at_its_name_cell_under_its_label()
    {
        var d = Parse(Page("某县交通运输局2026年项目支出绩效目标表", Form + Indicators + Form.Replace("农村公路提档升级", "危桥改造") + Indicators));
        Assert.Equal([("农村公路提档升级", 1, 2, "项目名称"), ("危桥改造", 9, 2, "项目名称")],
            d.Projects.Select(p => (p.Name, p.Source.Row, p.Source.Column, p.Source.ColumnName)));
    }

    [Fact]
    public void Indicators_written_as_sentences_under_their_first_level_are_read_without_a_header()
    {
        var d = Parse(Page("某县交通运输局2026年项目支出绩效目标表", Form + @"
<tr><td rowspan=""2"">产出指标</td><td colspan=""3"">数量指标：改造农村公路里程≥36公里</td></tr>
<tr><td colspan=""3"">质量指标：工程验收合格率100%</td></tr>
<tr><td>满意度指标</td><td colspan=""3"">服务对象满意度指标：沿线群众满意度≥90%</td></tr>"));
        var p = Assert.Single(d.Projects);
        Assert.Equal(["完成农村公路提档升级36公里。"], p.Objectives);
        Assert.Equal(IndicatorTexts, p.Indicators.Select(Ind));
    }
    [Fact]
    public void A_forms_own_code_is_its_code_and_forms_without_one_are_numbered_in_order()
    {
        var d = Parse("<html><body><p>某县交通运输局2026年项目支出绩效目标表</p><table border=\"1\">" + @"
<tr><td>项目名称</td><td colspan=""3"">农村公路提档升级</td></tr>
<tr><td>项目编码</td><td colspan=""3"">P2026-017</td></tr>
<tr><td>年度资金总额</td><td colspan=""3"">1260</td></tr>" + Indicators + "</table><table border=\"1\">" + @"
<tr><td>项目名称</td><td colspan=""3"">桥梁维修</td></tr>
<tr><td>年度资金总额</td><td colspan=""3"">80</td></tr>" + Indicators + "</table></body></html>");
        Assert.Equal([("P2026-017", "农村公路提档升级"), ("2", "桥梁维修")], d.Projects.Select(p => (p.Code, p.Name)));
    }

    [Theory]
    [InlineData("<tr><td>项目资金</td><td colspan=\"3\">300</td></tr><tr><td>年度资金总额</td><td colspan=\"3\">280</td></tr>", "280")]
    [InlineData("<tr><td>年度资金总额</td><td colspan=\"3\">280</td></tr><tr><td>项目资金</td><td colspan=\"3\">300</td></tr>", "280")]
    [InlineData("<tr><td>项目资金</td><td colspan=\"3\">300</td></tr>", "300")]
    [InlineData("<tr><td>项目资金</td><td colspan=\"3\">300</td></tr><tr><td>资金来源</td><td colspan=\"3\">200</td></tr>", "300")]
    [InlineData("<tr><td>年度资金总额</td><td colspan=\"3\">280</td></tr><tr><td>预算金额</td><td colspan=\"3\">270</td></tr>", "280")]
    public void The_total_stands_over_the_group_amount_and_the_first_of_each_counts(string money, string amount)
    {
        var d = Parse(Page("某县交通运输局2026年项目支出绩效目标表", @"
<tr><td>项目名称</td><td colspan=""3"">农村公路提档升级</td></tr>" + money + Indicators));
        Assert.Equal(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), Assert.Single(d.Projects).Amount);
    }

    [Fact]
    public void The_part_heads_of_a_money_block_over_the_header_a_page_break_repeats_still_share_out_their_heads_figures()
    {
        // The page ends under the part heads (中央资金 | 省级资金 | 市县资金 under 一般公共预算); the next repeats the header
        // over the figures. The part heads are no group row of that header: no figure, but money words.
        var d = Parse(Page("某区文化和旅游局2026年项目支出绩效目标表", @"
<tr><td>项目名称</td><td colspan=""3"">旅游宣传推广经费</td></tr>
<tr><td colspan=""4"">年度资金总额</td></tr>
<tr><td colspan=""3"">一般公共预算</td><td>其他资金</td></tr>
<tr><td>中央资金</td><td>省级资金</td><td>市县资金</td><td></td></tr>
<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>
<tr><td>32</td><td>21.33</td><td>10.67</td><td>16</td></tr>
<tr><td>年度绩效目标</td><td colspan=""3"">组织旅游推介活动，扩大区域旅游影响。</td></tr>" + Indicators));
        var p = Assert.Single(d.Projects);
        Assert.Equal(("旅游宣传推广经费", 80m), (p.Name, p.Amount));
        Assert.Equal(["组织旅游推介活动，扩大区域旅游影响。"], p.Objectives);
        Assert.Equal(IndicatorTexts, p.Indicators.Select(Ind));
    }

    [Fact]
    public void The_years_goals_the_next_page_holds_replace_the_long_term_goals_that_stood_in_for_them()
    {
        // The page ends under 实施期绩效目标; the next repeats the header over 绩效目标, then again over the indicators.
        const string header = "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>";
        var d = Parse($@"<html><body><p>某县水利局2026年项目支出绩效目标表</p><table border=""1"">
<tr><td>项目名称</td><td colspan=""3"">河道日常管护经费</td></tr>
<tr><td>年度资金总额</td><td colspan=""3"">65.5</td></tr>
<tr><td>实施期绩效目标</td><td colspan=""3"">1.到2028年河道管护全覆盖。2.建立长效管护机制。</td></tr></table>
<table border=""1"">{header}
<tr><td>绩效目标</td><td colspan=""3"">落实河道日常保洁和巡查，保持河道整洁畅通。</td></tr>" + Indicators + "</table></body></html>");
        var p = Assert.Single(d.Projects);
        Assert.Equal(("河道日常管护经费", 65.5m), (p.Name, p.Amount));
        Assert.Equal(["落实河道日常保洁和巡查，保持河道整洁畅通。"], p.Objectives);
        Assert.Equal(IndicatorTexts, p.Indicators.Select(Ind));
    }
}
