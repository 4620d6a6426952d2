using BudgetGrpc.Engine.Layouts;
using BudgetGrpc.Engine.Model;
using BudgetGrpc.Engine.Publishing;
using BudgetGrpc.Engine.Reading;
using Xunit;
using static BudgetGrpc.Engine.Tests.Layouts.LayoutChecks;

namespace BudgetGrpc.Engine.Tests.Layouts;

/// <summary>
/// OutlineLayout on grids of ours read through the header alone (the mutation run of the layouts left its row decisions
/// unchecked): which headers and rows make a table an outline, and, row by row, the unit, the projects with their amounts,
/// the totals, notes, repeated headers and rows left unread.
/// </summary>
public sealed class OutlineLayoutEdgeTests
{
    private static readonly string[] Columns = ["项目", "指标值", "金额（万元）"];

    private static bool Fits(CellGrid grid) => OutlineLayout.Fits(grid, HeaderRow.Read(grid, 0));

    private static TableReading ReadOutline(CellGrid grid, TableReading? reading = null)
    {
        var header = HeaderRow.Read(grid, 0);
        Assert.True(OutlineLayout.Fits(grid, header));
        reading ??= new TableReading();
        OutlineLayout.Read(grid, header, reading);
        return reading;
    }

    private static string Describe(ProjectDraft p) =>
        $"{p.Code}|{p.Name}|{(p.Amount is { } a ? DecimalText.Normalized(a) : "-")}|{p.Source.Row}:{p.Source.Column}:{p.Source.ColumnName}";

    private static string Describe(Indicator i) =>
        $"{i.Level1}/{i.Level2}/{i.Name} {i.Comparator.ToWire()} {(i.Value is { } v ? DecimalText.Normalized(v) : i.QualitativeValue)} {i.Unit}".TrimEnd()
        + $" @{i.Source.Row}:{i.Source.Column}";

    private static string[] Unread(TableReading reading) =>
        [.. reading.UnreadRows.Select(u => $"{u.Source.Row}|{u.Text}|{u.ProjectCode}|{u.Reason}")];

    /// <summary>A header and <paramref name="blanks"/> rows of text without a value before a first level row.</summary>
    private static CellGrid LevelAfter(int blanks, string[]? header = null)
    {
        var rows = new List<string[]> { header ?? Columns };
        for (var k = 0; k < blanks; k++) rows.Add(R($"说明事项{k + 1}", "", ""));
        rows.Add(R("产出指标", "", ""));
        rows.Add(R("培训人次", "120人次", ""));
        return Grid([.. rows]);
    }

    [Fact]
    public void The_first_level_must_stand_within_twelve_rows_under_the_header()
    {
        Assert.True(Fits(LevelAfter(0)));
        Assert.True(Fits(LevelAfter(11)));
        Assert.False(Fits(LevelAfter(12)));
    }

    [Fact]
    public void A_first_level_word_with_a_value_beside_it_makes_no_outline()
    {
        Assert.False(Fits(Grid(Columns, R("某中心", "", ""), R("产出指标", "≥3项", ""), R("培训人次", "120人次", ""))));
    }

    [Fact]
    public void An_outline_needs_a_name_and_a_value_column_and_no_level_or_indicator_column()
    {
        Assert.False(Fits(LevelAfter(1, ["项目", "计量单位", "绩效金额"])));
        Assert.False(Fits(LevelAfter(1, ["序号", "指标值", "绩效金额"])));
        Assert.False(Fits(LevelAfter(1, ["项目", "一级指标", "指标值"])));
        Assert.False(Fits(LevelAfter(1, ["项目", "二级指标", "指标值"])));
        Assert.False(Fits(LevelAfter(1, ["项目", "三级指标", "指标值"])));
        Assert.False(Fits(LevelAfter(1, ["项目", "绩效指标", "指标值"])));
        Assert.True(Fits(LevelAfter(1, ["项目", "指标值", "计量单位"])));
    }

