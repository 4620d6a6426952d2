using BudgetGrpc.Engine.Indicators;
using BudgetGrpc.Engine.Model;
using Xunit;

namespace BudgetGrpc.Engine.Tests.Indicators;

/// <summary>
/// The words and signs a target is written with, one by one: every comparator word before a number and every bound
/// word after it, a comparator written alone in its column, the units a name note may state, and the OCR fault guard.
/// </summary>
public sealed class TargetPatternsTests
{
    [Theory]
    [InlineData("≥", Comparator.GreaterOrEqual)]
    [InlineData(">=", Comparator.GreaterOrEqual)]
    [InlineData("=>", Comparator.GreaterOrEqual)]
    [InlineData("≧", Comparator.GreaterOrEqual)]
    [InlineData("⩾", Comparator.GreaterOrEqual)]
    [InlineData("不低于", Comparator.GreaterOrEqual)]
    [InlineData("不少于", Comparator.GreaterOrEqual)]
    [InlineData("不小于", Comparator.GreaterOrEqual)]
    [InlineData("大于或等于", Comparator.GreaterOrEqual)]
    [InlineData("大于等于", Comparator.GreaterOrEqual)]
    [InlineData("达到", Comparator.GreaterOrEqual)]
    [InlineData("达", Comparator.GreaterOrEqual)]
    [InlineData("≤", Comparator.LessOrEqual)]
    [InlineData("<=", Comparator.LessOrEqual)]
    [InlineData("=<", Comparator.LessOrEqual)]
    [InlineData("≦", Comparator.LessOrEqual)]
    [InlineData("⩽", Comparator.LessOrEqual)]
    [InlineData("不高于", Comparator.LessOrEqual)]
    [InlineData("不超过", Comparator.LessOrEqual)]
    [InlineData("不大于", Comparator.LessOrEqual)]
    [InlineData("不多于", Comparator.LessOrEqual)]
    [InlineData("小于或等于", Comparator.LessOrEqual)]
    [InlineData("小于等于", Comparator.LessOrEqual)]
    [InlineData("控制在", Comparator.LessOrEqual)]
    [InlineData(">", Comparator.Greater)]
    [InlineData("大于", Comparator.Greater)]
    [InlineData("高于", Comparator.Greater)]
    [InlineData("多于", Comparator.Greater)]
    [InlineData("超过", Comparator.Greater)]
    [InlineData("<", Comparator.Less)]
    [InlineData("小于", Comparator.Less)]
    [InlineData("低于", Comparator.Less)]
    [InlineData("少于", Comparator.Less)]
    [InlineData("=", Comparator.Equal)]
    [InlineData("≈", Comparator.Equal)]
    [InlineData("", Comparator.Equal)]
    public void Each_word_before_a_number_states_its_comparator(string pre, Comparator expected)
    {
        Assert.Equal(expected, TargetPatterns.Comparator(pre, ""));
        // The same word in a cell of its own, with a number after it, gives the same comparator.
        Assert.Equal(expected, TargetParser.Parse(pre + "90%").Comparator);
    }

    [Theory]
    [InlineData("以上", Comparator.GreaterOrEqual)]
    [InlineData("及以上", Comparator.GreaterOrEqual)]
    [InlineData("以下", Comparator.LessOrEqual)]
    [InlineData("及以下", Comparator.LessOrEqual)]
    [InlineData("以内", Comparator.LessOrEqual)]
    [InlineData("之内", Comparator.LessOrEqual)]
    [InlineData("内", Comparator.LessOrEqual)]
    [InlineData("", Comparator.Equal)]
    public void Each_bound_word_after_a_number_states_its_comparator(string post, Comparator expected)
    {
        Assert.Equal(expected, TargetPatterns.Comparator("", post));
        Assert.Equal(expected, TargetParser.Parse("90%" + post).Comparator);
    }

    [Theory]
    [InlineData("≥", "以下", Comparator.GreaterOrEqual)] // an explicit sign wins over the bound word
    [InlineData("<", "以上", Comparator.Less)]
    [InlineData("=", "以上", Comparator.GreaterOrEqual)] // a plain = says nothing the bound word does not
    public void A_sign_wins_over_a_bound_word_but_a_plain_equals_does_not(string pre, string post, Comparator expected) =>
        Assert.Equal(expected, TargetPatterns.Comparator(pre, post));

