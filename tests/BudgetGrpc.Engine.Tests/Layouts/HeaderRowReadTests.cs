using BudgetGrpc.Engine.Layouts;
using BudgetGrpc.Engine.Reading;
using Xunit;

namespace BudgetGrpc.Engine.Tests.Layouts;

/// <summary>
/// A header read on its own (issue 15, survivors of the mutation run of HeaderRow at b70d72e): how many rows it takes when
/// a page break said it again right under itself, its last column, and which header cells are no words at all. Grids of
/// ours.
/// </summary>
public sealed class HeaderRowReadTests
{
    private static CellGrid Grid(params string[][] rows) => new("t", rows);

    private static readonly string[] Top = ["一级指标", "二级指标", "三级指标", "指标值", ""];
    private static readonly string[] Bottom = ["", "", "", "上年实际值", "本年目标值"];
    private static readonly string[] Row = ["产出指标", "数量指标", "培训人数", "≥90人", "≥100人"];

    [Fact]
    public void A_two_row_header_said_again_right_under_itself_takes_both_pairs_of_rows()
    {
        var header = HeaderRow.Read(Grid(Top, Bottom, Top, Bottom, Row), 0);
        Assert.Equal((0, 3), (header.Row, header.LastRow));
        Assert.Equal((2, 4), (header[ColumnRole.Level3], header[ColumnRole.Value]));
    }

    [Fact]
    public void Only_its_top_row_said_again_is_no_repeat_of_a_two_row_header()
    {
        var header = HeaderRow.Read(Grid(Top, Bottom, Top, Row, Row), 0);
        Assert.Equal(1, header.LastRow);
    }

    [Fact]
    public void A_one_row_header_said_again_twice_takes_the_three_rows()
    {
        string[] one = ["一级指标", "二级指标", "三级指标", "指标值"];
        var header = HeaderRow.Read(Grid(one, one, one, ["产出指标", "数量指标", "培训人数", "≥100人"]), 0);
        Assert.Equal(2, header.LastRow);
    }

    [Fact]
    public void The_header_on_the_last_row_of_a_grid_takes_that_row_alone()
    {
        string[] one = ["一级指标", "二级指标", "三级指标", "指标值"];
        var header = HeaderRow.Read(Grid(["项目名称", "培训", "", ""], one), 1);
        Assert.Equal((1, 1), (header.Row, header.LastRow));
        Assert.True(header.IsIndicatorTable);
    }

    [Fact]
    public void The_last_column_is_the_rightmost_with_a_role_and_none_without_roles()
    {
        Assert.Equal(3, HeaderRow.Read(Grid(["一级指标", "二级指标", "三级指标", "指标值", "甲乙"]), 0).LastColumn);
        Assert.Equal(-1, HeaderRow.Read(Grid(["甲", "乙"]), 0).LastColumn);
    }

    [Theory]
    [InlineData("指标值", "指标值")]
    [InlineData(" 三级指标 ", "三级指标")]
    [InlineData("指标值：", "")]
    [InlineData("指标值:", "")]
    [InlineData("一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十", "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十")]
    [InlineData("一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一", "")]
    public void A_header_cell_is_its_words_unless_it_is_a_label_or_a_sentence(string cell, string words) =>
        Assert.Equal(words, HeaderRow.HeaderText(cell));

    [Fact]
    public void A_first_level_merged_down_a_two_row_header_heads_a_free_text_column_of_that_level()
    {
        // 资金总额 over 财政资金 | 其他资金 makes the header two rows; the level words stand merged down both.
        var header = HeaderRow.Read(Grid(
            ["项目名称", "资金总额", "资金总额", "产出指标", "效益指标", "满意度指标"],
            ["项目名称", "财政资金", "其他资金", "产出指标", "效益指标", "满意度指标"],
            ["乡村道路养护", "120", "0", "养护道路36公里", "道路通行条件改善", "群众满意度≥90%"]), 0);
        Assert.Equal(1, header.LastRow);
        Assert.Equal([(3, "产出指标"), (4, "效益指标"), (5, "满意度指标")], header.TextColumns.Select(t => (t.Column, t.Level1)));
        Assert.Equal(["产出指标", "效益指标", "满意度指标"], [header.NameOf(3), header.NameOf(4), header.NameOf(5)]);
    }

