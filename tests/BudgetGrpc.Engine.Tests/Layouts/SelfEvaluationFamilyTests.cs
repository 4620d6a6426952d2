using BudgetGrpc.Engine.Model;
using Xunit;

namespace BudgetGrpc.Engine.Tests.Layouts;

/// <summary>
/// Self-evaluation layouts the generated selfEvaluation family (tests/…/Variants, docs/variants.md) found misread, each
/// reduced to a table of ours.
/// </summary>
public sealed class SelfEvaluationFamilyTests
{
    private static string Html(params string[][] rows) =>
        "<html><body><table>" + string.Concat(rows.Select(r => "<tr>" + string.Concat(r.Select(c => c.StartsWith("<td", StringComparison.Ordinal) ? c : $"<td>{c}</td>")) + "</tr>")) + "</table></body></html>";

    /// <summary>
    /// Family I (docs/selfeval-survey.md §2): 指标性质 holds the direction (正向/反向, 定性 for a qualitative row) and 指标方向
    /// the comparator in words. With qualitative rows among them the direction column is no longer mostly directions;
    /// the words column still bounds the targets (selfEvaluation-50392, -50847).
    /// </summary>
    [Fact]
    public void Family_I_reads_comparator_words_beside_a_direction_column_with_qualitative_rows()
    {
        var d = LayoutFamilyTests.Parse(Html(
            ["<td colspan=10>项目支出绩效自评表（2023年度）</td>"],
            ["项目名称", "<td colspan=9>国土绿化工程</td>"],
            ["主管部门", "<td colspan=9>示例县林业局</td>"],
            ["一级指标", "二级指标", "三级指标", "指标性质", "指标方向", "年度指标值", "实际完成值", "计量单位", "分值", "得分"],
            ["成本指标", "经济成本指标", "亩均造林成本", "反向", "小于等于", "600", "540", "元", "10", "10"],
            ["产出指标", "数量指标", "人工造林面积", "正向", "大于等于", "3000", "3000", "亩", "20", "20"],
            ["", "质量指标", "苗木成活率", "正向", "大于等于", "90", "88", "%", "15", "14.67"],
            ["", "时效指标", "造林任务完成时间", "定性", "定性", "植树季节内完成", "完成", "", "10", "10"],
            ["效益指标", "生态效益指标", "新增森林面积", "正向", "大于", "2800", "3000", "亩", "15", "15"],
            ["", "可持续影响指标", "造林地管护机制", "定性", "定性", "长效管护", "已建立", "", "10", "10"],
            ["满意度指标", "服务对象满意度指标", "周边群众满意度", "正向", "大于等于", "90", "91", "%", "10", "10"],
            ["<td colspan=8>总分</td>", "100", "98.67"],
            ["偏差大或目标未完成原因分析", "<td colspan=9>春季干旱导致部分苗木枯死；秋季组织补植。</td>"]));
        var p = Assert.Single(d.Projects);
        Assert.Equal(["<=", ">=", ">=", "qualitative", ">", "qualitative", ">="], p.Indicators.Select(i => i.Comparator.ToWire()));
        Assert.Equal([540m, 3000m, 88m, null, 3000m, null, 91m], p.Indicators.Select(i => i.Actual?.Value));
    }

    [Fact]
    public void Family_I_reads_comparator_words_when_most_rows_are_positive()
    {
        var d = LayoutFamilyTests.Parse(Html(
            ["<td colspan=10>项目支出绩效自评表（2025年度）</td>"],
            ["项目名称", "<td colspan=9>家庭经济困难学生资助</td>"],
            ["主管部门", "<td colspan=9>示例市教育局</td>"],
            ["一级指标", "二级指标", "三级指标", "指标性质", "指标方向", "年初目标值（A）", "全年实际值（B）", "度量单位", "分值", "自评分"],
            ["产出指标 55分", "数量指标", "资助学生人次", "正向", "大于等于", "1.8", "1.86万人次", "万人次", "20", "20"],
            ["", "质量指标", "资助对象认定准确率", "正向", "等于", "100", "100％", "％", "15", "15"],
            ["", "时效指标", "资助资金发放时间", "定性", "定性", "按学期发放", "完成", "", "10", "10"],
            ["", "成本指标", "生均资助标准", "正向", "等于", "2500", "2500元", "元", "10", "10"],
            ["效益指标 25分", "社会效益指标", "因贫失学辍学学生人数", "正向", "等于", "0", "0人", "人", "15", "15"],
            ["", "可持续影响指标", "资助政策知晓率", "正向", "大于等于", "95", "93％", "％", "10", "9.79"],
            ["满意度指标 10分", "服务对象满意度指标", "受助学生满意度", "正向", "大于等于", "90", "96％", "％", "10", "10"],
            ["<td colspan=8>总分</td>", "100", "99.59"],
            ["自评结论", "<td colspan=9>项目目标基本完成，自评等级为优。</td>"],
            ["<td colspan=10>项目负责人：张某　　财务负责人：李某</td>"]));
        var p = Assert.Single(d.Projects);
        Assert.Equal([">=", "=", "qualitative", "=", "=", ">=", ">="], p.Indicators.Select(i => i.Comparator.ToWire()));
    }

