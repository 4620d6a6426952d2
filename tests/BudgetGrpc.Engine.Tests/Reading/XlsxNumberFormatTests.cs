using BudgetGrpc.Engine.Reading;
using Xunit;

namespace BudgetGrpc.Engine.Tests.Reading;

public class XlsxNumberFormatTests
{
    [Theory]
    [InlineData("yyyy-mm-dd", true)]
    [InlineData("yyyy\"年\"m\"月\"d\"日\"", true)]
    [InlineData("[$-F800]dddd, mmmm dd, yyyy", true)]
    [InlineData("h:mm AM/PM", true)]
    [InlineData("[h]:mm:ss", false)]
    [InlineData("General", false)]
    [InlineData("0.00", false)]
    [InlineData("#,##0.00_);[Red](#,##0.00)", false)]
    [InlineData("0.00E+00", false)]
    [InlineData("\"day\" 0", false)]
    [InlineData("[Red]0.00;[Blue]yyyy", false)]
    public void Custom_codes_are_dates_only_with_date_letters_outside_literals(string code, bool isDate) =>
        Assert.Equal(isDate, XlsxNumberFormats.IsDateFormatCode(code));

    [Theory]
    [InlineData("45306", "2024-01-15")]
    [InlineData("45306.75", "2024-01-15 18:00")]
    [InlineData("45306.000011574", "2024-01-15 00:00:01")]
    [InlineData("0.5", "12:00")]
    [InlineData("1", "1900-01-01")]
    [InlineData("61", "1900-03-01")]
    [InlineData("-1", null)]
    [InlineData("abc", null)]
    public void Serials_become_dates_in_the_1900_system(string serial, string? expected) =>
        Assert.Equal(expected, XlsxNumberFormats.FormatDate(serial, date1904: false));

    [Theory]
    [InlineData("12500000", "12500000")]
    [InlineData("0.57999999999999996", "0.58")]
    [InlineData("437.5", "437.5")]
    [InlineData("1.25E+7", "12500000")]
    [InlineData("1E-05", "0.00001")]
    [InlineData("not a number", "not a number")]
    public void Numbers_are_the_invariant_round_trip_of_the_stored_value(string stored, string expected) =>
        Assert.Equal(expected, XlsxNumberFormats.FormatNumber(stored));
    [Theory]
    [InlineData("yyyy\"年", true)] // an unclosed literal hides only what follows it
    [InlineData("\"年yyyy", false)]
    [InlineData("\"年\"yyyy", true)]
    [InlineData("m\"月\"", true)]
    [InlineData("yyyy[$-804]", true)]
    [InlineData("\\y0", false)]
    [InlineData("_d0", false)]
    [InlineData("*d0", false)]
    [InlineData("yyyy[", true)]
    [InlineData("[yyyy", false)]
    [InlineData("[]yyyy", true)]
    [InlineData("[hm]yyyy", true)]
    [InlineData("[H]:mm", false)]
    [InlineData("[Hh]:mm", false)]
    [InlineData("[mm]:ss", false)]
    [InlineData("[SS]yyyy", false)]
    [InlineData("d0.0E+00", false)]
    [InlineData("d0.0e-0", false)]
    [InlineData("yyyy e", true)]
    [InlineData("e", false)]
    public void Literals_escapes_brackets_and_exponents_hide_date_letters(string code, bool isDate) =>
        Assert.Equal(isDate, XlsxNumberFormats.IsDateFormatCode(code));

    [Theory]
    [InlineData(13u, false)]
    [InlineData(14u, true)]
    [InlineData(22u, true)]
    [InlineData(23u, false)]
    [InlineData(26u, false)]
    [InlineData(27u, true)]
    [InlineData(36u, true)]
    [InlineData(37u, false)]
    [InlineData(44u, false)]
    [InlineData(45u, true)]
    [InlineData(47u, true)]
    [InlineData(48u, false)]
    [InlineData(49u, false)]
    [InlineData(50u, true)]
    [InlineData(58u, true)]
    [InlineData(59u, false)]
    public void Built_in_formats_are_dates_in_their_four_ranges(uint id, bool isDate) =>
        Assert.Equal(isDate, XlsxNumberFormats.IsBuiltInDate(id));