    [Fact]
    public void First_levels_under_a_group_word_head_free_text_columns_named_by_the_level()
    {
        // 绩效指标 spans the level words of the second row: the level, not the group word, names each column.
        var header = HeaderRow.Read(new CellGrid("t", [
            ["项目名称", "绩效指标", "绩效指标", "绩效指标"],
            ["项目名称", "产出指标", "效益指标", "满意度指标"],
            ["乡村道路养护", "养护道路36公里", "道路通行条件改善", "群众满意度≥90%"]], mergedContinuations: [(0, 2), (0, 3), (1, 0)]), 0);
        Assert.Equal(1, header.LastRow);
        Assert.Equal([(1, "产出指标"), (2, "效益指标"), (3, "满意度指标")], header.TextColumns.Select(t => (t.Column, t.Level1)));
        Assert.Equal(["产出指标", "效益指标", "满意度指标"], [header.NameOf(1), header.NameOf(2), header.NameOf(3)]);
    }

    [Fact]
    public void Of_several_weight_columns_the_first_with_anything_under_it_holds_the_weights()
    {
        string[] head = ["一级指标", "二级指标", "三级指标", "指标值", "指标分值", "权重", "权重占比(%)"];
        // The first blank, the other two filled: the leftmost filled one.
        var header = HeaderRow.Read(Grid(head,
            ["产出指标", "数量指标", "培训人数", "≥100人", "", "20", "20%"],
            ["产出指标", "质量指标", "培训合格率", "≥95%", "", "10", "10%"]), 0);
        Assert.Equal(5, header[ColumnRole.Weight]);
        // The first filled: it stays.
        header = HeaderRow.Read(Grid(head,
            ["产出指标", "数量指标", "培训人数", "≥100人", "20", "20", "20%"],
            ["产出指标", "质量指标", "培训合格率", "≥95%", "10", "", "10%"]), 0);
        Assert.Equal(4, header[ColumnRole.Weight]);
        // Only the last filled.
        header = HeaderRow.Read(Grid(head,
            ["产出指标", "数量指标", "培训人数", "≥100人", "", "", "20%"],
            ["产出指标", "质量指标", "培训合格率", "≥95%", "", "", "10%"]), 0);
        Assert.Equal(6, header[ColumnRole.Weight]);
        // None filled: the first.
        header = HeaderRow.Read(Grid(head, ["产出指标", "数量指标", "培训人数", "≥100人", "", "", ""]), 0);
        Assert.Equal(4, header[ColumnRole.Weight]);
    }

    [Fact]
    public void Two_headers_head_the_same_columns_with_the_same_words_only_when_every_column_agrees()
    {
        HeaderRow H(params string[] words) => HeaderRow.Read(Grid(words), 0);
        Assert.True(H("三级指标", "指标值").SameWordsAs(H("三级指标", "指标值")));
        Assert.False(H("三级指标").SameWordsAs(H("三级指标")));
        Assert.False(H("三级指标", "指标值").SameWordsAs(H("三级指标", "指标值", "计量单位")));
        Assert.False(H("三级指标", "指标值", "计量单位").SameWordsAs(H("三级指标", "指标值")));
        Assert.False(H("三级指标", "指标值", "计量单位").SameWordsAs(H("三级指标", "年度指标值", "计量单位")));
        Assert.False(H("三级指标", "指标值").SameWordsAs(H("", "三级指标", "指标值")));
    }

    [Fact]
    public void Two_headers_say_the_same_words_in_the_same_order_wherever_their_columns_are_cut()
    {
        HeaderRow H(params string[] words) => HeaderRow.Read(Grid(words), 0);
        Assert.True(H("三级指标", "指标值").SameWordOrder(H("", "三级指标", "", "指标值")));
        Assert.False(H("指标值", "三级指标").SameWordOrder(H("三级指标", "指标值")));
        Assert.False(H("三级指标").SameWordOrder(H("三级指标")));
        // A word merged over two columns is said once.
        Assert.True(H("三级指标", "指标值", "指标值").SameWordOrder(H("三级指标", "指标值")));
        Assert.False(H("三级指标", "指标值", "计量单位").SameWordOrder(H("三级指标", "指标值")));
    }

    [Fact]
    public void A_two_row_headers_top_row_says_again_the_words_a_page_left_alone()
    {
        var alone = HeaderRow.Read(Grid(["二级指标", "三级指标", "指标值", ""]), 0);
        var whole = HeaderRow.Read(Grid(["二级指标", "三级指标", "指标值", ""], ["", "", "上年实际值", "本年目标值"],
            ["数量指标", "培训人数", "≥90人", "≥100人"]), 0);
        Assert.Equal(1, whole.LastRow);
        Assert.True(alone.SameWordsOnTop(whole));
        // A one-row header with the same words is no two-row header said again.
        Assert.False(alone.SameWordsOnTop(HeaderRow.Read(Grid(["二级指标", "三级指标", "指标值", ""], ["数量指标", "培训人数", "≥100人", ""]), 0)));
        // Two words are too few to tell.
        var two = HeaderRow.Read(Grid(["三级指标", "指标值", ""]), 0);
        Assert.False(two.SameWordsOnTop(HeaderRow.Read(Grid(["三级指标", "指标值", ""], ["", "上年实际值", "本年目标值"],
            ["培训人数", "≥90人", "≥100人"]), 0)));
    }

