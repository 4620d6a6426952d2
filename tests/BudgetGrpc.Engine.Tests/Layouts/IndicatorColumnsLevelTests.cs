using BudgetGrpc.Engine.Layouts;
using BudgetGrpc.Engine.Model;
using BudgetGrpc.Engine.Publishing;
using BudgetGrpc.Engine.Reading;
using Xunit;
using static BudgetGrpc.Engine.Tests.Layouts.LayoutChecks;

namespace BudgetGrpc.Engine.Tests.Layouts;

/// <summary>
/// IndicatorColumns row by row, on grids of ours read through the header and the columns alone (the mutation run of the
/// layouts left its level carry-down unchecked): which first and second level a row takes from its level cells, from the
/// rows above or from its name, the headings and level weights it declares and where they were written, the name, value,
/// sign, unit, weight and direction columns, and what each row answers.
/// </summary>
public sealed class IndicatorColumnsLevelTests
{
    private sealed record Outcome(ProjectDraft Project, TableReading Reading, bool[] Answers, IndicatorColumns Columns)
    {
        public string[] Indicators => [.. Project.Indicators.Select(Describe)];
        public string[] Headings => [.. Project.Headings.Select(h => $"{h.Level1}/{h.Level2}@{h.Source.Row}:{h.Source.Column}:{h.Source.ColumnName}")];
    }

    /// <summary>Reads every row under the header (row 0) of one project; the answers are Read's, by grid row.</summary>
    private static Outcome ReadAll(params string[][] rows)
    {
        var grid = Grid(rows);
        var header = HeaderRow.Read(grid, 0);
        Assert.Equal(0, header.LastRow);
        var columns = new IndicatorColumns(header);
        var project = new ProjectDraft("1", "项目", null, SourceRef.None);
        var reading = new TableReading();
        var answers = new bool[grid.RowCount];
        for (var r = 1; r < grid.RowCount; r++) answers[r] = columns.Read(grid, r, project, reading);
        return new Outcome(project, reading, answers, columns);
    }

    private static string Describe(Indicator i) =>
        $"{i.Level1}/{i.Level2}/{i.Name} {i.Comparator.ToWire()} {(i.Value is { } v ? DecimalText.Normalized(v) : i.QualitativeValue)} {i.Unit}".TrimEnd()
        + (i.Flags == IndicatorFlags.None ? "" : $" [{i.Flags}]");

    private static readonly string[] Levels = ["一级指标", "二级指标", "三级指标", "指标值"];

    [Fact]
    public void A_row_has_something_to_read_in_its_name_value_or_second_level_cell()
    {
        var grid = Grid(Levels,
            R("产出指标", "", "", ""),
            R("", "数量指标", "", ""),
            R("", "", "培训人次", ""),
            R("", "", "", "120"),
            R("", " ", " ", "  "),
            R("", "", "", ""));
        var columns = new IndicatorColumns(HeaderRow.Read(grid, 0));
        Assert.Equal([false, true, true, true, false, false], Enumerable.Range(1, 6).Select(r => columns.HasAny(grid, r)));
    }

    [Fact]
    public void A_new_project_starts_without_the_levels_of_the_one_before()
    {
        var grid = Grid(Levels,
            R("产出指标", "数量指标", "培训人次", "120"),
            R("", "", "考核合格率", "95%"));
        var columns = new IndicatorColumns(HeaderRow.Read(grid, 0));
        var first = new ProjectDraft("1", "甲", null, SourceRef.None);
        var second = new ProjectDraft("2", "乙", null, SourceRef.None);
        Assert.True(columns.Read(grid, 1, first, new TableReading()));
        columns.StartProject();
        Assert.True(columns.Read(grid, 2, second, new TableReading()));
        Assert.Equal(["产出指标/质量指标/考核合格率 = 95 % [InferredLevel2]"], second.Indicators.Select(Describe));
        Assert.Empty(second.Headings);
    }

