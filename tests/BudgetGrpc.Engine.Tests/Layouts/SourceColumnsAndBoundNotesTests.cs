using BudgetGrpc.Engine.Model;
using Xunit;

using static BudgetGrpc.Engine.Tests.Layouts.LayoutChecks;

namespace BudgetGrpc.Engine.Tests.Layouts;

/// <summary>
/// Families of the tenth round's unseen self-evaluations (docs/layout-survey.md, "Round 10 (blind10b)"): a name note that
/// keeps the template's bound and unit with no figure (养殖棚（≥间）) beside a bare target; the funds laid as source
/// columns (中央 | 省、地 | 本级 | 其他 | 合计) beside 执行数 | 执行率 with their figures in one row; a 项目主管单位 label; a
/// report's indicator table whose second value column is 实施进度. Tables of ours on those models; each check failed before.
/// </summary>
public sealed class SourceColumnsAndBoundNotesTests
{
    [Fact]
    public void A_name_note_with_a_bound_and_a_unit_but_no_figure_gives_the_bare_target_both()
    {
        var d = Parse("""
            <html><body><p>2024年度项目支出绩效自评表</p><p>单位名称：某县农业农村局</p>
            <table border="1">
            <tr><td>项目名称</td><td colspan="5">肉牛养殖示范场建设项目</td></tr>
            <tr><td>主管部门</td><td colspan="2">某县农业农村局</td><td>项目实施单位</td><td colspan="2">某县肉牛养殖合作社</td></tr>
            <tr><td rowspan="4">年度绩效目标（80分）</td><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>年初目标值(A)</td><td>实际完成值(B)</td><td>得分</td></tr>
            <tr><td rowspan="3">产出指标(40分)</td><td rowspan="3">数量指标</td><td>养殖棚(≥间)</td><td>6</td><td>6</td><td>10</td></tr>
            <tr><td>青贮池(≥**立方米)</td><td>350</td><td>350</td><td>10</td></tr>
            <tr><td>饲草储备(≤吨)</td><td>80</td><td>75</td><td>10</td></tr>
            </table></body></html>
            """);
        var p = Assert.Single(d.Projects);
        AssertIndicator(p, "产出指标", "数量指标", "养殖棚", ">=", "6", "间");
        AssertIndicator(p, "产出指标", "数量指标", "青贮池", ">=", "350", "立方米");
        AssertIndicator(p, "产出指标", "数量指标", "饲草储备", "<=", "80", "吨");
        Assert.Equal(75m, p.Indicators.Single(i => i.Name == "饲草储备").Actual!.Value);
    }

    [Fact]
    public void A_value_type_column_that_states_no_bound_leaves_the_note_s_bound_standing()
    {
        var d = Parse("""
            <html><body><p>某县2024年项目支出绩效目标表</p>
            <table border="1">
            <tr><td>项目名称</td><td colspan="4">村级道路养护</td></tr>
            <tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值类型</td><td>指标值</td></tr>
            <tr><td>产出指标</td><td>数量指标</td><td>养护里程（≥公里）</td><td>定量</td><td>45</td></tr>
            <tr><td>产出指标</td><td>成本指标</td><td>每公里养护费（≤**万元）</td><td>定量</td><td>1.2</td></tr>
            </table></body></html>
            """);
        var p = Assert.Single(d.Projects);
        AssertIndicator(p, "产出指标", "数量指标", "养护里程", ">=", "45", "公里");
        AssertIndicator(p, "产出指标", "成本指标", "每公里养护费", "<=", "1.2", "万元");
    }

    [Theory]
    [InlineData("<td>合计（万元）</td>", "<td>21.5</td>")]
    [InlineData("", "")]
    public void Sources_laid_in_columns_beside_the_execution_give_the_year_s_funds(string totalHead, string totalFigure)
    {
        var d = Parse($"""
            <html><body><p>某市财政预算支出项目绩效目标自评表</p>
            <table border="1">
            <tr><td>项目名称</td><td colspan="3">应急指挥平台升级</td><td>项目实施单位</td><td colspan="3">某市应急指挥中心</td></tr>
            <tr><td rowspan="2">项目资金来源</td><td>中央（万元）</td><td>省、地（万元）</td><td>本级（万元）</td><td>其他（万元）</td>{totalHead}<td>执行数（万元）</td><td>执行率</td></tr>
            <tr><td>6</td><td>12.5</td><td>3</td><td></td>{totalFigure}<td>20</td><td>93%</td></tr>
            <tr><td>项目年度目标</td><td colspan="7">完成指挥平台升级并投入运行。</td></tr>
            <tr><td>一级指标</td><td>二级指标</td><td>指标名称（三级指标）</td><td>年初指标值</td><td>年终完成值</td><td>自评分</td><td>复核分</td><td>评价标准</td></tr>
            <tr><td>产出指标40分</td><td>数量指标20分</td><td>接入监控点位</td><td>300个</td><td>312个</td><td>20</td><td></td><td>按完成比例计分</td></tr>
            </table></body></html>
            """);
        Assert.Equal(DisclosureKind.SelfEvaluation, d.Kind);
        var p = Assert.Single(d.Projects);
        Assert.Equal(21.5m, p.Amount);
        Assert.Equal((21.5m, 20m, 93m), (p.Budget!.Adjusted, p.Budget.Executed, p.Budget.ExecutionRate));
        AssertIndicator(p, "产出指标", "数量指标", "接入监控点位", "=", "300", "个");
    }

