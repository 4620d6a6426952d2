using Xunit;

using static BudgetGrpc.Engine.Tests.Layouts.LayoutChecks;

namespace BudgetGrpc.Engine.Tests.Layouts;

/// <summary>
/// Whose table it is when the unit that fills it and the form's 主管部门 differ: a school or a station fills and publishes
/// its own table under its bureau, so the 填报单位 / 项目单位 line names the department, and 主管部门 only where no such
/// line or 单位名称 label does (rounds 9 and 10: three blind tables, three provinces); where the title names one of the
/// bodies the form names, that one (rounds 12 and 12h: the 实施单位 in the title line over the form's 主管部门). Tables of
/// ours on that model.
/// </summary>
public sealed class FillingUnitTests
{
    private static string Form(string lineAbove, string formLabels, string title = "2024年度项目支出绩效自评表") => $"""
        <html><body><p>{title}</p>
        <p>{lineAbove}</p>
        <table border="1">
        <tr><td>项目名称</td><td colspan="3">教学楼维修改造</td></tr>
        {formLabels}
        <tr><td>年度资金总额</td><td colspan="3">60</td></tr>
        <tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>年度指标值</td></tr>
        <tr><td>产出指标</td><td>数量指标</td><td>维修教室间数</td><td>≥12间</td></tr>
        </table></body></html>
        """;

    private const string Supervisor = "<tr><td>主管部门</td><td>示例县教育局</td><td>实施单位</td><td>示例县第二中学</td></tr>";

    [Theory]
    [InlineData("填报单位（盖章）：示例县第二中学")]
    [InlineData("项目单位(盖章):示例县第二中学")]
    [InlineData("预算单位：示例县第二中学　　单位：万元")]
    public void The_filling_unit_line_names_the_department_over_the_forms_supervisor(string line) =>
        Assert.Equal("示例县第二中学", Parse(Form(line, Supervisor)).Department);

    [Fact]
    public void The_supervisor_names_the_department_where_no_line_names_the_unit() =>
        Assert.Equal("示例县教育局", Parse(Form("单位：万元", Supervisor)).Department);

    [Fact]
    public void A_unit_name_label_in_the_form_names_the_department_over_the_line()
    {
        const string labels = "<tr><td>单位名称</td><td>示例县第二中学</td><td>主管部门</td><td>示例县教育局</td></tr>";
        Assert.Equal("示例县第二中学", Parse(Form("填报单位：示例县教育局", labels)).Department);
    }

    [Theory]
    // The title names one of the bodies the form names: that one publishes the table, whatever the labels' ranking.
    [InlineData("示例县教育局2024年度项目支出绩效自评表", "填报单位：示例县第二中学", "<tr><td>主管部门</td><td>示例县教育局</td></tr>", "示例县教育局")]
    [InlineData("示例县第二中学2024年度项目支出绩效自评表", "单位：万元", Supervisor, "示例县第二中学")]
    [InlineData("示例县第二中学2024年度项目支出绩效自评表", "填报单位：示例县第二中学", "<tr><td>部门名称</td><td>示例县教育局</td></tr>", "示例县第二中学")]
    [InlineData("示例县教育局2024年度项目支出绩效自评表", "单位：万元", "<tr><td>单位名称</td><td>示例县第二中学</td><td>主管部门</td><td>示例县教育局</td></tr>", "示例县教育局")]
    // A title naming a body the form does not name decides nothing: the labels' ranking stands.
    [InlineData("示例县第三中学2024年度项目支出绩效自评表", "填报单位：示例县第二中学", Supervisor, "示例县第二中学")]
    [InlineData("示例县第三中学2024年度项目支出绩效自评表", "单位：万元", "<tr><td>单位名称</td><td>示例县第二中学</td><td>主管部门</td><td>示例县教育局</td></tr>", "示例县第二中学")]
    public void The_body_the_title_names_among_those_the_form_names_is_the_department(string title, string line, string labels, string expected) =>
        Assert.Equal(expected, Parse(Form(line, labels, title)).Department);

    [Fact]
    public void A_numbered_section_heading_above_the_title_does_not_hide_the_title_s_department()
    {
        // 一、项目绩效目标 heads the report's section; the title under it names the department and the year.
        var d = Parse("""
            <html><body><p>一、项目绩效目标</p><p>某县水利局2025年绩效目标申报表</p>
            <table border="1">
            <tr><td>项目名称</td><td colspan="3">农村饮水安全巩固提升</td></tr>
            <tr><td>年度资金总额</td><td colspan="3">380</td></tr>
            <tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>年度指标值</td></tr>
            <tr><td>产出指标</td><td>数量指标</td><td>新建改造供水管网长度</td><td>≥120公里</td></tr>
            </table></body></html>
            """);
        Assert.Equal(("某县水利局", 2025), (d.Department, d.FiscalYear));
    }
}
