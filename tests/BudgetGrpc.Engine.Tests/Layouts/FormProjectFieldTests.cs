using System.Text;
using BudgetGrpc.Engine.Model;
using Xunit;

namespace BudgetGrpc.Engine.Tests.Layouts;

/// <summary>
/// Project fields of forms that the variant suite found wrong while every indicator was right (docs/engine.md, round 6):
/// a long-term goal above the year's, a 总体目标 label with a 年度目标 sub-label beside the goals, a department-wide form
/// under another table's 合计. Tables written by us on the model of those families.
/// </summary>
public sealed class FormProjectFieldTests
{
    private static Disclosure Parse(string html) => LayoutChecks.Parse(html, "form.html");

    private const string Indicators = @"
<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>
<tr><td rowspan=""2"">产出指标</td><td>数量指标</td><td>巡查河道长度</td><td>≥210公里</td></tr>
<tr><td>质量指标</td><td>问题整改率</td><td>≥95%</td></tr>
<tr><td>效益指标</td><td>生态效益指标</td><td>河道水质</td><td>稳步改善</td></tr>
<tr><td>满意度指标</td><td>服务对象满意度指标</td><td>沿河群众满意度</td><td>≥88%</td></tr>
";

    private static string Form(string goalRows, string indicators = Indicators) => @"<html><body>
<p>某县2026年项目支出绩效目标表</p>
<p>单位：万元</p>
<table border=""1"">
<tr><td>项目名称</td><td colspan=""3"">河道巡查保洁</td></tr>
<tr><td>主管部门</td><td>某县水务局</td><td>实施单位</td><td>某县河道管理所</td></tr>
<tr><td>年度资金总额</td><td colspan=""3"">64</td></tr>
" + goalRows + indicators + "</table></body></html>";

    [Theory]
    [InlineData("长期绩效目标")]
    [InlineData("中期目标")]
    [InlineData("中长期绩效目标")]
    [InlineData("实施期目标")]
    public void The_years_goals_are_the_objectives_when_a_long_term_goal_stands_above_them(string longTermLabel)
    {
        var d = Parse(Form($@"<tr><td>{longTermLabel}</td><td colspan=""3"">1.到2028年河湖长效管护全面落实。2.河道生态持续向好。3.群众参与度提高。</td></tr>
<tr><td>年度总体目标</td><td colspan=""3"">1.完成全县主要河道巡查保洁。2.及时整改巡查发现的问题。</td></tr>"));
        var p = Assert.Single(d.Projects);
        Assert.Equal(["完成全县主要河道巡查保洁。", "及时整改巡查发现的问题。"], p.Objectives);
        Assert.Equal(4, p.Indicators.Count);
    }

    [Fact]
    public void A_goals_label_with_a_sub_label_beside_the_goals_reads_the_goals()
    {
        var d = Parse(Form(@"<tr><td>总体目标</td><td>年度目标</td><td colspan=""2"">1.完成全县主要河道巡查保洁。2.及时整改巡查发现的问题。</td></tr>", @"
<tr><td rowspan=""6"">绩效指标</td><td colspan=""4"">年度绩效指标</td></tr>
<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>
<tr><td rowspan=""2"">产出指标</td><td>数量指标</td><td>巡查河道长度</td><td>≥210公里</td></tr>
<tr><td>质量指标</td><td>问题整改率</td><td>≥95%</td></tr>
<tr><td>效益指标</td><td>生态效益指标</td><td>河道水质</td><td>稳步改善</td></tr>
<tr><td>满意度指标</td><td>服务对象满意度指标</td><td>沿河群众满意度</td><td>≥88%</td></tr>
"));
        Assert.Equal(4, d.Projects[0].Indicators.Count);
        var p = Assert.Single(d.Projects);
        Assert.Equal(["完成全县主要河道巡查保洁。", "及时整改巡查发现的问题。"], p.Objectives);
    }

    [Fact]
    public void A_department_wide_form_under_another_tables_total_keeps_its_own_total()
    {
        var d = Parse(@"<html><body>
<p>2026年河道保洁资金分配表</p>
<p>单位：万元</p>
<table border=""1"">
<tr><td>序号</td><td>单位名称</td><td>金额</td><td>备注</td></tr>
<tr><td>1</td><td>某甲镇人民政府</td><td>30.5</td><td></td></tr>
<tr><td>2</td><td>某乙镇人民政府</td><td>12</td><td></td></tr>
<tr><td>合计</td><td></td><td>42.5</td><td></td></tr>
<tr><td colspan=""4"">部门整体支出绩效目标表</td></tr>
<tr><td colspan=""4"">（2026年度）</td></tr>
<tr><td colspan=""4"">填报单位：某县水务局　　单位：万元</td></tr>
<tr><td rowspan=""3"">年度预算申请</td><td>资金总额</td><td colspan=""2"">1820.40</td></tr>
<tr><td>财政拨款</td><td colspan=""2"">1800.40</td></tr>
<tr><td>其他资金</td><td colspan=""2"">20.00</td></tr>
<tr><td>年度总体目标</td><td colspan=""3"">1.保障机关正常运转。2.做好河湖管护。</td></tr>
<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>
<tr><td>产出指标</td><td>数量指标</td><td>巡查河道长度</td><td>≥210公里</td></tr>
<tr><td>满意度指标</td><td>服务对象满意度指标</td><td>沿河群众满意度</td><td>≥88%</td></tr>
</table></body></html>");
        Assert.Equal(DisclosureKind.DepartmentTargets, d.Kind);
        var p = Assert.Single(d.Projects);
        Assert.Equal(1820.40m, p.Amount);
        Assert.Equal(2, p.Objectives.Count);
    }
}
