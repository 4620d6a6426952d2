using BudgetGrpc.Engine.Model;
using BudgetGrpc.Engine.Publishing;
using BudgetGrpc.Engine.Tests.Reading;
using Xunit;
using static BudgetGrpc.Engine.Tests.Reading.SyntheticOoxml;

using static BudgetGrpc.Engine.Tests.Layouts.LayoutChecks;

namespace BudgetGrpc.Engine.Tests.Layouts;

/// <summary>
/// Tables written the way other provinces write them (header synonyms, two-row headers, saved web pages,
/// several forms in one file, cost as a first level): the engine is built for the family, not for the samples.
/// </summary>
public sealed class UnseenLayoutTests
{
    private static Disclosure Parse(byte[] content, string fileName)
    {
        var result = new DisclosureEngine().Parse(content, fileName);
        Assert.True(result.Succeeded, result.Error?.ToString());
        return result.Disclosure!;
    }

    private static Disclosure ParseVariant(string name) =>
        Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Layouts", "Variants", name)), name);

    [Fact]
    public void Saved_web_page_with_navigation_and_a_wide_table_under_other_header_words()
    {
        var d = ParseVariant("wide-saved-page.html");
        Assert.Equal((Layout.Wide, "某市文化和旅游局", 2025, "万元"), (d.Source.Layout, d.Department, d.FiscalYear, d.AmountUnit));
        Assert.Equal(["公共文化服务经费", "旅游宣传推广经费"], d.Projects.Select(p => p.Name));
        Assert.Equal([45.50m, 20m], d.Projects.Select(p => p.Amount!.Value));
        var culture = d.Projects[0];
        Assert.Equal(["开展送戏下乡演出", "提升群众文化获得感。"], culture.Objectives);
        AssertIndicator(culture, "产出指标", "数量指标", "送戏下乡演出场次", ">=", "120", "场");
        AssertIndicator(culture, "产出指标", "时效指标", "演出完成时间", "qualitative", null, "", "2025年12月底前");
        AssertIndicator(culture, "产出指标", "成本指标", "演出补助标准", "<=", "3000", "元/场");
        AssertIndicator(culture, "效益指标", "社会效益指标", "群众文化生活", "qualitative", null, "", "明显改善");
        AssertIndicator(culture, "满意度指标", "服务对象满意度指标", "群众满意度", ">=", "90", "%");
        var tourism = d.Projects[1];
        Assert.Equal(2, tourism.Objectives.Count);
        AssertIndicator(tourism, "产出指标", "数量指标", "发放宣传册", ">=", "5000", "册");
        AssertIndicator(tourism, "产出指标", "质量指标", "宣传覆盖率", ">=", "80", "%");
        AssertIndicator(tourism, "产出指标", "时效指标", "推介会举办时间", "qualitative", null, "", "按期完成");
        AssertIndicator(tourism, "效益指标", "经济效益指标", "旅游收入增长", ">=", "5", "%");
        AssertIndicator(tourism, "满意度指标", "服务对象满意度指标", "游客满意度", ">=", "85", "%");
    }

    [Fact]
    public void Markdown_long_table_with_codes_a_total_row_and_cost_as_first_level()
    {
        var d = ParseVariant("long-pipe-table.md");
        Assert.Equal((Layout.Long, "md", "某县卫生健康局", 2024, 150.00m), (d.Source.Layout, d.Source.Format, d.Department, d.FiscalYear, d.DeclaredTotal));
        Assert.Equal(["5301001", "5301002"], d.Projects.Select(p => p.Code));
        AssertIndicator(d.Projects[0], "效益指标", "社会效益指标", "群众健康水平", "qualitative", null, "", "逐步提高");
        AssertIndicator(d.Projects[0], "满意度指标", "服务对象满意度指标", "签约居民满意度", ">=", "85", "%");
        AssertIndicator(d.Projects[1], "成本指标", "经济成本指标", "运维成本", "<=", "50", "万元");
        AssertIndicator(d.Projects[1], "产出指标", "时效指标", "故障修复时间", "<=", "24", "小时");
        Assert.DoesNotContain(d.Findings, f => f.Severity == Severity.Error);
    }

