using BudgetGrpc.Engine.Indicators;
using BudgetGrpc.Engine.Model;
using BudgetGrpc.Engine.Publishing;
using Xunit;

using static BudgetGrpc.Engine.Tests.Layouts.LayoutChecks;

namespace BudgetGrpc.Engine.Tests.Layouts;

/// <summary>
/// Families of the ninth round's unseen department-wide tables and self-evaluations (docs/layout-survey.md, "Round 9
/// (blind9b)"): a department-wide table with actual and score columns (部门整体支出绩效自评表) under a 区级预算单位名称 label;
/// formula marks in the column heads (预期指标值（A） | 实际完成指标值（B）); amounts written 150万; rates written measure
/// first (每亩300); indicators written as sentences under their first level with no header row; a portal page's 发布机构
/// line. Tables of ours on those models; each check failed before.
/// </summary>
public sealed class DepartmentSelfEvaluationTests
{
    [Fact]
    public void A_department_wide_table_with_actual_and_score_columns_is_a_self_evaluation_of_the_department()
    {
        var d = Parse(DepartmentSelfEvaluation("区级预算单位名称"));
        Assert.Equal(DisclosureKind.SelfEvaluation, d.Kind);
        Assert.Equal("某区水利局", d.Department);
        var p = Assert.Single(d.Projects);
        Assert.Equal("某区水利局", p.Name);
        Assert.Equal(820.5m, p.Amount);
        AssertIndicator(p, "产出指标", "数量指标", "河道清淤长度", "=", "12", "公里");
        var dredging = p.Indicators.Single(i => i.Name == "河道清淤长度");
        Assert.Equal((11.5m, 10m, 9m), (dredging.Actual!.Value, dredging.Weight, dredging.Score));
        var satisfaction = p.Indicators.Single(i => i.Name == "群众满意度");
        Assert.Equal((96m, 10m, 10m), (satisfaction.Actual!.Value, satisfaction.Weight, satisfaction.Score));
    }

    [Theory]
    [InlineData("县级预算单位名称")]
    [InlineData("评价部门名称")]
    public void A_budget_unit_label_of_the_department_names_the_department(string label)
    {
        var d = Parse(DepartmentSelfEvaluation(label));
        Assert.Equal("某区水利局", d.Department);
        Assert.Equal("某区水利局", Assert.Single(d.Projects).Name);
    }

    [Fact]
    public void A_first_level_outside_the_framework_over_second_levels_outside_it_is_kept_as_written()
    {
        var d = Parse("""
            <html><body><p>某镇卫生院整体支出绩效自评表</p><p>（2024年度）</p>
            <table border="1">
            <tr><td>评价部门名称</td><td colspan="8">某县某镇卫生院</td></tr>
            <tr><td>分解目标</td><td>自评权重</td><td>二级指标</td><td>三级指标</td><td>年度指标值</td><td>全年完成值</td><td>分值</td><td>得分</td><td>偏差及原因分析</td></tr>
            <tr><td rowspan="2">管理指标</td><td rowspan="2">20</td><td>预算执行管理</td><td>执行率</td><td>100%</td><td>97%</td><td>10</td><td>9.7</td><td></td></tr>
            <tr><td>资产管理</td><td>资产安全性</td><td>无资产损失</td><td>达成目标</td><td>10</td><td>10</td><td></td></tr>
            <tr><td>产出指标</td><td>40</td><td>数量指标</td><td>家庭医生签约人数</td><td>≥1500人</td><td>1620人</td><td>40</td><td>40</td><td></td></tr>
            </table></body></html>
            """);
        Assert.Equal(DisclosureKind.SelfEvaluation, d.Kind);
        var p = Assert.Single(d.Projects);
        Assert.Equal("某县某镇卫生院", p.Name);
        Assert.Equal(
            [("管理指标", "预算执行管理", "执行率"), ("管理指标", "资产管理", "资产安全性"), ("产出指标", "数量指标", "家庭医生签约人数")],
            p.Indicators.Select(i => (i.Level1, i.Level2, i.Name)));
        Assert.Equal(97m, p.Indicators[0].Actual!.Value);
    }