    [Fact]
    public void Levels_written_in_both_columns_carry_down_and_declare_their_headings_at_the_second_level()
    {
        var o = ReadAll(Levels,
            R("产出指标", "数量指标", "培训人次", "≥120人次"),
            R("^", "^", "培训天数", "5天"),
            R("效益指标", "社会效益指标", "带动就业人数", "≥50人"));
        Assert.Equal(["产出指标/数量指标/培训人次 >= 120 人次", "产出指标/数量指标/培训天数 = 5 天", "效益指标/社会效益指标/带动就业人数 >= 50 人"],
            o.Indicators);
        Assert.Equal(["产出指标/数量指标@2:2:二级指标", "效益指标/社会效益指标@4:2:二级指标"], o.Headings);
        Assert.Equal([false, true, true, true], o.Answers);
        Assert.Equal(["2:3:三级指标", "3:3:三级指标", "4:3:三级指标"],
            o.Project.Indicators.Select(i => $"{i.Source.Row}:{i.Source.Column}:{i.Source.ColumnName}"));
    }

    [Fact]
    public void A_first_level_alone_declares_no_heading_and_its_items_take_a_second_level_from_their_names()
    {
        var o = ReadAll(Levels,
            R("产出指标", "", "培训人次", "120人次"),
            R("^", "", "考核合格率", "≥95%"));
        Assert.Equal(["产出指标/数量指标/培训人次 = 120 人次 [InferredLevel2]", "产出指标/质量指标/考核合格率 >= 95 % [InferredLevel2]"],
            o.Indicators);
        Assert.Empty(o.Headings);
    }

    [Fact]
    public void A_second_level_outside_the_framework_with_no_first_level_stays_as_written_without_a_heading()
    {
        var o = ReadAll(Levels,
            R("", "其他指标", "宣传活动次数", "12次"),
            R("", "可持续性发展影响指标", "长效管护机制", "健全"));
        Assert.Equal(["/其他指标/宣传活动次数 = 12 次", "/可持续性发展影响指标/长效管护机制 qualitative 健全"], o.Indicators);
        Assert.Empty(o.Headings);
    }

    [Fact]
    public void A_second_level_of_another_family_under_a_written_first_level_is_kept_as_written()
    {
        var o = ReadAll(Levels,
            R("产出指标", "社会效益指标", "带动就业人数", "50人"));
        Assert.Equal(["产出指标/社会效益指标/带动就业人数 = 50 人"], o.Indicators);
        Assert.Equal(["产出指标/社会效益指标@2:2:二级指标"], o.Headings);
    }

    [Fact]
    public void A_first_level_named_in_the_second_level_column_under_a_grouping_level_leaves_the_second_to_the_name()
    {
        var o = ReadAll(Levels,
            R("实施效果指标", "产出指标", "验收合格率", "100%"));
        Assert.Equal(["产出指标/质量指标/验收合格率 = 100 % [InferredLevel2]"], o.Indicators);
        Assert.Empty(o.Headings);
    }

    [Fact]
    public void Satisfaction_with_no_second_level_written_is_the_service_satisfaction_heading()
    {
        var o = ReadAll(Levels,
            R("满意度指标", "", "游客满意度", "≥90%"),
            R("^", "群众满意度", "村民满意度", "≥85%"),
            R("^", "其他指标", "投诉办结率", "100%"));
        Assert.Equal(["满意度指标/服务对象满意度指标/游客满意度 >= 90 %", "满意度指标/服务对象满意度指标/村民满意度 >= 85 %",
            "满意度指标/其他指标/投诉办结率 = 100 %"], o.Indicators);
        Assert.Equal(["满意度指标/服务对象满意度指标@2:2:二级指标", "满意度指标/其他指标@4:2:二级指标"], o.Headings);
    }

