using BudgetGrpc.Engine.Layouts;
using BudgetGrpc.Engine.Reading;
using Xunit;
using static BudgetGrpc.Engine.Tests.Layouts.LayoutChecks;

namespace BudgetGrpc.Engine.Tests.Layouts;

/// <summary>
/// Headers a page break cut, said again or left at a page's foot, found by the generated variants at 20,000 a family
/// (13 of 100,000 imperfect, every one a form of several projects in one table): each read down to one of these. Tables
/// written by us.
/// </summary>
public sealed class PageBreakRepeatTests
{
    private const string Labels = @"<tr><td>项目名称</td><td colspan=""6"">乡村文化广场建设</td></tr>
<tr><td>年度资金总额</td><td colspan=""6"">120</td></tr>
<tr><td>年度目标</td><td colspan=""6"">新建村级文化广场12个。</td></tr>
";

    private static readonly string[] Expected = ["产出指标/数量指标/新建文化广场 >= 12 个", "满意度指标/服务对象满意度指标/群众满意度 >= 90 %"];

    private const string Rows = @"<tr><td>产出指标</td><td>数量指标</td><td>新建文化广场</td><td>11</td><td>12</td><td>≥</td><td>个</td></tr>
<tr><td>满意度指标</td><td>服务对象满意度指标</td><td>群众满意度</td><td>85</td><td>90</td><td>≥</td><td>%</td></tr>
";

