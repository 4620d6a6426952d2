using BudgetGrpc.Engine.Indicators;
using Xunit;

namespace BudgetGrpc.Engine.Tests.Indicators;

/// <summary>Every unit synonym one by one, the brackets a column note puts round a unit, and the width fold's ends.</summary>
public sealed class UnitNamesEdgeTests
{
    [Theory]
    [InlineData("万", "万元")]
    [InlineData("百分之", "%")]
    [InlineData("百分率", "%")]
    [InlineData("千分比", "‰")]
    [InlineData("元/吨·日", "元/吨*日")]
    [InlineData("元/吨·公里", "元/吨*公里")]
    [InlineData("元/吨·km", "元/吨*km")]
    public void Each_synonym_has_its_one_spelling(string raw, string expected) => Assert.Equal(expected, UnitNames.Normalize(raw));

    [Theory]
    [InlineData("(万元)", "万元")]
    [InlineData("(人)", "人")]
    [InlineData("()", "()")]                 // nothing inside: kept as written
    [InlineData("(万元)(只)", "(万元)(只)")]   // two bracketed parts: not a note round one unit
    [InlineData("(万元", "(万元")]
    [InlineData("万元)", "万元)")]
    [InlineData("万头(只)", "万头(只)")]
    public void A_unit_in_brackets_as_a_column_note_writes_it(string raw, string expected) =>
        Assert.Equal(expected, UnitNames.Normalize(raw));

    // A budget system's unit cell glosses the unit by its name: %(百分比).
    [Theory]
    [InlineData("%(百分比)", "%")]
    [InlineData("％（百分比）", "%")]
    [InlineData("个(个)", "个")]
    [InlineData("人(人次)", "人(人次)")]
    [InlineData("元(百分比)", "元(百分比)")]
    public void A_unit_glossed_by_its_own_name_is_that_unit(string raw, string expected) =>
        Assert.Equal(expected, UnitNames.Normalize(raw));

    [Theory]
    [InlineData("！", "!")]      // the first full-width form
    [InlineData("～", "~")]      // the last
    [InlineData("\u3000", " ")]
    [InlineData("｟", "｟")]      // just past the range: kept
    [InlineData("ａ１％", "a1%")]
    [InlineData("元％", "元%")]
    public void The_width_fold_covers_exactly_the_full_width_ascii_forms(string raw, string expected) =>
        Assert.Equal(expected, UnitNames.FoldWidth(raw));
}