    [Fact]
    public void Formula_marks_in_the_column_heads_leave_the_columns_their_roles()
    {
        var d = Parse("""
            <html><body><p>区级部门预算项目支出绩效自评表</p><p>（2024年度）</p>
            <table border="1">
            <tr><td>项目名称</td><td colspan="2">图书馆免费开放</td><td>主管部门</td><td colspan="3">某区文化和旅游局</td></tr>
            <tr><td rowspan="2">项目预算执行情况（10分）</td><td>年初预算数（A）</td><td>全年执行数（B）</td><td>分值</td><td>执行率（B/A）</td><td colspan="2">得分</td></tr>
            <tr><td>30</td><td>30</td><td>10</td><td>100%</td><td colspan="2">10</td></tr>
            <tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>预期指标值（A）</td><td>实际完成指标值（B）</td><td>分值</td><td>得分</td></tr>
            <tr><td rowspan="2">产出指标</td><td>数量指标</td><td>开放天数</td><td>300天</td><td>310天</td><td>20</td><td>20</td></tr>
            <tr><td>质量指标</td><td>借阅登记准确率</td><td>100%</td><td>98%</td><td>20</td><td>19.6</td></tr>
            </table></body></html>
            """);
        Assert.Equal(DisclosureKind.SelfEvaluation, d.Kind);
        var p = Assert.Single(d.Projects);
        AssertIndicator(p, "产出指标", "数量指标", "开放天数", "=", "300", "天");
        Assert.Equal([310m, 98m], p.Indicators.Select(i => i.Actual!.Value!.Value));
        Assert.Equal([20m, 19.6m], p.Indicators.Select(i => i.Score!.Value));
    }

    [Fact]
    public void Amounts_written_with_wan_alone_are_amounts()
    {
        var d = Parse("""
            <html><body><p>项目支出绩效自评表</p><p>（2024年度）</p>
            <table border="1">
            <tr><td>项目名称</td><td colspan="7">政务大厅运行维护</td></tr>
            <tr><td rowspan="2">项目资金（万元）</td><td></td><td>年初预算数</td><td>全年预算数</td><td>全年执行数</td><td>分值</td><td>执行率</td><td>得分</td></tr>
            <tr><td>年度资金总额</td><td>80万</td><td>80万</td><td>72.4万</td><td>10</td><td>90.5%</td><td>9</td></tr>
            <tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>年度指标值</td><td>实际完成值</td><td>分值</td><td>得分</td><td>偏差原因分析及改进措施</td></tr>
            <tr><td>产出指标</td><td>成本指标</td><td>运行维护费</td><td>80万</td><td>72.4万</td><td>20</td><td>20</td><td></td></tr>
            </table></body></html>
            """);
        var p = Assert.Single(d.Projects);
        Assert.Equal(80m, p.Amount);
        Assert.Equal(72.4m, p.Budget!.Executed);
    }

    [Theory]
    [InlineData("每亩300", "=", "300", "/亩")]
    [InlineData("每亩≥120元", ">=", "120", "元/亩")]
    [InlineData("每年2次", "=", "2", "次/年")]
    public void A_rate_written_measure_first_is_the_figure_per_that_measure(string text, string comparator, string value, string unit)
    {
        var t = TargetParser.Parse(text);
        Assert.Equal((comparator, value, unit), (t.Comparator.ToWire(), DecimalText.Normalized(t.Value!.Value), t.Unit));
    }

    [Fact]
    public void A_yearly_event_in_words_stays_a_qualitative_target() =>
        Assert.Equal(Comparator.Qualitative, TargetParser.Parse("每年7月在省会召开").Comparator);

