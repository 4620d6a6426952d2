using Xunit;

using static BudgetGrpc.Engine.Tests.Layouts.LayoutChecks;

namespace BudgetGrpc.Engine.Tests.Layouts;

/// <summary>
/// What blind round 17 missed (docs/layout-survey.md, round 17), on probes of ours: a sheet Excel saved as a web page
/// whose goal cell holds a line break typed after a comma to fit the cell's width, and whose time target states its
/// bound after the figure at the end of a sentence (申请后15个工作日内). Tables written by us; each assertion failed before.
/// </summary>
public sealed class Round17FamilyTests
{
    private const string ExcelSheet = """
        <html xmlns:x="urn:schemas-microsoft-com:office:excel"><head><meta http-equiv=Content-Type content="text/html; charset=utf-8">
        <meta name=ProgId content=Excel.Sheet></head><body>
        <table border=0 cellpadding=0 cellspacing=0 style='border-collapse:collapse;table-layout:fixed'>
        <col width=72><col width=72><col width=110><col width=140><col width=72>
        <tr><td colspan=5 class=xl65 style='mso-ignore:colspan'>2025年项目支出绩效目标表</td></tr>
        <tr><td colspan=3 class=xl67 style='mso-ignore:colspan'>填报单位（盖章）：某县医疗保障局</td><td class=xl67></td><td class=xl67>金额单位：万元</td></tr>
        <tr><td colspan=2>项目名称</td><td colspan=3>城乡医疗救助</td></tr>
        <tr><td colspan=2>主管部门</td><td colspan=3>某县医疗保障局</td></tr>
        <tr><td colspan=2>年度资金总额</td><td colspan=3 x:num="415">415.00</td></tr>
        <tr><td colspan=2>年度绩效目标</td><td colspan=3>对困难群众参保给予资助，对其自付医疗费用给予救助，<br>减轻困难群众就医负担。</td></tr>
        <tr><td rowspan=4>绩<br>效<br>指<br>标</td><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>
        <tr><td rowspan=2>产出指标</td><td>数量指标</td><td>救助困难群众人次</td><td>≥3200人次</td></tr>
        <tr><td>时效指标</td><td>救助资金发放时限</td><td>申请后<br>15个工作日内</td></tr>
        <tr><td>满意度指标</td><td>服务对象满意度指标</td><td>救助对象满意度</td><td>≥90%</td></tr>
        <![if supportMisalignedColumns]><tr height=0 style='display:none'><td width=72></td><td width=72></td><td width=110></td><td width=140></td><td width=72></td></tr><![endif]>
        </table></body></html>
        """;

    [Fact]
    public void A_goal_broken_after_a_comma_is_one_objective()
    {
        var p = Assert.Single(Parse(ExcelSheet).Projects);
        Assert.Equal(["对困难群众参保给予资助，对其自付医疗费用给予救助，减轻困难群众就医负担。"], p.Objectives);
        Assert.Equal(415m, p.Amount);
    }

    [Fact]
    public void A_time_target_ending_with_its_figure_unit_and_bound_is_that_bound()
    {
        var p = Assert.Single(Parse(ExcelSheet).Projects);
        AssertIndicator(p, "产出指标", "时效指标", "救助资金发放时限", "<=", "15", "个工作日");
        AssertIndicator(p, "产出指标", "数量指标", "救助困难群众人次", ">=", "3200", "人次");
    }
}
