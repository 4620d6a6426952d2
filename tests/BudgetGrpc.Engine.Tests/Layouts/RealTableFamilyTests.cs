using System.Text;
using BudgetGrpc.Engine.Indicators;
using BudgetGrpc.Engine.Model;
using BudgetGrpc.Engine.Publishing;
using Xunit;

using static BudgetGrpc.Engine.Tests.Layouts.LayoutChecks;

namespace BudgetGrpc.Engine.Tests.Layouts;

/// <summary>
/// The families that real tables nobody tuned the engine for still broke (docs/engine.md, "Open on those tables"): a
/// project list whose goals cell is flattened to one line of bracketed paths and 指标N items, a 绩效自评 report whose only
/// table is a target list, a 单位：元 line that belongs to another table or to an indicator, a money block laid out in
/// columns, rows with no target. Tables written by us on the model of those families; every one of them failed before.
/// </summary>
public sealed class RealTableFamilyTests
{
    [Fact]
    public void A_goals_cell_flattened_to_one_line_reads_each_bracketed_path_and_numbered_item()
    {
        var d = Parse(FlattenedPaths);
        Assert.Equal(["森林防火物资储备经费", "古树名木保护经费"], d.Projects.Select(p => p.Name));
        var fire = d.Projects[0];
        Assert.Equal(["提升森林火灾扑救能力，保障林区安全。"], fire.Objectives);
        Assert.Equal(6, fire.Indicators.Count);
        AssertIndicator(fire, "产出指标", "数量指标", "风力灭火机", ">=", "45", "台");
        AssertIndicator(fire, "产出指标", "数量指标", "防火宣传活动", ">=", "6", "场");
        AssertIndicator(fire, "产出指标", "质量指标", "物资验收合格率", "=", "100", "%");
        AssertIndicator(fire, "效益指标", "社会效益指标", "森林火灾受害率", "<", "0.8", "‰");
        var trees = d.Projects[1];
        Assert.Equal(4, trees.Indicators.Count);
        AssertIndicator(trees, "产出指标", "成本指标", "单株复壮成本", "<=", "0.5", "万元");
        AssertIndicator(trees, "满意度指标", "服务对象满意度指标", "社会公众满意度", ">=", "85", "%");
    }

    [Theory]
    [InlineData("【总体目标】保障运行。【产出指标-数量指标】 指标1：巡检次数（≥12次） 指标2：维修台次（≥40台次）",
        new[] { "【总体目标】保障运行。", "【产出指标-数量指标】 ", "指标1：巡检次数（≥12次） ", "指标2：维修台次（≥40台次）" })]
    [InlineData("【产出指标-质量指标】指标1：合格率（=100%）【效益指标-社会效益指标】指标1：服务能力（明显提升）",
        new[] { "【产出指标-质量指标】", "指标1：合格率（=100%）", "【效益指标-社会效益指标】", "指标1：服务能力（明显提升）" })]
    [InlineData("考核指标1：不拆，【说明】不拆，产出-投入比[≥1.2]不拆", new[] { "考核指标1：不拆，【说明】不拆，产出-投入比[≥1.2]不拆" })]
    public void A_flattened_line_is_cut_before_each_path_and_item(string line, string[] lines) =>
        Assert.Equal(lines.Select(l => l.TrimEnd()), LevelPath.Lines(line));

    [Theory]
    [InlineData("")]
    [InlineData("【")]
    [InlineData("x【")]
    [InlineData("指标1：")]
    public void Short_lines_hold_no_path_and_stay_whole(string line)
    {
        Assert.False(LevelPath.Contains(line));
        Assert.Equal([line], LevelPath.Lines(line));
    }

