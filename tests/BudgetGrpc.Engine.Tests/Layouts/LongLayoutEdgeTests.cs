using BudgetGrpc.Engine.Layouts;
using BudgetGrpc.Engine.Model;
using BudgetGrpc.Engine.Publishing;
using BudgetGrpc.Engine.Reading;
using Xunit;
using static BudgetGrpc.Engine.Tests.Layouts.LayoutChecks;

namespace BudgetGrpc.Engine.Tests.Layouts;

/// <summary>
/// LongLayout row by row, on grids of ours read through the header alone (the mutation run of the layouts left its row
/// decisions unchecked): where a project starts and with which code, amount, objectives and unit, which rows are totals,
/// department subtotals, notes, repeated headers or a self-evaluation's own rows, what a continued grid adds to the open
/// project and what is left unread.
/// </summary>
public sealed class LongLayoutEdgeTests
{
    private static readonly string[] Columns = ["项目编码", "项目名称", "金额（万元）", "年度目标", "一级指标", "二级指标", "三级指标", "指标值"];

    /// <summary>Reads the grid under its header on row 0 into <paramref name="reading"/> (a new one unless given).</summary>
    private static TableReading ReadLong(CellGrid grid, TableReading? reading = null)
    {
        var header = HeaderRow.Read(grid, 0);
        reading ??= new TableReading();
        LongLayout.Read(grid, header, reading, header.LastRow + 1);
        return reading;
    }

    private static string Describe(ProjectDraft p) =>
        $"{p.Code}|{p.Name}|{(p.Amount is { } a ? DecimalText.Normalized(a) : "-")}|{p.Unit}|{p.Source.Row}:{p.Source.Column}:{p.Source.ColumnName}";

    private static string Describe(Indicator i) =>
        $"{i.Level1}/{i.Level2}/{i.Name} {i.Comparator.ToWire()} {(i.Value is { } v ? DecimalText.Normalized(v) : i.QualitativeValue)} {i.Unit}".TrimEnd()
        + $" @{i.Source.Row}";

    private static string[] Unread(TableReading reading) =>
        [.. reading.UnreadRows.Select(u => $"{u.Source.Row}|{u.Text}|{u.ProjectCode}|{u.Reason}")];

    [Fact]
    public void Projects_merged_down_over_their_rows_take_their_code_amount_objectives_and_the_header_unit()
    {
        var reading = ReadLong(Grid(Columns,
            R("2025-001", "农村饮水安全巩固提升", "320", "1.完成供水管网改造；2.保障群众饮水安全", "产出指标", "数量指标", "改造供水管网长度", "≥12公里"),
            R("^", "^", "^", "^", "^", "质量指标", "水质达标率", "≥95%"),
            R("", "————", "", "", "", "", "", ""),
            R("2025-002", "高标准农田建设", "1,500.5", "", "效益指标", "经济效益指标", "亩均增产", "≥50公斤")));
        Assert.Equal(["2025-001|农村饮水安全巩固提升|320||2:2:项目名称", "2025-002|高标准农田建设|1500.5||5:2:项目名称"],
            reading.Projects.Select(Describe));
        Assert.Equal(["完成供水管网改造", "保障群众饮水安全"], reading.Projects[0].Objectives);
        Assert.Empty(reading.Projects[1].Objectives);
        Assert.Equal(["产出指标/数量指标/改造供水管网长度 >= 12 公里 @2", "产出指标/质量指标/水质达标率 >= 95 % @3"],
            reading.Projects[0].Indicators.Select(Describe));
        Assert.Equal(["效益指标/经济效益指标/亩均增产 >= 50 公斤 @5"], reading.Projects[1].Indicators.Select(Describe));
        Assert.Equal(AmountUnits.TenThousandYuan, reading.Title.AmountUnit);
        Assert.True(reading.TargetColumnsRead);
        Assert.Empty(reading.UnreadRows);
        Assert.Null(reading.DeclaredTotal);
        var open = reading.Open!;
        Assert.Equal((Layout.Long, 8, "2025-002"), (open.Layout, open.ColumnCount, open.Project!.Code));
    }

