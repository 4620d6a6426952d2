using Xunit;

using static BudgetGrpc.Engine.Tests.Layouts.LayoutChecks;

namespace BudgetGrpc.Engine.Tests.Layouts;

/// <summary>
/// A form's money block whose header is split over two rows: 财政资金 spans a second row of its parts (中央 | 省级 | 市级 |
/// 本级, or 中央资金 | 省级资金 | 市县资金, sometimes with a 小计) beside 其他资金 and 合计 (合计 may be absent). The amount is the
/// 合计 figure, else the sources added up once (the parts, or the subtotal, never both). Tables of ours on that model.
/// </summary>
public sealed class TwoRowMoneyHeaderTests
{
    private const string Parts4 = "<td>中央</td><td>省级</td><td>市级</td><td>本级</td>";
    private const string Parts3 = "<td>中央资金</td><td>省级资金</td><td>市县资金</td>";
    private const string Parts3Subtotal = "<td>小计</td><td>中央资金</td><td>省级资金</td><td>市县资金</td>";

    [Theory]
    // label beside the heads, with 合计
    [InlineData(true, Parts4, "<td>40</td><td>30</td><td>20</td><td>10</td>", true, "5", "105", 105)]
    // without 合计: the parts and 其他资金 added up
    [InlineData(true, Parts4, "<td>40</td><td>30</td><td>20</td><td>10</td>", false, "5", null, 105)]
    [InlineData(true, Parts3, "<td>12.5</td><td>6</td><td>1.5</td>", false, "0", null, 20)]
    // a 小计 among the parts is not added to them
    [InlineData(true, Parts3Subtotal, "<td>20</td><td>12.5</td><td>6</td><td>1.5</td>", false, "4", null, 24)]
    // the label on a row of its own, the heads under it
    [InlineData(false, Parts4, "<td>40</td><td>30</td><td>20</td><td>10</td>", true, "5", "105", 105)]
    [InlineData(false, Parts3, "<td>12.5</td><td>6</td><td>1.5</td>", false, "0", null, 20)]
    public void A_money_header_over_two_rows_gives_the_amount(bool labelBeside, string parts, string partFigures, bool withTotal,
        string other, string? total, double amount)
    {
        var n = parts.Split("<td>").Length - 1;
        var width = n + (withTotal ? 2 : 1);
        var heads = $"<td colspan=\"{n}\">财政资金</td><td rowspan=\"2\">其他资金</td>"
            + (withTotal ? "<td rowspan=\"2\">合计</td>" : "");
        var figures = partFigures + $"<td>{other}</td>" + (withTotal ? $"<td>{total}</td>" : "");
        var block = labelBeside
            ? $"""
              <tr><td rowspan="3">资金情况（万元）</td>{heads}</tr>
              <tr>{parts}</tr>
              <tr>{figures}</tr>
              """
            : $"""
              <tr><td colspan="{width + 1}">年度资金总额（万元）</td></tr>
              <tr><td rowspan="3"></td>{heads}</tr>
              <tr>{parts}</tr>
              <tr>{figures}</tr>
              """;
        var d = Parse($"""
            <html><body><p>2025年项目支出绩效目标表</p><table border="1">
            <tr><td>项目名称</td><td colspan="{width}">农村饮水安全巩固提升</td></tr>
            {block}
            <tr><td>年度目标</td><td colspan="{width}">完成农村供水工程维修养护。</td></tr>
            <tr><td>一级指标</td><td>二级指标</td><td colspan="{width - 2}">三级指标</td><td>指标值</td></tr>
            <tr><td>产出指标</td><td>数量指标</td><td colspan="{width - 2}">维修养护供水工程数量</td><td>≥35处</td></tr>
            </table></body></html>
            """);
        var p = Assert.Single(d.Projects);
        Assert.Equal((decimal)amount, p.Amount);
        Assert.Equal("万元", d.AmountUnit);
        Assert.Equal(["维修养护供水工程数量"], p.Indicators.Select(i => i.Name));
        AssertIndicator(p, "产出指标", "数量指标", "维修养护供水工程数量", ">=", "35", "处");
    }

    [Fact]
    public void An_indicator_header_a_page_break_repeated_inside_the_money_block_is_looked_past()
    {
        const string header = """
            <tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>
            """;
        var d = Parse($"""
            <html><body><p>2025年项目支出绩效目标表</p><table border="1">
            <tr><td>项目名称</td><td colspan="3">农村公路养护</td></tr>
            <tr><td colspan="4">资金总额（万元）</td></tr>
            {header}
            <tr><td>财政资金</td><td>其他资金</td><td>合计</td><td></td></tr>
            <tr><td>40</td><td>8</td><td>48</td><td></td></tr>
            <tr><td>年度目标</td><td colspan="3">完成农村公路日常养护。</td></tr>
            {header}
            <tr><td>产出指标</td><td>数量指标</td><td>养护里程</td><td>≥120公里</td></tr>
            <tr><td>满意度指标</td><td>服务对象满意度指标</td><td>群众满意度</td><td>≥90%</td></tr>
            </table></body></html>
            """);
        var p = Assert.Single(d.Projects);
        Assert.Equal(48m, p.Amount);
        Assert.Equal(["完成农村公路日常养护。"], p.Objectives);
        Assert.Equal(["养护里程", "群众满意度"], p.Indicators.Select(i => i.Name));
    }

