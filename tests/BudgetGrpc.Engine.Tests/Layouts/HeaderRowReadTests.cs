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
}
