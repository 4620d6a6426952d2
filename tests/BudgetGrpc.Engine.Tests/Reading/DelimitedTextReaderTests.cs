using BudgetGrpc.Engine.Model;
using BudgetGrpc.Engine.Reading;
using Xunit;
using static BudgetGrpc.Engine.Tests.Reading.ReadingFixtures;

namespace BudgetGrpc.Engine.Tests.Reading;

/// <summary>
/// The TSV/CSV reader on texts written here: ragged rows, blank and empty lines, the source line of each record,
/// the extension's case, and the limits with the line they name.
/// </summary>
public class DelimitedTextReaderTests
{
    [Fact]
    public void Rows_may_be_ragged_and_blank_lines_are_dropped_but_rows_of_empty_fields_are_kept()
    {
        var content = ReadText("\n项目\t金额\t备注\n \t\n农田\n\n  \n\t\t\n监测\t2\t说明\t多余\n", "x.tsv");

        Assert.Equal("tsv", content.Format);
        var grid = Assert.Single(content.Grids);
        Assert.Null(grid.Name);
        Assert.Equal("2:|项目|金额|备注\n3:| |\n4:|农田\n7:|||\n8:|监测|2|说明|多余\n", Dump(grid));
    }

    [Theory]
    [InlineData("X.CSV", "csv")]
    [InlineData("X.TSV", "tsv")]
    public void A_single_column_text_takes_its_separator_from_the_extension_in_any_case(string name, string format)
    {
        var content = ReadText("项目\n农田\n", name);

        Assert.Equal(format, content.Format);
        Assert.Equal("1:|项目\n2:|农田\n", Dump(Assert.Single(content.Grids)));
    }

    [Fact]
    public void Cells_are_cut_at_the_cell_limit()
    {
        var grid = Assert.Single(ReadText("农田建设,甲\n", "x.csv", new EngineLimits { MaxCellChars = 3 }).Grids);

        Assert.Equal(["农田建", "甲"], grid.Row(0));
    }

    [Fact]
    public void The_cell_budget_names_the_line_of_the_record_past_it()
    {
        const string text = "a,b\n\n1,2\n3,4\n";

        var error = Assert.Throws<DisclosureException>(() => ReadText(text, "x.csv", new EngineLimits { MaxCells = 5 })).Error;

        Assert.Equal(DisclosureErrorCode.TooLarge, error.Code);
        Assert.Equal(new SourceRef(null, 4, 0), error.Location);
        Assert.Equal(3, Assert.Single(ReadText(text, "x.csv", new EngineLimits { MaxCells = 6 }).Grids).RowCount);
    }
}
