using System.Text.RegularExpressions;
using BudgetGrpc.Engine.Reading;
using BudgetGrpc.Engine.Words;

namespace BudgetGrpc.Engine.Layouts;

/// <summary>Rows that are not projects or indicators: blanks, separators, notes, totals and department subtotals.</summary>
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

    /// <summary>A note, approval, signature or contact row under or inside a table (注：…, 填报人：…, 审核意见).</summary>
    /// <remarks>
    /// The note stands in the first column or alone on its row: an indicator name further right (说明会召开次数 under a
    /// blank level cell) is no note.
    /// A side label merged down beside the table (绩效指标 spanning its rows) is looked past.
    /// </remarks>
    public static bool IsNote(CellGrid grid, int row) => IsNote(grid, row, FormLayout.DistinctCells(grid, row));

    /// <summary><see cref="IsNote(CellGrid, int)"/> over the row's distinct cells, already taken.</summary>
    public static bool IsNote(CellGrid grid, int row, List<(int Column, string Text)> distinctCells)
    {
        int own = 0, firstColumn = -1;
        var firstText = "";
        foreach (var (column, text) in distinctCells)
        {
            if (FilledFromAbove(grid, row, column)) continue;
            if (own++ == 0) (firstColumn, firstText) = (column, text);
        }
        if (own == 0) return false;
        var first = grid.IsMergedContinuation(row, 0) ? firstColumn <= FirstOwnColumn(grid, row) : firstColumn == 0;
        if (!first && own > 1) return false;
        return RoleOf(firstText) == "Note";
    }

    /// <summary>
    /// The header of another table of the notice (序号 | 单位名称 | 项目名称 | 金额 | 备注, an allocation list printed under
    /// a form): every cell of the row is a list column's word and two roles besides notes are named. One indicator word
    /// (一级指标, 指标值) makes it no list, and so does any text that is no header word (an indicator's name or target).
    /// </summary>
    public static bool IsListHeader(CellGrid grid, int row)
    {
        var roles = 0;
        foreach (var (column, text) in FormLayout.DistinctCells(grid, row))
        {
            if (FilledFromAbove(grid, row, column)) continue;
            var role = ColumnRoles.OfCell(HeaderRow.HeaderText(text));
            if (role is not (ColumnRole.Code or ColumnRole.UnitName or ColumnRole.ProjectName or ColumnRole.Amount or ColumnRole.Note))
                return false;
            if (role != ColumnRole.Note) roles |= 1 << (int)role;
        }
        return System.Numerics.BitOperations.PopCount((uint)roles) >= 2;
    }

    /// <summary>
    /// The header of another table stacked right under an indicator table's rows in the same columns (one sheet holding
    /// both: 序号 | 乡镇名称 | 培训机构 | 培训人数 | 备注 under the last indicator): a list's own column word (序号, 单位名称,
    /// 项目名称) opens the row at or left of the first level's column, on a row of three cells or more. No first level is
    /// named so, and an indicator row opens with its level or, past merged levels, its name.
    /// </summary>
    public static bool StartsListUnder(CellGrid grid, int row, int levelColumn)
    {
        if (levelColumn < 0) return false;
        int own = 0, firstColumn = -1;
        var firstText = "";
        foreach (var (column, text) in FormLayout.DistinctCells(grid, row))
        {
            if (FilledFromAbove(grid, row, column)) continue;
            if (own++ == 0) (firstColumn, firstText) = (column, text);
        }
        return own >= 3 && firstColumn <= levelColumn
            && ColumnRoles.OfCell(HeaderRow.HeaderText(firstText)) is ColumnRole.Code or ColumnRole.UnitName or ColumnRole.ProjectName;
    }

    /// <summary>
    /// A row of one merged line, or of a label and one value merged across every other column (审核意见 | 同意): no
    /// indicator row holds a single text from its second column to its last.
    /// </summary>
    public static bool IsMergedLine(CellGrid grid, int row)
    {
        int last = grid.ColumnCount - 1;
        if (grid[row, 0] == grid[row, last]) return true;
        if (last < 2 || string.IsNullOrWhiteSpace(grid[row, 1])) return false;
        for (var c = 2; c <= last; c++)
            if (grid[row, c] != grid[row, 1]) return false;
        return true;
    }

    /// <summary>
    /// A form row of tick boxes (最近年度绩效评价情况 | 优秀□ 良好□ 合格□, 项目属性 | 新增□ 延续☑): a cell offering two boxes or
    /// more is a choice of the form, which no indicator row holds.
    /// </summary>
    public static bool IsOptionRow(CellGrid grid, int row)
    {
        for (var c = 0; c < grid.ColumnCount; c++)
        {
            var text = grid[row, c];
            if (text.Length > 1 && (c == 0 || text != grid[row, c - 1]) && CountBoxes(text) >= 2) return true;
        }
        return false;
    }

    private static readonly System.Buffers.SearchValues<char> Boxes = System.Buffers.SearchValues.Create("□☐☑☒■");

    // Asked of every cell of every row: one vectorised search finds most cells hold no box at all.
    private static int CountBoxes(string text)
    {
        var rest = text.AsSpan();
        var n = 0;
        for (var at = rest.IndexOfAny(Boxes); at >= 0 && n < 2; at = rest.IndexOfAny(Boxes))
        {
            n++;
            rest = rest[(at + 1)..];
        }
        return n;
    }

    /// <summary>Whether a line opens like a note, an approval or a signature (备注：…, 注：…, …审核意见).</summary>
    public static bool IsNoteText(string text) => RoleOf(text) == "Note";

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string?> Roles = new(StringComparer.Ordinal);

    /// <summary>The row marker a cell's text starts (Note, Total) or null; cached by the text as written.</summary>
    private static string? RoleOf(string text)
    {
        if (Roles.TryGetValue(text, out var role)) return role;
        role = Lexicon.RoleOf("row", CellValues.Key(CellValues.Line(text)));
        if (Roles.Count < 20_000) Roles.TryAdd(text, role);
        return role;
    }

    private static bool FilledFromAbove(CellGrid grid, int row, int column) =>
        row > 0 && grid.IsMergedContinuation(row, column) && grid[row - 1, column] == grid[row, column];

    private static int FirstOwnColumn(CellGrid grid, int row)
    {
        for (var c = 0; c < grid.ColumnCount; c++)
            if (!FilledFromAbove(grid, row, c)) return c;
        return grid.ColumnCount;
    }

    public static bool IsTotal(string code, string name)
    {
        var c = CellValues.Key(code);
        var n = CellValues.Key(name);
        return IsTotalWord(c) || IsTotalWord(n) || (c.Length == 0 && n.StartsWith("合计", StringComparison.Ordinal) && n.Length <= 6);
    }

    private static bool IsTotalWord(string key) => key.Length > 0 && Lexicon.RoleOf("row", key) == "Total";

    /// <summary>A unit's own row in a list of projects: its name ends like an office, or it says 小计.</summary>
    public static bool IsSubtotal(string name, string department)
    {
        var n = StripUnitCode(CellValues.Key(name));
        if (n.Contains("小计")) return true;
        if (department.Length > 0 && n == CellValues.Key(department)) return true;
        return UnitSuffix().IsMatch(n);
    }

    /// <summary>A name that ends like an office, a school or a township (局, 委员会, 中心, 学校, 镇 …).</summary>
    public static bool EndsLikeUnit(string name) => UnitSuffix().IsMatch(name.Trim());

    /// <summary>`101001-样例县农业农村局` → `样例县农业农村局`.</summary>
    public static string StripUnitCode(string text)
    {
        var trimmed = text.Trim();
        // Most names carry no code: the pattern can only match from a digit or an opening bracket.
        return trimmed.Length > 0 && (char.IsDigit(trimmed[0]) || trimmed[0] is '[' or '【' or '(' or '（')
            ? UnitCodePrefix().Replace(trimmed, "")
            : trimmed;
    }

    [GeneratedRegex(@"(局|委员会|委|办公室|办|厅|院|部|署|会|中心|站|所|队|馆|政府|街道|乡|镇|学校|医院)(本级|机关)?$")]
    private static partial Regex UnitSuffix();

    // A year (2026年, 2025年度) is no code.
    [GeneratedRegex(@"^[\[【(（]?\d{3,}(?![\d年])[\]】)）]?\s*[-－—_]?\s*")]
    private static partial Regex UnitCodePrefix();
}
