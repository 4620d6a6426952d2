using BudgetGrpc.Engine.Model;
using BudgetGrpc.Engine.Reading;

namespace BudgetGrpc.Engine.Layouts;

/// <summary>
/// An indicator table that a following grid may continue: its header, its layout and the project being read; its header's
/// rows when they ended their grid with no indicator row under them (the top row of a two-row header read as a header of
/// its own, its second row atop the next page).
/// </summary>
internal sealed record OpenTable(HeaderRow Header, IndicatorColumns Columns, Layout Layout, int ColumnCount, ProjectDraft? Project,
    CutRows? HeaderAtEnd = null);

/// <summary>
/// Rows a page break cut from the rest of their block: from <paramref name="FirstRow"/> to the end of the grid that holds
/// them (a money block from its label in <paramref name="LabelColumn"/>, a header's top row).
/// </summary>
internal sealed record CutRows(CellGrid Grid, int FirstRow, int LabelColumn = 0, int? EndRow = null)
{
    /// <summary>Where the cut rows end: the grid's end unless <see cref="EndRow"/> says otherwise (a gap of blank rows).</summary>
    private int End => EndRow ?? Grid.RowCount;

    public int RowCount => End - FirstRow;

    /// <summary>The cut rows over the first <paramref name="rowCount"/> rows of the next grid, as one grid.</summary>
    public CellGrid Over(CellGrid next, int rowCount) => Over(next, 0, rowCount);

    /// <summary>The cut rows over the rows <paramref name="from"/> to <paramref name="to"/> of the next grid, as one grid.</summary>
    public CellGrid Over(CellGrid next, int from, int to)
    {
        var rows = new List<string[]>();
        var sources = new List<int>();
        var merged = new List<(int, int)>();
        Append(Grid, FirstRow, End);
        Append(next, from, to);
        return new CellGrid(next.Name, rows, sources, merged);

        void Append(CellGrid grid, int from, int to)
        {
            for (var r = from; r < to; r++)
            {
                for (var c = 0; c < grid.ColumnCount; c++)
                    if (grid.IsMergedContinuation(r, c)) merged.Add((rows.Count, c));
                rows.Add([.. grid.Row(r)]);
                sources.Add(grid.SourceRow(r));
            }
        }
    }
}

/// <summary>What the layouts collect from the tables of one file.</summary>
internal sealed class TableReading
{
    public TitleBlock Title { get; } = new();
    public List<ProjectDraft> Projects { get; } = [];
    public decimal? DeclaredTotal { get; private set; }
    public SourceRef? DeclaredTotalSource { get; private set; }
    public Layout? Layout { get; set; }
    /// <summary>How many indicator tables (or free-text indicator columns) were found: none means no disclosure table.</summary>
    public int IndicatorTables { get; set; }

    /// <summary>The indicator table read last, which a following grid of the same width may continue (a page break).</summary>
    public OpenTable? Open { get; set; }

    /// <summary>A form whose label block had no indicator table under it: the next table's indicators are its own.</summary>
    public ProjectDraft? AwaitingIndicators { get; set; }

    /// <summary>
    /// The awaiting form's money block when the grid ended inside it (the label and its heads on one page, the part heads
    /// and figures on the next): its rows, read again on top of the next grid.
    /// </summary>
    public CutRows? CutMoney { get; set; }

    /// <summary>
    /// The awaiting form's header words that ended the grid (the top row of a two-row header, its second row atop the next
    /// page): read again on top of the next grid.
    /// </summary>
    public CutRows? CutHeader { get; set; }
    public DisclosureKind Kind { get; set; } = DisclosureKind.TargetTable;

    /// <summary>
    /// Whether an indicator table with target columns and neither actual nor score columns was read: a target list,
    /// whatever the title calls the document (a 绩效自评报告 that only restates the targets).
    /// </summary>
    public bool TargetColumnsRead { get; set; }

    /// <summary>
    /// The kind the tables' columns state; a title saying 自评 decides only where no indicator table said it is a target
    /// list (a table whose actual column went unrecognised, a free-text list).
    /// </summary>
    public DisclosureKind KindFor(string title) =>
        Kind == DisclosureKind.TargetTable && !TargetColumnsRead && SelfEvaluationWords.IsSelfEvaluationTitle(title)
            ? DisclosureKind.SelfEvaluation : Kind;
    public List<UnreadRow> UnreadRows { get; } = [];

    /// <summary>Keeps what the rest of the table gives and records the row that could not be read.</summary>
    public void LeaveOut(CellGrid grid, int row, ProjectDraft? project, UnreadRowReason reason)
    {
        var text = string.Join(" | ", FormLayout.DistinctCells(grid, row).Select(c => CellValues.Line(c.Text)));
        UnreadRows.Add(new UnreadRow(grid.Ref(row, 0), text, project?.Code, reason));
    }

    public void SetDeclaredTotal(decimal? total, SourceRef source)
    {
        if (total is null) return;
        // Several sheets may each carry a 合计; the disclosure's total is their sum.
        DeclaredTotal = (DeclaredTotal ?? 0m) + total.Value;
        DeclaredTotalSource ??= source;
    }
}
