using System.Text.RegularExpressions;
using BudgetGrpc.Engine.Reading;

namespace BudgetGrpc.Engine.Layouts;

/// <summary>Rows that are not projects: blanks, separators, totals and department subtotals.</summary>
internal static partial class RowKinds
{
    public static bool IsSkippable(CellGrid grid, int row)
    {
        for (var c = 0; c < grid.ColumnCount; c++)
        {
            var text = grid[row, c];
            if (!string.IsNullOrWhiteSpace(text) && !CellValues.IsSeparator(text)) return false;
        }
        return true;
    }

    public static bool IsTotal(string code, string name)
    {
        var c = CellValues.Key(code);
        var n = CellValues.Key(name);
        return c is "合计" or "总计" or "合计数" || n is "合计" or "总计" or "合计数" || (c.Length == 0 && n.StartsWith("合计", StringComparison.Ordinal) && n.Length <= 6);
    }

    /// <summary>A unit's own row in a list of projects: its name ends like an office, or it says 小计.</summary>
    public static bool IsSubtotal(string name, string department)
    {
        var n = StripUnitCode(CellValues.Key(name));
        if (n.Contains("小计")) return true;
        if (department.Length > 0 && n == CellValues.Key(department)) return true;
        return UnitSuffix().IsMatch(n);
    }

    /// <summary>`101001-样例县农业农村局` → `样例县农业农村局`.</summary>
    public static string StripUnitCode(string text) => UnitCodePrefix().Replace(text.Trim(), "");

    [GeneratedRegex(@"(局|委员会|委|办公室|办|厅|院|部|署|会|中心|站|所|队|馆|政府|街道|乡|镇|学校|医院)(本级|机关)?$")]
    private static partial Regex UnitSuffix();

    [GeneratedRegex(@"^[\[【(（]?\d{3,}[\]】)）]?\s*[-－—_]?\s*")]
    private static partial Regex UnitCodePrefix();
}
