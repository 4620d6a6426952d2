using System.Text;
using BudgetGrpc.Engine.Indicators;
using BudgetGrpc.Engine.Model;
using BudgetGrpc.Engine.Publishing;
using Xunit;

using static BudgetGrpc.Engine.Tests.Layouts.LayoutChecks;

namespace BudgetGrpc.Engine.Tests.Layouts;

/// <summary>
/// Round-4 families (docs/layout-survey.md): both levels written as a path (【产出指标-数量指标】 over 指标N items in a
/// project list's goals cell, 产出指标-数量指标-名称 in the name column), levels called 目标, a 单位：元 line or a
/// split 金额单位 label. Tables written by us on the model of the survey's.
/// </summary>
public sealed class LevelPathLayoutTests
{
    [Fact]
    public void A_project_list_whose_goals_cell_holds_bracketed_level_paths_over_numbered_items()
    {
        var d = Parse(BracketedList);
        Assert.Equal(("某市数据资源管理局", 2025, "元"), (d.Department, d.FiscalYear, d.AmountUnit));
        Assert.Equal(["政务云机房运维经费", "数据共享平台建设经费"], d.Projects.Select(p => p.Name));
        Assert.Equal([800000m, 450000m], d.Projects.Select(p => p.Amount!.Value));
        var cloud = d.Projects[0];
        Assert.Single(cloud.Objectives);
        Assert.Equal(6, cloud.Indicators.Count);
        AssertIndicator(cloud, "产出指标", "数量指标", "托管机柜数量", ">=", "60", "台");
        AssertIndicator(cloud, "产出指标", "时效指标", "故障响应时间", "<=", "2", "小时");
        AssertIndicator(cloud, "效益指标", "社会效益指标", "政务服务保障能力", "qualitative", null, "", "明显提升");
        AssertIndicator(d.Projects[1], "效益指标", "可持续影响指标", "数据共享机制", "qualitative", null, "", "长期有效");
    }

    [Fact]
    public void A_form_whose_name_cells_carry_both_levels_before_the_name()
    {
        var d = Parse(HyphenLevels);
        Assert.Equal(("某县工业和信息化局", "元"), (d.Department, d.AmountUnit));
        var p = Assert.Single(d.Projects);
        Assert.Equal(30000m, p.Amount);
        Assert.Equal(6, p.Indicators.Count);
        AssertIndicator(p, "产出指标", "数量指标", "慰问企业户数", ">=", "3", "家");
        AssertIndicator(p, "效益指标", "经济效益指标", "带动企业稳岗人数", ">=", "50", "人");
        AssertIndicator(p, "满意度指标", "服务对象满意度指标", "受慰问企业满意度", ">=", "95", "%");
    }

    [Fact]
    public void Level_paths_in_a_text_export_whose_first_and_last_columns_are_empty_on_the_indicator_rows()
    {
        // A tab-separated form above a four-column list: the name rows' first cell (under the block's label) and last
        // cell (the list's extra column) are both empty, which is not a line merged across the row.
        var tsv = string.Join("\n",
            "某县林业局2025年项目支出绩效目标表\t\t\t",
            "项目名称\t森林防火巡护经费\t\t",
            "项目资金\t200000\t\t",
            "绩效目标\t完成全县林区防火巡护。\t\t",
            "绩效指标\t具体指标\t指标值\t",
            "\t产出指标-数量指标-巡护里程\t≥1200公里\t",
            "\t产出指标-时效指标-巡护完成时间\t2025年11月底前\t",
            "\t效益指标-社会效益指标-森林火灾发生率\t≤0.5‰\t",
            "\t满意度指标-服务对象满意度指标-林农满意度\t≥90%\t",
            "资金分配表\t\t\t",
            "序号\t单位名称\t金额\t备注",
            "1\t某甲镇人民政府\t120000\t",
            "2\t某乙镇人民政府\t80000\t") + "\n";
        var p = Assert.Single(Parse(tsv, "form.tsv").Projects);
        Assert.Equal(("森林防火巡护经费", 200000m), (p.Name, p.Amount));
        Assert.Equal(4, p.Indicators.Count);
        AssertIndicator(p, "产出指标", "数量指标", "巡护里程", ">=", "1200", "公里");
        AssertIndicator(p, "满意度指标", "服务对象满意度指标", "林农满意度", ">=", "90", "%");
    }

