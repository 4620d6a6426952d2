using BudgetGrpc.Engine.Layouts;
using BudgetGrpc.Engine.Model;
using BudgetGrpc.Engine.Publishing;
using BudgetGrpc.Engine.Reading;
using Xunit;
using static BudgetGrpc.Engine.Tests.Layouts.LayoutChecks;

namespace BudgetGrpc.Engine.Tests.Layouts;

/// <summary>
/// WideLayout on grids of ours read through the header alone: one row per project with its objectives and indicators as
/// free text; rows without a name continue the project above, 合计 declares the total, unit subtotals and categories are
/// no projects.
/// </summary>
public sealed class WideLayoutEdgeTests
{
    private static readonly string[] Columns = ["项目编码", "项目名称", "金额（元）", "年度目标", "绩效指标"];

    private static TableReading ReadWide(CellGrid grid, TableReading? reading = null)
    {
        var header = HeaderRow.Read(grid, 0);
        reading ??= new TableReading();
        WideLayout.Read(grid, header, reading);
        return reading;
    }

    private static string Describe(ProjectDraft p) =>
        $"{p.Code}|{p.Name}|{(p.Amount is { } a ? DecimalText.Normalized(a) : "-")}|{p.Unit}|{p.Source.Row}:{p.Source.Column}:{p.Source.ColumnName}";

    private static string Describe(Indicator i) =>
        $"{i.Level1}/{i.Level2}/{i.Name} {i.Comparator.ToWire()} {(i.Value is { } v ? DecimalText.Normalized(v) : i.QualitativeValue)} {i.Unit}".TrimEnd()
        + $" @{i.Source.Row}:{i.Source.Column}:{i.Source.ColumnName}";

    [Fact]
    public void Each_row_is_a_project_with_its_code_amount_objectives_and_indicators()
    {
        var reading = ReadWide(Grid(Columns,
            R("W01", "农村公路养护", "1,200,000", "1.养护农村公路；2.保障道路通行", "一、产出指标\n（一）数量指标\n1、养护里程≥300公里"),
            R("", "水毁道路修复", "80000（含上年结转）", "", "一、产出指标\n（一）时效指标\n1、修复完成时限≤30天")));
        Assert.Equal(["W01|农村公路养护|1200000||2:2:项目名称", "|水毁道路修复|80000||3:2:项目名称"], reading.Projects.Select(Describe));
        Assert.Equal(["养护农村公路", "保障道路通行"], reading.Projects[0].Objectives);
        Assert.Empty(reading.Projects[1].Objectives);
        Assert.Equal(["产出指标/数量指标/养护里程 >= 300 公里 @2:5:绩效指标"], reading.Projects[0].Indicators.Select(Describe));
        Assert.Equal(["产出指标/时效指标/修复完成时限 <= 30 天 @3:5:绩效指标"], reading.Projects[1].Indicators.Select(Describe));
        Assert.Equal(AmountUnits.Yuan, reading.Title.AmountUnit);
        Assert.True(reading.TargetColumnsRead);
        Assert.Null(reading.DeclaredTotal);
    }

    [Fact]
    public void A_row_without_name_or_code_continues_the_project_above_and_before_any_project_is_dropped()
    {
        var reading = ReadWide(Grid(Columns,
            R("", "", "", "前页遗留目标", "一、产出指标\n（一）数量指标\n1、遗留指标5个"),
            R("W01", "农村公路养护", "1200000", "1.养护农村公路", "一、产出指标\n（一）数量指标\n1、养护里程≥300公里"),
            R("", "", "", "2.保障道路通行", "二、效益指标\n（一）社会效益指标\n1、道路通行率≥98%")));
        var p = Assert.Single(reading.Projects);
        Assert.Equal(["养护农村公路", "保障道路通行"], p.Objectives);
        Assert.Equal(["产出指标/数量指标/养护里程 >= 300 公里 @3:5:绩效指标", "效益指标/社会效益指标/道路通行率 >= 98 % @4:5:绩效指标"],
            p.Indicators.Select(Describe));
        Assert.Contains(p.Headings, h => (h.Level1, h.Level2) == ("效益指标", "社会效益指标"));
    }

    [Fact]
    public void Totals_add_up_and_unit_subtotals_and_categories_are_no_projects()
    {
        var reading = ReadWide(Grid(["单位名称", "项目名称", "金额", "年度目标", "绩效指标"],
            R("", "合计", "150", "", ""),
            R("", "501-某县交通运输局", "150", "", ""),
            R("", "特定目标类", "150", "", ""),
            R("", "——", "", "", ""),
            R("某县交通运输局", "农村公路养护", "150", "养护农村公路", "一、产出指标\n（一）数量指标\n1、养护里程≥300公里"),
            R("", "总计", "10", "", "")));
        Assert.Equal(["|农村公路养护|150|某县交通运输局|6:2:项目名称"], reading.Projects.Select(Describe));
        Assert.Equal(160m, reading.DeclaredTotal);
        Assert.Equal(new SourceRef("t", 2, 3, "金额"), reading.DeclaredTotalSource);
        Assert.Equal("某县交通运输局", reading.Title.Department);
    }

