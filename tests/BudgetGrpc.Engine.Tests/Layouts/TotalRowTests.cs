using System.Text;
using BudgetGrpc.Engine.Model;
using BudgetGrpc.Engine.Tests.Samples;
using Xunit;

namespace BudgetGrpc.Engine.Tests.Layouts;

/// <summary>
/// The 合计 row as departments spell it: it is the declared total and never a project. A project whose name only
/// starts with the same two characters stays a project.
/// </summary>
public sealed class TotalRowTests
{
    private const string TotalRow = "\"合计\",,13930000,,,,,,,,,";

    private static Disclosure ParseAgriWith(string totalRow)
    {
        var text = File.ReadAllText(SampleGoldTests.SamplePath("yangli-2025-agri.csv"), Encoding.UTF8);
        Assert.Contains(TotalRow, text);
        var result = new DisclosureEngine().ParseWithoutValidation(Encoding.UTF8.GetBytes(text.Replace(TotalRow, totalRow)), "agri.csv");
        Assert.True(result.Succeeded, result.Error?.ToString());
        return result.Disclosure!;
    }

    [Theory]
    [InlineData("\"合计\",,13930000,,,,,,,,,")]
    [InlineData("\"合 计\",,13930000,,,,,,,,,")]
    [InlineData("\"　合　计　\",,13930000,,,,,,,,,")]
    [InlineData("\"总计\",,13930000,,,,,,,,,")]
    [InlineData("\"合计数\",,13930000,,,,,,,,,")]
    [InlineData(",\"合计\",13930000,,,,,,,,,")]
    [InlineData(",\"合计（元）\",13930000,,,,,,,,,")]
    [InlineData(",\"合计：\",13930000,,,,,,,,,")]
    public void A_total_row_however_spelled_is_the_declared_total_and_no_project(string row)
    {
        var d = ParseAgriWith(row);
        Assert.Equal(13930000m, d.DeclaredTotal);
        Assert.Equal(3, d.Projects.Count);
        Assert.DoesNotContain(d.Projects, p => p.Name.Contains("计", StringComparison.Ordinal) || p.Code.Contains("计", StringComparison.Ordinal));
    }

    [Fact]
    public void A_project_whose_name_starts_like_a_total_is_a_project()
    {
        var d = ParseAgriWith(",\"合计算机房改造项目\",13930000,\"完成机房改造。\",\"产出指标\",\"数量指标\",\"改造机房\",\"定量\",\"1\",\"间\",\"10\",\"正向\"");
        Assert.Null(d.DeclaredTotal);
        Assert.Contains(d.Projects, p => p.Name == "合计算机房改造项目");
    }
}