    [Fact]
    public void Rows_of_the_outline_give_the_unit_the_projects_their_levels_and_indicators()
    {
        var reading = ReadOutline(Grid(Columns,
            R("201-某县林业局", "", ""),
            R("国土绿化", "", "85.5"),
            R("产出指标", "", ""),
            R("数量指标", "", ""),
            R("新增造林面积", "≥2000亩", ""),
            R("苗木成活率", "≥85%", ""),
            R("", "", ""),
            R("古树名木保护", "", "12（含上年结转2）"),
            R("——", "", ""),
            R("效益指标", "", ""),
            R("生态效益指标", "", ""),
            R("古树死亡株数", "0株", "")));
        Assert.Equal("某县林业局", reading.Title.Department);
        Assert.Equal(AmountUnits.TenThousandYuan, reading.Title.AmountUnit);
        Assert.True(reading.TargetColumnsRead);
        Assert.Equal(["1|国土绿化|85.5|3:1:项目", "2|古树名木保护|12|9:1:项目"], reading.Projects.Select(Describe));
        Assert.Equal(["产出指标/数量指标/新增造林面积 >= 2000 亩 @6:1", "产出指标/数量指标/苗木成活率 >= 85 % @7:1"],
            reading.Projects[0].Indicators.Select(Describe));
        Assert.Equal(["效益指标/生态效益指标/古树死亡株数 = 0 株 @13:1"], reading.Projects[1].Indicators.Select(Describe));
        Assert.Empty(reading.UnreadRows);
        Assert.Null(reading.DeclaredTotal);
        Assert.Equal((Layout.Long, 3, "古树名木保护"), (reading.Open!.Layout, reading.Open.ColumnCount, reading.Open.Project!.Name));
    }

    [Fact]
    public void Projects_are_numbered_after_those_already_read()
    {
        var reading = new TableReading();
        reading.Projects.Add(new ProjectDraft("1", "前表项目", null, SourceRef.None));
        ReadOutline(Grid(Columns,
            R("乡村振兴衔接资金", "", "300"),
            R("产出指标", "", ""),
            R("帮扶脱贫户数", "≥500户", "")), reading);
        Assert.Equal(["1|前表项目|-|0:0:", "2|乡村振兴衔接资金|300|2:1:项目"], reading.Projects.Select(Describe));
    }

    [Fact]
    public void A_total_row_declares_the_total_and_a_note_ends_the_outline()
    {
        var reading = ReadOutline(Grid(Columns,
            R("合计", "", "96"),
            R("全民健身设施", "", "96"),
            R("产出指标", "", ""),
            R("新建健身路径", "10处", ""),
            R("注：金额为年初预算数", "", ""),
            R("体育赛事补助", "", "20"),
            R("产出指标", "", ""),
            R("举办赛事场次", "6场", "")));
        Assert.Equal(96m, reading.DeclaredTotal);
        Assert.Equal(new SourceRef("t", 2, 3, "金额（万元）"), reading.DeclaredTotalSource);
        Assert.Equal(["1|全民健身设施|96|3:1:项目"], reading.Projects.Select(Describe));
        Assert.Equal(["新建健身路径"], reading.Projects[0].Indicators.Select(i => i.Name));
        Assert.Equal("", reading.Title.Department);
    }

    [Fact]
    public void The_header_repeated_on_a_new_page_is_passed_over()
    {
        var reading = ReadOutline(Grid(Columns,
            R("全民健身设施", "", "96"),
            R("产出指标", "", ""),
            R("新建健身路径", "10处", ""),
            R("项目", "指标值", ""),
            R("健身设施完好率", "≥95%", "")));
        Assert.Equal(["新建健身路径", "健身设施完好率"], reading.Projects[0].Indicators.Select(i => i.Name));
        Assert.Empty(reading.UnreadRows);
    }

    [Fact]
    public void Values_before_any_project_are_left_unread_and_names_without_a_value_name_the_unit_once()
    {
        var reading = ReadOutline(Grid(Columns,
            R("某县体育局", "", ""),
            R("某县体育中心", "", ""),
            R("场馆开放天数", "≥300天", ""),
            R("", "≥20场", ""),
            R("全民健身设施", "", "96"),
            R("产出指标", "", ""),
            R("新建健身路径", "10处", "")));
        Assert.Equal("某县体育局", reading.Title.Department);
        Assert.Equal(["4|场馆开放天数 | ≥300天||NoProject", "5|≥20场||NoProject"], Unread(reading));
        Assert.Equal(["1|全民健身设施|96|6:1:项目"], reading.Projects.Select(Describe));
    }

