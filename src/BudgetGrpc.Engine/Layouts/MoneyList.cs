using BudgetGrpc.Engine.Reading;

namespace BudgetGrpc.Engine.Layouts;

/// <summary>
/// A money block laid out as a list under its label: 年度资金总额 | 金额（万元） over the sources row under row, each with its
/// figure in the header's column ((一)财政拨款小计 4.00, 1、一般公共预算 4.00, (二)自有资金小计 0.00 …).
/// </summary>
internal static class MoneyList
{
    /// <summary>
    /// The amount the list states (its 合计 line, else its top-level items — (一), 一、 — added up, else every item) and the
    /// last row it takes, or null when the rows under the label are no sources with figures.
    /// </summary>
    public static (decimal Amount, int LastRow)? Read(CellGrid grid, int labelRow, int labelColumn, int valueColumn, int end)
    {
        decimal? total = null;
        decimal top = 0, all = 0;
        bool anyTop = false;
        var last = -1;
        for (var r = labelRow + 1; r < end; r++)
        {
            var item = CellValues.Line(grid[r, labelColumn]).Trim();
            if (item.Length == 0 || CellValues.LeadingAmount(grid[r, valueColumn]) is not { } figure) break;
            var kind = SelfEvaluationWords.BudgetRowOf(item);
            if (kind == BudgetRow.None && !IsNumbered(item)) break;
            last = r;
            if (kind == BudgetRow.Total) { total ??= figure; continue; }
            all += figure;
            if (IsTopLevel(item)) (top, anyTop) = (top + figure, true);
        }
        if (last < 0) return null;
        return (total ?? (anyTop ? top : all), last);
    }

    private const string ChineseNumerals = "一二三四五六七八九十";

    /// <summary>(一)… （二）… 三、…: an item of the list's first level.</summary>
    private static bool IsTopLevel(string item) =>
        (item.Length > 2 && item[0] is '(' or '（' && ChineseNumerals.Contains(item[1]))
        || (item.Length > 1 && ChineseNumerals.Contains(item[0]) && item[1] == '、');

    private static bool IsNumbered(string item) => IsTopLevel(item) || (item.Length > 1 && char.IsDigit(item[0]));
}