    [Theory]
    [InlineData("", Comparator.None)]
    [InlineData("定量", Comparator.None)]
    [InlineData(" 定量 ", Comparator.None)]
    [InlineData("定性", Comparator.Qualitative)]
    [InlineData("=", Comparator.Equal)]
    [InlineData("==", Comparator.Equal)]
    [InlineData("等于", Comparator.Equal)]
    [InlineData("＝", Comparator.Equal)]
    [InlineData("≥", Comparator.GreaterOrEqual)]
    [InlineData("> =", Comparator.GreaterOrEqual)]
    [InlineData("≤", Comparator.LessOrEqual)]
    [InlineData("不高于", Comparator.LessOrEqual)]
    [InlineData("＞", Comparator.Greater)]
    [InlineData("小于", Comparator.Less)]
    [InlineData("正向指标", Comparator.None)]
    [InlineData("≥90", Comparator.None)]
    public void A_comparator_written_alone_in_its_column(string cell, Comparator expected) =>
        Assert.Equal(expected, TargetPatterns.FromColumn(cell));

    [Fact]
    public void A_missing_comparator_cell_states_none() => Assert.Equal(Comparator.None, TargetPatterns.FromColumn(null!));

    [Theory]
    [InlineData("平方公里", true)] // the first of the known units
    [InlineData("元", true)]
    [InlineData("%", true)]
    [InlineData("元/亩", true)]
    [InlineData("平方公里/人", true)]
    [InlineData("人/平方公里", true)] // only the part before the slash must be a known unit
    [InlineData("标准/亩", false)]
    [InlineData("万头(只)", true)]
    [InlineData("平方公里(亩)", true)]
    [InlineData("亩(平方公里)", true)]
    [InlineData("万头(标准)", false)]
    [InlineData("标准(只)", false)]
    [InlineData("标准", false)]
    [InlineData("", false)]
    public void A_stated_unit_is_a_known_unit_one_per_something_or_one_with_an_alternative(string unit, bool expected)
        => Assert.Equal(expected, TargetPatterns.IsStatedUnit(unit));

    [Theory]
    [InlineData("年", true)]
    [InlineData("月", true)]
    [InlineData("日", true)]
    [InlineData("号", true)]
    [InlineData("时", true)]
    [InlineData("点", true)]
    [InlineData("年度", true)]
    [InlineData("天", false)]
    [InlineData("个月", false)]
    [InlineData("", false)]
    public void Date_units_are_the_calendar_words(string unit, bool expected) =>
        Assert.Equal(expected, TargetPatterns.IsDateUnit(unit));

    [Theory]
    [InlineData("", null)]
    [InlineData("***", null)]
    [InlineData("xx", null)]
    [InlineData("XX", null)]
    [InlineData("95", "95")]
    [InlineData("1,250.5", "1250.5")]
    [InlineData("0.58", "0.58")]
    public void A_number_as_written_or_a_placeholder(string digits, string? expected) =>
        Assert.Equal(expected is null ? null : decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            TargetPatterns.ParseNumber(digits));

    [Theory]
    [InlineData("292", "%", true)]     // ≥92% read as 292%
    [InlineData("2100", "%", true)]    // ≥100%: exactly 100 after the 2
    [InlineData("2101", "%", false)]   // not a rate after the 2
    [InlineData("292", "元", false)]   // only percentages
    [InlineData("100", "%", false)]    // 100% is a rate
    [InlineData("192", "%", false)]    // must start with 2
    [InlineData("2100.0", "%", true)]
    public void A_percentage_over_100_that_is_2_and_a_rate_looks_like_an_ocr_fault(string digits, string unit, bool expected) =>
        Assert.Equal(expected, TargetPatterns.LooksLikeOcrFault(digits, TargetPatterns.ParseNumber(digits)!.Value, unit));

    [Fact]
    public void The_ocr_guard_takes_the_value_as_read_not_the_digits()
    {
        // Over 100 by value, one digit long: no rate can follow the 2.
        Assert.False(TargetPatterns.LooksLikeOcrFault("2", 200m, "%"));
        // Exactly 100: a rate, not a fault.
        Assert.False(TargetPatterns.LooksLikeOcrFault("2100", 100m, "%"));
        // Two digits: 2 followed by one digit is a plausible rate.
        Assert.True(TargetPatterns.LooksLikeOcrFault("25", 125m, "%"));
    }
}
