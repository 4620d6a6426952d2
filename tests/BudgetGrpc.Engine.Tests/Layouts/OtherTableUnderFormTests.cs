using BudgetGrpc.Engine.Model;
using Xunit;
using static BudgetGrpc.Engine.Tests.Layouts.LayoutChecks;

namespace BudgetGrpc.Engine.Tests.Layouts;

/// <summary>
/// Another table of the same notice printed under a form (an allocation list: 序号 | 单位名称 | 项目名称 | 金额 | 备注):
/// its header ends the form's indicator table wherever its words stand, so its rows become neither indicators nor
/// findings, and the form's own amount stays. Tables written by us on the model of the county notices of the survey.
/// </summary>
public sealed class OtherTableUnderFormTests
{
    private static string Form(string under) => $@"<html><body><p>项目支出绩效目标表</p><p>（2026年度）</p><p>填报单位：某县水利局</p><table border=""1"">
<tr><td>项目名称</td><td colspan=""4"">小型水库维修养护</td></tr>
<tr><td>年度资金总额</td><td colspan=""4"">86.5</td></tr>
<tr><td>年度绩效目标</td><td colspan=""4"">完成小型水库维修养护12座。</td></tr>
<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td><td>备注</td></tr>
<tr><td>产出指标</td><td>数量指标</td><td>维修养护水库</td><td>≥12座</td><td></td></tr>
<tr><td>效益指标</td><td>社会效益指标</td><td>受益群众人数</td><td>≥3000人</td><td></td></tr>
<tr><td>满意度指标</td><td>服务对象满意度指标</td><td>群众满意度</td><td>≥90%</td><td></td></tr>
{under}</table></body></html>";

    private static readonly string[] Expected =
        ["产出指标/数量指标/维修养护水库 >= 12 座", "效益指标/社会效益指标/受益群众人数 >= 3000 人", "满意度指标/服务对象满意度指标/群众满意度 >= 90 %"];

    [Theory]
    [InlineData("<td>序号</td><td>单位名称</td><td>项目名称</td><td>金额</td><td>备注</td>", "<td>1</td><td>城关镇人民政府</td><td>乡村道路养护补助</td><td>166.80</td><td></td>")]
    [InlineData("<td>序号</td><td>项目名称</td><td>资金来源</td><td>金额（万元）</td><td>备注</td>", "<td>1</td><td>农村饮水安全维修</td><td>省级资金</td><td>20.5</td><td></td>")]
    [InlineData("<td>编号</td><td>单位名称</td><td>分配金额（元）</td><td>备注</td><td></td>", "<td>1</td><td>县交通运输局</td><td>170.54</td><td></td><td></td>")]
    public void A_list_header_under_the_form_ends_its_indicator_table(string header, string row)
    {
        var d = LayoutChecks.Parse(Form($"<tr>{header}</tr><tr>{row}</tr>"), "form.html");
        var p = Assert.Single(d.Projects);
        Assert.Equal(("小型水库维修养护", 86.5m), (p.Name, p.Amount));
        Assert.Equal(Expected, p.Indicators.Select(Ind));
        var last = p.Indicators.Max(i => i.Source.Row);
        Assert.DoesNotContain(d.Findings, f => f.Source is { } s && s.Row > last);
    }

    [Fact]
    public void An_indicator_row_named_in_list_words_is_still_an_indicator()
    {
        // Only header words make a list header: a row with a level, a name and a target is an indicator however it reads.
        var d = LayoutChecks.Parse(Form("<tr><td>产出指标</td><td>数量指标</td><td>项目名称标牌</td><td>≥12块</td><td>备注</td></tr>"), "form.html");
        Assert.Contains("产出指标/数量指标/项目名称标牌 >= 12 块", Assert.Single(d.Projects).Indicators.Select(Ind));
    }

    [Fact]
    public void A_list_under_a_form_whose_names_are_described_is_no_part_of_its_column_sample()
    {
        // 指标名称 holds the second levels in short words (数量, 质量) and 指标解释 the names; the list's title, unit line
        // and rows under the form (a text export) must not dilute the sample that tells so.
        var tsv = string.Join("\n",
            "项目支出绩效目标表\t\t\t\t",
            "项目名称\t小型水库维修养护\t\t\t",
            "年度资金总额\t86.5\t\t\t",
            "年度目标\t完成小型水库维修养护。\t\t\t",
            "指标名称\t指标值类型\t指标值\t度量单位\t指标解释",
            "数量\t定量\t≥12\t座\t维修养护水库",
            "质量\t定量\t＝100\t百分比\t验收合格率",
            "社会效益\t定量\t≥3000\t人\t受益群众人数",
            "服务对象满意度\t定量\t≥90\t百分比\t群众满意度",
            "2026年专项资金分配表\t\t\t\t",
            "单位：万元\t\t\t\t",
            "序号\t单位名称\t金额\t备注\t",
            "1\t城关镇人民政府\t120.5\t\t",
            "2\t示范镇人民政府\t86\t\t",
            "合计\t\t206.5\t\t") + "\n";
        var p = Assert.Single(LayoutChecks.Parse(tsv, "form.tsv").Projects);
        Assert.Equal(["产出指标/数量指标/维修养护水库 >= 12 座", "产出指标/质量指标/验收合格率 = 100 %",
            "效益指标/社会效益指标/受益群众人数 >= 3000 人", "满意度指标/服务对象满意度指标/群众满意度 >= 90 %"], p.Indicators.Select(Ind));
    }
}