    [Fact]
    public void Without_codes_projects_are_numbered_after_those_already_read()
    {
        var reading = new TableReading();
        reading.Projects.Add(new ProjectDraft("1", "前表项目", null, SourceRef.None));
        ReadLong(Grid(["项目名称", "一级指标", "二级指标", "三级指标", "指标值"],
            R("乡村道路养护", "产出指标", "数量指标", "养护里程", "80公里"),
            R("村级公益设施维修", "产出指标", "质量指标", "维修验收合格率", "100%")), reading);
        Assert.Equal(["1|前表项目|-||0:0:", "2|乡村道路养护|-||2:1:项目名称", "3|村级公益设施维修|-||3:1:项目名称"],
            reading.Projects.Select(Describe));
        Assert.Null(reading.Title.AmountUnit);
    }

    [Fact]
    public void A_project_repeated_on_every_row_is_one_project_until_its_name_or_code_changes()
    {
        var reading = ReadLong(Grid(["项目编码", "项目名称", "金额", "一级指标", "二级指标", "三级指标", "指标值"],
            R("A01", "城乡环卫一体化", "200", "产出指标", "数量指标", "清运垃圾量", "≥3万吨"),
            R("A01", "城乡环卫一体化", "200", "产出指标", "时效指标", "日产日清率", "100%"),
            R("A02", "城乡环卫一体化", "60", "产出指标", "数量指标", "新增垃圾桶", "500个"),
            R("", "城乡环卫一体化", "", "效益指标", "社会效益指标", "村容村貌改善", "明显改善"),
            R("A03", "污水处理厂运行", "90", "产出指标", "质量指标", "出水达标率", "100%")));
        Assert.Equal(["A01|城乡环卫一体化|200||2:2:项目名称", "A02|城乡环卫一体化|60||4:2:项目名称", "A03|污水处理厂运行|90||6:2:项目名称"],
            reading.Projects.Select(Describe));
        Assert.Equal(["产出指标/数量指标/清运垃圾量 >= 3 万吨 @2", "产出指标/时效指标/日产日清率 = 100 % @3"],
            reading.Projects[0].Indicators.Select(Describe));
        Assert.Equal(["产出指标/数量指标/新增垃圾桶 = 500 个 @4", "效益指标/社会效益指标/村容村貌改善 qualitative 明显改善 @5"],
            reading.Projects[1].Indicators.Select(Describe));
    }

    [Fact]
    public void A_total_row_declares_the_total_by_its_name_or_its_code_and_starts_no_project()
    {
        var reading = ReadLong(Grid(["项目编码", "项目名称", "金额（元）", "一级指标", "二级指标", "三级指标", "指标值"],
            R("合计", "", "350000", "", "", "", ""),
            R("B01", "中小学校舍维修", "300000", "产出指标", "数量指标", "维修校舍面积", "≥2000平方米"),
            R("B02", "教师培训", "50000", "产出指标", "数量指标", "培训教师人数", "≥120人"),
            R("", "总计", "20000", "", "", "", "")));
        Assert.Equal(["B01|中小学校舍维修|300000||3:2:项目名称", "B02|教师培训|50000||4:2:项目名称"], reading.Projects.Select(Describe));
        Assert.Equal(370000m, reading.DeclaredTotal);
        Assert.Equal(new SourceRef("t", 2, 3, "金额（元）"), reading.DeclaredTotalSource);
        Assert.Equal(AmountUnits.Yuan, reading.Title.AmountUnit);
        Assert.Equal(["培训教师人数"], reading.Projects[1].Indicators.Select(i => i.Name));
    }

    [Fact]
    public void A_total_row_named_in_the_unit_column_declares_the_total()
    {
        var reading = ReadLong(Grid(["单位名称", "项目名称", "金额", "一级指标", "二级指标", "三级指标", "指标值"],
            R("某县教育局", "课后服务补助", "80", "产出指标", "数量指标", "受益学生人数", "≥3000人"),
            R("合计", "", "80", "", "", "", "")));
        Assert.Equal(["1|课后服务补助|80|某县教育局|2:2:项目名称"], reading.Projects.Select(Describe));
        Assert.Equal(80m, reading.DeclaredTotal);
        Assert.Equal(new SourceRef("t", 3, 3, "金额"), reading.DeclaredTotalSource);
        Assert.Equal("某县教育局", reading.Title.Department);
    }

    [Fact]
    public void A_note_in_the_first_column_ends_the_table_and_rows_under_it_are_not_read()
    {
        var reading = ReadLong(Grid(["项目名称", "一级指标", "二级指标", "三级指标", "指标值"],
            R("文物保护修缮", "产出指标", "数量指标", "修缮文物点数量", "3处"),
            R("注：指标值以批复为准", "", "", "", ""),
            R("非遗传承补助", "产出指标", "数量指标", "补助传承人数", "20人")));
        Assert.Equal(["文物保护修缮"], reading.Projects.Select(p => p.Name));
        Assert.Single(reading.Projects[0].Indicators);
        Assert.Empty(reading.UnreadRows);
    }

