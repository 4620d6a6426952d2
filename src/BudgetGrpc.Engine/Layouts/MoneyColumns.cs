using BudgetGrpc.Engine.Reading;

namespace BudgetGrpc.Engine.Layouts;

/// <summary>
/// A money block laid out in columns under its label: 本年度预计投入 / 资金总额 over the sources (财政拨款 | 其他资金 |
/// 合计), with the figures in the row below. The heads are the lexicon's budget rows (group budgetrow), so a source is
/// recognised by the same words whether the block is laid in rows or in columns.
/// </summary>
internal static class MoneyColumns
{
    /// <summary>
    /// The amount the block states (under 合计, else the sources added up), the last row it takes and a unit glued to its
    /// figures, or null when the
    /// cells right of the label (or the row under a label standing alone) are no source heads with figures under them.
    /// </summary>
    public static (decimal Amount, int LastRow, string? GluedUnit)? Read(CellGrid grid, int labelRow, int labelColumn, int end)
    {
        var headRow = labelRow;
        var heads = SourceHeads(grid, labelRow, labelColumn);
        if (heads is null && FormLayout.DistinctCells(grid, labelRow).Count == 1 && labelRow + 1 < end)
            heads = SourceHeads(grid, headRow = labelRow + 1, -1);
        if (heads is null || headRow + 1 >= end) return null;
        var valueRow = headRow + 1;
        decimal? total = null;
        decimal sum = 0;
        var figures = 0;
        string? glued = null;
        foreach (var (column, kind) in heads)
        {
            if (CellValues.LeadingAmount(grid[valueRow, column]) is not { } figure) continue;
            figures++;
            glued ??= TitleBlock.GluedAmountUnit(grid[valueRow, column]); // 800000.00元
            if (kind == BudgetRow.Total) total ??= figure;
            else sum += figure;
        }
        return figures == 0 ? null : (total ?? sum, valueRow, glued);
    }

    /// <summary>The source heads right of <paramref name="after"/>: at least two, and nothing else but a leading label.</summary>
    private static List<(int Column, BudgetRow Kind)>? SourceHeads(CellGrid grid, int row, int after)
    {
        List<(int, BudgetRow)>? heads = null;
        foreach (var (column, text) in FormLayout.DistinctCells(grid, row))
        {
            if (column <= after || (after >= 0 && grid.IsMergedContinuation(row, column) && column == after)) continue;
            var kind = SelfEvaluationWords.BudgetRowOf(text);
            if (kind != BudgetRow.None) (heads ??= []).Add((column, kind));
            // 资金来源 | 财政拨款 | …: a label in front of the heads; any other word means this is no money block.
            else if (heads is not null || FormLabels.Of(text) is not (FormField.AmountGroup or FormField.TotalAmount)) return null;
        }
        return heads is { Count: >= 2 } ? heads : null;
    }
}