    [Fact]
    public void A_value_header_merged_over_sign_figure_and_unit_cells_gives_each_its_role()
    {
        // 指标值 spans three cells on each row: the sign, the figure and the unit.
        var header = HeaderRow.Read(new CellGrid("t", [
            ["一级指标", "二级指标", "三级指标", "指标值", "指标值", "指标值"],
            ["产出指标", "数量指标", "培训人数", "≥", "100", "人"],
            ["产出指标", "质量指标", "培训合格率", "≥", "95", "%"],
            ["满意度指标", "服务对象满意度指标", "学员满意度", "≥", "90", "%"]], mergedContinuations: [(0, 4), (0, 5)]), 0);
        Assert.Equal((3, 4, 5), (header[ColumnRole.Comparator], header[ColumnRole.Value], header[ColumnRole.Unit]));
    }

    [Fact]
    public void The_last_column_headed_as_a_value_keeps_its_role_when_another_took_the_signs()
    {
        // 指标值 over two cells, the sign and the target with its unit: the second stays the value column.
        var header = HeaderRow.Read(new CellGrid("t", [
            ["一级指标", "二级指标", "三级指标", "指标值", "指标值"],
            ["产出指标", "数量指标", "培训人数", "≥", "人"],
            ["产出指标", "质量指标", "培训合格率", "≥", "%"],
            ["满意度指标", "服务对象满意度指标", "学员满意度", "≥", "%"]], mergedContinuations: [(0, 4)]), 0);
        Assert.Equal((3, 4, -1), (header[ColumnRole.Comparator], header[ColumnRole.Value], header[ColumnRole.Unit]));
    }

    [Fact]
    public void Cells_with_figures_under_a_merged_value_header_are_a_row_not_header_words()
    {
        // 第1季度 | 第2季度 under 指标值 spanning both: figures without 年, the first indicator row's, not a second header row.
        var header = HeaderRow.Read(new CellGrid("t", [
            ["一级指标", "二级指标", "三级指标", "指标值", "指标值"],
            ["", "", "", "第1季度", "第2季度"],
            ["产出指标", "数量指标", "培训人数", "≥50人", "≥50人"]], mergedContinuations: [(0, 4)]), 0);
        Assert.Equal(0, header.LastRow);
        // 2026年 | 2027年 under it are the value's parts.
        header = HeaderRow.Read(new CellGrid("t", [
            ["一级指标", "二级指标", "三级指标", "指标值", "指标值"],
            ["", "", "", "2025年", "2026年"],
            ["产出指标", "数量指标", "培训人数", "≥90人", "≥100人"]], mergedContinuations: [(0, 4)]), 0);
        Assert.Equal(1, header.LastRow);
    }

    [Fact]
    public void A_group_word_over_one_column_word_continues_the_header_and_over_other_words_does_not()
    {
        // 绩效指标 over 三级指标 alone: a span a text export lost.
        var header = HeaderRow.Read(Grid(["一级指标", "二级指标", "绩效指标", "指标值"], ["", "", "三级指标", ""],
            ["产出指标", "数量指标", "培训人数", "≥100人"]), 0);
        Assert.Equal((1, 2), (header.LastRow, header[ColumnRole.Level3]));
        // Over a word that heads nothing, it is the first row's cell, not a second header row.
        header = HeaderRow.Read(Grid(["一级指标", "二级指标", "绩效指标", "指标值"], ["", "", "具体内容", ""],
            ["产出指标", "数量指标", "培训人数", "≥100人"]), 0);
        Assert.Equal(0, header.LastRow);
    }

    [Fact]
    public void Two_column_words_under_words_of_no_role_make_a_second_header_row()
    {
        var header = HeaderRow.Read(Grid(["序号", "项目", "说明", "附注"], ["", "", "三级指标", "指标值"],
            ["1", "培训", "培训人数", "≥100人"]), 0);
        Assert.Equal((1, 2, 3), (header.LastRow, header[ColumnRole.Level3], header[ColumnRole.Value]));
    }
}