    [Fact]
    public void A_note_merged_across_the_whole_row_ends_the_table_though_it_fills_the_indicator_columns()
    {
        var reading = ReadLong(Grid(["项目名称", "一级指标", "二级指标", "三级指标", "指标值"],
            R("文物保护修缮", "产出指标", "数量指标", "修缮文物点数量", "3处"),
            R("备注：本表金额为年初预算数", "<", "<", "<", "<"),
            R("", "", "", "修缮工程验收合格率", "100%")));
        Assert.Equal(["文物保护修缮/修缮文物点数量"], reading.Projects.SelectMany(p => p.Indicators.Select(i => $"{p.Name}/{i.Name}")));
    }

    [Fact]
    public void A_note_worded_cell_beside_indicator_cells_is_no_note_when_the_row_is_not_one_merged_line()
    {
        var reading = ReadLong(Grid(["项目名称", "一级指标", "二级指标", "三级指标", "指标值"],
            R("说明会组织经费", "产出指标", "数量指标", "召开说明会次数", "4次"),
            R("^", "^", "质量指标", "参会单位覆盖率", "100%")));
        Assert.Equal(["说明会组织经费"], reading.Projects.Select(p => p.Name));
        Assert.Equal(["召开说明会次数", "参会单位覆盖率"], reading.Projects[0].Indicators.Select(i => i.Name));
    }

    [Fact]
    public void The_header_repeated_on_a_new_page_is_passed_over_with_its_lower_row()
    {
        var reading = ReadLong(Grid(["项目名称", "金额", "绩效目标指标", "<", "指标值"],
            R("^", "^", "二级指标", "具体指标", "^"),
            R("森林防火", "45", "数量指标", "巡护天数", "365天"),
            R("项目名称", "金额", "绩效目标指标", "<", "指标值"),
            R("", "", "二级指标", "具体指标", ""),
            R("", "", "质量指标", "火情处置及时率", "100%")));
        Assert.Equal(["森林防火"], reading.Projects.Select(p => p.Name));
        Assert.Equal(["产出指标/数量指标/巡护天数 = 365 天 @3", "产出指标/质量指标/火情处置及时率 = 100 % @6"],
            reading.Projects[0].Indicators.Select(Describe));
        Assert.Equal(["产出指标/数量指标", "产出指标/质量指标"], reading.Projects[0].Headings.Select(h => $"{h.Level1}/{h.Level2}"));
        Assert.Empty(reading.UnreadRows);
    }

    [Fact]
    public void A_one_row_header_repeated_is_passed_over_alone_and_the_row_under_it_is_read()
    {
        var reading = ReadLong(Grid(["项目名称", "一级指标", "二级指标", "三级指标", "指标值"],
            R("森林防火", "产出指标", "数量指标", "巡护天数", "365天"),
            R("项目名称", "一级指标", "二级指标", "三级指标", "指标值"),
            R("护林员补助", "产出指标", "数量指标", "护林员人数", "40人")));
        Assert.Equal(["森林防火", "护林员补助"], reading.Projects.Select(p => p.Name));
        Assert.Equal(["护林员人数"], reading.Projects[1].Indicators.Select(i => i.Name));
    }

    [Fact]
    public void A_department_subtotal_row_names_the_department_and_rows_under_it_until_a_project_are_unread()
    {
        var reading = ReadLong(Grid(["项目名称", "金额", "一级指标", "二级指标", "三级指标", "指标值"],
            R("101001-某县水利局", "500", "", "", "", ""),
            R("", "", "产出指标", "数量指标", "新建塘坝数量", "5座"),
            R("小型水库除险加固", "500", "产出指标", "质量指标", "工程验收合格率", "100%")));
        Assert.Equal("某县水利局", reading.Title.Department);
        Assert.Equal(["1|小型水库除险加固|500||4:1:项目名称"], reading.Projects.Select(Describe));
        Assert.Equal(["3|产出指标 | 数量指标 | 新建塘坝数量 | 5座||NoProject"], Unread(reading));
    }