    [Fact]
    public void A_self_evaluation_report_whose_only_table_is_a_target_list_is_a_target_table()
    {
        var d = Parse(ReportWithTargetList);
        Assert.Equal((DisclosureKind.TargetTable, "某县农业农村局", 2024), (d.Kind, d.Department, d.FiscalYear));
        var p = Assert.Single(d.Projects);
        Assert.Equal(5, p.Indicators.Count);
        AssertIndicator(p, "产出指标", "数量指标", "耕地质量监测点", ">=", "30", "个");
        Assert.All(p.Indicators, i => Assert.Null(i.Actual));
    }

    [Fact]
    public void A_title_saying_self_evaluation_still_decides_where_no_table_states_its_kind()
    {
        // The same report with its actual column: the columns say self-evaluation, as the title does.
        var d = Parse(ReportWithTargetList.Replace("<td>指标值</td></tr>", "<td>指标值</td><td>实际完成值</td></tr>")
            .Replace("≥30个</td></tr>", "≥30个</td><td>32个</td></tr>"));
        Assert.Equal(DisclosureKind.SelfEvaluation, d.Kind);
    }

    [Fact]
    public void A_unit_line_over_another_table_of_the_notice_is_not_the_amounts_unit()
    {
        var d = Parse(UnitOfAnotherTable);
        Assert.Equal(("某县民政局", 2025, "万元"), (d.Department, d.FiscalYear, d.AmountUnit));
        Assert.Equal(36.5m, Assert.Single(d.Projects).Amount);
    }

    [Fact]
    public void An_indicator_unit_line_is_not_the_amounts_unit()
    {
        var d = Parse(UnitOfAnotherTable.Replace("<p>单位：元</p>", "").Replace("<table border=\"1\">\n<tr><td>项目名称",
            "<p>计量单位：元</p>\n<table border=\"1\">\n<tr><td>项目名称"));
        Assert.Equal("万元", d.AmountUnit);
    }

    [Theory]
    [InlineData("<tr><td rowspan=\"2\">本年度预计投入</td><td>财政拨款</td><td>其他资金</td><td>合计</td></tr><tr><td>80</td><td>20</td><td>100</td></tr>")]
    [InlineData("<tr><td colspan=\"4\">本年度预计投入</td></tr><tr><td>资金来源</td><td>财政拨款</td><td>其他资金</td><td>合计</td></tr><tr><td>金额</td><td>80</td><td>20</td><td>100</td></tr>")]
    [InlineData("<tr><td rowspan=\"2\">资金总额</td><td>财政拨款</td><td colspan=\"2\">其他资金</td></tr><tr><td>80</td><td colspan=\"2\">20</td></tr>")]
    [InlineData("<tr><td>本年度预计投入</td><td>合计</td><td>财政拨款</td><td>其他资金</td></tr><tr><td></td><td>100</td><td>80</td><td>20</td></tr>")]
    [InlineData("<tr><td colspan=\"4\">本年度预计投入（万元）</td></tr><tr><td>财政拨款</td><td>其他资金</td><td>自筹资金</td><td>合计</td></tr><tr><td>70</td><td>20</td><td>10</td><td>100</td></tr>")]
    public void A_money_block_laid_out_in_columns_gives_the_amount(string moneyRows)
    {
        var d = Parse(MoneyForm.Replace("{MONEY}", moneyRows));
        var p = Assert.Single(d.Projects);
        Assert.Equal(("农村公路日常养护", 100m, "万元"), (p.Name, p.Amount, d.AmountUnit));
        Assert.Equal(["完成农村公路日常养护，保障道路安全畅通。"], p.Objectives);
        Assert.Equal(4, p.Indicators.Count);
    }

    [Fact]
    public void A_money_block_label_names_the_unit()
    {
        var d = Parse(MoneyForm.Replace("{MONEY}",
            "<tr><td colspan=\"4\">资金总额（元）</td></tr><tr><td>财政拨款</td><td>其他资金</td><td colspan=\"2\">合计</td></tr><tr><td>600000</td><td>150000</td><td colspan=\"2\">750000</td></tr>"));
        Assert.Equal((750000m, "元"), (Assert.Single(d.Projects).Amount, d.AmountUnit));
    }

