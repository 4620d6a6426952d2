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
}
