using BudgetGrpc.Engine.Model;
using BudgetGrpc.Engine.Reading;
using Xunit;

namespace BudgetGrpc.Engine.Tests.Reading;

/// <summary>The grid every reader hands to the layouts: ragged rows, reads past the edges, source rows, merges, mapping.</summary>
public class CellGridTests
{
    private static CellGrid Ragged() => new("预算",
        new List<string[]> { new[] { "名称", "金额", "备注" }, new[] { "农田" } },
        sourceRows: [3, 7],
        mergedContinuations: [(1, 0)],
        preamble: ["单位：元"]);

    [Fact]
    public void The_widest_row_sets_the_column_count_and_short_rows_read_empty_past_their_end()
    {
        var grid = Ragged();

        Assert.Equal("预算", grid.Name);
        Assert.Equal(2, grid.RowCount);
        Assert.Equal(3, grid.ColumnCount);
        Assert.Equal("农田", grid[1, 0]);
        Assert.Equal("", grid[1, 1]);
        Assert.Equal("备注", grid[0, 2]);
        Assert.Equal(["农田"], grid.Row(1));
    }

    [Theory]
    [InlineData(-1, 0)]
    [InlineData(2, 0)]
    [InlineData(0, -1)]
    [InlineData(0, 3)]
    [InlineData(int.MinValue, int.MinValue)]
    public void Cells_outside_the_grid_read_empty(int row, int column) =>
        Assert.Equal("", Ragged()[row, column]);

    [Fact]
    public void An_empty_grid_has_no_columns()
    {
        var grid = new CellGrid(null, Array.Empty<string[]>());

        Assert.Equal(0, grid.RowCount);
        Assert.Equal(0, grid.ColumnCount);
        Assert.Null(grid.Name);
        Assert.Empty(grid.Preamble);
        Assert.Equal("", grid[0, 0]);
    }

    [Fact]
    public void Source_rows_default_to_the_row_index_plus_one_and_past_the_end_follow_it()
    {
        var plain = new CellGrid("t", [["a"], ["b"], ["c"]]);
        Assert.Equal([1, 2, 3], Enumerable.Range(0, 3).Select(plain.SourceRow));

        var grid = Ragged();
        Assert.Equal(3, grid.SourceRow(0));
        Assert.Equal(7, grid.SourceRow(1));
        Assert.Equal(3, grid.SourceRow(2)); // past the rows: the index plus one
        Assert.Equal(0, grid.SourceRow(-1));
    }

    [Fact]
    public void Source_rows_must_match_the_rows_one_to_one()
    {
        var error = Assert.Throws<ArgumentException>(() => new CellGrid("t", [["a"], ["b"]], sourceRows: [1]));

        Assert.Equal("sourceRows", error.ParamName);
        Assert.StartsWith("sourceRows must have one entry per row", error.Message);
    }

    [Fact]
    public void Merged_continuations_are_known_by_their_cell()
    {
        var grid = Ragged();

        Assert.True(grid.IsMergedContinuation(1, 0));
        Assert.False(grid.IsMergedContinuation(0, 0));
        Assert.False(grid.IsMergedContinuation(0, 1));
        Assert.False(new CellGrid("t", [["a"]]).IsMergedContinuation(0, 0));
    }

    [Fact]
    public void Mapping_changes_every_cell_and_preamble_line_and_keeps_the_rest()
    {
        var mapped = Ragged().MapText(text => "[" + text + "]");

        Assert.Equal("预算", mapped.Name);
        Assert.Equal(["[名称]", "[金额]", "[备注]"], mapped.Row(0));
        Assert.Equal(["[农田]"], mapped.Row(1));
        Assert.Equal(["[单位：元]"], mapped.Preamble);
        Assert.Equal(7, mapped.SourceRow(1));
        Assert.True(mapped.IsMergedContinuation(1, 0));
        Assert.Equal(3, mapped.ColumnCount);
    }

    [Fact]
    public void A_reference_names_the_sheet_the_source_row_and_the_one_based_column()
    {
        var grid = Ragged();

        Assert.Equal(new SourceRef("预算", 7, 3, "金额"), grid.Ref(1, 2, "金额"));
        Assert.Equal(new SourceRef("预算", 3, 1), grid.Ref(0, 0));
    }

    [Fact]
    public void The_preamble_is_kept_in_order()
    {
        var grid = new CellGrid("t", [["a"]], preamble: ["一", "二"]);
        Assert.Equal(["一", "二"], grid.Preamble);
    }
}