    [Fact]
    public void A_project_supervising_unit_label_names_the_department_before_the_implementing_unit()
    {
        var d = Parse("""
            <html><body><p>项目支出绩效自评表</p><p>（2024年度）</p>
            <table border="1">
            <tr><td>项目名称</td><td>急救车辆购置</td><td>项目实施单位</td><td>某市急救站</td></tr>
            <tr><td>项目主管单位</td><td>某市卫生健康委员会</td><td>项目负责人</td><td>某某</td></tr>
            <tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>年度指标值</td><td>全年完成值</td></tr>
            <tr><td>产出指标</td><td>数量指标</td><td>购置急救车辆</td><td>4辆</td><td>4辆</td></tr>
            </table></body></html>
            """);
        Assert.Equal("某市卫生健康委员会", d.Department);
    }

    [Fact]
    public void A_progress_column_beside_the_targets_is_the_actual()
    {
        var d = Parse("""
            <html><body><p>某县2024年度普法宣传专项资金项目支出绩效自评报告</p>
            <table border="1">
            <tr><td>项目名称</td><td colspan="4">普法宣传专项资金</td></tr>
            <tr><td rowspan="3">绩效指标</td><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td><td>实施进度</td></tr>
            <tr><td>产出指标</td><td>数量指标</td><td>开展普法讲座</td><td>12场</td><td>已完成100%</td></tr>
            <tr><td>满意度指标</td><td>满意度指标</td><td>群众满意度</td><td>≥85%</td><td>已完成100%</td></tr>
            </table></body></html>
            """);
        Assert.Equal(DisclosureKind.SelfEvaluation, d.Kind);
        var p = Assert.Single(d.Projects);
        AssertIndicator(p, "产出指标", "数量指标", "开展普法讲座", "=", "12", "场");
        Assert.All(p.Indicators, i => Assert.Contains("已完成", i.Actual!.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void A_year_target_head_beside_its_completion_head_gives_the_target_alone_as_objective()
    {
        var d = Parse("""
            <html><body><p>2024年度部门整体支出绩效自评表</p>
            <table border="1">
            <tr><td>单位名称</td><td colspan="2">某县文物保护中心</td><td>实施单位</td><td colspan="2">某县文物保护中心</td></tr>
            <tr><td rowspan="2">资金情况（万元）</td><td></td><td>年初预算资金总额：</td><td>实际投入资金额</td><td colspan="2">产生差异的原因</td></tr>
            <tr><td>合计</td><td>88</td><td>86</td><td colspan="2"></td></tr>
            <tr><td rowspan="2">总体目标</td><td colspan="2">年度目标</td><td colspan="3">年度总体目标完成情况</td></tr>
            <tr><td colspan="2">完成古建筑日常巡查和修缮</td><td colspan="3">全年巡查古建筑52次，修缮两处</td></tr>
            <tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td><td>全年实际完成值</td><td>产生差异的原因及改进措施</td></tr>
            <tr><td>产出指标</td><td>数量指标</td><td>古建筑巡查次数</td><td>=50次</td><td>=52次</td><td></td></tr>
            </table></body></html>
            """);
        var p = Assert.Single(d.Projects);
        Assert.Equal(["完成古建筑日常巡查和修缮"], p.Objectives);
        Assert.Equal(52m, p.Indicators[0].Actual!.Value);
    }

    [Fact]
    public void A_qualitative_target_answered_by_a_percentage_keeps_the_percentage()
    {
        var d = Parse("""
            <html><body><p>2024年度项目支出绩效自评表</p>
            <table border="1">
            <tr><td>项目名称</td><td colspan="5">重阳节慰问</td></tr>
            <tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>年初目标值(A)</td><td>实际完成值(B)</td><td>得分</td></tr>
            <tr><td rowspan="2">产出指标</td><td>时效指标</td><td>节前完成慰问</td><td>按时完成</td><td>100%</td><td>20</td></tr>
            <tr><td>质量指标</td><td>慰问对象认定</td><td>准确无误</td><td>已完成</td><td>20</td></tr>
            </table></body></html>
            """);
        var p = Assert.Single(d.Projects);
        Assert.Equal((100m, "%"), (p.Indicators[0].Actual!.Value, p.Indicators[0].Actual!.Unit));
        Assert.Equal("已完成", p.Indicators[1].Actual!.QualitativeValue);
    }
}