    [Fact]
    public void A_top_row_said_again_whole_over_its_second_row_said_again_with_blanks_reads_the_years_values()
    {
        // The break fell right under the header's top row (its merges down cut); the next page says the header whole, then
        // the second row the first page never showed, its cut merges left blank.
        var d = Parse(@"<html><body><p>某县2025年项目支出绩效目标表</p><table border=""1"">" + Labels + @"
<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td colspan=""2"">指标值</td><td>运算符号</td><td>单位</td></tr>
<tr><td rowspan=""2"">一级指标</td><td rowspan=""2"">二级指标</td><td rowspan=""2"">三级指标</td><td colspan=""2"">指标值</td><td rowspan=""2"">运算符号</td><td rowspan=""2"">单位</td></tr>
<tr><td>上年完成值</td><td>年度目标值</td></tr>
<tr><td></td><td></td><td></td><td>上年完成值</td><td>年度目标值</td><td></td><td></td></tr>
" + Rows + "</table></body></html>");
        Assert.Equal(Expected, Assert.Single(d.Projects).Indicators.Select(Ind));
    }

    [Fact]
    public void A_top_row_parted_from_its_second_row_by_blank_rows_is_read_with_it_though_it_names_no_level()
    {
        // 绩效指标 | 指标性质 | 上年实际完成值 | 本年度指标值 alone names no level and no name: no indicator header by itself.
        var d = Parse("某县2025年项目支出绩效目标表\t\t\t\t\n项目名称\t乡村文化广场建设\t\t\t\n年度资金总额\t120\t\t\t\n" + string.Join("\n",
            "绩效指标\t\t指标性质\t上年实际完成值\t本年度指标值",
            "\t\t\t\t",
            "一级指标\t指标名称\t\t\t",
            "产出指标\t新建文化广场\t正向\t11个\t≥12个",
            "满意度指标\t群众满意度\t正向\t85%\t≥90%"), "form.tsv");
        Assert.Equal(Expected, Assert.Single(d.Projects).Indicators.Select(Ind));
    }

    [Fact]
    public void A_group_row_said_again_under_the_header_with_the_header_after_it_is_no_second_header_row()
    {
        // 本年度绩效指标 | 绩效目标指标 over the header (a text export: no merges); 指标值类型 (定量/定性) stands before the
        // comparator column 运算符号, which only the rows tell. The next page (a table of its own) says both rows again right
        // under the header, then the rows.
        const string header = @"<tr><td>本 年 度 绩 效 指 标</td><td>绩效目标指标</td><td></td><td></td><td></td><td></td><td></td></tr>
<tr><td></td><td>一级指标</td><td>二级指标</td><td>指标名称</td><td>指标值类型</td><td>本年度指标值</td><td>运算符号</td></tr>";
        var d = Parse(@"<html><body><p>某县2025年项目支出绩效目标表</p><table border=""1"">
<tr><td>项目名称</td><td colspan=""6"">乡村文化广场建设</td></tr>
<tr><td>年度资金总额</td><td colspan=""6"">120</td></tr>
</table><table border=""1"">
" + header + header + @"
<tr><td></td><td>产出指标</td><td>数量指标</td><td>新建文化广场</td><td>定量</td><td>12个</td><td>≥</td></tr>
<tr><td></td><td>满意度指标</td><td>服务对象满意度指标</td><td>群众满意度</td><td>定量</td><td>90%</td><td>≥</td></tr>
</table></body></html>");
        Assert.Equal(Expected, Assert.Single(d.Projects).Indicators.Select(Ind));
    }

    [Fact]
    public void A_whole_header_that_ended_the_page_under_a_form_is_read_over_the_next_pages_rows()
    {
        // 指标名称 heads the second levels and 指标说明 the names: only the next page's rows tell it; the page ended with the
        // header's two rows.
        var d = Parse(@"<html><body><p>某县2025年项目支出绩效目标表</p><table border=""1"">
<tr><td>项目名称</td><td colspan=""4"">乡村文化广场建设</td></tr>
<tr><td>年度资金总额</td><td colspan=""4"">120</td></tr>
<tr><td rowspan=""2"">指标名称</td><td rowspan=""2"">指标方向</td><td colspan=""2"">指标值</td><td rowspan=""2"">指标说明</td></tr>
<tr><td>中长期指标值</td><td>年度指标值</td></tr>
</table><table border=""1"">
<tr><td>数量指标</td><td>正向</td><td>≥10个</td><td>≥12个</td><td>指标1：新建文化广场</td></tr>
<tr><td>服务对象满意度指标</td><td>正向</td><td>≥85%</td><td>≥90%</td><td>指标2：群众满意度</td></tr>
</table></body></html>");
        Assert.Equal(Expected, Assert.Single(d.Projects).Indicators.Select(Ind));
    }

    [Fact]
    public void A_column_word_merged_across_the_columns_of_the_group_word_above_it_is_the_headers_second_row()
    {
        // 绩效指标 over 三级指标（年度）, both merged across the first two columns (names written as level paths), the second
        // row's other cells blank (the top row of a header a page break parted from it, the two rejoined).
        var grid = new CellGrid("t", [
            ["绩效指标", "绩效指标", "上年实际完成值", "本年度指标值", "指标单位"],
            ["三级指标（年度）", "三级指标（年度）", "", "", ""],
            ["产出指标-数量指标-新建文化广场", "产出指标-数量指标-新建文化广场", "≥10", "≥12", "个"]],
            mergedContinuations: [(0, 1), (1, 1), (2, 1)]);
        var header = HeaderRow.Read(grid, 0);
        Assert.Equal(1, header.LastRow);
        Assert.True(header.IsIndicatorTable);
        Assert.Equal(0, header[ColumnRole.Level3]);
    }

    [Fact]
    public void The_rows_under_a_top_row_that_ended_the_page_are_read_above_an_allocation_list()
    {
        // The page broke under the third form's header top row; the next page holds its second row, the rows and the
        // allocation list the notice prints under the forms.
        var d = Parse(@"<html><body><p>某县2025年项目支出绩效目标表</p><table border=""1"">
<tr><td>项目名称</td><td colspan=""4"">乡村文化广场建设</td></tr>
<tr><td>年度资金总额</td><td colspan=""4"">120</td></tr>
<tr><td colspan=""2"">绩效指标</td><td>上年实际完成值</td><td>本年度指标值</td><td>指标单位</td></tr>
</table><table border=""1"">
<tr><td colspan=""2"">三级指标（年度）</td><td></td><td></td><td></td></tr>
<tr><td colspan=""2"">产出指标-数量指标-新建文化广场</td><td>≥10</td><td>≥12</td><td>个</td></tr>
<tr><td colspan=""2"">满意度指标-服务对象满意度指标-群众满意度</td><td>≥85</td><td>≥90</td><td>%</td></tr>
<tr><td>序号</td><td>单位名称</td><td>项目名称</td><td>金额</td><td>备注</td></tr>
<tr><td>1</td><td>城关镇人民政府</td><td>村级文化广场维修</td><td>37.00</td><td></td></tr>
</table></body></html>");
        Assert.Equal(Expected, Assert.Single(d.Projects).Indicators.Select(Ind));
    }

    [Fact]
    public void A_header_repeated_right_under_the_forms_name_row_leaves_the_labels_under_it_to_the_form()
    {
        // The break fell after the name row: the next page repeats the header, then the form's other labels and the
        // header again over the rows.
        const string header = "<tr><td>二级指标</td><td>指标内容</td><td>指标单位</td><td>年度目标值</td></tr>";
        var d = Parse(@"<html><body><p>某县2025年项目支出绩效目标表</p><table border=""1"">
<tr><td>项目全称</td><td>乡村文化广场建设</td><td>预算单位</td><td>某县文化和旅游局</td></tr>
" + header + @"
<tr><td>年度资金总额（万元）</td><td colspan=""3"">120</td></tr>
<tr><td>本年度绩效目标</td><td colspan=""3"">新建村级文化广场12个。</td></tr>
" + header + @"
<tr><td>数量指标</td><td>新建文化广场</td><td>个</td><td>12个以上</td></tr>
<tr><td>服务对象满意度指标</td><td>群众满意度</td><td>百分比</td><td>90以上</td></tr>
</table></body></html>");
        var p = Assert.Single(d.Projects);
        Assert.Equal("乡村文化广场建设", p.Name);
        Assert.Equal(120m, p.Amount);
        Assert.Equal(["新建村级文化广场12个。"], p.Objectives);
        Assert.Equal(Expected, p.Indicators.Select(Ind));
    }
}
