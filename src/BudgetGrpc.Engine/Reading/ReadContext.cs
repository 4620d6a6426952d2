using BudgetGrpc.Engine.Model;

namespace BudgetGrpc.Engine.Reading;

/// <summary>
/// The state one read shares across its readers: the file name for messages, the limits,
/// and the cell budget that is spent across every grid of the file.
/// </summary>
internal sealed class ReadContext(string fileName, EngineLimits limits)
{
    private long _cellsLeft = limits.MaxCells;

    public string FileName { get; } = fileName;
    public EngineLimits Limits { get; } = limits;

    /// <summary>Cuts a cell text to the configured maximum so one hostile cell cannot hold the heap.</summary>
    public string Cut(string text) =>
        text.Length <= Limits.MaxCellChars ? text : text[..Limits.MaxCellChars];

    public string Cut(ReadOnlySpan<char> text) =>
        text.Length <= Limits.MaxCellChars ? text.ToString() : text[..Limits.MaxCellChars].ToString();

    /// <summary>Spends <paramref name="cells"/> from the budget; throws TooLarge once it is exhausted.</summary>
    public void TakeCells(long cells, string? sheet = null, int row = 0)
    {
        _cellsLeft -= cells;
        if (_cellsLeft < 0)
            throw Fail(DisclosureErrorCode.TooLarge,
                $"the tables hold more than {Limits.MaxCells:N0} cells, the most the engine reads from one file",
                sheet, row);
    }

    /// <summary>What a last-resort catch caught, kept with the error it turns into (<see cref="DisclosureError.Cause"/>).</summary>
    public Exception? Cause { get; set; }

    public DisclosureException Fail(DisclosureErrorCode code, string message, string? sheet = null, int row = 0, int column = 0) =>
        new(new DisclosureError(code, message, FileName,
            sheet is null && row == 0 && column == 0 ? null : new SourceRef(sheet, row, column)) { Cause = Cause });
}
