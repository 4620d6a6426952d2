using BudgetGrpc.Engine.Layouts;
using Xunit;
using static BudgetGrpc.Engine.Tests.Layouts.LayoutChecks;

namespace BudgetGrpc.Engine.Tests.Layouts;

/// <summary>
/// The rows that are no projects or indicators, one grid row at a time (issue 15: RowKinds was reached only through whole
/// tables): blanks and separators, notes and where they stand, other tables' list headers, merged lines, tick boxes, totals,
/// a unit's own row and its code.
/// </summary>
public sealed class RowKindsTests
{
    [Fact]
    public void Blank_and_separator_rows_are_skippable()
    {
        var g = Grid(R("", " ", "\u3000"), R("---", "", "==="), R("", "", "x"), R("-", "", "1"));
        Assert.True(RowKinds.IsSkippable(g, 0));
        Assert.True(RowKinds.IsSkippable(g, 1));
        Assert.False(RowKinds.IsSkippable(g, 2));
        Assert.False(RowKinds.IsSkippable(g, 3));
    }

    [Fact]
    public void A_note_stands_in_the_first_column_or_alone_on_its_row()
    {
        var g = Grid(
            R("备注：绩效指标按要求填报", "", ""),
            R("", "注：本表金额单位为万元", ""),
            R("", "填报人：张某", "联系电话：12345"),
            R("产出指标", "数量指标", "注：说明会召开次数"),
            R("注：见附件", "数量指标", "改造里程"),
            R("", "", ""));
        Assert.True(RowKinds.IsNote(g, 0));
        Assert.True(RowKinds.IsNote(g, 1));
        Assert.False(RowKinds.IsNote(g, 2));
        Assert.False(RowKinds.IsNote(g, 3));
        Assert.True(RowKinds.IsNote(g, 4));
        Assert.False(RowKinds.IsNote(g, 5));
    }

    [Fact]
    public void A_side_label_merged_down_is_looked_past_for_a_note()
    {
        var g = Grid(
            R("绩效指标", "产出指标", "数量指标", "改造里程"),
            R("^", "备注：按实际填报", "", ""),
            R("^", "产出指标", "备注：另计", "x"),
            R("^", "^", "注：见附件", ""));
        Assert.True(RowKinds.IsNote(g, 1));
        Assert.False(RowKinds.IsNote(g, 2));
        // Both merged-down cells are looked past: the note is the first cell of the row's own.
        Assert.True(RowKinds.IsNote(g, 3));
    }

    [Fact]
    public void Note_text_is_known_by_its_opening_words()
    {
        Assert.True(RowKinds.IsNoteText("备注：绩效指标按要求填报"));
        Assert.True(RowKinds.IsNoteText("注：本表"));
        Assert.True(RowKinds.IsNoteText("<p>备注：</p><p>见附件</p>"));
        Assert.False(RowKinds.IsNoteText("改造农村公路里程"));
        Assert.False(RowKinds.IsNoteText(""));
    }

    [Fact]
    public void Another_tables_list_header_is_list_words_only_with_two_roles()
    {
        var g = Grid(
            R("序号", "单位名称", "项目名称", "金额（万元）", "备注"),
            R("单位名称", "备注", "", "", ""),
            R("序号", "单位名称", "一级指标", "", ""),
            R("单位名称", "金额", "改造农村公路里程", "", ""),
            R("项目名称", "项目名称", "^", "", ""),
            R("", "", "", "", ""));
        Assert.True(RowKinds.IsListHeader(g, 0));
        Assert.False(RowKinds.IsListHeader(g, 1));
        Assert.False(RowKinds.IsListHeader(g, 2));
        Assert.False(RowKinds.IsListHeader(g, 3));
        Assert.False(RowKinds.IsListHeader(g, 4));
        Assert.False(RowKinds.IsListHeader(g, 5));
    }

    [Fact]
    public void A_merged_line_is_one_text_across_the_row_or_a_label_and_one_value()
    {
        var g = Grid(
            R("审核意见：同意", "<", "<", "<"),
            R("审核意见", "同意", "<", "<"),
            R("产出指标", "数量指标", "改造里程", "36公里"),
            R("审核意见", "", "", ""),
            R("审核意见", "同意", "同意", "不同意"));
        Assert.True(RowKinds.IsMergedLine(g, 0));
        Assert.True(RowKinds.IsMergedLine(g, 1));
        Assert.False(RowKinds.IsMergedLine(g, 2));
        Assert.False(RowKinds.IsMergedLine(g, 3));
        Assert.False(RowKinds.IsMergedLine(g, 4));
        var two = Grid(R("审核意见", "同意"), R("审核", "审核"));
        Assert.False(RowKinds.IsMergedLine(two, 0));
        Assert.True(RowKinds.IsMergedLine(two, 1));
        var three = Grid(R("审核意见", "同意", "同意"));
        Assert.True(RowKinds.IsMergedLine(three, 0));
    }