    [Fact]
    public void Placeholder_rows_left_in_the_template_do_not_hide_the_level_paths()
    {
        // Two of eight name cells keep the template's 指标1: the other six still carry both levels.
        var html = HyphenLevels.Replace("<td rowspan=\"6\"></td>", "<td rowspan=\"8\"></td>")
            .Replace("<tr><td colspan=\"2\">效益指标-社会效益指标", "<tr><td colspan=\"2\">指标1</td><td></td></tr>\n<tr><td colspan=\"2\">效益指标-社会效益指标")
            .Replace("<tr><td colspan=\"2\">满意度指标", "<tr><td colspan=\"2\">指标1</td><td></td></tr>\n<tr><td colspan=\"2\">满意度指标");
        Assert.Equal(2, html.Split("指标1</td>").Length - 1);
        var p = Assert.Single(Parse(html).Projects);
        Assert.Equal(6, p.Indicators.Count);
        AssertIndicator(p, "产出指标", "数量指标", "慰问企业户数", ">=", "3", "家");
        AssertIndicator(p, "满意度指标", "服务对象满意度指标", "受慰问企业满意度", ">=", "95", "%");
    }

    [Fact]
    public void Levels_called_targets_read_as_their_indicator_levels()
    {
        var p = Assert.Single(Parse(TargetWords).Projects);
        Assert.Equal(7, p.Indicators.Count);
        AssertIndicator(p, "产出指标", "数量指标", "维修改造供水工程", "=", "8", "处");
        AssertIndicator(p, "产出指标", "成本指标", "单处工程补助", "<=", "15", "万元");
        AssertIndicator(p, "效益指标", "可持续影响指标", "工程设计使用年限", ">=", "15", "年");
        AssertIndicator(p, "满意度指标", "服务对象满意度指标", "受益群众满意度", ">=", "90", "%");
    }

    [Theory]
    [InlineData("【产出指标-数量指标】", "产出指标", "数量指标", "")]
    [InlineData("产出指标-质量指标-验收合格率", "产出指标", "质量指标", "验收合格率")]
    [InlineData("[效益指标－社会效益指标]：受益人数≥100人", "效益指标", "社会效益指标", "受益人数≥100人")]
    [InlineData("满意度指标—服务对象满意度指标", "满意度指标", "服务对象满意度指标", "")]
    public void A_level_path_names_both_levels(string text, string level1, string level2, string rest)
    {
        var path = LevelPath.At(text);
        Assert.NotNull(path);
        Assert.Equal((level1, level2, rest), (path.Value.Level1, path.Value.Level2, text[path.Value.Length..]));
    }

    [Theory]
    [InlineData("产出-投入比≥1.2")]
    [InlineData("社会效益-受益人数")]
    [InlineData("0-6岁儿童健康管理率")]
    [InlineData("2025-12-31前完成")]
    public void Dashes_in_names_and_dates_are_no_level_path(string text) => Assert.Null(LevelPath.At(text));

    [Theory]
    [InlineData("产出目标", "产出指标")]
    [InlineData("项目效益指标", "效益指标")]
    [InlineData("满", "满意度指标")]
    public void First_levels_come_from_the_lexicon(string text, string level1) => Assert.Equal(level1, LevelNames.Level1(text));

