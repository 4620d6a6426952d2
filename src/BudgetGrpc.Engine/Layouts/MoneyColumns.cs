using BudgetGrpc.Engine.Reading;

namespace BudgetGrpc.Engine.Layouts;

/// <summary>
/// A money block laid out in columns under its label: 本年度预计投入 / 资金总额 over the sources (财政拨款 | 其他资金 |
/// 合计), with the figures in the row below; a head may span a second header row of its parts (财政资金 over 中央 | 省级 |
/// 市级 | 本级), whose figures then stand for it (its 小计 when stated, else the parts added up). The heads are the
/// lexicon's budget rows (group budgetrow), so a source is recognised by the same words whether the block is laid in rows
/// or in columns.
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
        {
            // An indicator header a page break repeated between the label and its heads is looked past.
            headRow = PastPageBreak(grid, labelRow + 1, end);
            heads = SourceHeads(grid, headRow, -1);
        }
        if (heads is null || headRow + 1 >= end) return null;
        // The figures may stand past a page break too, under the header it repeated.
        var valueRow = PastPageBreak(grid, headRow + 1, end);
        // 财政资金 spanning a second header row of its parts (中央 | 省级 | 市级 | 本级): each head reads its own columns.
        var parts = PartHeads(grid, headRow, valueRow, heads);
        if (parts is not null) valueRow = PastPageBreak(grid, valueRow + 1, end);
        if (valueRow >= end) return null;
        decimal? total = null;
        decimal sum = 0;
        var figures = 0;
        string? glued = null;
        foreach (var (column, kind) in heads)
        {
            decimal? figure;
            if (parts?.GetValueOrDefault(column) is { } under) figure = GroupFigure(grid, valueRow, under, ref glued);
            else
            {
                figure = CellValues.LeadingAmount(grid[valueRow, column]);
                if (figure is not null) glued ??= TitleBlock.GluedAmountUnit(grid[valueRow, column]); // 800000.00元
            }
            if (figure is not { } f) continue;
            figures++;
            if (kind == BudgetRow.Total) total ??= f;
            else sum += f;
        }
        return figures == 0 ? null : (total ?? sum, valueRow, glued);
    }

    /// <summary>
    /// The part heads under each head that spans several columns, when the row under the heads holds them (words, no
    /// figures); null when that row is no second header row.
    /// </summary>
    private static Dictionary<int, List<(int Column, bool Subtotal)>>? PartHeads(
        CellGrid grid, int headRow, int row, List<(int Column, BudgetRow Kind)> heads)
    {
        Dictionary<int, List<(int, bool)>>? parts = null;
        foreach (var (column, _) in heads)
        {
            var span = column + 1;
            // Merged over its parts, or (a text export without merges) followed by blank heads over words.
            while (span < grid.ColumnCount && !heads.Exists(h => h.Column == span)
                   && ((grid.IsMergedContinuation(headRow, span) && grid[headRow, span] == grid[headRow, column])
                       || (grid[headRow, span].Trim().Length == 0 && IsPartHead(grid[row, span]))))
                span++;
            if (span - column < 2) continue;
            // A head whose merge down a page break cut (合计 over blank cells, its figure further down): no parts, its own
            // first column holds its figure.
            if (Enumerable.Range(column, span - column).All(c => grid[row, c].Trim().Length == 0)) continue;
            var under = new List<(int, bool)>();
            for (var c = column; c < span; c++)
            {
                if (!IsPartHead(grid[row, c])) return null;
                if (c > column && grid.IsMergedContinuation(row, c) && grid[row, c] == grid[row, c - 1]) continue;
                var text = CellValues.Line(grid[row, c]).Trim();
                under.Add((c, SelfEvaluationWords.BudgetRowOf(text) == BudgetRow.Total || text.Contains("小计")));
            }
            (parts ??= [])[column] = under;
        }
        return parts;
    }

    /// <summary>A cell of a second header row: words, no figure.</summary>
    private static bool IsPartHead(string cell)
    {
        var text = CellValues.Line(cell).Trim();
        return text.Length > 0 && CellValues.LeadingAmount(text) is null;
    }

    /// <summary>A spanning head's figure: its 小计 when stated, else its parts added up; null when none has a figure.</summary>
    private static decimal? GroupFigure(CellGrid grid, int row, List<(int Column, bool Subtotal)> under, ref string? glued)
    {
        decimal? subtotal = null, sum = null;
        foreach (var (column, isSubtotal) in under)
        {
            if (CellValues.LeadingAmount(grid[row, column]) is not { } figure) continue;
            glued ??= TitleBlock.GluedAmountUnit(grid[row, column]);
            if (isSubtotal) subtotal ??= figure;
            else sum = (sum ?? 0) + figure;
        }
        return subtotal ?? sum;
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

    /// <summary>
    /// The first row from <paramref name="row"/> that is no page break's leftover: blank rows and an indicator header the
    /// break repeated inside the money block (with its group row) are looked past.
    /// </summary>
    private static int PastPageBreak(CellGrid grid, int row, int end)
    {
        while (row + 1 < end)
        {
            if (RowKinds.IsSkippable(grid, row)) row++;
            else if (HeaderRow.CountRoles(grid, row) >= 2 && HeaderRow.Read(grid, row) is { IsIndicatorTable: true } repeated) row = repeated.LastRow + 1;
            // Its group row above it (本年度绩效指标 | 绩效指标): no money word (not the part heads 中央资金 | 市县资金 over it),
            // no figure.
            else if (row + 2 < end && HeaderRow.CountRoles(grid, row + 1) >= 2 && HeaderRow.Read(grid, row + 1) is { IsIndicatorTable: true } under
                && !FormLayout.DistinctCells(grid, row).Exists(c => SelfEvaluationWords.BudgetRowOf(c.Text) != BudgetRow.None || CellValues.Amount(c.Text) is not null))
                row = under.LastRow + 1;
            else break;
        }
        return row;
    }
}