    [Fact]
    public void A_cell_offering_two_boxes_or_more_is_a_choice_of_the_form()
    {
        var g = Grid(
            R("最近年度绩效评价情况", "优秀□ 良好□ 合格□"),
            R("项目属性", "新增☐ 延续☑"),
            R("项目属性", "延续☑"),
            R("项目属性", "■"),
            R("新增□", "延续□"),
            R("☒☒", ""),
            R("优秀□良好□", "<"));
        Assert.True(RowKinds.IsOptionRow(g, 0));
        Assert.True(RowKinds.IsOptionRow(g, 1));
        Assert.False(RowKinds.IsOptionRow(g, 2));
        Assert.False(RowKinds.IsOptionRow(g, 3));
        Assert.False(RowKinds.IsOptionRow(g, 4));
        Assert.True(RowKinds.IsOptionRow(g, 5));
        Assert.True(RowKinds.IsOptionRow(g, 6));
    }

    [Theory]
    [InlineData("", "合计", true)]
    [InlineData("合计", "", true)]
    [InlineData("", "合 计", true)]
    [InlineData("", "总计", true)]
    [InlineData("", "合计（元）", true)]
    [InlineData("", "合计数", true)]
    [InlineData("", "合计金额", true)]
    [InlineData("P01", "合计机房", false)]
    [InlineData("", "合计机房", true)]
    [InlineData("", "合计机房改造", true)]
    [InlineData("", "合计机房改造项", false)]
    [InlineData("", "合计算机房改造项目", false)]
    [InlineData("", "农村公路养护", false)]
    [InlineData("", "", false)]
    public void A_total_row(string code, string name, bool total) => Assert.Equal(total, RowKinds.IsTotal(code, name));

    [Theory]
    [InlineData("101001-样例县农业农村局", "", true)]
    [InlineData("样例县农业农村局本级", "", true)]
    [InlineData("样例县第一中学", "", false)]
    [InlineData("样例县第一学校", "", true)]
    [InlineData("小计", "", true)]
    [InlineData("农业农村小计", "", true)]
    [InlineData("样例县农业农村", "样例县农业农村", true)]
    [InlineData("样例县农业农村", "样例县", false)]
    [InlineData("春耕补贴", "", false)]
    [InlineData("春耕补贴", "春耕", false)]
    public void A_units_own_row_in_a_project_list(string name, string department, bool subtotal) =>
        Assert.Equal(subtotal, RowKinds.IsSubtotal(name, department));

    [Theory]
    [InlineData("某县教育局", true)]
    [InlineData(" 某县教育局 ", true)]
    [InlineData("某县发展和改革委员会", true)]
    [InlineData("某县人民政府办公室", true)]
    [InlineData("某镇人民政府", true)]
    [InlineData("某街道", true)]
    [InlineData("某县教育局机关", true)]
    [InlineData("某县", false)]
    [InlineData("春耕补贴", false)]
    [InlineData("局长办公经费", false)]
    public void A_name_that_ends_like_a_unit(string name, bool unit) => Assert.Equal(unit, RowKinds.EndsLikeUnit(name));

    [Theory]
    [InlineData("101001-样例县农业农村局", "样例县农业农村局")]
    [InlineData("[101001]样例县农业农村局", "样例县农业农村局")]
    [InlineData("【101001】 样例县农业农村局", "样例县农业农村局")]
    [InlineData("(433)样例县供销社", "样例县供销社")]
    [InlineData("（433）_样例县供销社", "样例县供销社")]
    [InlineData("101001 — 样例县农业农村局", "样例县农业农村局")]
    [InlineData("12-样例县农业农村局", "12-样例县农业农村局")]
    [InlineData("2026年春耕补贴", "2026年春耕补贴")]
    [InlineData("2025年度样例县农业农村局", "2025年度样例县农业农村局")]
    [InlineData("101001样例县农业农村局", "样例县农业农村局")]
    [InlineData("  样例县农业农村局  ", "样例县农业农村局")]
    [InlineData("", "")]
    public void A_unit_code_before_the_name_is_stripped(string text, string name) =>
        Assert.Equal(name, RowKinds.StripUnitCode(text));
}
