using System.Text;
using Xunit;

namespace BudgetGrpc.Engine.Tests.Layouts;

/// <summary>
/// Forms of a multi-project export that a page break cut where no earlier table was cut: inside a money block whose heads
/// span two header rows, between a label block and the rest of the form moved under the next page's repeated header, and
/// between the two rows of a two-row indicator header. Found by the generated variants at 3,000 a family (forms=oneTable
/// with pageBreak=split or splitWithHeader); tables written by us.
/// </summary>
public sealed class PageBreakCutTests
{
    private static Model.Disclosure Parse(string html, string name = "cut.html")
    {
        var result = new DisclosureEngine().Parse(Encoding.UTF8.GetBytes(html), name);
        Assert.True(result.Succeeded, result.Error?.ToString());
        return result.Disclosure!;
    }

    [Fact]
    public void A_money_head_whose_merge_down_a_page_break_cut_keeps_its_figure()
    {
        // 资金总额 | 一般公共预算 (over 小计 | 中央 | 省级 | 市县) | 其他资金 | 合计: the break left blank cells under 其他资金 and
        // 合计 where their merges went on; the figures are a row further down.
        var disclosure = Parse(@"<html><body><p>某市2026年项目支出绩效目标表</p>
<table border=""1"">
<tr><td>项目名称</td><td colspan=""6"">乡村医生岗位补助</td></tr>
<tr><td>资金总额（万元）</td><td colspan=""4"">一般公共预算</td><td>其他资金</td><td colspan=""2"">合计</td></tr>
<tr><td></td><td>小计</td><td>中央资金</td><td>省级资金</td><td>市县资金</td><td></td><td colspan=""2""></td></tr>
<tr><td></td><td>150</td><td>80</td><td>40</td><td>30</td><td>25</td><td colspan=""2"">175</td></tr>
<tr><td>年度目标</td><td colspan=""6"">按季度发放乡村医生岗位补助。</td></tr>
<tr><td>一级指标</td><td>二级指标</td><td colspan=""3"">三级指标</td><td colspan=""2"">指标值</td></tr>
<tr><td>产出指标</td><td>数量指标</td><td colspan=""3"">补助乡村医生人数</td><td colspan=""2"">≥420人</td></tr>
<tr><td>满意度指标</td><td>服务对象满意度指标</td><td colspan=""3"">乡村医生满意度</td><td colspan=""2"">≥90%</td></tr>
</table></body></html>");
        var project = Assert.Single(disclosure.Projects);
        Assert.Equal(175m, project.Amount);
        Assert.Equal(["补助乡村医生人数", "乡村医生满意度"], project.Indicators.Select(i => i.Name));
    }

    [Fact]
    public void A_form_cut_after_its_labels_reads_its_money_and_goals_under_the_next_pages_repeated_header()
    {
        // Page 2 opens with the header the export repeats, then the rest of the second form's labels (its money in columns
        // under a label alone on its row, its goals), then the header again over the indicators. The repeated header's
        // 年度目标值 is no goal label.
        const string header = @"<tr><td rowspan=""2"">绩效指标</td><td colspan=""2"">绩效目标指标</td><td>年度目标值</td><td>备注</td></tr>
<tr><td>二级指标</td><td>具体指标</td><td></td><td></td></tr>";
        var disclosure = Parse(@"<html><body><p>某县2025年项目绩效目标表</p><p>单位：万元</p>
<table border=""1"">
<tr><td>项目全称</td><td colspan=""2"">山塘清淤整治</td><td>主管部门</td><td>某县水利局</td></tr>
<tr><td>本年度预计投入</td><td colspan=""4"">—</td></tr>
<tr><td>一般公共预算</td><td>其他资金</td><td colspan=""3"">合计</td></tr>
<tr><td>60</td><td>12</td><td colspan=""3"">72</td></tr>
<tr><td>本年度绩效目标</td><td colspan=""4"">完成山塘清淤整治。</td></tr>
" + header + @"
<tr><td rowspan=""2""></td><td>数量指标</td><td>清淤山塘数量</td><td>≥15座</td><td></td></tr>
<tr><td>质量指标</td><td>工程验收合格率</td><td>100%</td><td></td></tr>
<tr><td>项目全称</td><td colspan=""2"">堤防巡查保洁</td><td>主管部门</td><td>某县水利局</td></tr>
<tr><td>项目单位</td><td colspan=""2"">某县堤防管理所</td><td>项目属性</td><td>经常性项目</td></tr>
</table>
<table border=""1"">
" + header + @"
<tr><td colspan=""5"">本年度预计投入</td></tr>
<tr><td>一般公共预算</td><td>其他资金</td><td colspan=""3"">合计</td></tr>
<tr><td>30.5</td><td>4.5</td><td colspan=""3"">35</td></tr>
<tr><td>总体目标</td><td>本年度绩效目标</td><td colspan=""3"">1、按月巡查堤防全线。2、保持堤防整洁完好。</td></tr>
" + header + @"
<tr><td rowspan=""2""></td><td>数量指标</td><td>堤防巡查里程</td><td>≥86公里</td><td></td></tr>
<tr><td>时效指标</td><td>隐患处置时限</td><td>3日内</td><td></td></tr>
</table></body></html>");
        Assert.Equal(["山塘清淤整治", "堤防巡查保洁"], disclosure.Projects.Select(p => p.Name));
        var cut = disclosure.Projects[1];
        Assert.Equal(35m, cut.Amount);
        Assert.Equal(["按月巡查堤防全线。", "保持堤防整洁完好。"], cut.Objectives);
        Assert.Equal(["堤防巡查里程", "隐患处置时限"], cut.Indicators.Select(i => i.Name));
    }

    [Fact]
    public void A_two_row_header_cut_after_its_top_row_reads_the_years_values_on_the_next_page()
    {
        // The top row alone (年度绩效指标 | 三级指标 | 指标值 | 指标性质) ended page 1; page 2 opens with its second row
        // (中期指标值 | 年度指标值), the merges of the top row's cells lost.
        var disclosure = Parse(@"<html><body><p>绩效目标申报表</p><p>(2026年)</p><p>金额单位：万元</p>
<table border=""1"">
<tr><td>项目名称</td><td colspan=""4"">村级卫生室运行补助</td></tr>
<tr><td>年度资金总额</td><td colspan=""4"">64</td></tr>
<tr><td>年度目标</td><td colspan=""4"">保障村级卫生室正常运行。</td></tr>
<tr><td>年度绩效指标</td><td>三级指标</td><td colspan=""2"">指标值</td><td>指标性质</td></tr>
</table>
<table border=""1"">
<tr><td rowspan=""3""></td><td></td><td>中期指标值</td><td>年度指标值</td><td></td></tr>
<tr><td>产出指标-数量指标-补助卫生室数量</td><td>≥110个</td><td>≥128个</td><td>正向</td></tr>
<tr><td>满意度指标-服务对象满意度指标-村民满意度</td><td>≥85%</td><td>≥92%</td><td>正向</td></tr>
</table></body></html>");
        var project = Assert.Single(disclosure.Projects);
        Assert.Equal(64m, project.Amount);
        Assert.Equal(
            [("产出指标", "数量指标", "补助卫生室数量", (decimal?)128m, "个"), ("满意度指标", "服务对象满意度指标", "村民满意度", (decimal?)92m, "%")],
            project.Indicators.Select(i => (i.Level1, i.Level2, i.Name, i.Value, i.Unit)));
    }
}