    [Fact]
    public void Two_forms_in_one_page_give_two_projects_with_synonym_levels_mapped()
    {
        var d = ParseVariant("two-forms.html");
        Assert.Equal((Layout.Form, "某区水务局", 2026, "万元"), (d.Source.Layout, d.Department, d.FiscalYear, d.AmountUnit));
        Assert.Equal(["河道日常管护经费", "防汛物资储备经费"], d.Projects.Select(p => p.Name));
        Assert.Equal([80m, 35.6m], d.Projects.Select(p => p.Amount!.Value));
        Assert.Equal("某区河道管理所", d.Projects[0].Attributes["实施单位"]);
        AssertIndicator(d.Projects[0], "产出指标", "数量指标", "河道保洁长度", ">=", "120", "公里");
        AssertIndicator(d.Projects[0], "产出指标", "时效指标", "完成时限", "qualitative", null, "", "2026年12月前");
        AssertIndicator(d.Projects[0], "效益指标", "生态效益指标", "河道水质", "qualitative", null, "", "持续改善");
        AssertIndicator(d.Projects[1], "成本指标", "经济成本指标", "物资采购成本", "<=", "35.6", "万元");
        Assert.Equal(8, d.IndicatorCount);
    }

    [Fact]
    public void Workbook_with_a_two_row_header_merged_project_cells_and_a_date_target()
    {
        var rows = new[]
        {
            Row(1, Text("A1", "某县交通运输局2025年项目支出绩效目标表")),
            Row(2, Text("A2", "金额单位：万元")),
            Row(3, Text("A3", "项目名称"), Text("B3", "预算数"), Text("C3", "年度目标"), Text("D3", "绩效指标")),
            Row(4, Text("D4", "一级指标"), Text("E4", "二级指标"), Text("F4", "三级指标"), Text("G4", "指标值"), Text("H4", "度量单位")),
            Row(5, Text("A5", "农村公路养护"), Number("B5", "300"), Text("C5", "1.养护农村公路500公里。2.路况优良率提升。"),
                Text("D5", "产出指标"), Text("E5", "数量指标"), Text("F5", "养护里程"), Text("G5", "≥500"), Text("H5", "公里")),
            Row(6, Text("E6", "时效指标"), Text("F6", "完工时间"), Number("G6", "45838", style: 1)),
            Row(7, Text("D7", "效益指标"), Text("E7", "社会效益指标"), Text("F7", "群众出行条件"), Text("G7", "明显改善")),
            Row(8, Text("D8", "满意度指标"), Text("E8", "服务对象满意度指标"), Text("F8", "沿线群众满意度"), Text("G8", "≥90"), Text("H8", "%")),
        };
        var xlsx = Workbook([new SheetSpec("项目", rows, ["A3:A4", "B3:B4", "C3:C4", "D3:H3", "A5:A8", "B5:B8", "C5:C8", "D5:D6"])]);
        var d = Parse(xlsx, "jiaotong-2025.xlsx");
        Assert.Equal((Layout.Long, "某县交通运输局", 2025), (d.Source.Layout, d.Department, d.FiscalYear));
        var road = Assert.Single(d.Projects);
        Assert.Equal((300m, 2), (road.Amount!.Value, road.Objectives.Count));
        AssertIndicator(road, "产出指标", "数量指标", "养护里程", ">=", "500", "公里");
        // An Excel date cell is a date, never the serial number 45838.
        AssertIndicator(road, "产出指标", "时效指标", "完工时间", "qualitative", null, "", "2025-06-30");
        AssertIndicator(road, "满意度指标", "服务对象满意度指标", "沿线群众满意度", ">=", "90", "%");
        Assert.Equal(4, road.Indicators.Count);
    }

    [Fact]
    public void A_bare_unit_column_is_the_reporting_unit_on_the_left_and_the_unit_of_measure_on_the_right()
    {
        var d = ParseVariant("long-bare-unit.csv");
        var p = Assert.Single(d.Projects);
        Assert.Equal(("困难群众救助补助", "某县民政局", 210.5m), (p.Name, p.Unit, p.Amount!.Value));
        AssertIndicator(p, "产出指标", "数量指标", "救助人数", ">=", "1200", "人");
        AssertIndicator(p, "产出指标", "时效指标", "资金发放及时率", "=", "100", "%");
        AssertIndicator(p, "满意度指标", "服务对象满意度指标", "救助对象满意度", ">=", "90", "%");
    }

    [Fact]
    public void A_table_without_disclosure_headers_is_a_typed_error_that_names_what_was_expected()
    {
        var csv = "姓名,电话,地址\n张三,123,某街\n"u8.ToArray();
        var result = new DisclosureEngine().Parse(csv, "contacts.csv");
        Assert.False(result.Succeeded);
        Assert.Equal(DisclosureErrorCode.UnrecognisedLayout, result.Error!.Code);
        Assert.Contains("项目名称", result.Error.Message);
        Assert.Contains("姓名", result.Error.Message);
    }
}
