using BudgetGrpc.Engine.Model;
using Xunit;

using static BudgetGrpc.Engine.Tests.Layouts.LayoutChecks;

namespace BudgetGrpc.Engine.Tests.Layouts;

/// <summary>
/// The families the twelfth blind round met that the engine misread (docs/engine.md): a township's department-wide
/// self-evaluation (部门整体支出总额 under 预算数(A) | 执行数(B) | 执行率 | 得分, no weight column, a 填报 line of two labels
/// above it), a regional transfer-payment self-evaluation whose score column is headed only by its block's points (自评得分 at
/// the top, 50 on the indicator header), a form whose title is its own first row under a project described in numbered
/// paragraphs. Tables written by us on the model of those families; each failed before.
/// </summary>
public sealed class Round12FamilyTests
{
    private const string TownshipSelfEvaluation = """
        <html><body>
        <table border="1">
        <tr><td colspan="7">单位名称:样例镇政府 填报日期:2026.5.10</td></tr>
        <tr><td>单位名称</td><td colspan="6">样例镇人民政府</td></tr>
        <tr><td>基本支出总额</td><td colspan="2">512.6万</td><td>项目支出总额</td><td colspan="3">0</td></tr>
        <tr><td>预算执行情况(万元) (20分)</td><td colspan="2">预算数(A)</td><td>执行数(B)</td><td>执行率(B/A)</td><td colspan="2">得分 (20分*执行率)</td></tr>
        <tr><td>部门整体支出总额</td><td colspan="2">512.6</td><td>501.2</td><td>97.8%</td><td colspan="2">19.56</td></tr>
        <tr><td>年度目标1:(80分)</td><td colspan="6">保障镇村两级正常运转、改善集镇人居环境</td></tr>
        <tr><td rowspan="5">年度绩效指标</td><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>年初目标值(A)</td><td>实际完成值(B)</td><td>得分</td></tr>
        <tr><td rowspan="2">产出指标</td><td>数量指标</td><td>集镇垃圾清运次数</td><td>365次</td><td>365次</td><td>30</td></tr>
        <tr><td>日效性指标</td><td>群众来访办结时间</td><td>3天以内</td><td>3天以内</td><td>20</td></tr>
        <tr><td>效益指标</td><td>社会效益指标</td><td>集镇环境</td><td>明显改善</td><td>明显改善</td><td>15</td></tr>
        <tr><td>满意度指标</td><td>群众满意度 指标</td><td>群众对镇政府工作满意度</td><td>≧90%</td><td>93%</td><td>15</td></tr>
        <tr><td>总分</td><td colspan="6">99.56分</td></tr>
        </table></body></html>
        """;

    [Fact]
    public void A_township_department_wide_self_evaluation_reads_its_budget_row_and_a_mistyped_level()
    {
        var d = Parse(TownshipSelfEvaluation);
        Assert.Equal(DisclosureKind.SelfEvaluation, d.Kind);
        // The 填报 line of two labels is cut at the second: the form's own 单位名称 row names the unit.
        Assert.Equal("样例镇人民政府", d.Department);
        var p = Assert.Single(d.Projects);
        Assert.Equal("样例镇人民政府", p.Name);
        // 部门整体支出总额 is the budget block's total row.
        Assert.Equal(512.6m, p.Amount);
        Assert.Equal((512.6m, 501.2m, 19.56m), (p.Budget?.Adjusted, p.Budget?.Executed, p.Budget?.Score));
        // 日效性指标, one character off 时效性指标 and off no other level, is 时效指标.
        AssertIndicator(p, "产出指标", "时效指标", "群众来访办结时间", "<=", "3", "天");
        AssertIndicator(p, "满意度指标", "服务对象满意度指标", "群众对镇政府工作满意度", ">=", "90", "%");
        Assert.Equal([30m, 20m, 15m, 15m], p.Indicators.Select(i => i.Score));
        Assert.DoesNotContain(d.Findings, f => f.RuleId == "BG606");
    }

