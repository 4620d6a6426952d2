using BudgetGrpc.Engine.Indicators;
using BudgetGrpc.Engine.Model;
using BudgetGrpc.Engine.Reading;

namespace BudgetGrpc.Engine.Layouts;

/// <summary>What a column's cells hold, whatever its header says: levels, comparator signs, directions or units.</summary>
internal static class ColumnContent
{
    private const int SampleRows = 60;

    /// <summary>
    /// The rows a header's column sample covers: down to a note, the next form (its title or labels), another table's title,
    /// a header, or 60 rows. The header itself said again (<paramref name="repeated"/> gives its height at a row, else 0: a
    /// page break) does not end the sample, so that a page of one row does not leave a column untold; the sample's cells
    /// that are header words are not counted.
    /// </summary>
    public static int SampleEnd(CellGrid grid, int firstRow, Func<int, int>? repeated = null)
    {
        var end = Math.Min(grid.RowCount, firstRow + SampleRows);
        var cells = new List<(int Column, string Text)>(grid.ColumnCount);
        for (var r = firstRow; r < end; r++)
        {
            FormLayout.DistinctCells(grid, r, cells);
            if (repeated?.Invoke(r) is > 0 and var height)
            {
                r += height - 1;
                continue;
            }
            if (RowKinds.IsNote(grid, r, cells) || HeaderRow.CountRoles(grid, r) >= 3 || StartsForm(cells) || RowKinds.IsOptionRow(grid, r)
                || RowKinds.IsListHeader(grid, r)
                || (cells.Count == 1 && IsTitleLine(CellValues.Line(cells[0].Text)))) return r;
        }
        return end;
    }

    /// <summary>A title alone on its row: the next form's, or another table's under this one (2024年专项资金分配表).</summary>
    private static bool IsTitleLine(string line) =>
        TitleBlock.IsPerformanceTitle(line) || (line.EndsWith('表') && TitleBlock.IsTitleOfAnotherTable(line));

    /// <summary>A column's header word (指标方向, 指标内容) in the sample: the header said again, nothing of the column's kind.</summary>
    private static bool IsHeaderWord(string raw) =>
        raw.Length <= 24 && HeaderRow.HeaderText(raw) is { Length: > 0 } word && ColumnRoles.OfCell(word) != ColumnRole.None;

    private static bool StartsForm(List<(int Column, string Text)> cells)
    {
        foreach (var (_, text) in cells)
            if (FormLabels.Of(text) is FormField.Name or FormField.DepartmentName) return true;
        return false;
    }

    /// <summary>
    /// Whether most filled cells of the column write both levels as a path on one of their lines
    /// (【产出指标-数量指标】 above the items, 产出指标-数量指标-慰问企业户数 before a name).
    /// </summary>
    public static bool HoldsLevelPaths(CellGrid grid, int firstRow, int column, int end)
    {
        if (column < 0) return false;
        int cells = 0, paths = 0;
        for (var r = firstRow; r < end; r++)
        {
            var raw = grid[r, column];
            // A line merged across the whole row (the next form's title, 金额单位：万元) is no cell of the column.
            if (string.IsNullOrWhiteSpace(raw) || (grid.ColumnCount > 1 && grid[r, 0] == raw && grid[r, grid.ColumnCount - 1] == raw)) continue;
            // A bare level name (质量指标 on a row of its own, a heading with no indicator) or a template's placeholder
            // (指标1) is neither a path nor a name.
            if (IndicatorColumns.IsNoIndicatorName(CellValues.Line(raw)) || IsHeaderWord(raw)) continue;
            cells++;
            foreach (var line in raw.Split('\n'))
                if (LevelPath.Contains(line)) { paths++; break; }
        }
        return cells >= 1 && paths * 5 >= cells * 4;
    }

    /// <summary>Whether most filled cells of the column are sentences (ending in 。 or ；), not names.</summary>
    public static bool HoldsSentences(CellGrid grid, int firstRow, int column, int end)
    {
        int cells = 0, sentences = 0;
        for (var r = firstRow; r < end; r++)
        {
            var text = CellValues.Line(grid[r, column]).Trim();
            if (text.Length == 0 || IsHeaderWord(text)) continue;
            cells++;
            if (text.EndsWith('。') || text.EndsWith('；')) sentences++;
        }
        return cells >= 1 && sentences * 5 >= cells * 4;
    }

    /// <summary>Whether most short cells of the column are headings worded as levels (数量指标, 可持续性发展影响指标), not names.</summary>
    public static bool HoldsLevelWords(CellGrid grid, int firstRow, int column, int end)
    {
        int cells = 0, levels = 0;
        var row = new List<(int Column, string Text)>(grid.ColumnCount);
        for (var r = firstRow; r < end; r++)
        {
            var (kind, text) = KindOf(grid[r, column]);
            // A line alone on its row (another table's title, a unit line, an empty heading) says nothing of the column.
            if (text.Length == 0 || kind == CellKind.Long || FormLayout.DistinctCells(grid, r, row).Count == 1) continue;
            cells++;
            if (LevelNames.IsWordedAsLevel(text)) levels++;
        }
        return cells >= 1 && levels * 5 >= cells * 4;
    }

