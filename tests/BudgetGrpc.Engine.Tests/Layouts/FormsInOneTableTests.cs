using System.Text;
using Xunit;

namespace BudgetGrpc.Engine.Tests.Layouts;

/// <summary>
/// A saved web page of a multi-project export whose page breaks left one big table: the second project's label block
/// follows the first project's indicators in the same table, and the page break puts its goals and indicators in the next
/// table (or repeats the indicator header over the goals row). Each form is one project. Tables written by us.
/// </summary>
public sealed class FormsInOneTableTests
{
    private const string Header = @"<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>";

    private static string Page(string breakBefore) => @"<html><body><p>某县2026年项目支出绩效目标表</p><p>单位：万元</p>
<table border=""1"">
<tr><td>项目名称</td><td colspan=""3"">乡村道路养护</td></tr>
<tr><td>年度资金总额</td><td colspan=""3"">120</td></tr>
<tr><td>年度目标</td><td colspan=""3"">完成乡村道路日常养护。</td></tr>
" + Header + @"
<tr><td rowspan=""2"">产出指标</td><td>数量指标</td><td>养护里程</td><td>≥260公里</td></tr>
<tr><td>质量指标</td><td>路面完好率</td><td>≥90%</td></tr>
<tr><td>满意度指标</td><td>服务对象满意度指标</td><td>群众满意度</td><td>≥88%</td></tr>
<tr><td colspan=""4"">某县2026年项目支出绩效目标表</td></tr>
<tr><td>项目名称</td><td colspan=""3"">农村饮水设施维修</td></tr>
<tr><td>年度资金总额</td><td colspan=""3"">45</td></tr>
" + (breakBefore == "goals" ? "</table>\n<table border=\"1\">\n" : "") + (breakBefore == "repeatedHeader" ? Header + "\n" : "") + @"<tr><td>年度目标</td><td colspan=""3"">1.维修农村饮水设施。2.保障群众饮水安全。</td></tr>
" + (breakBefore == "header" ? "</table>\n<table border=\"1\">\n" : "") + Header + @"
<tr><td rowspan=""2"">产出指标</td><td>数量指标</td><td>维修供水点</td><td>≥32处</td></tr>
<tr><td>时效指标</td><td>维修完成时间</td><td>2026年10月底前</td></tr>
<tr><td>效益指标</td><td>社会效益指标</td><td>饮水安全保障</td><td>明显提升</td></tr>
</table></body></html>";

    [Theory]
    [InlineData("goals")]
    [InlineData("header")]
    [InlineData("none")]
    [InlineData("repeatedHeader")] // the page break's repeated header stands over the goals row, in the same table
    public void Each_form_of_a_table_broken_by_pages_is_its_own_project(string breakBefore)
    {
        var result = new DisclosureEngine().Parse(Encoding.UTF8.GetBytes(Page(breakBefore)), "forms.html");
        Assert.True(result.Succeeded, result.Error?.ToString());
        var projects = result.Disclosure!.Projects;
        Assert.Equal(["乡村道路养护", "农村饮水设施维修"], projects.Select(p => p.Name));
        Assert.Equal([3, 3], projects.Select(p => p.Indicators.Count));
        Assert.Equal(["养护里程", "路面完好率", "群众满意度"], projects[0].Indicators.Select(i => i.Name));
        Assert.Equal([120m, 45m], projects.Select(p => p.Amount));
        Assert.Equal(["维修农村饮水设施。", "保障群众饮水安全。"], projects[1].Objectives);
    }

    [Fact]
    public void A_goal_sentence_under_a_repeated_header_is_no_second_header_row()
    {
        // A text export (no merges): one goal sentence without figures under the header a page break repeated reads
        // as the form's goals row, not as the header's second row.
        const string header = "绩效指标\t一级指标\t二级指标\t三级指标\t指标值";
        var tsv = string.Join("\n",
            "某县2026年项目支出绩效目标表\t\t\t\t",
            "项目名称\t乡村道路养护\t\t\t",
            "年度资金总额\t120\t\t\t",
            "年度目标\t完成乡村道路日常养护。\t\t\t",
            header,
            "\t产出指标\t数量指标\t养护里程\t≥260公里",
            "\t满意度指标\t服务对象满意度指标\t群众满意度\t≥88%",
            "项目名称\t农村饮水设施维修\t\t\t",
            "年度资金总额\t45\t\t\t",
            header,
            "年度目标\t维修农村饮水设施，保障群众饮水安全。\t\t\t",
            header,
            "\t产出指标\t数量指标\t维修供水点\t≥32处",
            "\t效益指标\t社会效益指标\t饮水安全保障\t明显提升") + "\n";
        var result = new DisclosureEngine().Parse(Encoding.UTF8.GetBytes(tsv), "forms.tsv");
        Assert.True(result.Succeeded, result.Error?.ToString());
        var projects = result.Disclosure!.Projects;
        Assert.Equal(["乡村道路养护", "农村饮水设施维修"], projects.Select(p => p.Name));
        Assert.Equal(["养护里程", "群众满意度", "维修供水点", "饮水安全保障"], projects.SelectMany(p => p.Indicators).Select(i => i.Name));
        Assert.Equal(["维修农村饮水设施，保障群众饮水安全。"], projects[1].Objectives);
    }

    [Fact]
    public void The_next_forms_title_lines_in_a_text_export_are_no_indicators()
    {
        // Each form's title block stands in rows of its own (title, year, filling unit, amount unit): the second
        // form's lines end the first form's indicators rather than reading as indicators without targets.
        string Form(string name, string amount, string indicator) => string.Join("\n",
            "绩效目标批复表\t\t", "（2026年度）\t\t", "单位名称：某县农业农村局\t\t", "单位: 万元\t\t",
            $"项目名称\t{name}\t", $"年度预算数\t{amount}\t", "项目绩效目标\t完成年度任务。\t",
            "指标名称\t指标值\t权重", indicator, "满意度指标-服务对象满意度指标-农户满意度\t≥90%\t10");
        var tsv = Form("耕地地力保护补贴", "860", "产出指标-数量指标-补贴面积\t≥12万亩\t30") + "\n"
            + Form("农机购置补贴", "120", "产出指标-数量指标-补贴机具\t≥300台\t30") + "\n";
        var result = new DisclosureEngine().Parse(Encoding.UTF8.GetBytes(tsv), "forms.tsv");
        Assert.True(result.Succeeded, result.Error?.ToString());
        var projects = result.Disclosure!.Projects;
        Assert.Equal(["耕地地力保护补贴", "农机购置补贴"], projects.Select(p => p.Name));
        Assert.Equal(["补贴面积", "农户满意度", "补贴机具", "农户满意度"], projects.SelectMany(p => p.Indicators).Select(i => i.Name));
    }

    [Fact]
    public void A_page_that_repeats_the_header_over_other_column_cuts_goes_on_with_the_form()
    {
        // The next page's part (a PDF's second table) cuts its columns anew: the list under it splits the name column
        // in two. Its header says the open table's words in the same order, so the form's indicators go on.
        var html = """
            <html><body><p>某县2026年项目支出绩效目标表</p><table border="1">
            <tr><td>项目名称</td><td colspan="3">乡村道路养护</td></tr>
            <tr><td>年度资金总额</td><td colspan="3">120</td></tr>
            <tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>
            <tr><td>产出指标</td><td>数量指标</td><td>养护里程</td><td>≥260公里</td></tr>
            <tr><td>产出指标</td><td>质量指标</td><td>路面完好率</td><td>≥90%</td></tr>
            </table><p>2</p><table border="1">
            <tr><td>一级指标</td><td>二级指标</td><td colspan="2">三级指标</td><td>指标值</td></tr>
            <tr><td>满意度指标</td><td>服务对象满意度指标</td><td colspan="2">群众满意度</td><td>≥88%</td></tr>
            <tr><td>序号</td><td>单位名称</td><td>项目名称</td><td>金额</td><td>备注</td></tr>
            <tr><td>1</td><td>城关镇人民政府</td><td>乡村道路养护补助</td><td>20.35</td><td></td></tr>
            </table></body></html>
            """;
        var result = new DisclosureEngine().Parse(Encoding.UTF8.GetBytes(html), "form.html");
        Assert.True(result.Succeeded, result.Error?.ToString());
        var p = Assert.Single(result.Disclosure!.Projects);
        Assert.Equal(["养护里程", "路面完好率", "群众满意度"], p.Indicators.Select(i => i.Name));
    }
}