    [Fact]
    public void Rows_without_a_target_keep_real_names_and_leave_placeholders_and_level_words_as_headings()
    {
        var d = Parse(RowsWithoutTargets);
        var p = Assert.Single(d.Projects);
        Assert.Equal(["购置设备数量", "设备验收合格率", "基层诊疗能力", "就诊群众满意度"], p.Indicators.Select(i => i.Name));
        // A real indicator without a target: comparator "" and no value (spec), reported by BG301.
        AssertIndicator(p, "产出指标", "质量指标", "设备验收合格率", "", null, "");
        Assert.Contains(d.Findings, f => f.RuleId == "BG301" && f.Message.Contains("设备验收合格率"));
        // Placeholder and level-word rows declare headings with nothing under them: BG202 names each.
        foreach (var heading in new[] { "时效指标", "成本指标", "经济效益指标" })
            Assert.Contains(d.Findings, f => f.RuleId == "BG202" && f.Message.Contains(heading));
    }

    private const string FlattenedPaths = @"<html><body>
<p>某市2025年市直部门预算项目绩效目标公开表</p>
<table border=""1"">
<tr><td>单位编码</td><td>单位名称（项目类别/支出项目）</td><td>年度预算安排</td><td>项目内容</td><td>绩效目标</td></tr>
<tr><td>412</td><td>某市林业局</td><td>2,360,000.00</td><td></td><td></td></tr>
<tr><td>412001</td><td>某市林业局本级</td><td>2,360,000.00</td><td></td><td></td></tr>
<tr><td></td><td>特定目标类</td><td>2,360,000.00</td><td></td><td></td></tr>
<tr><td></td><td>森林防火物资储备经费</td><td>1,560,000.00</td><td>购置森林防火物资</td><td>【总体目标】提升森林火灾扑救能力，保障林区安全。【产出指标-数量指标】 指标1：风力灭火机（≥45台） 指标2：防火宣传活动（≥6场）【产出指标-质量指标】 指标1：物资验收合格率（=100%）【产出指标-时效指标】 指标1：物资到位时间（≤3个月）【效益指标-社会效益指标】 指标1：森林火灾受害率（&lt;0.8‰）【满意度指标-服务对象满意度指标】 指标1：林区群众满意度（≥90%）</td></tr>
<tr><td></td><td>古树名木保护经费</td><td>800,000.00</td><td>古树名木普查和复壮</td><td>【总体目标】完成古树名木复壮保护。【产出指标-数量指标】 指标1：复壮古树（≥120株）【产出指标-成本指标】 指标1：单株复壮成本（≤0.5万元）【效益指标-生态效益指标】 指标1：古树存活比例（≥98%）【满意度指标-服务对象满意度指标】 指标1：社会公众满意度（≥85%）</td></tr>
</table></body></html>
";

    private const string ReportWithTargetList = @"<html><body>
<p>某县农业农村局2024年度耕地保护项目绩效自评报告</p>
<p>一、项目基本情况</p>
<p>本项目年度预算资金60万元，主要用于耕地质量监测。</p>
<p>二、绩效目标</p>
<table border=""1"">
<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>
<tr><td rowspan=""3"">产出指标</td><td>数量指标</td><td>耕地质量监测点</td><td>≥30个</td></tr>
<tr><td>质量指标</td><td>监测数据合格率</td><td>≥95%</td></tr>
<tr><td>时效指标</td><td>监测完成时间</td><td>2024年11月底前</td></tr>
<tr><td>效益指标</td><td>生态效益指标</td><td>耕地质量等级</td><td>稳步提升</td></tr>
<tr><td>满意度指标</td><td>服务对象满意度指标</td><td>农户满意度</td><td>≥90%</td></tr>
</table>
<p>三、自评结论：项目完成情况良好。</p>
</body></html>
";

