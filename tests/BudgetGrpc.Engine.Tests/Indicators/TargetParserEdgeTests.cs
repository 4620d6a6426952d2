using BudgetGrpc.Engine.Indicators;
using BudgetGrpc.Engine.Model;
using Xunit;

namespace BudgetGrpc.Engine.Tests.Indicators;

/// <summary>
/// The edges of reading one target: tolerances and mistyped signs, dates written as numbers, the columns of a long
/// table with placeholders in them, and 定性 with or without a figure.
/// </summary>
public sealed class TargetParserEdgeTests
{
    [Theory]
    [InlineData("±3%以内", "<=", "3", "%")]
    [InlineData("二100%", "=", "100", "%")]
    [InlineData("3年度", "=", "3", "年度")]
    [InlineData("≥2025年", ">=", "2025", "年")]  // a sign before it: a count of years, not a date
    [InlineData("5月", "=", "5", "月")]
    [InlineData("3个月", "=", "3", "个月")]
    [InlineData("10天", "=", "10", "天")]
    // A sentence that states its target with one bound word and a figure: that bound (blind round 11).
    [InlineData("暂定按12次作业且总航时不少于26小时测算", ">=", "26", "小时")]
    [InlineData("确保受益农户占比不低于95%", ">=", "95", "%")]
    [InlineData("单次维修费用原则上不超过2.5万元", "<=", "2.5", "万元")]
    [InlineData("全年培训≥3期以上", ">=", "3", "期")]
    [InlineData("按计划完成且不少于8", ">=", "8", "")]
    // A sentence that ends with its one figure, a unit and the bound word after them (blind round 17).
    [InlineData("申请后<br>15个工作日内", "<=", "15", "个工作日")]
    [InlineData("接到报警后2小时内", "<=", "2", "小时")]
    [InlineData("全年组织培训20人次以上", ">=", "20", "人次")]
    // Words after the percent sign say what the share is of (blind round 11's hold-out).
    [InlineData("100%覆盖", "=", "100", "%")]
    [InlineData("≥95%完成", ">=", "95", "%")]
    [InlineData("5%/年", "=", "5", "%/年")]
    public void Numeric_edges(string text, string comparator, string value, string unit)
    {
        var target = TargetParser.Parse(text);
        Assert.Equal((comparator, decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), unit, ""),
            (target.Comparator.ToWire(), target.Value, target.Unit, target.QualitativeValue));
    }

    [Theory]
    [InlineData("±", "±")]
    [InlineData("二", "二")]
    [InlineData("2025年", "2025年")]
    [InlineData("2025年度", "2025年度")]
    [InlineData("2023年底", "2023年底")]
    [InlineData("12月底到位", "12月底到位")]
    [InlineData("年底前<br>完成", "年底前 完成")]
    // Two bounds, a bound with no figure, a figure running on: the words stay.
    [InlineData("不低于90%且不高于100%", "不低于90%且不高于100%")]
    [InlineData("覆盖率不低于上年水平", "覆盖率不低于上年水平")]
    [InlineData("按15次作业测算", "按15次作业测算")]
    [InlineData("2020年以来累计10次以上", "2020年以来累计10次以上")]
    [InlineData("完成3个村内", "完成3个村内")]
    public void Words_and_dates_in_words_stay_qualitative(string text, string words)
    {
        var target = TargetParser.Parse(text);
        Assert.Equal((Comparator.Qualitative, (decimal?)null, "", words), (target.Comparator, target.Value, target.Unit, target.QualitativeValue));
    }

    [Fact]
    public void 定性_alone_is_a_qualitative_target_without_words()
    {
        var target = TargetParser.Parse("定性");
        Assert.Equal((Comparator.Qualitative, "", IndicatorFlags.None), (target.Comparator, target.QualitativeValue, target.Flags));
    }

    [Theory]
    [InlineData("36526", "2000-01-01")]
    [InlineData("54788", "2049-12-31")]
    [InlineData("44561", "2021-12-31")]
    public void A_date_serial_in_a_time_indicator_is_the_date(string serial, string date)
    {
        var read = TargetParser.DateFromSerial(TargetParser.Parse(serial), LevelNames.Timeliness);
        Assert.Equal((Comparator.Qualitative, date), (read.Comparator, read.QualitativeValue));
    }

    [Theory]
    [InlineData("36525", "时效指标")]   // before 2000
    [InlineData("54789", "时效指标")]   // 2050-01-01: after 2049
    [InlineData("44561.5", "时效指标")] // not a whole day
    [InlineData("44561天", "时效指标")]  // a count of days
    [InlineData("44561", "数量指标")]   // not a time indicator
    public void Other_numbers_stay_numbers(string text, string level2)
    {
        var parsed = TargetParser.Parse(text);
        Assert.Equal(parsed, TargetParser.DateFromSerial(parsed, level2));
    }

    [Fact]
    public void A_serial_with_a_unit_of_figures_is_a_date()
    {
        // A figure pasted into the unit says nothing about the kind of number: still a date.
        var target = new Target(Comparator.Equal, 44561m, "12", "", IndicatorFlags.None);
        Assert.Equal("2021-12-31", TargetParser.DateFromSerial(target, LevelNames.Timeliness).QualitativeValue);
    }

    [Theory]
    [InlineData("-")]
    [InlineData("—")]
    [InlineData("——")]
    [InlineData("--")]
    [InlineData("/")]
    [InlineData("无")]
    [InlineData("暂无")]
    [InlineData("3")]
    [InlineData("个3")]
    [InlineData("定性")]
    [InlineData("定量")]
    public void A_placeholder_or_figure_in_the_unit_column_is_no_unit(string unitCell)
    {
        var target = TargetParser.FromColumns("≥", "95", unitCell);
        Assert.Equal((Comparator.GreaterOrEqual, (decimal?)95m, ""), (target.Comparator, target.Value, target.Unit));
    }

    [Theory]
    [InlineData("定量")]
    [InlineData("正向")]
    [InlineData("反向指标")]
    [InlineData("")]
    public void A_kind_or_direction_in_the_comparator_column_with_no_value_is_no_target(string comparatorCell) =>
        Assert.Equal(Target.None, TargetParser.FromColumns(comparatorCell, "", ""));

    [Fact]
    public void A_target_slid_into_the_comparator_column_is_read_there()
    {
        var target = TargetParser.FromColumns("基本建立", "", "");
        Assert.Equal((Comparator.Qualitative, "基本建立"), (target.Comparator, target.QualitativeValue));
    }

    [Theory]
    [InlineData("达标", "%", "", null)]      // words: the unit column adds nothing
    [InlineData("90", "%", "%", 90)]        // a bare figure takes the column's unit
    [InlineData("90%", "元", "%", 90)]      // a figure with its unit keeps it
    public void 定性_in_the_comparator_column(string value, string unitCell, string unit, int? number)
    {
        var target = TargetParser.FromColumns("定性", value, unitCell);
        Assert.Equal(((decimal?)number, unit), (target.Value, target.Unit));
        if (number is null) Assert.Equal(Comparator.Qualitative, target.Comparator);
        else Assert.True(target.Flags.HasFlag(IndicatorFlags.QualitativeWithNumber));
    }

    [Fact]
    public void An_empty_value_keeps_the_unit_column()
    {
        var target = TargetParser.FromColumns("≥", "", "人");
        Assert.Equal((Comparator.None, "人"), (target.Comparator, target.Unit));
    }
}