    [Fact]
    public void A_named_row_with_nothing_under_it_is_a_project_not_a_category()
    {
        var reading = ReadWide(Grid(Columns,
            R("", "特定目标类", "150", "", ""),
            R("", "", "", "", ""),
            R("", "防汛物资储备", "30", "", "")));
        Assert.Equal(["特定目标类", "防汛物资储备"], reading.Projects.Select(p => p.Name));
    }

    [Fact]
    public void Names_like_a_unit_with_objectives_or_indicators_are_projects()
    {
        var reading = ReadWide(Grid(Columns,
            R("", "某县城市管理局", "20", "", "一、产出指标\n（一）数量指标\n1、清扫道路面积≥50万平方米"),
            R("", "某县数字化城管中心", "8", "建成数字化城管平台", "")));
        Assert.Equal(["|某县城市管理局|20||2:2:项目名称", "|某县数字化城管中心|8||3:2:项目名称"], reading.Projects.Select(Describe));
        Assert.Equal("", reading.Title.Department);
    }

    [Fact]
    public void A_category_with_objectives_or_indicators_of_its_own_is_a_project()
    {
        var reading = ReadWide(Grid(Columns,
            R("", "特定目标类", "150", "统筹专项资金", ""),
            R("", "防汛物资储备", "30", "", "一、产出指标\n（一）数量指标\n1、储备编织袋≥5万条"),
            R("", "其他运转类", "20", "", "一、产出指标\n（一）时效指标\n1、资金拨付及时率100%"),
            R("", "机关运行保障", "20", "", "一、产出指标\n（一）质量指标\n1、保障到位率100%")));
        Assert.Equal(["特定目标类", "防汛物资储备", "其他运转类", "机关运行保障"], reading.Projects.Select(p => p.Name));
    }

    [Fact]
    public void A_row_above_a_continuation_row_is_no_category()
    {
        var reading = ReadWide(Grid(Columns,
            R("", "防汛物资储备", "30", "", ""),
            R("", "", "", "", "一、产出指标\n（一）数量指标\n1、储备编织袋≥5万条"),
            R("", "抗旱应急", "10", "", ""),
            R("", "应急演练", "", "", "")));
        Assert.Equal(["防汛物资储备", "抗旱应急", "应急演练"], reading.Projects.Select(p => p.Name));
        Assert.Equal(["储备编织袋"], reading.Projects[0].Indicators.Select(i => i.Name));
    }

    [Fact]
    public void A_category_row_with_a_code_is_a_project()
    {
        var reading = ReadWide(Grid(Columns,
            R("W00", "特定目标类", "150", "", ""),
            R("W01", "农村公路养护", "150", "", "一、产出指标\n（一）数量指标\n1、养护里程≥300公里")));
        Assert.Equal(["W00|特定目标类", "W01|农村公路养护"], reading.Projects.Select(p => $"{p.Code}|{p.Name}"));
    }

    [Fact]
    public void With_an_objectives_column_first_the_goals_come_from_it_alone()
    {
        var reading = ReadWide(Grid(["年度目标", "项目名称", "绩效指标"],
            R("保障农村公路安全畅通", "农村公路养护", "【总体目标】完成年度养护计划\n【产出指标-数量指标】养护里程≥300公里")));
        var p = Assert.Single(reading.Projects);
        Assert.Equal(["保障农村公路安全畅通"], p.Objectives);
        Assert.Contains("养护里程", p.Indicators.Select(i => i.Name));
    }

    [Fact]
    public void With_an_actual_column_the_list_is_no_target_list()
    {
        var reading = ReadWide(Grid(["项目名称", "金额", "绩效指标", "实际完成值"],
            R("农村公路养护", "150", "一、产出指标\n（一）数量指标\n1、养护里程≥300公里", "310公里")));
        Assert.False(reading.TargetColumnsRead);
        Assert.Single(reading.Projects);
        Assert.False(ReadWide(Grid(["项目名称", "金额", "绩效指标", "得分"],
            R("农村公路养护", "150", "一、产出指标\n（一）数量指标\n1、养护里程≥300公里", "10"))).TargetColumnsRead);
    }

    [Fact]
    public void Without_an_objectives_column_the_lines_before_the_first_level_path_are_the_goals()
    {
        var reading = ReadWide(Grid(["项目名称", "金额", "绩效指标"],
            R("农村公路养护", "150", "【总体目标】保障农村公路安全畅通\n【产出指标-数量指标】养护里程≥300公里")));
        var p = Assert.Single(reading.Projects);
        Assert.Equal(["保障农村公路安全畅通"], p.Objectives);
        Assert.Equal(["产出指标/数量指标/养护里程 >= 300 公里 @2:3:绩效指标"], p.Indicators.Select(Describe));
    }
}