    private const string UnitOfAnotherTable = @"<html><body>
<p>某县2025年项目支出绩效目标表</p>
<table border=""1"">
<tr><td>项目名称</td><td colspan=""3"">村级公益设施维护</td></tr>
<tr><td>主管部门</td><td>某县民政局</td><td>实施单位</td><td>某县民政局</td></tr>
<tr><td>年度资金总额</td><td colspan=""3"">36.5</td></tr>
<tr><td>年度目标</td><td colspan=""3"">完成村级公益设施维护，改善群众生活条件。</td></tr>
<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>
<tr><td rowspan=""2"">产出指标</td><td>数量指标</td><td>维护设施数量</td><td>≥25处</td></tr>
<tr><td>成本指标</td><td>单处维护补助</td><td>≤1.4万元</td></tr>
<tr><td>效益指标</td><td>社会效益指标</td><td>群众生活条件</td><td>有效改善</td></tr>
<tr><td>满意度指标</td><td>服务对象满意度指标</td><td>村民满意度</td><td>≥90%</td></tr>
</table>
<p>单位：元</p>
<p>某县2025年村级公益设施维护资金分配表</p>
<table border=""1"">
<tr><td>序号</td><td>乡镇</td><td>金额</td></tr>
<tr><td>1</td><td>东关镇</td><td>182500</td></tr>
<tr><td>2</td><td>西河乡</td><td>182500</td></tr>
</table>
</body></html>
";

    private const string MoneyForm = @"<html><body>
<p>某县2025年项目支出绩效目标申报表</p>
<table border=""1"">
<tr><td>项目名称</td><td colspan=""3"">农村公路日常养护</td></tr>
<tr><td>主管部门</td><td>某县交通运输局</td><td>实施单位</td><td>某县公路管理站</td></tr>
{MONEY}
<tr><td>年度目标</td><td colspan=""3"">完成农村公路日常养护，保障道路安全畅通。</td></tr>
<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>
<tr><td rowspan=""2"">产出指标</td><td>数量指标</td><td>养护里程</td><td>≥320公里</td></tr>
<tr><td>质量指标</td><td>路面完好率</td><td>≥92%</td></tr>
<tr><td>效益指标</td><td>社会效益指标</td><td>群众出行条件</td><td>明显改善</td></tr>
<tr><td>满意度指标</td><td>服务对象满意度指标</td><td>沿线群众满意度</td><td>≥90%</td></tr>
</table>
</body></html>
";

    private const string RowsWithoutTargets = @"<html><body>
<p>某县2025年项目支出绩效目标表</p>
<p>单位：万元</p>
<table border=""1"">
<tr><td>项目名称</td><td colspan=""3"">乡镇卫生院设备购置</td></tr>
<tr><td>主管部门</td><td>某县卫生健康局</td><td>实施单位</td><td>某县卫生健康局</td></tr>
<tr><td>年度资金总额</td><td colspan=""3"">85</td></tr>
<tr><td>年度目标</td><td colspan=""3"">为乡镇卫生院购置诊疗设备。</td></tr>
<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>
<tr><td rowspan=""4"">产出指标</td><td>数量指标</td><td>购置设备数量</td><td>≥12台</td></tr>
<tr><td>质量指标</td><td>设备验收合格率</td><td></td></tr>
<tr><td>时效指标</td><td>指标1</td><td></td></tr>
<tr><td>成本指标</td><td>……</td><td></td></tr>
<tr><td rowspan=""2"">效益指标</td><td>社会效益指标</td><td>基层诊疗能力</td><td>明显提升</td></tr>
<tr><td>经济效益指标</td><td>经济效益指标</td><td></td></tr>
<tr><td>满意度指标</td><td>服务对象满意度指标</td><td>就诊群众满意度</td><td>≥90%</td></tr>
</table>
</body></html>
";
}