    private static string Table(params string[][] rows) =>
        "<table>" + string.Concat(rows.Select(r => "<tr>" + string.Concat(r.Select(c => c.StartsWith("<td", StringComparison.Ordinal) ? c : $"<td>{c}</td>")) + "</tr>")) + "</table>";

    private static readonly string[][] FormTop =
    [
        ["<td colspan=8>项目支出绩效自评表（2024年度）</td>"],
        ["项目名称", "<td colspan=7>农村公路养护工程</td>"],
        ["主管部门", "<td colspan=7>示例县交通运输局</td>"],
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
        ["产出指标", "数量指标", "日常养护里程", "≥320公里", "320公里", "15", "15", ""],
        ["", "质量指标", "养护工程验收合格率", "＝100%", "100%", "10", "10", ""],
        ["效益指标", "社会效益指标", "群众出行条件", "明显改善", "明显改善", "10", "10", ""],
    ];

    /// <summary>
    /// A page break (no header repeated) whose next page opens with the template's empty row (…… or 指标2 with nothing
    /// else): the rows under it go on in the open table (selfEvaluation-50071, -50687 and eight more at N=1000).
    /// </summary>
    [Theory]
    [InlineData("……")]
    [InlineData("指标2")]
    public void A_page_opening_with_a_placeholder_row_goes_on_in_the_open_table(string placeholder)
    {
        var d = LayoutFamilyTests.Parse("<html><body>" + Table(FormTop) + Table(
            ["", "", placeholder, "", "", "", "", ""],
            ["满意度指标", "服务对象满意度指标", "沿线群众满意度", "≥90%", "94%", "10", "10", ""],
            ["", "", placeholder, "", "", "", "", ""],
            ["<td colspan=5>总分</td>", "100", "54.5", ""]) + "</body></html>");
        var p = Assert.Single(d.Projects);
        Assert.Equal(["日常养护里程", "养护工程验收合格率", "群众出行条件", "沿线群众满意度"], p.Indicators.Select(i => i.Name));
        Assert.Equal(94m, p.Indicators[^1].Actual?.Value);
    }

    /// <summary>
    /// A page break whose next page opens with a row whose second level carries its weight (可持续影响指标 10 分, H2) and a
    /// worded target: still an indicator row of the open table (selfEvaluation-50012).
    /// </summary>
    [Fact]
    public void A_page_opening_with_a_weighted_second_level_goes_on_in_the_open_table()
    {
        var d = LayoutFamilyTests.Parse("<html><body>" + Table(FormTop) + Table(
            ["", "可持续影响指标 10 分", "养护长效机制", "逐步健全", "完成", "10", "10", ""],
            ["满意度指标 10分", "服务对象满意度指标 10 分", "沿线群众满意度", "≥90%", "94%", "10", "10", ""],
            ["<td colspan=5>总计</td>", "100", "64.5", ""]) + "</body></html>");
        var p = Assert.Single(d.Projects);
        Assert.Equal(["日常养护里程", "养护工程验收合格率", "群众出行条件", "养护长效机制", "沿线群众满意度"], p.Indicators.Select(i => i.Name));
        Assert.Equal("可持续影响指标", p.Indicators[3].Level2);
    }

