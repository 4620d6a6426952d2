using BudgetGrpc.Engine.Indicators;
using BudgetGrpc.Engine.Model;
using Xunit;

namespace BudgetGrpc.Engine.Tests.Indicators;

public sealed class TargetParserTests
{
    [Theory]
    [InlineData("≥9000人", ">=", "9000", "人")]
    [InlineData("42所", "=", "42", "所")]
    [InlineData("100%", "=", "100", "%")]
    [InlineData("100％", "=", "100", "%")]
    [InlineData("不低于90%", ">=", "90", "%")]
    [InlineData("不少于3次", ">=", "3", "次")]
    [InlineData("≤5元", "<=", "5", "元")]
    [InlineData("达到95%以上", ">=", "95", "%")]
    [InlineData("95%以上", ">=", "95", "%")]
    [InlineData("＞92%", ">", "92", "%")]
    [InlineData("＜3天", "<", "3", "天")]
    [InlineData("＝100%", "=", "100", "%")]
    [InlineData(">=98%", ">=", "98", "%")]
    [InlineData("不超过5万元", "<=", "5", "万元")]
    [InlineData("控制在10天以内", "<=", "10", "天")]
    [InlineData("5万元以内", "<=", "5", "万元")]
    [InlineData("1,250元/亩", "=", "1250", "元/亩")]
    [InlineData("０.58", "=", "0.58", "")]
    [InlineData("52万头(只)", "=", "52", "万头(只)")]
    [InlineData("10元/吨×日", "=", "10", "元/吨*日")]
    [InlineData("95百分比", "=", "95", "%")]
    [InlineData("<math>\\geq 95\\%</math>", ">=", "95", "%")]
    [InlineData("&gt;=80%", ">=", "80", "%")]
    [InlineData("≥90%（正向）", ">=", "90", "%")]
    [InlineData("100%（含）以上", ">=", "100", "%")]
    [InlineData("≥1次/年", ">=", "1", "次/年")]
    [InlineData("≤5元/人·天", "<=", "5", "元/人*天")]
    // The rarer comparator signs (JIS and mathematical slanted forms) and the bare 内 / 之内 suffixes.
    [InlineData("≧90%", ">=", "90", "%")]
    [InlineData("≦5元", "<=", "5", "元")]
    [InlineData("⩾95%", ">=", "95", "%")]
    [InlineData("⩽3天", "<=", "3", "天")]
    [InlineData("10天内", "<=", "10", "天")]
    [InlineData("3个工作日内", "<=", "3", "个工作日")]
    [InlineData("5万元之内", "<=", "5", "万元")]
    [InlineData("控制在8万元内", "<=", "8", "万元")]
    [InlineData("30日以内", "<=", "30", "日")]
    public void Numeric_targets_are_read_with_comparator_value_and_unit(string text, string comparator, string value, string unit)
    {
        var target = TargetParser.Parse(text);
        Assert.Equal(comparator, target.Comparator.ToWire());
        Assert.Equal(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), target.Value);
        Assert.Equal(unit, target.Unit);
        Assert.Equal("", target.QualitativeValue);
    }

    [Theory]
    [InlineData("明显改善")]
    [InlineData("逐步健全")]
    [InlineData("效果明显")]
    [InlineData("年底前完成")]
    [InlineData("无明显影响")]
    [InlineData("2023.07-2024.01")]
    [InlineData("2024-01-15")]
    [InlineData("2024年1月-2024年12月")]
    public void Words_periods_and_dates_are_qualitative_not_numbers(string text)
    {
        var target = TargetParser.Parse(text);
        Assert.Equal(Comparator.Qualitative, target.Comparator);
        Assert.Null(target.Value);
        Assert.Equal(text, target.QualitativeValue);
    }

    [Theory]
    [InlineData("2026/6/30", "2026-06-30")]
    [InlineData("2026-6-30", "2026-06-30")]
    [InlineData("2026.6.3", "2026-06-03")]
    [InlineData("2026/06/30。", "2026-06-30")]
    [InlineData("2026/2/30", "2026/2/30")]
    [InlineData("2026/6", "2026/6")]
    [InlineData("0000/1/1", "0000/1/1")]
    public void A_date_printed_from_a_date_cell_reads_as_the_cell_would(string text, string qualitative)
    {
        // A spreadsheet's date cell printed (2026/6/30 in a Chinese locale, 2026-6-30 from LibreOffice) is the date the
        // workbook itself gives as 2026-06-30; what is no date stays as written.
        var target = TargetParser.Parse(text);
        Assert.Equal(Comparator.Qualitative, target.Comparator);
        Assert.Null(target.Value);
        Assert.Equal(qualitative, target.QualitativeValue);
    }

    [Fact]
    public void A_number_after_qualitative_is_read_as_a_number_and_flagged()
    {
        var target = TargetParser.Parse("定性 3.375万元");
        Assert.Equal(3.375m, target.Value);
        Assert.Equal("万元", target.Unit);
        Assert.Equal("", target.QualitativeValue);
        Assert.True(target.Flags.HasFlag(IndicatorFlags.QualitativeWithNumber));
    }

    [Fact]
    public void Words_after_qualitative_are_the_qualitative_value()
    {
        var target = TargetParser.Parse("定性 效果明显");
        Assert.Equal(Comparator.Qualitative, target.Comparator);
        Assert.Equal("效果明显", target.QualitativeValue);
        Assert.Equal(IndicatorFlags.None, target.Flags);
    }

    [Theory]
    [InlineData("≥**%", ">=", "%")]
    [InlineData("≥**人", ">=", "人")]
    [InlineData("**万元", "=", "万元")]
    public void Placeholders_have_no_value_and_are_flagged(string text, string comparator, string unit)
    {
        var target = TargetParser.Parse(text);
        Assert.Equal(comparator, target.Comparator.ToWire());
        Assert.Null(target.Value);
        Assert.Equal(unit, target.Unit);
        Assert.True(target.Flags.HasFlag(IndicatorFlags.Placeholder));
    }

    [Theory]
    [InlineData("292%", true)]
    [InlineData("295%", true)]
    [InlineData("100%", false)]
    [InlineData("150%", false)]
    [InlineData("292万元", false)]
    public void A_percentage_that_reads_as_2_for_greater_or_equal_is_a_suspected_ocr_fault(string text, bool suspected)
    {
        var target = TargetParser.Parse(text);
        Assert.Equal(suspected, target.Flags.HasFlag(IndicatorFlags.SuspectedOcrFault));
        Assert.NotNull(target.Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("<p></p>")]
    public void Nothing_written_is_no_target(string text)
    {
        Assert.Equal(Target.None, TargetParser.Parse(text));
    }

    [Theory]
    [InlineData("≥", "10000", "亩", "", ">=", "10000", "亩", "")]
    [InlineData("＝", "100", "%", "正向指标", "=", "100", "%", "")]
    [InlineData("≤", "86", "万元", "反向指标", "<=", "86", "万元", "")]
    [InlineData("≥", "95%", "", "", ">=", "95", "%", "")]
    [InlineData("", "≥90", "", "", ">=", "90", "", "")]
    [InlineData("", "≥90", "%", "", ">=", "90", "%", "")]
    [InlineData("", "100", "百分比", "", "=", "100", "%", "")]
    [InlineData("≥", "0.58", "", "", ">=", "0.58", "", "")]
    [InlineData("＝", "0", "起", "反向指标", "=", "0", "起", "")]
    [InlineData("定性", "年底前完成", "", "", "qualitative", null, "", "年底前完成")]
    [InlineData("定性", "无明显影响", "", "反向指标", "qualitative", null, "", "无明显影响")]
    [InlineData("大于等于", "5", "个", "", ">=", "5", "个", "")]
    [InlineData("＞", "92", "%", "", ">", "92", "%", "")]
    public void Long_layout_columns_combine_into_one_target(string comparatorCell, string valueCell, string unitCell, string direction,
        string comparator, string? value, string unit, string qualitative)
    {
        var target = TargetParser.FromColumns(comparatorCell, valueCell, unitCell, direction);
        Assert.Equal(comparator, target.Comparator.ToWire());
        Assert.Equal(value is null ? null : decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), target.Value);
        Assert.Equal(unit, target.Unit);
        Assert.Equal(qualitative, target.QualitativeValue);
    }

    [Fact]
    public void A_number_in_a_qualitative_column_is_read_and_flagged()
    {
        var target = TargetParser.FromColumns("定性", "3.375", "万元");
        Assert.Equal(3.375m, target.Value);
        Assert.Equal("万元", target.Unit);
        Assert.True(target.Flags.HasFlag(IndicatorFlags.QualitativeWithNumber));
    }

    [Fact]
    public void A_comparator_without_a_value_is_no_target()
    {
        var target = TargetParser.FromColumns("≥", "", "%");
        Assert.Equal(Comparator.None, target.Comparator);
        Assert.Null(target.Value);
    }
}
