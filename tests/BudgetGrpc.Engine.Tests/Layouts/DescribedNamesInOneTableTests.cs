using Xunit;

using static BudgetGrpc.Engine.Tests.Layouts.LayoutChecks;

namespace BudgetGrpc.Engine.Tests.Layouts;

/// <summary>
/// Forms stacked in one table whose 指标名称 column holds the second levels (written once per block) and whose 指标说明
/// column holds the names: the next form's title rows are no part of the first form's column sample. A table of ours
/// on the variant generator's model (describedNames with forms=oneTable); it failed before.
/// </summary>
public sealed class DescribedNamesInOneTableTests
{
    private static string Form(string name, string amount, string rows) => $"""
        <tr><td colspan="5">项目支出绩效目标审批表</td></tr>
        <tr><td colspan="5">(2026年)</td></tr>
        <tr><td colspan="5">部门：某县卫生健康局</td></tr>
        <tr><td>项目名称</td><td colspan="4">{name}</td></tr>
        <tr><td>年度资金总额（万元）</td><td colspan="4">{amount}</td></tr>
        <tr><td>年度目标</td><td colspan="4">完成{name}年度任务。</td></tr>
        <tr><td rowspan="6">年度绩效指标</td><td>一级指标</td><td>指标名称</td><td>年度目标值</td><td>指标说明</td></tr>
        {rows}
        """;

    [Fact]
    public void Each_stacked_form_reads_its_names_from_the_describing_column()
    {
        const string first = """
            <tr><td>产出指标</td><td>数量指标</td><td>≥90%</td><td>居民健康档案建档率</td></tr>
            <tr><td></td><td></td><td>≥70%</td><td>老年人健康管理率</td></tr>
            <tr><td></td><td>进度指标</td><td>≥95%</td><td>资金拨付及时率</td></tr>
            <tr><td>效益指标</td><td>社会效益指标</td><td>逐步缩小</td><td>城乡服务差距</td></tr>
            <tr><td>满意度指标</td><td>社会公众或服务对象满意度指标</td><td>≥85%</td><td>居民满意度</td></tr>
            """;
        const string second = """
            <tr><td>产出指标</td><td>数量指标</td><td>＝360人</td><td>补助村医人数</td></tr>
            <tr><td></td><td>质量指标</td><td>=100%</td><td>补助发放准确率</td></tr>
            <tr><td></td><td>成本指标</td><td>＝500元</td><td>村医月人均补助</td></tr>
            <tr><td>效益指标</td><td>社会效益指标</td><td>明显增强</td><td>村医队伍稳定性</td></tr>
            <tr><td>满意度指标</td><td>社会公众或服务对象满意度指标</td><td>≥90%</td><td>村医满意度</td></tr>
            """;
        var d = Parse($"""
            <html><body><table border="1">
            {Form("基本公共卫生服务", "1260.8", first)}
            {Form("村医补助经费", "216", second)}
            </table></body></html>
            """);
        Assert.Equal(2, d.Projects.Count);
        Assert.Equal(["居民健康档案建档率", "老年人健康管理率", "资金拨付及时率", "城乡服务差距", "居民满意度"],
            d.Projects[0].Indicators.Select(i => i.Name));
        Assert.Equal(["补助村医人数", "补助发放准确率", "村医月人均补助", "村医队伍稳定性", "村医满意度"],
            d.Projects[1].Indicators.Select(i => i.Name));
        AssertIndicator(d.Projects[0], "产出指标", "时效指标", "资金拨付及时率", ">=", "95", "%");
    }

    [Fact]
    public void A_header_row_a_page_break_printed_twice_is_one_header()
    {
        // The page break fell under the header and repeated it: the same header row twice, then the rows. The second
        // copy belongs to the header; the column sample starts under it.
        const string rows = """
            <tr><td>产出指标</td><td>数量指标</td><td>≥86公里</td><td>河道保洁长度</td></tr>
            <tr><td></td><td>质量指标</td><td>≥90%</td><td>河道保洁达标率</td></tr>
            <tr><td>效益指标</td><td>生态效益指标</td><td>稳步提高</td><td>河道水质</td></tr>
            <tr><td>满意度指标</td><td>服务对象满意度指标</td><td>≥85%</td><td>沿河群众满意度</td></tr>
            """;
        var form = Form("河道日常管护经费", "65.5", rows);
        var repeated = """<tr><td>一级指标</td><td>指标名称</td><td>年度目标值</td><td>指标说明</td></tr>""";
        var html = form.Replace("<td>指标说明</td></tr>", "<td>指标说明</td></tr>\n" + repeated);
        var p = Assert.Single(Parse($"<html><body><table border=\"1\">{html}</table></body></html>").Projects);
        Assert.Equal(["河道保洁长度", "河道保洁达标率", "河道水质", "沿河群众满意度"], p.Indicators.Select(i => i.Name));
        AssertIndicator(p, "产出指标", "质量指标", "河道保洁达标率", ">=", "90", "%");
    }

    [Fact]
    public void A_two_row_header_a_page_break_printed_twice_is_one_header()
    {
        // A text export: both header rows again right under themselves; the names stand in 指标解释, the second
        // levels under 指标名称.
        const string header = "一级指标,指标名称,指标值,,指标解释\n,,中长期指标值,年度指标值,\n";
        var csv = "项目支出绩效目标表,,,,\n项目名称,河道日常管护经费,,,\n年度资金总额（万元）,65.5,,,\n年度目标,落实河道日常保洁。,,,\n"
            + header + header
            + "产出指标,数量指标,80,≥86公里,指标1：河道保洁长度\n"
            + "产出指标,质量指标,85,≥90%,指标2：河道保洁达标率\n"
            + "效益指标,生态效益指标,基本完成,稳步提高,指标3：河道水质\n";
        var p = Assert.Single(Parse(csv, "form.csv").Projects);
        Assert.Equal(["河道保洁长度", "河道保洁达标率", "河道水质"], p.Indicators.Select(i => i.Name));
        AssertIndicator(p, "产出指标", "质量指标", "河道保洁达标率", ">=", "90", "%");
    }
}