    [Fact]
    public void A_text_export_without_merges_leaves_blank_heads_over_the_parts()
    {
        var d = Parse("""
            2025年项目支出绩效目标表,,,,,
            项目名称,农村饮水安全巩固提升,,,,
            资金情况（万元）,财政资金,,,其他资金,
            ,中央资金,省级资金,市县资金,,
            ,12.5,6,1.5,4,
            年度目标,完成农村供水工程维修养护。,,,,
            一级指标,二级指标,三级指标,指标值,,
            产出指标,数量指标,维修养护供水工程数量,≥35处,,
            """, "table.csv");
        var p = Assert.Single(d.Projects);
        Assert.Equal(24m, p.Amount);
        Assert.Equal(["维修养护供水工程数量"], p.Indicators.Select(i => i.Name));
    }
    [Fact]
    public void A_page_break_between_the_part_heads_and_their_figures_is_looked_past()
    {
        // A text export: the break left a blank row and the repeated indicator header between the parts and the figures.
        var d = Parse("""
            2025年项目支出绩效目标表,,,,,
            项目名称,农村饮水安全巩固提升,,,,
            资金情况（万元）,财政资金,,,其他资金,合计
            ,中央资金,省级资金,市县资金,,
            ,,,,,
            一级指标,二级指标,三级指标,指标值,,
            ,12.5,6,1.5,4,24
            年度目标,完成农村供水工程维修养护。,,,,
            一级指标,二级指标,三级指标,指标值,,
            产出指标,数量指标,维修养护供水工程数量,≥35处,,
            """, "table.csv");
        var p = Assert.Single(d.Projects);
        Assert.Equal(24m, p.Amount);
        Assert.Equal(["完成农村供水工程维修养护。"], p.Objectives);
        Assert.Equal(["维修养护供水工程数量"], p.Indicators.Select(i => i.Name));
    }

    /// <summary>
    /// A page break between the heads and their parts: one table ends with the label and 财政资金 | 其他资金 | 合计, the next
    /// starts with the parts and the figures, then the goals and the indicators. Both forms keep their amounts.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_page_break_inside_the_money_block_keeps_the_amount(bool withTotal)
    {
        var total = withTotal ? "<td rowspan=\"2\">合计</td>" : "";
        var totalFigure = withTotal ? "<td>66</td>" : "";
        var width = withTotal ? 6 : 5;
        var d = Parse($"""
            <html><body><p>示例县2025年项目支出绩效目标表</p><table border="1">
            <tr><td>项目名称</td><td colspan="{width - 1}">乡村道路养护</td></tr>
            <tr><td>资金总额（万元）</td><td colspan="{width - 1}">38</td></tr>
            <tr><td>年度目标</td><td colspan="{width - 1}">养护农村公路80公里。</td></tr>
            <tr><td>一级指标</td><td>二级指标</td><td colspan="{width - 3}">三级指标</td><td>指标值</td></tr>
            <tr><td>产出指标</td><td>数量指标</td><td colspan="{width - 3}">养护里程</td><td>≥80公里</td></tr>
            <tr><td>项目名称</td><td colspan="{width - 1}">村级公益设施维修</td></tr>
            <tr><td colspan="{width}">资金总额（万元）</td></tr>
            <tr><td colspan="4">财政资金</td><td rowspan="2">其他资金</td>{total}</tr>
            </table>
            <table border="1">
            <tr><td>小计</td><td>中央资金</td><td>省级资金</td><td>市县资金</td><td></td>{(withTotal ? "<td></td>" : "")}</tr>
            <tr><td>60</td><td>30</td><td>20</td><td>10</td><td>6</td>{totalFigure}</tr>
            <tr><td>年度目标</td><td colspan="{width - 1}">维修村级公益设施12处。</td></tr>
            <tr><td>一级指标</td><td>二级指标</td><td colspan="{width - 3}">三级指标</td><td>指标值</td></tr>
            <tr><td>产出指标</td><td>数量指标</td><td colspan="{width - 3}">维修设施数量</td><td>≥12处</td></tr>
            </table></body></html>
            """);
        Assert.Equal(2, d.Projects.Count);
        var second = d.Projects[1];
        Assert.Equal("村级公益设施维修", second.Name);
        Assert.Equal(66m, second.Amount);
        Assert.Equal(["维修村级公益设施12处。"], second.Objectives);
        AssertIndicator(second, "产出指标", "数量指标", "维修设施数量", ">=", "12", "处");
    }
}
