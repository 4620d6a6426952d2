using BudgetGrpc.Engine.Layouts;
using BudgetGrpc.Engine.Reading;
using Xunit;

namespace BudgetGrpc.Engine.Tests.Layouts;

/// <summary>
/// What a column's cells say of it whatever its header says (issue 15: ColumnContent was reached only through whole tables):
/// each role from its cells, the share of cells that decides (four in five; six in ten for targets) at exactly its bound,
/// what is not counted, and where the sample of rows ends.
/// </summary>
public sealed class ColumnContentTests
{
    /// <summary>One column of cells under a header row.</summary>
    private static CellGrid Column(params string[] cells) =>
        new("t", [["表头"], .. cells.Select(c => new[] { c })]);

    private static ColumnRole Classify(params string[] cells)
    {
        var g = Column(cells);
        return ColumnContent.Classify(g, 1, 0, g.RowCount);
    }

    [Fact]
    public void Each_role_from_its_cells()
    {
        Assert.Equal(ColumnRole.Level1, Classify("产出指标", "产出指标", "效益指标", "满意度指标"));
        Assert.Equal(ColumnRole.Level2, Classify("数量指标", "质量指标", "时效指标", "社会效益指标"));
        Assert.Equal(ColumnRole.Comparator, Classify("≥", "≤", "=", "≥"));
        Assert.Equal(ColumnRole.Comparator, Classify("≥", "定性", "＝", "定量"));
        Assert.Equal(ColumnRole.Direction, Classify("正向指标", "反向指标", "正向", "正向"));
        Assert.Equal(ColumnRole.Unit, Classify("公里", "%", "个", "人次"));
        Assert.Equal(ColumnRole.None, Classify("改造农村公路里程", "工程验收合格率", "完成时间", "满意度"));
    }

    [Fact]
    public void Levels_that_name_both_levels_go_with_the_other_cells()
    {
        // 满意度指标 and 成本指标 are first and second levels at once.
        Assert.Equal(ColumnRole.Level1, Classify("产出指标", "满意度指标", "成本指标", "效益指标"));
        Assert.Equal(ColumnRole.Level2, Classify("数量指标", "满意度指标", "成本指标", "质量指标"));
    }

    [Fact]
    public void Four_cells_in_five_decide_and_three_do_not()
    {
        Assert.Equal(ColumnRole.Level1, Classify("产出指标", "产出指标", "效益指标", "满意度指标", "改造里程"));
        Assert.Equal(ColumnRole.None, Classify("产出指标", "效益指标", "满意度指标", "改造里程", "完成时间"));
        Assert.Equal(ColumnRole.Level2, Classify("数量指标", "质量指标", "时效指标", "社会效益指标", "改造里程"));
        Assert.Equal(ColumnRole.None, Classify("数量指标", "质量指标", "时效指标", "改造里程", "完成时间"));
        Assert.Equal(ColumnRole.Comparator, Classify("≥", "≤", "=", "≥", "改造里程"));
        Assert.Equal(ColumnRole.None, Classify("≥", "≤", "=", "改造里程", "完成时间"));
        Assert.Equal(ColumnRole.Direction, Classify("正向", "反向", "正向", "正向", "改造里程"));
        Assert.Equal(ColumnRole.None, Classify("正向", "反向", "正向", "改造里程", "完成时间"));
        Assert.Equal(ColumnRole.Unit, Classify("公里", "%", "个", "人次", "改造里程"));
        Assert.Equal(ColumnRole.None, Classify("公里", "%", "个", "改造里程", "完成时间"));
    }

    [Fact]
    public void A_column_needs_two_cells_and_a_sign_and_units_that_differ()
    {
        Assert.Equal(ColumnRole.None, Classify("产出指标"));
        Assert.Equal(ColumnRole.None, Classify("产出指标", "", ""));
        // 定量/定性 alone say what kind of value stands beside them, not how it is bounded.
        Assert.Equal(ColumnRole.None, Classify("定量", "定性", "定量", "定量"));
        // One unit on every row is a constant, not a unit column.
        Assert.Equal(ColumnRole.None, Classify("%", "%", "%", "%"));
        Assert.Equal(ColumnRole.Unit, Classify("%", "%", "%", "个"));
    }