    [Theory]
    [InlineData("0", "00:00")]
    [InlineData("0.0423611111111", "01:01")]
    [InlineData("1.000011574", "1900-01-01 00:00:01")]
    [InlineData("59", "1900-02-28")]
    [InlineData("60", "1900-02-28")] // Excel's 29 February 1900, which never was
    [InlineData("2958465", "9999-12-31")]
    [InlineData("2958465.9999999", null)] // rounds to the day after the last
    [InlineData("2958466", null)]
    [InlineData("NaN", null)]
    [InlineData("Infinity", null)]
    public void Serials_at_the_ends_of_the_calendar(string serial, string? expected) =>
        Assert.Equal(expected, XlsxNumberFormats.FormatDate(serial, date1904: false));

    [Theory]
    [InlineData("0.5", "12:00")]
    [InlineData("1", "1904-01-02")]
    [InlineData("60", "1904-03-01")]
    public void Serials_in_the_1904_system_count_from_its_first_day(string serial, string expected) =>
        Assert.Equal(expected, XlsxNumberFormats.FormatDate(serial, date1904: true));

    [Theory]
    [InlineData(" 12 ", "12")]
    [InlineData(" abc ", "abc")]
    [InlineData("1E+400", "1E+400")]
    [InlineData("1E+27", "1000000000000000000000000000")]
    [InlineData("7.9E+27", "7.9E+27")]
    [InlineData("1E+28", "1E+28")]
    [InlineData("-1E+28", "-1E+28")]
    [InlineData("-1.5E-07", "-0.00000015")]
    [InlineData("-0", "-0")]
    public void Numbers_beyond_what_a_decimal_holds_keep_their_exponent(string stored, string expected) =>
        Assert.Equal(expected, XlsxNumberFormats.FormatNumber(stored));

    [Theory]
    // numFmt 164 is a custom date, 14 is redefined as a plain number, 165 is a duration; xf without an id is General.
    // Styles 6 and 7 are past the cell formats list: the cell style formats around it do not count.
    [InlineData("<numFmts><numFmt numFmtId=\"164\" formatCode=\"yyyy年m月d日\"/><numFmt numFmtId=\"14\" formatCode=\"0.00\"/>"
        + "<numFmt numFmtId=\"165\" formatCode=\"[h]:mm\"/><numFmt numFmtId=\"22\"/></numFmts>"
        + "<cellStyleXfs><xf numFmtId=\"164\"/></cellStyleXfs>"
        + "<cellXfs><xf/><xf numFmtId=\"164\"/><xf numFmtId=\"14\"/><xf numFmtId=\"22\"><alignment/></xf><xf numFmtId=\"165\"/><xf numFmtId=\"164\"/></cellXfs>"
        + "<cellStyleXfs><xf numFmtId=\"164\"/><xf numFmtId=\"164\"/><xf numFmtId=\"164\"/><xf numFmtId=\"164\"/><xf numFmtId=\"164\"/><xf numFmtId=\"164\"/></cellStyleXfs>",
        "45306|2024-01-15|45306|2024-01-15|45306|2024-01-15|45306|45306")]
    [InlineData("<cellXfs count=\"0\"/><cellStyleXfs><xf numFmtId=\"14\"/><xf numFmtId=\"14\"/><xf numFmtId=\"14\"/><xf numFmtId=\"14\"/><xf numFmtId=\"14\"/><xf numFmtId=\"14\"/></cellStyleXfs>",
        "45306|45306|45306|45306|45306|45306|45306|45306")]
    public void Only_the_cell_formats_list_gives_styles_and_custom_codes_override_built_in_ones(string styles, string expected)
    {
        var cells = string.Concat(Enumerable.Range(0, 8).Select(s => $"<c r=\"{(char)('A' + s)}1\" s=\"{s}\"><v>45306</v></c>"));
        var bytes = RawOoxml.Sheet($"<row r=\"1\">{cells}</row>", styles: styles);

        var grid = Assert.Single(ReadingFixtures.Read(bytes, "styles.xlsx").Grids);

        Assert.Equal(expected, string.Join('|', grid.Row(0)));
    }
}
