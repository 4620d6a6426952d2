using System.Text;
using BudgetGrpc.Engine.Model;
using BudgetGrpc.Engine.Publishing;
using Xunit;

namespace BudgetGrpc.Engine.Tests.Layouts;

/// <summary>
/// Units written with an alternative in brackets (万头(只), 台(套), 人(次), 册(件)) are one unit, wherever they stand: in
/// the name after the indicator, in a unit column, glued to the value. Tables written by us.
/// </summary>
public sealed class AlternativeUnitTests
{
    private static Indicator Only(string rows, string header)
    {
        var html = @"<html><body><p>某县2026年项目支出绩效目标表</p><p>单位：万元</p><table border=""1"">
<tr><td>项目名称</td><td colspan=""4"">基层防疫物资储备</td></tr>
<tr><td>年度资金总额</td><td colspan=""4"">48</td></tr>
<tr><td>年度目标</td><td colspan=""4"">储备防疫物资，保障应急处置。</td></tr>
" + header + rows + "</table></body></html>";
        var result = new DisclosureEngine().Parse(Encoding.UTF8.GetBytes(html), "units.html");
        Assert.True(result.Succeeded, result.Error?.ToString());
        return Assert.Single(Assert.Single(result.Disclosure!.Projects).Indicators);
    }

    private static void AssertTarget(Indicator i, string name, string comparator, string value, string unit) =>
        Assert.Equal((name, comparator, value, unit),
            (i.Name, i.Comparator.ToWire(), i.Value is { } v ? DecimalText.Normalized(v) : null, i.Unit));

    private const string FourColumns = @"<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td><td>备注</td></tr>";

    [Theory]
    [InlineData("防疫消毒器械（台(套)）", "台(套)")]
    [InlineData("免疫牲畜数量(万头(只))", "万头(只)")]
    [InlineData("培训基层防疫员（人（次））", "人(次)")]
    public void A_unit_in_the_name_keeps_its_bracketed_alternative(string written, string unit)
    {
        var i = Only($@"<tr><td>产出指标</td><td>数量指标</td><td>{written}</td><td>≥120</td><td></td></tr>", FourColumns);
        AssertTarget(i, written[..written.IndexOfAny(['（', '('])], ">=", "120", unit);
    }

    [Theory]
    [InlineData("≥120台(套)", "台(套)")]
    [InlineData("≥38万头（只）", "万头(只)")]
    [InlineData("不少于120人(次)", "人(次)")]
    public void A_glued_unit_keeps_its_bracketed_alternative(string target, string unit)
    {
        var i = Only($@"<tr><td>产出指标</td><td>数量指标</td><td>防疫物资</td><td>{target}</td><td></td></tr>", FourColumns);
        Assert.Equal((">=", unit), (i.Comparator.ToWire(), i.Unit));
    }

    [Theory]
    [InlineData("台(套)", "台(套)")]
    [InlineData("万头（只）", "万头(只)")]
    [InlineData("人(次)", "人(次)")]
    public void A_unit_column_keeps_its_bracketed_alternative(string written, string unit)
    {
        var i = Only($@"<tr><td>产出指标</td><td>数量指标</td><td>防疫物资</td><td>≥</td><td>120</td><td>{written}</td></tr>",
            @"<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>符号</td><td>指标值</td><td>计量单位</td></tr>");
        AssertTarget(i, "防疫物资", ">=", "120", unit);
    }
}