    [Fact]
    public void Long_cells_are_not_counted()
    {
        var longText = "改造农村公路里程达到三十六公里以上并通过验收合格完成";
        Assert.Equal(ColumnRole.Level1, Classify("产出指标", longText, longText, "效益指标"));
        Assert.Equal(ColumnRole.None, Classify("产出指标", longText, longText));
        Assert.Equal(ColumnRole.Level1, Classify("产出指标", "  ", "效益指标"));
    }

    [Theory]
    [InlineData("元/人", true)]
    [InlineData("万元/公里", true)]
    [InlineData("公里", true)]
    [InlineData("12公里", false)]
    [InlineData("平方公里每年每人次", false)]
    [InlineData("/人", false)]
    [InlineData("改造", false)]
    public void A_unit_cell(string unit, bool isUnit) =>
        Assert.Equal(isUnit ? ColumnRole.Unit : ColumnRole.None, Classify(unit, unit, unit, "%"));

    [Fact]
    public void Targets_are_six_cells_in_ten()
    {
        string[] Cells(int targets, int names) =>
            [.. Enumerable.Repeat("≥95%", targets), .. Enumerable.Repeat("按要求完成", names)];
        Assert.True(ColumnContent.HoldsTargets(Column(Cells(6, 4)), 1, 0));
        Assert.False(ColumnContent.HoldsTargets(Column(Cells(5, 5)), 1, 0));
        Assert.True(ColumnContent.HoldsTargets(Column("120人", "36", "", ""), 1, 0));
        Assert.False(ColumnContent.HoldsTargets(Column("120人"), 1, 0));
        // The sample ends sixty rows down.
        Assert.False(ColumnContent.HoldsTargets(Column([.. Enumerable.Repeat("按要求完成", 60), .. Enumerable.Repeat("≥95%", 200)]), 1, 0));
    }

    [Fact]
    public void Sentences_are_four_cells_in_five_ending_in_a_stop()
    {
        Assert.True(ColumnContent.HoldsSentences(Column("完成改造。", "通过验收；", "群众满意。", "按期完工。", "改造里程"), 1, 0, 6));
        Assert.False(ColumnContent.HoldsSentences(Column("完成改造。", "通过验收；", "群众满意。", "按期", "改造里程"), 1, 0, 6));
        // One cell is enough (the one row a page break left under a header); none is not.
        Assert.True(ColumnContent.HoldsSentences(Column("完成改造。"), 1, 0, 2));
        Assert.False(ColumnContent.HoldsSentences(Column("改造里程"), 1, 0, 2));
        Assert.False(ColumnContent.HoldsSentences(Column(""), 1, 0, 2));
        Assert.True(ColumnContent.HoldsSentences(Column("完成改造。", "", "通过验收；"), 1, 0, 4));
    }

    [Fact]
    public void Level_words_are_four_short_cells_in_five_worded_as_levels()
    {
        static CellGrid Two(params string[] cells) =>
            new("t", [["二级指标", "三级指标"], .. cells.Select(c => new[] { c, "名称" + c.Length })]);
        Assert.True(ColumnContent.HoldsLevelWords(Two("数量指标", "可持续性发展影响指标", "质量指标", "时效指标", "改造里程"), 1, 0, 6));
        Assert.False(ColumnContent.HoldsLevelWords(Two("数量指标", "质量指标", "时效指标", "改造里程", "完成时间"), 1, 0, 6));
        Assert.True(ColumnContent.HoldsLevelWords(Two("数量指标"), 1, 0, 2));
        Assert.False(ColumnContent.HoldsLevelWords(Two("改造里程"), 1, 0, 2));
        Assert.False(ColumnContent.HoldsLevelWords(Two(""), 1, 0, 2));
        // A line alone on its row says nothing of the column.
        var alone = new CellGrid("t", [["二级指标", "三级指标"], ["数量指标", "a"], ["单位：万元", ""], ["质量指标", "b"]]);
        Assert.True(ColumnContent.HoldsLevelWords(alone, 1, 0, 4));
    }