    /// <summary>The role the cells of <paramref name="column"/> from <paramref name="firstRow"/> to <paramref name="end"/> state, or None.</summary>
    public static ColumnRole Classify(CellGrid grid, int firstRow, int column, int end)
    {
        int cells = 0, level1 = 0, level2 = 0, comparator = 0, signs = 0, direction = 0, unit = 0;
        // Whether the cells hold more than one text (a unit column names several units), without a set per column.
        string? firstText = null;
        var severalTexts = false;
        for (var r = firstRow; r < end; r++)
        {
            var raw = grid[r, column];
            if (raw.Length == 0 || SpilledFromTheLeft(grid, r, column, raw)) continue;
            var (kind, text) = KindOf(raw);
            if (kind == CellKind.Long) continue;
            cells++;
            if (firstText is null) firstText = text;
            else if (!severalTexts && text != firstText) severalTexts = true;
            if ((kind & CellKind.Level1) != 0) level1++;
            if ((kind & CellKind.Level2) != 0) level2++;
            if ((kind & CellKind.Comparator) != 0) comparator++;
            if ((kind & CellKind.Sign) != 0) signs++;
            if ((kind & CellKind.Direction) != 0) direction++;
            if ((kind & CellKind.Unit) != 0) unit++;
        }
        // One row under the header (a page broke right under it): a comparator written as a sign or its words tells the
        // column all the same, as no other kind of column holds one.
        if (cells < 2) return cells == 1 && comparator == 1 && signs == 1 && direction == 0 ? ColumnRole.Comparator : ColumnRole.None;
        bool Most(int n) => n * 5 >= cells * 4;
        // 成本指标 and 满意度指标 name both levels: a column is the first level when its other cells are first levels.
        if (Most(level1) && level1 >= level2) return ColumnRole.Level1;
        if (Most(level2)) return ColumnRole.Level2;
        // A column of 定量/定性 alone says what kind of value stands beside it, not how it is bounded.
        if (Most(comparator) && signs > 0) return ColumnRole.Comparator;
        if (Most(direction)) return ColumnRole.Direction;
        if (Most(unit) && severalTexts) return ColumnRole.Unit;
        return ColumnRole.None;
    }

    /// <summary>
    /// A cell merged in from its left (a 总分 row's word spanning the level and target columns, a 自评结论 row's text spanning
    /// the form): its text is the left column's, nothing of this column's kind.
    /// </summary>
    private static bool SpilledFromTheLeft(CellGrid grid, int row, int column, string raw) =>
        column > 0 && grid.IsMergedContinuation(row, column) && grid[row, column - 1] == raw;

    [Flags]
    private enum CellKind
    {
        Other = 0, Level1 = 1, Level2 = 2, Comparator = 4, Sign = 8, Direction = 16, Unit = 32,
        /// <summary>Empty once trimmed, too long to state a column's kind, or a header word: not counted.</summary>
        Long = 64,
    }

    // The same level words, signs and units stand on every row: each distinct cell text is classified once per process.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (CellKind Kind, string Text)> Kinds = new(StringComparer.Ordinal);

    private static (CellKind Kind, string Text) KindOf(string raw)
    {
        if (Kinds.TryGetValue(raw, out var known)) return known;
        var text = CellValues.Line(raw).Trim();
        known = (KindOfText(text), text);
        if (raw.Length <= 64 && Kinds.Count < 20_000) Kinds.TryAdd(raw, known);
        return known;
    }

    private static CellKind KindOfText(string text)
    {
        if (text.Length == 0 || text.Length > 24 || IsHeaderWord(text)) return CellKind.Long;
        var kind = CellKind.Other;
        if (LevelNames.Level1(text) is not null) kind |= CellKind.Level1;
        if (LevelNames.Level2(text, null) is not null) kind |= CellKind.Level2;
        if (kind != CellKind.Other) return kind;
        if (IsComparator(text)) return text is "定量" or "定性" ? CellKind.Comparator : CellKind.Comparator | CellKind.Sign;
        if (text.Length <= 6 && (text.Contains("正向") || text.Contains("反向"))) return CellKind.Direction;
        return IsUnit(text) ? CellKind.Unit : CellKind.Other;
    }

    /// <summary>Whether most cells of a column are figures or signed targets (≥95%, 120人).</summary>
    public static bool HoldsTargets(CellGrid grid, int firstRow, int column)
    {
        int cells = 0, targets = 0;
        var end = Math.Min(grid.RowCount, firstRow + SampleRows);
        for (var r = firstRow; r < end; r++)
        {
            var text = CellValues.Line(grid[r, column]).Trim();
            if (text.Length == 0) continue;
            cells++;
            if (TargetParser.Parse(text).Value is not null) targets++;
        }
        return cells >= 2 && targets * 10 >= cells * 6;
    }

    /// <summary>Whether most filled cells of the column are bare figures (points: 5, 4.5), with no unit or sign.</summary>
    public static bool HoldsBareFigures(CellGrid grid, int firstRow, int column, int end)
    {
        int cells = 0, figures = 0;
        for (var r = firstRow; r < end; r++)
        {
            var text = grid[r, column];
            if (string.IsNullOrWhiteSpace(text) || IsHeaderWord(text)) continue;
            cells++;
            if (CellValues.IsBareFigure(text)) figures++;
        }
        return cells >= 2 && figures * 5 >= cells * 4;
    }

    private static bool IsComparator(string text) =>
        TargetPatterns.FromColumn(text) != Comparator.None || text is "定量" || UnitNames.FoldWidth(text).Trim() is "=" or "==";

    private static bool IsUnit(string text)
    {
        if (text.Length > 8 || text.Any(char.IsDigit)) return false;
        var unit = UnitNames.Normalize(text);
        if (unit.Length == 0) return false;
        if (Array.IndexOf(TargetPatterns.BaseUnits, unit) >= 0) return true;
        var slash = unit.IndexOf('/');
        return slash > 0 && Array.IndexOf(TargetPatterns.BaseUnits, unit[..slash]) >= 0;
    }
}
