using BudgetGrpc.Engine.Indicators;
using BudgetGrpc.Engine.Model;
using Xunit;

using static BudgetGrpc.Engine.Tests.Layouts.LayoutChecks;

namespace BudgetGrpc.Engine.Tests.Layouts;

/// <summary>
/// The family blind round 14 met that the engine refused (docs/layout-survey.md, round 14): a project form with no
/// indicator grid and no title, whose 年度绩效总目标 label spans rows of first levels (产出指标, 效益指标), each beside one cell
/// that lists its indicators one after another, parted by semicolons, each with its figure or a word of quality glued
/// to its name; the year stated only by the project's period (起止时间 | 2022年1月—12月). A table written by us on that
/// model; each assertion failed before.
/// </summary>
public sealed class Round14FamilyTests
{
    private static string Form(string period) => $"""
        <html><body>
        <table border="1">
        <tr><td>项目名称</td><td colspan="2">全县非遗传承保护经费</td><td>预算金额</td><td colspan="2">48万元</td></tr>
        <tr><td>预算单位</td><td>某县文化馆</td><td>联系电话</td><td>5550123</td><td>主管部门</td><td>某县文化馆</td></tr>
        <tr><td>实施单位</td><td>某县文化馆</td><td>项目负责人</td><td>王某</td><td>起止时间</td><td>{period}</td></tr>
        <tr><td rowspan="2">资金来源(万元)</td><td>财政拨款</td><td>非税安排</td><td>上年结转</td><td>政府债券</td><td>其他</td></tr>
        <tr><td>48</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>
        <tr><td>项目概述(情况介绍)</td><td colspan="5">依据非物质文化遗产法，县级人民政府将非遗保护经费列入本级预算。</td></tr>
        <tr><td rowspan="2">年度绩效总目标</td><td>产出指标</td><td colspan="4">开展非遗进校园活动场次12场;整理非遗项目档案数量30份;非遗传承人培训人数≥60人; 非遗展演活动按期完成率≥95%。</td></tr>
        <tr><td>效益指标</td><td colspan="4">非遗展演观众人次≥1.5万人次;非遗项目档案体系基本健全。</td></tr>
        <tr><td>资金拨付对象</td><td colspan="5">某县文化馆</td></tr>
        </table></body></html>
        """;

    [Fact]
    public void Indicators_listed_in_a_cell_beside_each_first_level_are_read_one_by_one()
    {
        var d = Parse(Form("2026年1月—12月"));
        var p = Assert.Single(d.Projects);
        Assert.Equal(("全县非遗传承保护经费", 48m), (p.Name, p.Amount));
        Assert.Equal(
        [
            "产出指标/数量指标/开展非遗进校园活动场次 = 12 场",
            "产出指标/数量指标/整理非遗项目档案数量 = 30 份",
            "产出指标/数量指标/非遗传承人培训人数 >= 60 人",
            "产出指标/时效指标/非遗展演活动按期完成率 >= 95 %",
            "效益指标/社会效益指标/非遗展演观众人次 >= 1.5 万人次",
            "效益指标/社会效益指标/非遗项目档案体系 qualitative 基本健全",
        ], p.Indicators.Select(Ind));
        Assert.Equal(("某县文化馆", "万元"), (d.Department, d.AmountUnit));
    }

    [Fact]
    public void Indicators_numbered_in_the_cell_instead_of_parted_by_semicolons_are_read_too()
    {
        var html = Form("2026年1月—12月")
            .Replace("开展非遗进校园活动场次12场;整理非遗项目档案数量30份;非遗传承人培训人数≥60人; 非遗展演活动按期完成率≥95%。",
                "1.开展非遗进校园活动场次12场<br>2.整理非遗项目档案数量30份<br>3.非遗传承人培训人数≥60人<br>4.非遗展演活动按期完成率≥95%")
            .Replace("非遗展演观众人次≥1.5万人次;非遗项目档案体系基本健全。", "（1）非遗展演观众人次≥1.5万人次 （2）非遗项目档案体系基本健全");
        var p = Assert.Single(Parse(html).Projects);
        Assert.Equal(["开展非遗进校园活动场次", "整理非遗项目档案数量", "非遗传承人培训人数", "非遗展演活动按期完成率", "非遗展演观众人次", "非遗项目档案体系"],
            p.Indicators.Select(i => i.Name));
        Assert.Equal([12m, 30m, 60m, 95m, 1.5m, null], p.Indicators.Select(i => i.Value));
    }