    [Fact]
    public void A_first_level_outside_the_framework_stands_over_second_levels_outside_it_only()
    {
        var o = ReadAll(Levels,
            R("管理指标", "", "预算执行率", "≥95%"),
            R("管理指标", "预算编审管理", "预算编制规范性", "规范"));
        Assert.Equal(["产出指标/质量指标/预算执行率 >= 95 % [InferredLevel2]", "管理指标/预算编审管理/预算编制规范性 qualitative 规范"],
            o.Indicators);
        Assert.Equal(["管理指标/预算编审管理@3:2:二级指标"], o.Headings);
    }

    [Fact]
    public void Without_a_second_level_column_a_first_level_outside_the_framework_is_taken_as_written()
    {
        var o = ReadAll(["一级指标", "三级指标", "指标值"],
            R("满意度指标", "群众满意度", "≥90%"),
            R("管理指标", "预算执行率", "≥95%"),
            R("^", "资金拨付及时性", "及时"));
        Assert.Equal(["满意度指标/服务对象满意度指标/群众满意度 >= 90 %", "管理指标/质量指标/预算执行率 >= 95 % [InferredLevel2]",
            "管理指标/时效指标/资金拨付及时性 qualitative 及时 [InferredLevel2]"], o.Indicators);
        Assert.Equal(["满意度指标/服务对象满意度指标@2:1:一级指标"], o.Headings);
    }

    [Fact]
    public void With_a_first_level_column_a_level_word_in_the_name_column_opens_nothing()
    {
        var o = ReadAll(["一级指标", "三级指标", "指标值"],
            R("产出指标", "数量指标", ""),
            R("^", "验收合格率", "100%"));
        Assert.Equal(["产出指标/质量指标/验收合格率 = 100 % [InferredLevel2]"], o.Indicators);
        Assert.Equal([false, true, true], o.Answers);
    }

    [Fact]
    public void With_a_second_level_column_first_a_level_word_in_the_name_column_opens_nothing()
    {
        var o = ReadAll(["二级指标", "三级指标", "指标值"],
            R("", "效益指标", ""),
            R("", "群众出行时间缩短", "30分钟"));
        Assert.Equal(["产出指标/时效指标/群众出行时间缩短 = 30 分钟 [InferredLevel2]"], o.Indicators);
    }

    [Fact]
    public void A_second_level_column_first_names_the_heading_and_the_first_level_follows_from_it()
    {
        var o = ReadAll(["二级指标", "一级指标", "三级指标", "指标值"],
            R("数量指标", "管理指标", "培训人次", "120人次"));
        Assert.Equal(["产出指标/数量指标/培训人次 = 120 人次"], o.Indicators);
        Assert.Equal(["产出指标/数量指标@2:1:二级指标"], o.Headings);
    }

    [Fact]
    public void Weights_glued_to_level_cells_are_recorded_where_they_were_written()
    {
        var o = ReadAll([.. Levels, "权重"],
            R("产出指标（40分）", "数量指标", "培训人次", "120人次", "20"),
            R("产出指标（40分）", "质量指标（20分）", "考核合格率", "≥95%", "20"),
            R("效益指标", "社会效益指标(30分)", "带动就业人数", "≥50人", "30"));
        Assert.Equal(["产出指标//40@2:1", "产出指标/质量指标/20@3:2", "效益指标/社会效益指标/30@4:2"],
            o.Project.LevelWeights.Select(w => $"{w.Level1}/{w.Level2}/{w.Weight}@{w.Source.Row}:{w.Source.Column}"));
        Assert.Equal([20m, 20m, 30m], o.Project.Indicators.Select(i => i.Weight));
    }

    [Fact]
    public void Both_levels_written_before_the_name_declare_the_heading_at_the_name()
    {
        var o = ReadAll(["三级指标", "指标值"],
            R("产出指标-数量指标-慰问困难群众户数", "200户"));
        Assert.Equal(["产出指标/数量指标/慰问困难群众户数 = 200 户"], o.Indicators);
        Assert.Equal(["产出指标/数量指标@2:1:三级指标"], o.Headings);
    }

