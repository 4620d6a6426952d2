using BudgetGrpc.Engine.Model;
using Xunit;

using static BudgetGrpc.Engine.Tests.Layouts.LayoutChecks;

namespace BudgetGrpc.Engine.Tests.Layouts;

/// <summary>
/// The families blind round 16 missed (docs/layout-survey.md, round 16): a target | completion table with no title, no
/// label and no unit line, whose year only its indicator rows state (完成2021年…任务, 2021.1.1-12.31), with another table
/// of the notice stacked right under its rows in the same sheet; and, from probes of ours, a long export whose 指标性质
/// column says 定性 beside a time in words (12月底前完成), and a department-wide table with the 批复表's parallel 中期 /
/// 年度 column sets under their group heads. Tables written by us on those models; each assertion failed before.
/// </summary>
public sealed class Round16FamilyTests
{
    private static string Export(string timeTarget) => $"""
        <html><body><table border="1">
        <tr><td colspan="12">部门预算项目绩效目标申报表(2026年度)</td></tr>
        <tr><td colspan="12">金额单位:元</td></tr>
        <tr><td>单位名称</td><td>项目名称</td><td>预算数</td><td>年度目标</td><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标性质</td><td>指标值</td><td>度量单位</td><td>权重</td><td>指标方向性</td></tr>
        <tr><td>205-某县体育局部门</td><td></td><td>90,000.00</td><td></td><td></td><td></td><td></td><td></td><td></td><td></td><td></td><td></td></tr>
        <tr><td rowspan="3">205001-某县体育局</td><td rowspan="3">全民健身赛事经费</td><td rowspan="3">90,000.00</td><td rowspan="3">举办县级全民健身赛事。</td><td>产出指标</td><td>数量指标</td><td>举办健身赛事场次</td><td>≥</td><td>6</td><td>场</td><td>30</td><td>正向指标</td></tr>
        <tr><td>产出指标</td><td>时效指标</td><td>赛事举办完成时限</td><td>定性</td><td>{timeTarget}</td><td></td><td>30</td><td>正向指标</td></tr>
        <tr><td>满意度指标</td><td>服务对象满意度指标</td><td>参赛群众满意度</td><td>≥</td><td>90</td><td>%</td><td>40</td><td>正向指标</td></tr>
        </table></body></html>
        """;

    [Theory]
    // 定性 beside a time in words: the words are the target, not a figure with a unit (10 "月底前完成").
    [InlineData("10月底前完成")]
    [InlineData("15日前发放到位")]
    public void A_time_in_words_beside_qualitative_in_the_comparator_column_stays_words(string timeTarget)
    {
        var p = Assert.Single(Parse(Export(timeTarget)).Projects);
        AssertIndicator(p, "产出指标", "时效指标", "赛事举办完成时限", "qualitative", null, "", timeTarget);
        AssertIndicator(p, "产出指标", "数量指标", "举办健身赛事场次", ">=", "6", "场");
    }

    [Fact]
    public void A_department_table_with_mid_term_and_year_column_sets_reads_the_years_set()
    {
        const string html = """
            <html><body>
            <p>部门整体支出绩效目标表</p><p>（2026年度）</p>
            <table border="1">
            <tr><td colspan="2">部门名称</td><td colspan="5">某县教育局</td></tr>
            <tr><td colspan="2">年度预算申请（万元）</td><td colspan="5">资金总额:3200</td></tr>
            <tr><td colspan="2" rowspan="2">总体目标</td><td colspan="3">中期目标（2026年—2028年）</td><td colspan="2">年度目标</td></tr>
            <tr><td colspan="3">三年内改造薄弱学校校舍，办学条件全面达标。</td><td colspan="2">改造薄弱学校校舍8所。</td></tr>
            <tr><td rowspan="5">绩效指标</td><td rowspan="2">一级指标</td><td colspan="3">中期指标</td><td colspan="3">年度指标</td></tr>
            <tr><td>二级指标</td><td>三级指标</td><td>指标值</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>
            <tr><td rowspan="2">产出指标</td><td>数量指标</td><td>改造薄弱学校校舍</td><td>≥24所</td><td>数量指标</td><td>改造薄弱学校校舍</td><td>≥8所</td></tr>
            <tr><td>时效指标</td><td>改造工程完工时间</td><td>2028年底前</td><td>时效指标</td><td>年度改造完工率</td><td>≥90%</td></tr>
            <tr><td>满意度指标</td><td>服务对象满意度指标</td><td>师生满意度</td><td>≥85%</td><td>服务对象满意度指标</td><td>师生满意度</td><td>≥90%</td></tr>
            </table></body></html>
            """;
        var d = Parse(html);
        Assert.Equal(DisclosureKind.DepartmentTargets, d.Kind);
        var p = Assert.Single(d.Projects);
        Assert.Equal(
        [
            "产出指标/数量指标/改造薄弱学校校舍 >= 8 所",
            "产出指标/时效指标/年度改造完工率 >= 90 %",
            "满意度指标/服务对象满意度指标/师生满意度 >= 90 %",
        ], p.Indicators.Select(Ind));
    }

