using BudgetGrpc.Engine.Indicators;
using Xunit;

namespace BudgetGrpc.Engine.Tests.Indicators;

public sealed class UnitNamesTests
{
    [Theory]
    [InlineData("百分比", "%")]
    [InlineData("％", "%")]
    [InlineData(" % ", "%")]
    [InlineData("元/吨×日", "元/吨*日")]
    [InlineData("元／公斤", "元/公斤")]
    [InlineData("万头（只）", "万头(只)")]
    [InlineData("（万元）", "万元")]
    [InlineData("ｋｍ", "km")]
    [InlineData("人次", "人次")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Units_have_one_spelling(string? raw, string expected) => Assert.Equal(expected, UnitNames.Normalize(raw));
}