    [Theory]
    // The period names the year where no title does, when it lies within one year.
    [InlineData("2026年1月—12月", 2026)]
    [InlineData("2026年1月1日至2026年12月31日", 2026)]
    [InlineData("2025年7月—2026年6月", null)]
    [InlineData("一年", null)]
    public void The_projects_period_within_one_year_gives_the_fiscal_year(string period, int? year) =>
        Assert.Equal(year, Parse(Form(period)).FiscalYear);

    [Theory]
    // A known word of quality of three or more characters glued to a name of four or more is its target …
    [InlineData("非遗项目档案体系基本健全", "非遗项目档案体系", "基本健全")]
    [InlineData("农村人居环境明显改善", "农村人居环境", "明显改善")]
    // … a short name or a figure keeps the words whole.
    [InlineData("体系基本健全", "体系基本健全", "")]
    [InlineData("档案体系不健全", "档案体系不健全", "")]
    public void A_word_of_quality_glued_to_the_name_is_the_target(string item, string name, string qualitative)
    {
        var piece = Assert.Single(ItemParser.Parse(item));
        Assert.Equal((name, qualitative), (piece.RawName, piece.Target.QualitativeValue));
    }
}

/// <summary>
/// A 市县级 申报表 whose funds stand as label–figure pairs, the whole period's on the left and the year's on the right
/// (blind round 14, #02): the year's amount, and the period's only where the year's is left blank. Tables of ours.
/// </summary>
public sealed class PeriodAmountTests
{
    private static string Form(string period, string year) => $"""
        <html><body><p>某县县级预算部门项目支出绩效目标申报表</p><p>(2026年度)</p>
        <table border="1">
        <tr><td>项目名称</td><td colspan="5">古建筑日常养护经费</td></tr>
        <tr><td>主管部门及代码</td><td colspan="2">415-某县文化和旅游局</td><td>实施单位</td><td colspan="2"></td></tr>
        <tr><td rowspan="3">项目资金 (元)</td><td>实施期资金总额:</td><td>{period}</td><td>年度资金总额:</td><td colspan="2">{year}</td></tr>
        <tr><td>其中:财政拨款</td><td>{period}</td><td>其中:财政拨款</td><td colspan="2">{year}</td></tr>
        <tr><td>其他资金</td><td></td><td>其他资金</td><td colspan="2"></td></tr>
        <tr><td rowspan="2">总体目标</td><td colspan="2">实施期目标</td><td colspan="3">年度目标</td></tr>
        <tr><td colspan="5">完成辖区内古建筑日常养护。</td></tr>
        <tr><td rowspan="2">绩效指标</td><td>一级指标</td><td>二级指标</td><td colspan="2">三级指标</td><td>指标值</td></tr>
        <tr><td>产出指标</td><td>数量指标</td><td colspan="2">养护古建筑处数</td><td>12处</td></tr>
        </table></body></html>
        """;

    [Theory]
    [InlineData("900,000", "", 900000)]
    [InlineData("1,800,000", "600,000", 600000)]
    public void The_periods_funds_stand_in_only_for_a_blank_years_amount(string period, string year, int expected)
    {
        var d = LayoutChecks.Parse(Form(period, year));
        Assert.Equal(((decimal?)expected, "元"), (Assert.Single(d.Projects).Amount, d.AmountUnit));
    }
}
