using BudgetGrpc.Engine.Model;
using BudgetGrpc.Engine.Reading;
using Xunit;

namespace BudgetGrpc.Engine.Tests.Reading;

/// <summary>What one read shares across its readers: the cell cut, the cell budget and the errors' file and place.</summary>
public class ReadContextTests
{
    private static ReadContext Context(int maxCellChars = 4, int maxCells = 5) =>
        new("预算.xls", new EngineLimits { MaxCellChars = maxCellChars, MaxCells = maxCells });

    [Theory]
    [InlineData("", "")]
    [InlineData("农田建设", "农田建设")]
    [InlineData("农田建设项", "农田建设")]
    public void A_cell_is_cut_at_the_limit_and_a_cell_at_the_limit_is_kept(string text, string expected)
    {
        var context = Context();
        Assert.Equal(expected, context.Cut(text));
        Assert.Equal(expected, context.Cut(text.AsSpan()));
    }

    [Fact]
    public void The_budget_may_be_spent_to_the_last_cell()
    {
        var context = Context();
        context.TakeCells(2);
        context.TakeCells(3);
        context.TakeCells(0);
    }

    [Fact]
    public void One_cell_past_the_budget_is_too_large_and_says_where()
    {
        var context = Context();
        context.TakeCells(5);

        var error = Assert.Throws<DisclosureException>(() => context.TakeCells(1, "第二", 12)).Error;

        Assert.Equal(DisclosureErrorCode.TooLarge, error.Code);
        Assert.Equal("the tables hold more than 5 cells, the most the engine reads from one file", error.Message);
        Assert.Equal("预算.xls", error.FileName);
        Assert.Equal(new SourceRef("第二", 12, 0), error.Location);
    }

    [Fact]
    public void The_budget_is_spent_across_calls()
    {
        var context = Context();
        context.TakeCells(4);
        var error = Assert.Throws<DisclosureException>(() => context.TakeCells(2)).Error;
        Assert.Null(error.Location);
    }

    [Fact]
    public void An_error_has_a_place_when_any_of_sheet_row_or_column_is_given()
    {
        var context = Context();

        Assert.Null(context.Fail(DisclosureErrorCode.Unreadable, "m").Error.Location);
        Assert.Equal(new SourceRef("S", 0, 0), context.Fail(DisclosureErrorCode.Unreadable, "m", sheet: "S").Error.Location);
        Assert.Equal(new SourceRef(null, 3, 0), context.Fail(DisclosureErrorCode.Unreadable, "m", row: 3).Error.Location);
        Assert.Equal(new SourceRef(null, 0, 2), context.Fail(DisclosureErrorCode.Unreadable, "m", column: 2).Error.Location);
        Assert.Equal(new SourceRef("S", 3, 2), context.Fail(DisclosureErrorCode.NoTable, "m", "S", 3, 2).Error.Location);
    }

    [Fact]
    public void An_error_carries_the_cause_caught_before_it()
    {
        var context = Context();
        Assert.Null(context.Fail(DisclosureErrorCode.Unreadable, "m").Error.Cause);

        var cause = new InvalidDataException("bad");
        context.Cause = cause;
        var error = context.Fail(DisclosureErrorCode.Unreadable, "damaged").Error;

        Assert.Same(cause, error.Cause);
        Assert.Equal(DisclosureErrorCode.Unreadable, error.Code);
        Assert.Equal("damaged", error.Message);
        Assert.Equal("预算.xls", error.FileName);
    }
}