    [Fact]
    public void Level_paths_are_four_filled_cells_in_five()
    {
        Assert.True(ColumnContent.HoldsLevelPaths(Column("产出指标-数量指标-改造里程", "【产出指标-质量指标】\n验收合格率", "效益指标-社会效益指标-出行", "满意度指标-服务对象满意度指标-群众", "改造里程"), 1, 0, 6));
        Assert.False(ColumnContent.HoldsLevelPaths(Column("产出指标-数量指标-改造里程", "效益指标-社会效益指标-出行", "满意度指标-服务对象满意度指标-群众", "改造里程", "完成时间"), 1, 0, 6));
        Assert.False(ColumnContent.HoldsLevelPaths(Column("产出指标-数量指标-改造里程"), 1, -1, 2));
        Assert.True(ColumnContent.HoldsLevelPaths(Column("产出指标-数量指标-改造里程"), 1, 0, 2));
        // Bare level names and placeholders are neither paths nor names.
        Assert.True(ColumnContent.HoldsLevelPaths(Column("产出指标-数量指标-改造里程", "质量指标", "指标1"), 1, 0, 4));
        Assert.False(ColumnContent.HoldsLevelPaths(Column("质量指标", "指标1", ""), 1, 0, 4));
    }

    [Fact]
    public void A_line_merged_across_the_row_is_no_cell_of_a_path_column()
    {
        var g = new CellGrid("t", [["一级指标", "三级指标"], ["产出指标", "产出指标-数量指标-改造里程"], ["金额单位：万元", "金额单位：万元"], ["x", "改造里程"]]);
        Assert.False(ColumnContent.HoldsLevelPaths(g, 1, 1, 4));
        Assert.True(ColumnContent.HoldsLevelPaths(g, 1, 1, 3));
    }

    [Fact]
    public void The_sample_ends_at_a_note_a_header_a_form_a_title_or_sixty_rows()
    {
        CellGrid With(string[] row) =>
            new("t", [["一级指标", "二级指标", "三级指标", "指标值"], ["产出指标", "数量指标", "改造里程", "36"], row, ["产出指标", "质量指标", "合格率", "100%"]]);
        Assert.Equal(4, ColumnContent.SampleEnd(With(["产出指标", "时效指标", "完成时间", "年底"]), 1));
        Assert.Equal(2, ColumnContent.SampleEnd(With(["备注：按实际填报", "", "", ""]), 1));
        Assert.Equal(2, ColumnContent.SampleEnd(With(["一级指标", "二级指标", "三级指标", "指标值"]), 1));
        Assert.Equal(2, ColumnContent.SampleEnd(With(["项目名称", "农村公路养护", "", ""]), 1));
        Assert.Equal(2, ColumnContent.SampleEnd(With(["项目属性", "新增□ 延续☑", "", ""]), 1));
        Assert.Equal(2, ColumnContent.SampleEnd(With(["序号", "单位名称", "金额", ""]), 1));
        Assert.Equal(2, ColumnContent.SampleEnd(With(["某县2026年项目支出绩效目标表", "", "", ""]), 1));
        // Two header words are not yet a header.
        Assert.Equal(4, ColumnContent.SampleEnd(With(["一级指标", "二级指标", "", ""]), 1));
        var tall = new CellGrid("t", [.. Enumerable.Range(0, 100).Select(i => new[] { "产出指标", "数量指标", "改造" + i, "36" })]);
        Assert.Equal(61, ColumnContent.SampleEnd(tall, 1));
        Assert.Equal(100, ColumnContent.SampleEnd(tall, 70));
    }
}