    [Fact]
    public void A_subtotal_row_ends_the_project_before_it()
    {
        var reading = ReadLong(Grid(["项目名称", "金额", "一级指标", "二级指标", "三级指标", "指标值"],
            R("校园安全建设", "60", "产出指标", "数量指标", "安装监控点位", "120个"),
            R("小计", "60", "", "", "", ""),
            R("", "", "产出指标", "质量指标", "设备完好率", "≥98%")));
        Assert.Equal(["校园安全建设"], reading.Projects.Select(p => p.Name));
        Assert.Equal(["安装监控点位"], reading.Projects[0].Indicators.Select(i => i.Name));
        Assert.Equal(["4|产出指标 | 质量指标 | 设备完好率 | ≥98%||NoProject"], Unread(reading));
        Assert.Null(reading.Open!.Project);
    }

    [Fact]
    public void A_name_like_a_unit_with_indicators_or_objectives_is_a_project()
    {
        var reading = ReadLong(Grid(["项目名称", "绩效目标", "一级指标", "二级指标", "三级指标", "指标值"],
            R("乡镇卫生院", "提升基层诊疗能力", "", "", "", ""),
            R("^", "^", "产出指标", "数量指标", "诊疗人次", "≥2万人次"),
            R("社区服务中心", "", "产出指标", "数量指标", "服务居民户数", "1500户")));
        Assert.Equal(["乡镇卫生院", "社区服务中心"], reading.Projects.Select(p => p.Name));
        Assert.Equal(["提升基层诊疗能力"], reading.Projects[0].Objectives);
        Assert.Equal(["诊疗人次"], reading.Projects[0].Indicators.Select(i => i.Name));
        Assert.Equal("", reading.Title.Department);
    }

    [Fact]
    public void A_unit_list_reads_each_unit_as_the_project_of_its_rows()
    {
        var reading = ReadLong(Grid(["单位名称", "一级指标", "二级指标", "三级指标", "指标值"],
            R("[201003]某县财政局", "产出指标", "数量指标", "完成预算评审项目数", "≥60个"),
            R("^", "^", "时效指标", "评审按时完成率", "100%"),
            R("某县审计局", "产出指标", "数量指标", "完成审计项目数", "≥25个")));
        Assert.Equal(["1|[201003]某县财政局|-|某县财政局|2:1:单位名称", "2|某县审计局|-|某县审计局|4:1:单位名称"],
            reading.Projects.Select(Describe));
        Assert.Equal("某县财政局", reading.Title.Department);
        Assert.Equal(["完成预算评审项目数", "评审按时完成率"], reading.Projects[0].Indicators.Select(i => i.Name));
    }

    [Fact]
    public void A_unit_row_before_its_projects_names_their_unit_and_is_no_project()
    {
        var reading = ReadLong(Grid(["单位名称", "项目名称", "金额", "一级指标", "二级指标", "三级指标", "指标值"],
            R("301-某县卫生健康局", "", "150", "", "", "", ""),
            R("301-某县卫生健康局", "", "", "产出指标", "数量指标", "全局考核项目数", "5项"),
            R("", "家庭医生签约服务", "100", "产出指标", "数量指标", "签约人数", "≥1万人"),
            R("", "妇幼健康服务", "50", "产出指标", "质量指标", "孕产妇系统管理率", "≥90%"),
            R("某县卫生健康局", "", "", "^", "^", "产前筛查率", "≥80%"),
            R("某县疾控中心", "", "", "", "", "", ""),
            R("", "疫苗冷链运维", "", "产出指标", "时效指标", "故障修复时限", "≤24小时")));
        Assert.Equal(["1|家庭医生签约服务|100|某县卫生健康局|4:2:项目名称", "2|妇幼健康服务|50|某县卫生健康局|5:2:项目名称",
            "3|疫苗冷链运维|-|某县疾控中心|8:2:项目名称"], reading.Projects.Select(Describe));
        Assert.Equal("某县卫生健康局", reading.Title.Department);
        Assert.Equal(["3|301-某县卫生健康局 | 产出指标 | 数量指标 | 全局考核项目数 | 5项||NoProject"], Unread(reading));
        Assert.Equal(["孕产妇系统管理率", "产前筛查率"], reading.Projects[1].Indicators.Select(i => i.Name));
    }

