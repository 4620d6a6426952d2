using BudgetGrpc.Engine.Layouts;
using Xunit;

namespace BudgetGrpc.Engine.Tests.Layouts;

/// <summary>
/// The small readings of one cell that every layout shares (issue 15: reached before only through whole tables): amounts as
/// written, an amount followed by its note, separator rows, a cell as one line, a code printed before a project's name, and
/// the form labels a cell is.
/// </summary>
public sealed class CellValuesTests
{
    [Theory]
    [InlineData("1260", "1260")]
    [InlineData(" 1,260.50 ", "1260.50")]
    [InlineData("１２６０．５", "1260.5")]
    [InlineData("1，260", "1260")]
    [InlineData("1 260", "1260")]
    [InlineData("1\u00a0260", "1260")]
    [InlineData("¥1260", "1260")]
    [InlineData("￥1260.00", "1260.00")]
    [InlineData("150万元", "150")]
    [InlineData("150元", "150")]
    [InlineData("125.25万", "125.25")]
    [InlineData("-20", "-20")]
    [InlineData("0", "0")]
    [InlineData("", null)]
    [InlineData("   ", null)]
    [InlineData("万元", null)]
    [InlineData("150万元元", null)]
    [InlineData("1.2e3", null)]
    [InlineData("(20)", null)]
    [InlineData("一百万", null)]
    [InlineData("150亿元", null)]
    public void An_amount_as_written(string text, string? amount)
    {
        var value = CellValues.Amount(text);
        Assert.Equal(amount, value?.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("120（含上年结转20）", "120")]
    [InlineData("120(含上年结转20)", "120")]
    [InlineData("85.5 其中财政拨款80", "85.5")]
    [InlineData("85.5其中财政拨款80", "85.5")]
    [InlineData("1,200.5；上级资金", "1200.5")]
    [InlineData("1200;上级资金", "1200")]
    [InlineData("1200，上级资金", "1200")]
    [InlineData("1200,", "1200")]
    [InlineData("1200【已批复】", "1200")]
    [InlineData("1200[已批复]", "1200")]
    [InlineData("150万（含结转）", "150")]
    [InlineData("150万元（含结转）", "150")]
    [InlineData("150元(含结转)", "150")]
    [InlineData("１２００（含结转）", "1200")]
    [InlineData("1200<br>其中上级资金1000", "1200")]
    [InlineData("1200\n其中上级资金1000", "1200")]
    [InlineData("1200", "1200")]
    [InlineData("1200个", null)]
    [InlineData("1200亿元", null)]
    [InlineData("约1200", null)]
    [InlineData("", null)]
    [InlineData("（含结转）", null)]
    public void The_leading_amount_of_an_amount_with_its_note(string text, string? amount) =>
        Assert.Equal(amount, CellValues.LeadingAmount(text)?.ToString(System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("---", true)]
    [InlineData(" ——— ", true)]
    [InlineData("====", true)]
    [InlineData("___", true)]
    [InlineData("───", true)]
    [InlineData("－－", true)]
    [InlineData("|:---|---:|", true)]
    [InlineData("+--+--+", true)]
    [InlineData("", false)]
    [InlineData("   ", false)]
    [InlineData("-- 注 --", false)]
    [InlineData("-1", false)]
    public void A_separator_is_rule_characters_only(string text, bool separator) =>
        Assert.Equal(separator, CellValues.IsSeparator(text));

    [Theory]
    [InlineData("", "")]
    [InlineData("改造农村公路", "改造农村公路")]
    [InlineData("改造农村<br>公路", "改造农村公路")]
    [InlineData("<p>改造</p><p>农村公路</p>", "改造农村公路")]
    [InlineData("改造\n农村公路", "改造农村公路")]
    [InlineData("<p></p>", "")]
    public void A_cell_as_one_line(string raw, string line) => Assert.Equal(line, CellValues.Line(raw));

    [Theory]
    [InlineData("", "51000021R000000019951-工资性支出", "51000021R000000019951", "工资性支出")]
    [InlineData("", "51000021R000000019951 － 工资性支出", "51000021R000000019951", "工资性支出")]
    [InlineData("", "12345678—农村公路养护", "12345678", "农村公路养护")]
    [InlineData("", "12345678_农村公路养护 ", "12345678", "农村公路养护")]
    [InlineData("P-01", "51000021R000000019951-工资性支出", "P-01", "工资性支出")]
    [InlineData("", "ABCDEFGH12345-农村公路养护", "", "ABCDEFGH12345-农村公路养护")]
    [InlineData("", "ABCDEF123456-农村公路养护", "ABCDEF123456", "农村公路养护")]
    [InlineData("", "1234567-农村公路养护", "", "1234567-农村公路养护")]
    [InlineData("", "2026-农村公路养护", "", "2026-农村公路养护")]
    [InlineData("", "12345678农村公路养护", "", "12345678农村公路养护")]
    [InlineData("", "12345678- ", "", "12345678- ")]
    [InlineData("", "第12345678-农村公路养护", "", "第12345678-农村公路养护")]
    [InlineData("", "123456789012345678901234567890123-农村公路养护", "", "123456789012345678901234567890123-农村公路养护")]
    public void A_code_printed_before_the_name_is_taken_apart(string code, string name, string wantCode, string wantName) =>
        Assert.Equal((wantCode, wantName), ProjectCodePrefix.Split(code, name));

    [Theory]
    [InlineData("项目名称", "Name")]
    [InlineData("项 目 名 称", "Name")]
    [InlineData("部门（单位）名称", "DepartmentName")]
    [InlineData("年度绩效目标", "Objectives")]
    [InlineData("主管部门", "Supervisor")]
    [InlineData("", "None")]
    [InlineData("改造农村公路里程", "None")]
    [InlineData("项目名称项目名称项目名称项目名称项目名称项目名称项目名称", "None")]
    public void The_form_label_a_cell_is(string text, string field)
    {
        Assert.Equal(field, FormLabels.Of(text).ToString());
        // Asked again (cached), the same answer.
        Assert.Equal(field, FormLabels.Of(text).ToString());
    }

    [Fact]
    public void A_cell_over_sixty_characters_is_no_label_whatever_it_starts_with() =>
        Assert.Equal(FormField.None, FormLabels.Of("项目名称" + new string(' ', 57)));
}
