using BudgetGrpc.Engine.Model;
using Xunit;

using static BudgetGrpc.Engine.Tests.Layouts.LayoutChecks;

namespace BudgetGrpc.Engine.Tests.Layouts;

/// <summary>
/// Families of the seventh round's unseen tables (docs/layout-survey.md, "Round 7") besides the outline: 长期目标 | 年度目标
/// sub-labels over their texts beside a merged 项目绩效目标 label; a money label with its figure glued on (资金总额:952.22)
/// beside a merged 年度预算申请 label; a money block listed row under row (年度资金总额 | 金额（万元） over (一)… 1、…); group rows with a weight and a score over items that carry the targets. Tables of
/// ours on those models; each check failed before.
/// </summary>
public sealed class SubLabelMoneyAndGroupRowTests
{
    [Fact]
    public void Long_term_and_annual_goal_labels_over_their_texts_give_the_annual_goal_only()
    {
        var p = Assert.Single(Parse(GoalsUnderSubLabels).Projects);
        Assert.Equal(["全年完成城区道路绿化带养护"], p.Objectives);
        Assert.Equal(86m, p.Amount);
    }

    [Fact]
    public void A_money_label_with_its_figure_glued_on_gives_the_amount()
    {
        var d = Parse(GluedMoneyLabel);
        Assert.Equal(DisclosureKind.DepartmentTargets, d.Kind);
        Assert.Equal(1208.5m, Assert.Single(d.Projects).Amount);
    }

    [Theory]
    [InlineData("", 36.5)]
    [InlineData("<tr><td>合计</td><td>36.5</td></tr>", 36.5)]
    public void A_money_block_listed_row_under_row_gives_the_amount(string totalRow, double amount)
    {
        var d = Parse($"""
            <html><body><table border="1">
            <tr><td colspan="3">项目支出绩效目标申报表</td></tr>
            <tr><td>项目名称</td><td colspan="2">结核病防治</td></tr>
            <tr><td rowspan="{(totalRow.Length > 0 ? 7 : 6)}">项目资金（万元）</td><td>年度资金总额</td><td>金额（万元）</td></tr>
            <tr><td>（一）财政拨款小计</td><td>30.5</td></tr>
            <tr><td>1、一般公共预算</td><td>28.0</td></tr>
            <tr><td>2、政府性基金</td><td>2.5</td></tr>
            <tr><td>（二）自有资金小计</td><td>6.0</td></tr>
            <tr><td>（三）其他收入</td><td>0.00</td></tr>
            {totalRow}
            <tr><td>年度目标</td><td colspan="2">完成结核病患者筛查和规范治疗。</td></tr>
            <tr><td>一级指标</td><td>三级指标</td><td>指标值</td></tr>
            <tr><td>产出指标</td><td>患者筛查人数</td><td>≥1200人</td></tr>
            </table></body></html>
            """);
        var p = Assert.Single(d.Projects);
        Assert.Equal((decimal)amount, p.Amount);
        Assert.Equal("万元", d.AmountUnit);
        Assert.Equal(["完成结核病患者筛查和规范治疗。"], p.Objectives);
        Assert.Equal(["患者筛查人数"], p.Indicators.Select(i => i.Name));
    }

    [Fact]
    public void Group_rows_with_a_weight_over_items_with_targets_are_headings_not_indicators()
    {
        var d = Parse(GroupRows);
        Assert.Equal(DisclosureKind.SelfEvaluation, d.Kind);
        var p = Assert.Single(d.Projects);
        Assert.Equal(["玉米种植面积", "大豆种植面积", "鸭养殖数量", "病虫害防治覆盖率"], p.Indicators.Select(i => i.Name));
        AssertIndicator(p, "产出指标", "数量指标", "大豆种植面积", "=", "3.5", "亩");
        Assert.Equal(3.5m, p.Indicators[1].Actual!.Value);
        // A row with a weight and a target of its own stays an indicator.
        Assert.Equal((10m, 9m), (p.Indicators[3].Weight, p.Indicators[3].Score));
    }