    [Fact]
    public void A_row_without_a_value_under_a_project_is_read_as_one_of_its_rows_not_as_the_unit()
    {
        var reading = ReadOutline(Grid(Columns,
            R("全民健身设施", "", "96"),
            R("产出指标", "", ""),
            R("新建健身路径", "10处", ""),
            R("健身器材维护", "", ""),
            R("器材完好率", "≥95%", "")));
        Assert.Equal("", reading.Title.Department);
        var p = Assert.Single(reading.Projects);
        Assert.Equal(["新建健身路径", "器材完好率"], p.Indicators.Where(i => i.Value is not null).Select(i => i.Name));
    }

    [Fact]
    public void A_level_word_without_a_value_opens_the_level_and_starts_no_project()
    {
        var reading = ReadOutline(Grid(Columns,
            R("全民健身设施", "", "96"),
            R("产出指标", "", ""),
            R("质量指标", "", ""),
            R("产出指标", "", ""),
            R("新建健身路径", "10处", "")));
        var p = Assert.Single(reading.Projects);
        Assert.Equal(["产出指标/质量指标/新建健身路径 = 10 处 @6:1"], p.Indicators.Select(Describe));
    }

    [Fact]
    public void A_total_worded_with_its_unit_declares_the_total()
    {
        var reading = ReadOutline(Grid(Columns,
            R("全民健身设施", "", "96"),
            R("产出指标", "", ""),
            R("新建健身路径", "10处", ""),
            R("合计（万元）", "", "96")));
        Assert.Equal(96m, reading.DeclaredTotal);
        Assert.Equal(new SourceRef("t", 5, 3, "金额（万元）"), reading.DeclaredTotalSource);
        Assert.Equal(["全民健身设施"], reading.Projects.Select(p => p.Name));
        Assert.Equal("", reading.Title.Department);
    }

    [Fact]
    public void A_row_with_an_amount_alone_inside_a_project_starts_no_project()
    {
        var reading = ReadOutline(Grid(Columns,
            R("全民健身设施", "", "96"),
            R("产出指标", "", ""),
            R("新建健身路径", "10处", ""),
            R("", "", "6"),
            R("效益指标", "", ""),
            R("经常参加锻炼人数增加", "≥500人", "")));
        var p = Assert.Single(reading.Projects);
        Assert.Equal(["新建健身路径", "经常参加锻炼人数增加"], p.Indicators.Select(i => i.Name));
    }

    [Fact]
    public void Each_project_opens_its_levels_afresh()
    {
        var reading = ReadOutline(Grid(Columns,
            R("全民健身设施", "", "96"),
            R("产出指标", "", ""),
            R("质量指标", "", ""),
            R("健身设施完好率", "≥95%", ""),
            R("国土绿化", "", "85.5"),
            R("产出指标", "", ""),
            R("新增造林面积", "≥2000亩", "")));
        Assert.Equal(["全民健身设施", "国土绿化"], reading.Projects.Select(p => p.Name));
        var i = Assert.Single(reading.Projects[1].Indicators);
        Assert.Equal(("产出指标", "数量指标", IndicatorFlags.InferredLevel2), (i.Level1, i.Level2, i.Flags));
    }

    [Fact]
    public void A_name_without_a_value_on_the_last_row_names_the_unit_when_no_project_is_open()
    {
        var reading = ReadOutline(Grid(Columns,
            R("产出指标", "", ""),
            R("新增造林面积", "≥2000亩", ""),
            R("某县林业局", "", "")));
        Assert.Empty(reading.Projects);
        Assert.Equal("某县林业局", reading.Title.Department);
        Assert.Equal(["3|新增造林面积 | ≥2000亩||NoProject"], Unread(reading));
    }

    [Fact]
    public void Through_the_engine_an_outline_reads_as_a_long_table()
    {
        var d = Parse("""
            <html><body><p>某县体育局2025年项目绩效目标表</p><table border="1">
            <tr><td>项目</td><td>指标值</td><td>绩效金额</td></tr>
            <tr><td>全民健身设施</td><td></td><td>96</td></tr>
            <tr><td>产出指标</td><td></td><td></td></tr>
            <tr><td>新建健身路径</td><td>10处</td><td></td></tr>
            </table></body></html>
            """);
        Assert.Equal(Layout.Long, d.Source.Layout);
        var p = Assert.Single(d.Projects);
        Assert.Equal(("1", "全民健身设施", 96m), (p.Code, p.Name, p.Amount));
        AssertIndicator(p, "产出指标", "数量指标", "新建健身路径", "=", "10", "处");
    }
}