    /// <summary>
    /// Family Y's signs (docs/selfeval-survey.md §2): equality as ﹦ (U+FE66, small equals) or ═ (U+2550, box drawing),
    /// glued to the target or alone in 指标性质 (selfEvaluation-50004, -50267 and twenty more at N=1000).
    /// </summary>
    [Fact]
    public void Family_Y_reads_equality_written_as_small_or_box_drawing_signs()
    {
        var glued = LayoutFamilyTests.Parse(Html(
            ["<td colspan=7>项目支出绩效自评表（2024年度）</td>"],
            ["项目名称", "<td colspan=6>农村公路养护工程</td>"],
            ["主管部门", "<td colspan=6>示例县交通运输局</td>"],
            ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
            ["产出指标", "数量指标", "危桥改造座数", "═4座", "3座", "10", "7.5"],
            ["", "质量指标", "养护工程验收合格率", "﹦100%", "100%", "10", "10"],
            ["满意度指标", "服务对象满意度指标", "沿线群众满意度", "≧90%", "94%", "10", "10"]));
        Assert.Equal([("=", 4m, "座"), ("=", 100m, "%"), (">=", 90m, "%")],
            Assert.Single(glued.Projects).Indicators.Select(i => (i.Comparator.ToWire(), i.Value!.Value, i.Unit)));
        var split = LayoutFamilyTests.Parse(Html(
            ["<td colspan=9>项目支出绩效自评表（2024年度）</td>"],
            ["项目名称", "<td colspan=8>农村公路养护工程</td>"],
            ["主管部门", "<td colspan=8>示例县交通运输局</td>"],
            ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "实际完成值", "分值", "得分"],
            ["产出指标", "数量指标", "危桥改造座数", "﹦", "4", "座", "3", "10", "7.5"],
            ["", "质量指标", "养护工程验收合格率", "═", "100", "%", "100", "10", "10"],
            ["满意度指标", "服务对象满意度指标", "沿线群众满意度", "≧", "90", "%", "94", "10", "10"]));
        Assert.Equal([("=", 4m, "座"), ("=", 100m, "%"), (">=", 90m, "%")],
            Assert.Single(split.Projects).Indicators.Select(i => (i.Comparator.ToWire(), i.Value!.Value, i.Unit)));
    }

    /// <summary>
    /// 宁夏's identity rows (docs/selfeval-survey.md §2 C): 自治区主管部门 names the region's department and 市县财政部门 the
    /// county's finance bureau; the county's 市县主管部门 publishes the table (selfEvaluation family, seIdentity=region:
    /// 188 of 1000 variants read the finance bureau).
    /// </summary>
    [Fact]
    public void The_county_department_of_a_regional_form_publishes_it_not_the_region_nor_the_finance_bureau()
    {
        var d = LayoutFamilyTests.Parse(Html(
            ["<td colspan=7>绩效目标自评表（2024年度）</td>"],
            ["项目名称", "<td colspan=6>农村公路养护工程</td>"],
            ["自治区主管部门", "<td colspan=2>示例自治区交通运输厅</td>", "市县主管部门", "<td colspan=3>示例县交通运输局</td>"],
            ["市县财政部门", "<td colspan=2>示例县财政局</td>", "实施单位", "<td colspan=3>示例县农村公路管理站</td>"],
            ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
            ["产出指标", "数量指标", "日常养护里程", "≥320公里", "320公里", "50", "50"],
            ["满意度指标", "服务对象满意度指标", "沿线群众满意度", "≥90%", "94%", "50", "50"]));
        Assert.Equal("示例县交通运输局", d.Department);
    }

    /// <summary>
    /// H2's budget (docs/selfeval-survey.md §2): the sources in columns, each head naming the unit (中央（元）| 省、地（元）|
    /// 本级（元）| 合计（元）| 执行数（元）), the only place the table states it (selfEvaluation-50622, -50639 and three more).
    /// </summary>
    [Fact]
    public void Source_heads_in_yuan_state_the_amount_unit()
    {
        var d = LayoutFamilyTests.Parse(Html(
            ["<td colspan=9>项目支出绩效自评表</td>"],
            ["<td colspan=9>（2023年度）</td>"],
            ["项目名称", "<td colspan=8>森林防火专项经费</td>"],
            ["主管部门", "<td colspan=3>示例县林业局</td>", "实施单位", "<td colspan=4>示例县森林消防大队</td>"],
            ["<td rowspan=2>项目资金（10分）</td>", "中央（元）", "省、地（元）", "本级（元）", "合计（元）", "执行数（元）", "<td colspan=3>执行率</td>"],
            ["380000.00", "285000.00", "285000.00", "950000.00", "931000.00", "<td colspan=3>98%</td>"],
            ["<td rowspan=2>年度总体目标</td>", "<td colspan=4>预期目标</td>", "<td colspan=4>实际完成情况</td>"],
            ["<td colspan=4>加强森林防火宣传和巡护，全年不发生重大森林火灾。</td>", "<td colspan=4>全年开展巡护1.2万人次，未发生重大森林火灾。</td>"],
            ["<td rowspan=3>绩效指标</td>", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
            ["成本指标", "经济成本指标", "防火物资采购成本", "≤30万元", "28.6万元", "10", "10", ""],
            ["满意度指标", "服务对象满意度指标", "林区群众满意度", "≥90%", "92%", "10", "10", ""],
            ["<td colspan=6>总分</td>", "100", "98.8", ""]));
        Assert.Equal("元", d.AmountUnit);
        Assert.Equal(950000m, Assert.Single(d.Projects).Amount);
    }
}