    private const string ListUnderRows = """
        <html><body><table border="1">
        <tr><td>一级指标</td><td>二级指标</td><td>指标名称</td><td>目标值</td><td>完成值</td></tr>
        <tr><td rowspan="2">产出指标</td><td>产出数量</td><td>完成2026年家政技能培训任务</td><td>800人</td><td>760人</td></tr>
        <tr><td>产出时效</td><td>培训任务完成及时</td><td>2026.1.1-12.31</td><td>2026.1.1-12.31</td></tr>
        <tr><td>效益指标</td><td>社会效益</td><td>学员就业率</td><td>60%及以上</td><td>58%</td></tr>
        <tr><td>序号</td><td>乡镇名称</td><td>培训机构</td><td>培训人数</td><td>备注</td></tr>
        <tr><td>1</td><td>甲镇</td><td>甲镇职业培训学校</td><td>420</td><td></td></tr>
        <tr><td>2</td><td>乙镇</td><td>乙镇职业培训学校</td><td>340</td><td></td></tr>
        </table></body></html>
        """;

    [Fact]
    public void The_header_of_another_table_stacked_under_the_indicator_rows_ends_them()
    {
        var p = Assert.Single(Parse(ListUnderRows).Projects);
        Assert.Equal(["完成2026年家政技能培训任务", "培训任务完成及时", "学员就业率"], p.Indicators.Select(i => i.Name));
        Assert.Equal([760m, null, 58m], p.Indicators.Select(i => i.Actual?.Value));
    }

    [Theory]
    // No title, label or period names the year: the indicator rows do, when every year they name is the same …
    [InlineData("完成2026年家政技能培训任务", "2026.1.1-12.31", 2026)]
    // … and two years named leave it open.
    [InlineData("完成2025年家政技能培训任务", "2026.1.1-12.31", null)]
    [InlineData("完成家政技能培训任务", "全年", null)]
    public void The_year_every_indicator_row_names_is_the_fiscal_year_where_nothing_else_names_one(string name, string period, int? year)
    {
        var html = ListUnderRows.Replace("完成2026年家政技能培训任务", name).Replace("2026.1.1-12.31", period);
        Assert.Equal(year, Parse(html).FiscalYear);
    }

    [Fact]
    public void A_self_evaluation_exported_one_indicator_a_row_takes_each_projects_budget_from_its_columns()
    {
        // A budget system's self-evaluation as a long list: 全年预算数 | 全年执行数 | 执行率 written on every row of the project
        // beside the unit and project columns. The year's budget is the project's amount and its execution the budget block.
        const string html = """
            <html><body><table border="1">
            <tr><td colspan="13">2026年度项目支出绩效自评表</td></tr>
            <tr><td colspan="13">单位：万元</td></tr>
            <tr><td>单位名称</td><td>项目名称</td><td>全年预算数</td><td>全年执行数</td><td>执行率</td><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>年度指标值</td><td>实际完成值</td><td>分值</td><td>得分</td><td>偏差原因</td></tr>
            <tr><td>108001-某县科学技术局</td><td>科普宣传经费</td><td>40.00</td><td>38.00</td><td>95.00%</td><td>产出指标</td><td>数量指标</td><td>科普活动场次</td><td>≥12场</td><td>12场</td><td>50</td><td>50</td><td></td></tr>
            <tr><td>108001-某县科学技术局</td><td>科普宣传经费</td><td>40.00</td><td>38.00</td><td>95.00%</td><td>满意度指标</td><td>服务对象满意度指标</td><td>参与群众满意度</td><td>≥90%</td><td>93%</td><td>40</td><td>40</td><td></td></tr>
            <tr><td>108001-某县科学技术局</td><td>专利资助</td><td>15.00</td><td>15.00</td><td>100.00%</td><td>产出指标</td><td>数量指标</td><td>资助专利件数</td><td>≥30件</td><td>34件</td><td>90</td><td>90</td><td></td></tr>
            </table></body></html>
            """;
        var d = Parse(html);
        Assert.Equal(DisclosureKind.SelfEvaluation, d.Kind);
        Assert.Equal([("科普宣传经费", 40m), ("专利资助", 15m)], d.Projects.Select(p => (p.Name, p.Amount)));
        Assert.Equal([(40m, 38m, 95m), (15m, 15m, 100m)],
            d.Projects.Select(p => (p.Budget?.Adjusted, p.Budget?.Executed, p.Budget?.ExecutionRate)));
        Assert.Equal([12m, 93m, 34m], d.Projects.SelectMany(p => p.Indicators).Select(i => i.Actual?.Value));
    }

    [Fact]
    public void A_group_word_over_some_of_the_columns_a_role_heads_twice_decides_nothing()
    {
        // 年度绩效指标 spans the indicator columns, its 单位 among them, beside the table's own 预算单位: the group word names
        // no period set, so the units stay the unit column's and the department the 预算单位 column's (the variants at
        // 9,000 a family lost the department when the group words first chose between column sets).
        var d = Parse("""
            <html><body><p>2024年项目支出绩效目标表</p><p>金额单位：元</p>
            <table border="1">
            <tr><td rowspan="2">预算单位</td><td rowspan="2">项目名称</td><td rowspan="2">预算数</td><td rowspan="2">年度目标</td><td colspan="5">年度绩效指标</td></tr>
            <tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td><td>单位</td></tr>
            <tr><td rowspan="2">100101-某区文化和旅游局</td><td rowspan="2">送戏下乡</td><td rowspan="2">150000</td><td rowspan="2">开展送戏下乡。</td><td rowspan="2">产出指标</td><td>数量指标</td><td>演出场次</td><td>≥120</td><td>场</td></tr>
            <tr><td>质量指标</td><td>演出验收合格率</td><td>100</td><td>%</td></tr>
            </table></body></html>
            """);
        Assert.Equal("某区文化和旅游局", d.Department);
        Assert.Equal(["产出指标/数量指标/演出场次 >= 120 场", "产出指标/质量指标/演出验收合格率 = 100 %"], Assert.Single(d.Projects).Indicators.Select(Ind));
    }
}
