using BudgetGrpc.Engine.Model;
using BudgetGrpc.Engine.Publishing;
using Xunit;

namespace BudgetGrpc.Engine.Tests.Layouts;

/// <summary>
/// How a header is read (issue 15, the paths a mutation run of HeaderRow found unchecked): which sub-column of a split
/// value header holds the year's target, whatever its place. Tables written by us on the model of the county forms.
/// </summary>
public sealed class HeaderRowEdgeTests
{
    private static Disclosure Parse(string html) => LayoutChecks.Parse(html, "header.html");

    private static string Ind(Indicator i) =>
        $"{i.Level1}/{i.Level2}/{i.Name} {i.Comparator.ToWire()} {(i.Value is { } v ? DecimalText.Normalized(v) : i.QualitativeValue)} {i.Unit}".TrimEnd();

    private static string Page(string header, string rows) => @"<html><body><p>某县卫生健康局2026年项目支出绩效目标表</p><table border=""1"">
<tr><td>项目名称</td><td colspan=""4"">基本公共卫生服务</td></tr>
<tr><td>主管部门</td><td colspan=""4"">某县卫生健康局</td></tr>
<tr><td>年度资金总额</td><td colspan=""4"">356</td></tr>
<tr><td>年度绩效目标</td><td colspan=""4"">为辖区居民免费提供基本公共卫生服务。</td></tr>
" + header + rows + "</table></body></html>";

    [Fact]
    public void A_value_header_split_by_years_reads_the_later_year()
    {
        var d = Parse(Page(@"<tr><td rowspan=""2"">一级指标</td><td rowspan=""2"">二级指标</td><td rowspan=""2"">三级指标</td><td colspan=""2"">指标值</td></tr>
<tr><td>2025年</td><td>2026年</td></tr>", @"
<tr><td>产出指标</td><td>数量指标</td><td>老年人健康管理人数</td><td>≥9000人</td><td>≥9500人</td></tr>
<tr><td>满意度指标</td><td>服务对象满意度指标</td><td>居民满意度</td><td>≥85%</td><td>≥90%</td></tr>"));
        Assert.Equal(["产出指标/数量指标/老年人健康管理人数 >= 9500 人", "满意度指标/服务对象满意度指标/居民满意度 >= 90 %"],
            Assert.Single(d.Projects).Indicators.Select(Ind));
    }

    [Fact]
    public void A_value_header_split_with_the_years_target_first_reads_it_not_last_years_actual()
    {
        var d = Parse(Page(@"<tr><td rowspan=""2"">一级指标</td><td rowspan=""2"">二级指标</td><td rowspan=""2"">三级指标</td><td colspan=""2"">指标值</td></tr>
<tr><td>本年目标值</td><td>上年实际值</td></tr>", @"
<tr><td>产出指标</td><td>数量指标</td><td>老年人健康管理人数</td><td>≥9500人</td><td>9012人</td></tr>
<tr><td>满意度指标</td><td>服务对象满意度指标</td><td>居民满意度</td><td>≥90%</td><td>88%</td></tr>"));
        Assert.Equal(["产出指标/数量指标/老年人健康管理人数 >= 9500 人", "满意度指标/服务对象满意度指标/居民满意度 >= 90 %"],
            Assert.Single(d.Projects).Indicators.Select(Ind));
    }
}