    [Fact]
    public void Without_level_columns_level_words_alone_on_their_rows_open_the_levels()
    {
        var o = ReadAll(["三级指标", "指标值"],
            R("产出指标", ""),
            R("数量指标", ""),
            R("培训人次", "120人次"),
            R("效益指标", ""),
            R("群众出行时间缩短", "30分钟"),
            R("满意度指标", ""),
            R("群众满意度指标", ""),
            R("村民满意度", "≥90%"),
            R("投诉处理情况", ""));
        Assert.Equal(["产出指标/数量指标/培训人次 = 120 人次", "效益指标/社会效益指标/群众出行时间缩短 = 30 分钟 [InferredLevel2]",
            "满意度指标/服务对象满意度指标/村民满意度 >= 90 %", "满意度指标/服务对象满意度指标/投诉处理情况"], o.Indicators);
        Assert.Equal(["产出指标/数量指标@3:1:三级指标", "满意度指标/服务对象满意度指标@7:1:三级指标"], o.Headings);
        Assert.All(o.Answers.Skip(1), Assert.True);
    }

    [Fact]
    public void Without_level_columns_a_second_level_word_first_opens_its_family()
    {
        var o = ReadAll(["三级指标", "指标值"],
            R("数量指标", ""),
            R("培训人次", "120人次"),
            R("社会效益指标", ""),
            R("带动就业人数", "50人"));
        Assert.Equal(["产出指标/数量指标/培训人次 = 120 人次", "效益指标/社会效益指标/带动就业人数 = 50 人"], o.Indicators);
        Assert.Equal(["产出指标/数量指标@2:1:三级指标", "效益指标/社会效益指标@4:1:三级指标"], o.Headings);
    }

    [Fact]
    public void Without_level_columns_a_cost_heading_under_the_cost_level_stays_there()
    {
        var o = ReadAll(["三级指标", "指标值"],
            R("经济成本指标", ""),
            R("成本指标", ""),
            R("单位运维成本", "≤50万元"));
        Assert.Equal(["成本指标/成本指标/单位运维成本 <= 50 万元"], o.Indicators);
    }

    [Fact]
    public void Without_level_columns_a_level_word_beside_a_sign_is_an_indicator()
    {
        var o = ReadAll(["三级指标", "计算符号", "指标值"],
            R("产出指标", "", ""),
            R("数量指标", "≥", ""));
        Assert.Equal(["产出指标/数量指标/数量指标 [InferredLevel2]"], o.Indicators);
    }

    [Fact]
    public void A_weight_alone_in_the_name_column_is_no_level()
    {
        var o = ReadAll(["三级指标", "指标值"],
            R("（10分）", ""));
        Assert.Equal(["产出指标/数量指标/（10分） [InferredLevel2]"], o.Indicators);
    }

    [Fact]
    public void A_value_that_only_repeats_the_name_is_kept()
    {
        var o = ReadAll(Levels,
            R("产出指标", "时效指标", "按时完成验收", "按时完成验收"));
        Assert.Equal(["产出指标/时效指标/按时完成验收 qualitative 按时完成验收"], o.Indicators);
        Assert.Equal("按时完成验收 按时完成验收", o.Project.Indicators[0].Text);
    }

    [Fact]
    public void Rows_without_an_indicator_answer_whether_they_were_read()
    {
        var o = ReadAll(Levels,
            R("产出指标", "数量指标", "", ""),
            R("^", "^", "指标1", ""),
            R("^", "^", "", "50"),
            R("^", "^", "培训人次", "120人次"));
        Assert.Equal([false, true, true, false, true], o.Answers);
        Assert.Equal(["产出指标/数量指标/培训人次 = 120 人次"], o.Indicators);
        var left = Assert.Single(o.Reading.UnreadRows);
        Assert.Equal((UnreadRowReason.NoIndicatorName, 4), (left.Reason, left.Source.Row));
    }

    [Fact]
    public void A_name_column_first_is_the_indicators_source()
    {
        var o = ReadAll(["三级指标", "一级指标", "二级指标", "指标值"],
            R("", "产出指标", "数量指标", "50"),
            R("培训人次", "^", "^", "120人次"));
        Assert.Equal([false, false, true], o.Answers);
        Assert.Single(o.Reading.UnreadRows);
        var i = Assert.Single(o.Project.Indicators);
        Assert.Equal((3, 1, "三级指标"), (i.Source.Row, i.Source.Column, i.Source.ColumnName));
    }