    private const string GoalsUnderSubLabels = @"<html><body>
<p>2025年项目绩效目标表</p>
<table border=""1"">
<tr><td>项目名称</td><td colspan=""2"">城区绿化养护</td><td>主管部门</td><td colspan=""2"">某县城市管理局</td></tr>
<tr><td>项目资金申请(万元)</td><td colspan=""5"">资金总额：86</td></tr>
<tr><td rowspan=""2"">项目绩效目标</td><td colspan=""2"">长期目标</td><td colspan=""3"">年度目标</td></tr>
<tr><td colspan=""2"">城区绿化水平持续提升</td><td colspan=""3"">全年完成城区道路绿化带养护</td></tr>
<tr><td rowspan=""3"">年度绩效指标</td><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td><td>绩效标准</td></tr>
<tr><td>产出指标</td><td>数量指标</td><td>养护绿化带面积</td><td>≥12万平方米</td><td>计划标准</td></tr>
<tr><td>满意度指标</td><td>服务对象满意度指标</td><td>市民满意度</td><td>≥90%</td><td>计划标准</td></tr>
</table></body></html>
";

    private const string GluedMoneyLabel = @"<html><body>
<p>2025年某县部门整体支出绩效目标表</p>
<table border=""1"">
<tr><td>部门名称</td><td colspan=""4"">某县妇幼保健院</td></tr>
<tr><td rowspan=""3"">年度预算申请（万元）</td><td colspan=""4"">资金总额:1208.5</td></tr>
<tr><td colspan=""2"">按收入性质分:1208.5</td><td colspan=""2"">按支出性质分:1208.5</td></tr>
<tr><td colspan=""2"">其中:一般公共预算:1108.5</td><td colspan=""2"">其中:基本支出:908.5</td></tr>
<tr><td>整体绩效目标</td><td colspan=""4"">保障妇幼健康服务正常开展。</td></tr>
<tr><td rowspan=""3"">年度绩效指标</td><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值及单位</td></tr>
<tr><td>产出指标</td><td>数量指标</td><td>孕产妇系统管理人数</td><td>3000人以上</td></tr>
<tr><td>效益指标</td><td>社会效益指标</td><td>孕产妇死亡率</td><td>≤10/10万</td></tr>
</table></body></html>
";

    private const string GroupRows = @"<html><body>
<p>2024年某镇特色种养业奖补项目绩效自评表</p>
<table border=""1"">
<tr><td>项目名称</td><td colspan=""3"">2024年特色种养业奖补</td><td>主管部门</td><td colspan=""3"">某县农业农村局</td></tr>
<tr><td rowspan=""2"">资金情况（万元）</td><td></td><td>全年预算数（A）</td><td>全年执行数（B）</td><td>分值</td><td>执行率（B/A）</td><td colspan=""2"">得分</td></tr>
<tr><td>年度资金总额</td><td>6.2</td><td>6.2</td><td>10</td><td>100%</td><td colspan=""2"">10</td></tr>
<tr><td rowspan=""8"">绩效指标</td><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>分值</td><td>年度指标值</td><td>全年实际值</td><td>得分</td></tr>
<tr><td rowspan=""7"">产出指标</td><td rowspan=""6"">数量指标</td><td>★补助粮油作物种植面积</td><td>10</td><td></td><td></td><td>10</td></tr>
<tr><td>　　玉米种植面积</td><td></td><td>8亩</td><td>8亩</td><td></td></tr>
<tr><td>　　大豆种植面积</td><td></td><td>3.5亩</td><td>3.5亩</td><td></td></tr>
<tr><td>★补助家禽养殖数量</td><td>10</td><td></td><td></td><td>10</td></tr>
<tr><td>　　鸭养殖数量</td><td></td><td>300只</td><td>300只</td><td></td></tr>
<tr><td></td><td></td><td></td><td></td><td></td></tr>
<tr><td>质量指标</td><td>病虫害防治覆盖率</td><td>10</td><td>≥90%</td><td>88%</td><td>9</td></tr>
</table></body></html>
";
}