    [Fact]
    public void Indicators_written_as_sentences_under_their_first_level_without_a_header_are_read()
    {
        var d = Parse("""
            <html><body><p>部门整体支出绩效目标申报表</p><p>（2024年度）</p>
            <table border="1">
            <tr><td>部门名称</td><td colspan="2">某区第三小学</td></tr>
            <tr><td>年度预算申请（万元）</td><td colspan="2">资金总额：512</td></tr>
            <tr><td>整体绩效目标</td><td colspan="2">目标1：保障教学正常运转。<br>目标2：改善办学条件。</td></tr>
            <tr><td rowspan="4">部门整体支出年度绩效指标</td><td rowspan="2">产出指标</td><td>质量指标：教学秩序良好，毕业生合格率达98%</td></tr>
            <tr><td>时效指标：按时完成学年教学任务。</td></tr>
            <tr><td rowspan="2">效益指标</td><td>社会效益指标：家校沟通进一步加强。</td></tr>
            <tr><td>可持续影响指标：办学质量稳步提升。</td></tr>
            </table></body></html>
            """);
        Assert.Equal(DisclosureKind.DepartmentTargets, d.Kind);
        var p = Assert.Single(d.Projects);
        Assert.Equal(512m, p.Amount);
        Assert.Equal(
            [("产出指标", "质量指标"), ("产出指标", "时效指标"), ("效益指标", "社会效益指标"), ("效益指标", "可持续影响指标")],
            p.Indicators.Select(i => (i.Level1, i.Level2)));
        Assert.StartsWith("教学秩序良好", p.Indicators[0].Name);
    }

    [Fact]
    public void A_portal_publisher_line_names_the_department_where_nothing_else_does()
    {
        var d = Parse("""
            <html><body><p>发文单位：某市行政审批局　发布日期：2024年11月04日</p><p>项目支出绩效自评表</p><p>（2023年度）</p>
            <table border="1">
            <tr><td>项目名称</td><td colspan="6">市民中心运行维护费</td></tr>
            <tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>年度指标值</td><td>实际完成值</td><td>分值</td><td>得分</td></tr>
            <tr><td>产出指标</td><td>质量指标</td><td>办结率</td><td>100%</td><td>100%</td><td>20</td><td>20</td></tr>
            </table></body></html>
            """);
        Assert.Equal("某市行政审批局", d.Department);
        Assert.Equal(2023, d.FiscalYear);
    }

    private static string DepartmentSelfEvaluation(string label) => $"""
        <html><body><p>部门整体支出绩效自评表</p><p>（2024年度）</p>
        <table border="1">
        <tr><td>{label}</td><td colspan="7">某区水利局</td></tr>
        <tr><td rowspan="2">年度预算申请（万元）</td><td></td><td>年初预算数</td><td>全年预算数</td><td>全年执行数</td><td>分值</td><td>执行率</td><td>得分</td></tr>
        <tr><td>年度资金总额</td><td>800万元</td><td>820.5万元</td><td>790万元</td><td>10</td><td>96%</td><td>9.6</td></tr>
        <tr><td rowspan="2">年度总体目标</td><td colspan="3">预期目标</td><td colspan="4">实际完成情况</td></tr>
        <tr><td colspan="3">目标1：清淤河道12公里</td><td colspan="4">清淤河道11.5公里</td></tr>
        <tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>年度指标值</td><td>实际完成值</td><td>分值</td><td>得分</td><td>偏差原因分析及改进措施</td></tr>
        <tr><td rowspan="2">产出指标（50）</td><td rowspan="2">数量指标</td><td>河道清淤长度</td><td>12公里</td><td>11.5公里</td><td>10</td><td>9</td><td>汛期延误</td></tr>
        <tr><td>……</td><td></td><td></td><td></td><td></td><td></td></tr>
        <tr><td>满意度指标（10分）</td><td>服务对象满意度指标</td><td>群众满意度</td><td>≥90%</td><td>96%</td><td>10</td><td>10</td><td></td></tr>
        </table></body></html>
        """;
}