    [Fact]
    public void Without_a_name_column_the_value_is_the_indicators_source()
    {
        var o = ReadAll(["一级指标", "二级指标", "指标值"],
            R("产出指标", "数量指标", "培训人次120人次"));
        var i = Assert.Single(o.Project.Indicators);
        Assert.Equal((2, 3, "指标值"), (i.Source.Row, i.Source.Column, i.Source.ColumnName));
    }

    [Fact]
    public void A_sign_column_first_is_read_with_the_value()
    {
        var o = ReadAll(["计算符号", "三级指标", "指标值"],
            R("≥", "考核合格率", "95%"));
        Assert.Equal(["产出指标/质量指标/考核合格率 >= 95 % [InferredLevel2]"], o.Indicators);
    }

    [Fact]
    public void A_unit_column_first_is_read_with_the_value()
    {
        var o = ReadAll(["计量单位", "三级指标", "指标值"],
            R("人", "培训人数", "120"));
        Assert.Equal(["产出指标/数量指标/培训人数 = 120 人 [InferredLevel2]"], o.Indicators);
    }

    [Fact]
    public void A_weight_column_first_is_the_indicators_weight()
    {
        var o = ReadAll(["权重", .. Levels],
            R("20", "产出指标", "数量指标", "培训人次", "120人次"));
        Assert.Equal(20m, Assert.Single(o.Project.Indicators).Weight);
    }

    [Fact]
    public void A_unit_note_in_the_name_gives_a_unit_only_where_the_target_has_none()
    {
        var o = ReadAll(["一级指标", "二级指标", "三级指标", "计算符号", "指标值", "计量单位"],
            R("产出指标", "数量指标", "受益人数（人）", "≥", "300", ""),
            R("^", "^", "受益户数（人）", "≥", "120", "户"));
        Assert.Equal(["产出指标/数量指标/受益人数 >= 300 人", "产出指标/数量指标/受益户数 >= 120 户"], o.Indicators);
    }

    [Fact]
    public void A_bound_note_in_the_name_gives_way_to_the_values_own_sign()
    {
        var o = ReadAll(["一级指标", "二级指标", "三级指标", "计算符号", "指标值", "计量单位"],
            R("产出指标", "质量指标", "苗木成活率（≥**%）", "", "90", ""),
            R("^", "^", "林木保存率（≥**%）", "", "＞85%", ""));
        Assert.Equal(["产出指标/质量指标/苗木成活率 >= 90 %", "产出指标/质量指标/林木保存率 > 85 %"], o.Indicators);
    }

    [Fact]
    public void The_direction_column_says_positive_negative_or_nothing()
    {
        var o = ReadAll([.. Levels, "指标方向"],
            R("产出指标", "数量指标", "培训人次", "≥120人次", "正向"),
            R("^", "^", "培训事故次数", "≤0次", "反向指标"),
            R("^", "^", "培训天数", "5天", "中性"),
            R("^", "^", "培训班数", "4期", ""));
        Assert.Equal(["正向", "反向", "", ""], o.Project.Indicators.Select(i => i.Direction));
    }

    [Fact]
    public void A_self_evaluations_total_row_is_read_as_the_total()
    {
        var o = ReadAll([.. Levels, "实际完成值", "权重", "得分"],
            R("产出指标", "数量指标", "培训人次", "≥120人次", "126人次", "100", "95"),
            R("总分", "", "", "", "", "100", "95"));
        Assert.True(o.Columns.IsSelfEvaluation);
        Assert.Equal([false, true, true], o.Answers);
        Assert.Single(o.Project.Indicators);
        Assert.Equal((100m, 95m), (o.Project.StatedTotal?.Weight, o.Project.StatedTotal?.Score));
    }
}