    private const string BracketedList = @"<html><body>
<p>某市2025年部门预算项目绩效目标表</p>
<p>单位：元</p>
<table border=""1"">
<tr><td>单位编码</td><td>单位名称（项目类别/支出项目）</td><td>年度预算安排</td><td>项目内容</td><td>绩效目标</td></tr>
<tr><td>301</td><td>某市数据资源管理局</td><td>1,250,000.00</td><td></td><td></td></tr>
<tr><td>301001</td><td>某市数据资源管理局本级</td><td>1,250,000.00</td><td></td><td></td></tr>
<tr><td></td><td>特定目标类</td><td>1,250,000.00</td><td></td><td></td></tr>
<tr><td></td><td>政务云机房运维经费</td><td>800,000.00</td><td>保障政务云机房全年稳定运行</td><td>【总体目标】保障政务云平台稳定运行，为各部门提供云服务。<br>【产出指标-数量指标】<br>指标1：托管机柜数量（≥60台）<br>指标2：巡检次数（≥12次）<br>【产出指标-质量指标】<br>指标1：系统可用率（≥99.5%）<br>【产出指标-时效指标】<br>指标1：故障响应时间（≤2小时）<br>【效益指标-社会效益指标】<br>指标1：政务服务保障能力（明显提升）<br>【满意度指标-服务对象满意度指标】<br>指标1：使用部门满意度（≥90%）</td></tr>
<tr><td></td><td>数据共享平台建设经费</td><td>450,000.00</td><td>建设数据共享交换平台</td><td>【总体目标】完成数据共享交换平台二期建设。<br>【产出指标-数量指标】<br>指标1：接入部门数（≥30个）<br>【产出指标-成本指标】<br>指标1：平台建设成本（≤45万元）<br>【效益指标-可持续影响指标】<br>指标1：数据共享机制（长期有效）<br>【满意度指标-服务对象满意度指标】<br>指标1：接入部门满意度（≥85%）</td></tr>
</table></body></html>
";

    private const string HyphenLevels = @"<html><body>
<p>2025年项目支出绩效目标表</p>
<p>金额单位：元</p>
<table border=""1"">
<tr><td>项目名称</td><td colspan=""3"">困难企业走访慰问经费</td></tr>
<tr><td>主管部门</td><td>某县工业和信息化局</td><td>实施单位</td><td>某县工业和信息化局</td></tr>
<tr><td>项目资金</td><td colspan=""3"">30000</td></tr>
<tr><td>年度目标</td><td colspan=""3"">走访慰问困难企业，帮助企业解决实际困难。</td></tr>
<tr><td>绩效指标</td><td colspan=""2"">指标内容</td><td>指标值</td></tr>
<tr><td rowspan=""6""></td><td colspan=""2"">产出指标-数量指标-慰问企业户数</td><td>≥3家</td></tr>
<tr><td colspan=""2"">产出指标-质量指标-慰问资金发放准确率</td><td>100%</td></tr>
<tr><td colspan=""2"">产出指标-时效指标-慰问完成时间</td><td>2025年12月底前</td></tr>
<tr><td colspan=""2"">效益指标-社会效益指标-企业困难解决情况</td><td>有效缓解</td></tr>
<tr><td colspan=""2"">效益指标-经济效益指标-带动企业稳岗人数</td><td>≥50人</td></tr>
<tr><td colspan=""2"">满意度指标-服务对象满意度指标-受慰问企业满意度</td><td>≥95%</td></tr>
</table></body></html>
";

    private const string TargetWords = @"<html><body>
<p>某县2025年项目绩效目标申报表</p>
<table border=""1"">
<tr><td>项目名称</td><td colspan=""3"">农村饮水安全巩固提升工程</td></tr>
<tr><td>主管部门</td><td>某县水利局</td><td>项目单位</td><td>某县农村供水站</td></tr>
<tr><td>项目资金（万元）</td><td colspan=""3"">120</td></tr>
<tr><td>年度绩效目标</td><td colspan=""3"">完成8处供水工程维修改造，保障农村群众饮水安全。</td></tr>
<tr><td>一级目标</td><td>二级目标</td><td>绩效目标内容</td><td>目标值</td></tr>
<tr><td rowspan=""4"">产出目标</td><td>数量目标</td><td>维修改造供水工程</td><td>8处</td></tr>
<tr><td>质量目标</td><td>工程验收合格率</td><td>100%</td></tr>
<tr><td>时效目标</td><td>工程完工时间</td><td>2025年10月底</td></tr>
<tr><td>成本目标</td><td>单处工程补助</td><td>≤15万元</td></tr>
<tr><td rowspan=""2"">效益目标</td><td>社会效益目标</td><td>受益人口</td><td>≥12000人</td></tr>
<tr><td>可持续影响目标</td><td>工程设计使用年限</td><td>≥15年</td></tr>
<tr><td>满意度目标</td><td>服务对象满意度目标</td><td>受益群众满意度</td><td>≥90%</td></tr>
</table></body></html>
";
}