    [Fact]
    public void A_regional_self_evaluation_reads_scores_under_a_column_headed_by_its_points()
    {
        var d = Parse("""
            <html><body><p>来源:样例区农业农村局 发布时间:2026-08-15 浏览次数:</p>
            <p>耕地保护补助资金区域绩效目标自评表</p>
            <table border="1">
            <tr><td>专项名称</td><td colspan="2">耕地保护补助资金</td><td>中央主管部门</td><td>农业农村部</td><td>自评得分</td></tr>
            <tr><td>省级财政部门</td><td colspan="2">样例省财政厅</td><td>省级主管部门</td><td>样例省农业农村厅</td><td>98</td></tr>
            <tr><td rowspan="3">预算执行情况</td><td>预算数:</td><td>6.5</td><td>执行数:</td><td>6.2</td><td rowspan="3">18</td></tr>
            <tr><td>其中:中央补助</td><td>6.5 万元</td><td>其中:中央补助</td><td>6.2万元</td></tr>
            <tr><td>地方资金/其他</td><td>万元</td><td>地方资金/其他</td><td>万元</td></tr>
            <tr><td rowspan="2">年度目标完成情况</td><td colspan="2">预期目标</td><td colspan="2">目标实际完成情况</td><td rowspan="2">20</td></tr>
            <tr><td colspan="2">目标1:完成耕地质量调查。<br>目标2:推广测土配方施肥。<br>目标3:培训种植大户。</td><td colspan="2">目标1:已完成。<br>目标2:已推广。<br>目标3:已培训。</td></tr>
            <tr><td rowspan="4">年度绩效指标完成情况</td><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>年度指标值</td><td>实际完成指标值</td><td>60</td></tr>
            <tr><td rowspan="2">产出指标</td><td>数量指标</td><td>指标1:耕地质量调查点位</td><td>≥120个</td><td>126个</td><td>30</td></tr>
            <tr><td>时效指标</td><td>指标1:调查完成时间</td><td>2026年11月底</td><td>2026年11月底</td><td>10</td></tr>
            <tr><td>效益指标</td><td>社会效益指标</td><td>指标1:种植户施肥水平</td><td>逐步提高</td><td>逐步提高</td><td>20</td></tr>
            </table></body></html>
            """);
        var p = Assert.Single(d.Projects);
        Assert.Equal("耕地保护补助资金", p.Name);
        // The score column is headed by the block's points (60) under 自评得分.
        Assert.Equal([30m, 10m, 20m], p.Indicators.Select(i => i.Score));
        Assert.Equal(126m, p.Indicators[0].Actual?.Value);
        // 目标实际完成情况 heads the achievements: three goals, not four.
        Assert.Equal(["完成耕地质量调查。", "推广测土配方施肥。", "培训种植大户。"], p.Objectives);
        // A province's finance department heads the transfer, not the table: the page's source names the unit.
        Assert.Equal("样例区农业农村局", d.Department);
        Assert.Equal(6.5m, p.Amount);
    }

    [Fact]
    public void A_form_under_numbered_paragraphs_takes_its_own_first_row_as_title()
    {
        var d = Parse("""
            <html><body><p>样例市文化馆2026年“送戏下乡”项目资金投入情况</p>
            <p>(1)项目概述。送戏下乡七十场。</p>
            <p>(2)绩效目标。</p>
            <table border="1">
            <tr><td colspan="5">项目支出绩效目标表</td></tr>
            <tr><td colspan="5">(2026年度)</td></tr>
            <tr><td>项目名称</td><td colspan="4">送戏下乡</td></tr>
            <tr><td>主管部门及代码</td><td>[077]样例市文化馆</td><td>实施单位</td><td colspan="2">样例市文化馆</td></tr>
            <tr><td>项目资金</td><td>年度资金总额:</td><td colspan="3">5.00</td></tr>
            <tr><td>年度</td><td colspan="4">送戏下乡七十场。</td></tr>
            <tr><td rowspan="2">绩</td><td>一级</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>
            <tr><td>产出指标</td><td>数量指标</td><td>送戏场次</td><td>≥70场</td></tr>
            </table></body></html>
            """);
        Assert.Equal("项目支出绩效目标表", d.Title);
        Assert.Equal(2026, d.FiscalYear);
        AssertIndicator(Assert.Single(d.Projects), "产出指标", "数量指标", "送戏场次", ">=", "70", "场");
    }
}