    [Fact]
    public void A_self_evaluation_total_row_in_the_project_column_belongs_to_the_project_above()
    {
        var reading = ReadLong(Grid(["项目名称", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
            R("图书馆免费开放", "产出指标", "数量指标", "接待读者人次", "≥5万人次", "5.6万人次", "50", "50"),
            R("^", "效益指标", "社会效益指标", "读者满意度", "≥90%", "93%", "40", "38"),
            R("总分", "", "", "", "", "", "90", "88"),
            R("偏差原因分析", "无明显偏差", "<", "<", "<", "<", "<", "<")));
        var p = Assert.Single(reading.Projects);
        Assert.Equal("图书馆免费开放", p.Name);
        Assert.Equal(["接待读者人次", "读者满意度"], p.Indicators.Select(i => i.Name));
        Assert.NotNull(p.StatedTotal);
        Assert.Equal((90m, 88m), (p.StatedTotal!.Weight, p.StatedTotal.Score));
        Assert.Null(reading.DeclaredTotal);
        Assert.False(reading.TargetColumnsRead);
        Assert.Equal("无明显偏差", p.Attributes["偏差原因分析"]);
    }

    [Fact]
    public void A_self_evaluation_total_with_an_amount_is_the_list_total_and_one_without_is_the_project_score()
    {
        var reading = ReadLong(Grid(["预算金额", "项目名称", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
            R("", "总分", "", "", "", "", "", "", ""),
            R("30", "图书馆免费开放", "产出指标", "数量指标", "接待读者人次", "≥5万人次", "5.6万人次", "50", "50"),
            R("", "总分", "", "", "", "", "", "100", "95"),
            R("30", "合计", "", "", "", "", "", "", "")));
        var p = Assert.Single(reading.Projects);
        Assert.Equal(["1|图书馆免费开放|30||3:2:项目名称"], reading.Projects.Select(Describe));
        Assert.Equal((100m, 95m), (p.StatedTotal!.Weight, p.StatedTotal.Score));
        Assert.Equal(30m, reading.DeclaredTotal);
        Assert.Equal(new SourceRef("t", 5, 1, "预算金额"), reading.DeclaredTotalSource);
        Assert.Equal(["接待读者人次"], p.Indicators.Select(i => i.Name));
    }

    [Fact]
    public void A_self_evaluation_total_label_with_an_amount_in_a_later_amount_column_is_the_list_total()
    {
        var reading = ReadLong(Grid(["项目名称", "预算金额", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
            R("图书馆免费开放", "30", "产出指标", "数量指标", "接待读者人次", "≥5万人次", "5.6万人次", "50", "50"),
            R("合计", "30", "", "", "", "", "", "", "")));
        var p = Assert.Single(reading.Projects);
        Assert.Null(p.StatedTotal);
        Assert.Equal(30m, reading.DeclaredTotal);
        Assert.Equal(new SourceRef("t", 3, 2, "预算金额"), reading.DeclaredTotalSource);
    }

    [Fact]
    public void Objectives_are_read_from_a_first_column_too()
    {
        var reading = ReadLong(Grid(["绩效目标", "项目名称", "一级指标", "二级指标", "三级指标", "指标值"],
            R("完成校舍抗震加固", "校舍安全工程", "产出指标", "数量指标", "加固校舍面积", "3000平方米")));
        Assert.Equal(["完成校舍抗震加固"], Assert.Single(reading.Projects).Objectives);
    }

    [Fact]
    public void A_continued_grid_adds_its_rows_to_the_open_project_and_numbers_new_projects_after_it()
    {
        var first = Grid(["项目名称", "一级指标", "二级指标", "三级指标", "指标值"],
            R("河道保洁", "产出指标", "数量指标", "保洁河道长度", "30公里"));
        var reading = ReadLong(first);
        var open = reading.Open!;
        var next = Grid(
            R("", "", "质量指标", "河面漂浮物清除率", "≥95%"),
            R("堤防巡查", "产出指标", "数量指标", "巡查次数", "52次"));
        LongLayout.Read(next, open.Header, reading, 0, open);
        Assert.Equal(["1|河道保洁", "2|堤防巡查"], reading.Projects.Select(p => $"{p.Code}|{p.Name}"));
        Assert.Equal(["产出指标/数量指标/保洁河道长度 = 30 公里 @2", "产出指标/质量指标/河面漂浮物清除率 >= 95 % @1"],
            reading.Projects[0].Indicators.Select(Describe));
        Assert.Same(open.Columns, reading.Open!.Columns);
        Assert.Equal("堤防巡查", reading.Open.Project!.Name);
    }
}
