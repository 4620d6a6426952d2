using BudgetGrpc.Engine.Model;
using BudgetGrpc.Engine.Reading;
using Xunit;
using static BudgetGrpc.Engine.Tests.Reading.ReadingFixtures;

namespace BudgetGrpc.Engine.Tests.Reading;

/// <summary>
/// The Markdown reader on texts written here: inline markup in cells and paragraphs, the preamble's bound and what
/// counts as a line of it, tables inside quotes, the depth bound and the cell budget with its source line.
/// </summary>
public class MarkdownTableReaderTests
{
    private static IReadOnlyList<CellGrid> Grids(string text, EngineLimits? limits = null) =>
        ReadText(text, "table.md", limits).Grids;

    [Fact]
    public void Inline_markup_in_cells_is_reduced_to_its_text()
    {
        var grid = Assert.Single(Grids("""
            | 项目 | 说明 |
            |---|---|
            | **农田** _建设_ | `代码` &amp; <https://a.cn> [链接](https://b.cn) <br> 尾 |
            """));

        Assert.Equal(["农田 建设", "代码 & https://a.cn 链接 <br> 尾"], grid.Row(1));
        Assert.Equal([1, 3], Enumerable.Range(0, grid.RowCount).Select(grid.SourceRow));
    }

    [Fact]
    public void Paragraphs_keep_hard_breaks_and_join_soft_ones_with_a_space()
    {
        var grid = Assert.Single(Grids("单位：\n万元\n\n年度：\\\n2025\n\n| a |\n|---|\n| 1 |\n"));

        Assert.Equal(["单位： 万元", "年度：\n2025"], grid.Preamble);
    }

    [Fact]
    public void Empty_headings_and_paragraphs_of_spaces_are_no_preamble_lines()
    {
        var grid = Assert.Single(Grids("#\n\n&nbsp;\n\n## 标题\n\n| a |\n|---|\n| 1 |\n"));

        Assert.Equal(["标题"], grid.Preamble);
    }

    [Fact]
    public void The_preamble_keeps_the_last_twenty_lines()
    {
        var text = string.Concat(Enumerable.Range(1, 25).Select(i => $"第{i}段\n\n")) + "| a |\n|---|\n| 1 |\n";

        var grid = Assert.Single(Grids(text));

        Assert.Equal(Enumerable.Range(6, 20).Select(i => $"第{i}段"), grid.Preamble);
    }

    [Fact]
    public void Tables_and_paragraphs_inside_quotes_and_lists_are_read()
    {
        var grids = Grids("> 引用说明\n>\n> | a | b |\n> |---|---|\n> | 1 | 2 |\n\n- 列表说明\n\n| c |\n|---|\n| 3 |\n");

        Assert.Equal(["table 1", "table 2"], grids.Select(g => g.Name));
        Assert.Equal(["引用说明"], grids[0].Preamble);
        Assert.Equal(["1", "2"], grids[0].Row(1));
        Assert.Equal(["列表说明"], grids[1].Preamble);
    }

    [Fact]
    public void A_table_127_quotes_deep_is_read_and_Markdig_refuses_one_deeper()
    {
        static string Quoted(int levels)
        {
            var prefix = string.Concat(Enumerable.Repeat("> ", levels));
            return $"{prefix}说明\n{prefix}\n{prefix}| a |\n{prefix}|---|\n{prefix}| 1 |\n";
        }

        var grid = Assert.Single(Grids(Quoted(127)));
        Assert.Equal(["说明"], grid.Preamble);
        Assert.Equal("1", grid[1, 0]);
        // Markdig's own bound (128 block levels) comes long before the reader's (HtmlText.MaxDepth, 256).
        Assert.Equal(DisclosureErrorCode.Unreadable, Assert.Throws<DisclosureException>(() => Grids(Quoted(128))).Error.Code);
    }

    [Fact]
    public void Text_255_emphasis_levels_deep_is_read_and_deeper_text_is_not()
    {
        static string Strong(int levels) => new string('*', 2 * levels) + "甲" + new string('*', 2 * levels);
        const string table = "| a |\n|---|\n| 1 |\n";

        Assert.Equal(["甲"], Assert.Single(Grids($"{Strong(255)}\n\n{table}")).Preamble);
        Assert.Empty(Assert.Single(Grids($"{Strong(256)}\n\n{table}")).Preamble);
    }

    [Fact]
    public void A_text_without_a_pipe_table_says_so()
    {
        var error = Assert.Throws<DisclosureException>(() => Grids("# 标题\n\n| 不是表格 |\n")).Error;

        Assert.Equal(DisclosureErrorCode.NoTable, error.Code);
        Assert.Equal("no table found in the Markdown text: it has no pipe table", error.Message);
    }

    [Fact]
    public void Cells_and_preamble_lines_are_cut_at_the_cell_limit()
    {
        var grid = Assert.Single(Grids("绩效目标表\n\n| 农田建设 | 甲 |\n|---|---|\n| 1 | 2 |\n", new EngineLimits { MaxCellChars = 3 }));

        Assert.Equal(["绩效目"], grid.Preamble);
        Assert.Equal(["农田建", "甲"], grid.Row(0));
    }

    [Fact]
    public void The_cell_budget_names_the_table_and_the_source_line_of_the_row_past_it()
    {
        var text = "说明\n\n| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |\n";

        var error = Assert.Throws<DisclosureException>(() => Grids(text, new EngineLimits { MaxCells = 5 })).Error;

        Assert.Equal(DisclosureErrorCode.TooLarge, error.Code);
        Assert.Equal(new SourceRef("table 1", 6, 0), error.Location);
        Assert.Equal(3, Assert.Single(Grids(text, new EngineLimits { MaxCells = 6 })).RowCount);
    }
}
