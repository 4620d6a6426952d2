using BudgetGrpc.Engine.Layouts;
using BudgetGrpc.Engine.Reading;
using Xunit;
using static BudgetGrpc.Engine.Tests.Layouts.LayoutChecks;

namespace BudgetGrpc.Engine.Tests.Layouts;

/// <summary>
/// A form's money block laid out in columns (issue 15: MoneyColumns was reached only through whole forms): the amount under
/// 合计 or the sources added up, the row it ends on, a unit glued to a figure, heads on the row under a lone label, a head
/// spanning its parts (its 小计, else the parts added up), a header a page break repeated, and what is no money block.
/// </summary>
public sealed class MoneyColumnsTests
{
    private static (decimal Amount, int LastRow, string? GluedUnit)? Read(CellGrid g, int labelRow = 0, int labelColumn = 0) =>
        MoneyColumns.Read(g, labelRow, labelColumn, g.RowCount);

    [Fact]
    public void The_amount_under_the_total_head()
    {
        var g = Grid(R("年度资金总额", "财政拨款", "其他资金", "合计"), R("", "100", "20", "125"), R("年度绩效目标", "x", "<", "<"));
        Assert.Equal((125m, 1, (string?)null), Read(g));
    }

    [Fact]
    public void The_sources_added_up_without_a_total_head()
    {
        var g = Grid(R("资金来源", "财政拨款", "其他资金", "上年结转"), R("", "100", "20.5", ""));
        Assert.Equal((120.5m, 1, (string?)null), Read(g));
    }

    [Fact]
    public void The_first_total_stated_counts_and_sources_then_do_not()
    {
        var g = Grid(R("年度资金总额", "合计", "财政拨款", "总额"), R("", "300", "100", "200"));
        Assert.Equal((300m, 1, (string?)null), Read(g));
        var blankTotal = Grid(R("年度资金总额", "合计", "财政拨款", "其他资金"), R("", "", "100", "20"));
        Assert.Equal((120m, 1, (string?)null), Read(blankTotal));
    }

    [Fact]
    public void A_unit_glued_to_a_figure_is_the_blocks()
    {
        var g = Grid(R("年度资金总额", "财政拨款", "合计"), R("", "800000.00元", "800000.00元"));
        Assert.Equal((800000.00m, 1, "元"), Read(g));
        var second = Grid(R("年度资金总额", "财政拨款", "其他资金"), R("", "80", "20万元"));
        Assert.Equal((100m, 1, "万元"), Read(second));
    }

    [Fact]
    public void Heads_on_the_row_under_a_label_that_stands_alone()
    {
        var g = Grid(R("项目资金（万元）", "<", "<"), R("财政拨款", "其他资金", "合计"), R("90", "10", "100"));
        Assert.Equal((100m, 2, (string?)null), Read(g));
        // Not when the label shares its row with another cell.
        var shared = Grid(R("项目资金（万元）", "说明", ""), R("财政拨款", "其他资金", "合计"), R("90", "10", "100"));
        Assert.Null(Read(shared));
    }

    [Fact]
    public void An_indicator_header_a_page_break_repeated_under_the_label_is_looked_past()
    {
        var g = Grid(
            R("项目资金（万元）", "<", "<", "<"),
            R("", "", "", ""),
            R("一级指标", "二级指标", "三级指标", "指标值"),
            R("财政拨款", "其他资金", "合计", ""),
            R("90", "10", "100", ""));
        Assert.Equal((100m, 4, (string?)null), Read(g));
    }

    [Fact]
    public void No_money_block()
    {
        // One head only.
        Assert.Null(Read(Grid(R("年度资金总额", "财政拨款", ""), R("", "100", ""))));
        // A word that is no source among the heads.
        Assert.Null(Read(Grid(R("年度资金总额", "财政拨款", "实施单位", "合计"), R("", "100", "某局", "100"))));
        // A word in front of the heads that is no money label.
        Assert.Null(Read(Grid(R("实施单位", "财政拨款", "合计"), R("", "100", "100")), labelColumn: -1));
        // Heads without a row under them, or with no figure under any.
        Assert.Null(Read(Grid(R("年度资金总额", "财政拨款", "合计"))));
        Assert.Null(Read(Grid(R("年度资金总额", "财政拨款", "合计"), R("", "按实际", ""))));
        // A lone label on the grid's last row.
        Assert.Null(Read(Grid(R("项目资金（万元）", "<"))));
    }

    [Fact]
    public void A_money_label_in_front_of_the_heads_is_looked_past_when_the_heads_are_sought_from_the_rows_start()
    {
        var g = Grid(R("资金来源", "财政拨款", "其他资金"), R("", "60", "40"));
        Assert.Equal((100m, 1, (string?)null), MoneyColumns.Read(g, 0, -1, g.RowCount));
    }

    [Fact]
    public void A_head_spanning_its_parts_reads_its_subtotal()
    {
        var g = Grid(
            R("年度资金总额", "财政资金", "<", "<", "其他资金"),
            R("", "中央", "本级", "小计", ""),
            R("", "60", "30", "95", "5"));
        Assert.Equal((100m, 2, (string?)null), Read(g));
    }

    [Fact]
    public void A_head_spanning_its_parts_without_a_subtotal_adds_them_up()
    {
        var g = Grid(
            R("年度资金总额", "财政资金", "<", "其他资金", "合计"),
            R("", "中央", "本级", "", ""),
            R("", "60", "30万元", "10", ""));
        Assert.Equal((100m, 2, "万元"), Read(g));
    }

    [Fact]
    public void A_text_export_without_merges_spans_a_head_over_blank_heads_above_words()
    {
        var g = Grid(
            R("年度资金总额", "财政资金", "", "", "合计"),
            R("", "中央", "省级", "本级", ""),
            R("", "60", "30", "10", "100"));
        Assert.Equal((100m, 2, (string?)null), Read(g));
        var parts = Grid(
            R("年度资金总额", "财政资金", "", "", "其他资金"),
            R("", "中央", "省级", "本级", ""),
            R("", "60", "30", "", "7"));
        Assert.Equal((97m, 2, (string?)null), Read(parts));
    }

    [Fact]
    public void A_row_of_figures_under_a_spanning_head_is_no_second_header_row()
    {
        var g = Grid(
            R("年度资金总额", "财政资金", "<", "其他资金"),
            R("", "90", "<", "10"));
        Assert.Equal((100m, 1, (string?)null), Read(g));
    }

    [Fact]
    public void A_part_heads_row_that_a_page_break_cut_from_its_figures_is_looked_past()
    {
        var g = Grid(
            R("年度资金总额", "财政资金", "<", "其他资金"),
            R("", "中央", "本级", ""),
            R("", "", "", ""),
            R("", "60", "30", "10"));
        Assert.Equal((100m, 3, (string?)null), Read(g));
        var cut = Grid(
            R("年度资金总额", "财政资金", "<", "其他资金"),
            R("", "中央", "本级", ""));
        Assert.Null(Read(cut));
    }
}
