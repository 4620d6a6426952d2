using BudgetGrpc.Engine.Indicators;
using BudgetGrpc.Engine.Words;
namespace BudgetGrpc.Engine.Layouts;

/// <summary>What a column of a disclosure table holds, recognised from its header words and its cells.</summary>
internal enum ColumnRole
{
    None,
    Code,
    UnitName,
    ProjectName,
    Amount,
    Objectives,
    Indicators,
    Level1,
    Level2,
    Level3,
    Comparator,
    Value,
    Unit,
    Weight,
    Direction,
    /// <summary>An extra column (备注, 指标解释, 评分标准 …): recognised so that its words take no other role; not read.</summary>
    Note,
    /// <summary>Self-evaluations: 实际完成值 / 完成值 / 全年实际值.</summary>
    Actual,
    /// <summary>Self-evaluations: 得分.</summary>
    Score,
    /// <summary>Self-evaluations: 偏差原因分析及改进措施 / 未完成原因分析.</summary>
    Reason,
}

internal static class ColumnRoles
{
    /// <summary>The role of a header cell, from its normalised key (<see cref="CellValues.Key"/>), by the lexicon.</summary>
    public static ColumnRole Of(string key)
    {
        if (key.Length is 0 or > 24) return ColumnRole.None;
        // 预期指标值(A), 实际完成指标值(B), 分值(10分): the letter a scoring formula calls the column by, or its points, say
        // nothing of its role (and 指标值 inside 实际完成指标值(B) would otherwise make it a target column).
        var bare = SelfEvaluationWords.WithoutMark(key);
        return Lexicon.RoleOf("column", bare) is { } role ? Parse(role) : ColumnRole.None;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, ColumnRole> Cells = new(StringComparer.Ordinal);

    /// <summary>The role of a header cell's text as written (cached: every row of every table is asked).</summary>
    public static ColumnRole OfCell(string text)
    {
        if (text.Length == 0) return ColumnRole.None;
        if (Cells.TryGetValue(text, out var role)) return role;
        role = Of(CellValues.Key(text));
        // A level called a target (产出目标, 数量目标) is a level cell of an indicator row, not an objectives header.
        if (role == ColumnRole.Objectives && LevelNames.IsLevelName(text)) role = ColumnRole.None;
        if (Cells.Count < 20_000) Cells.TryAdd(text, role);
        return role;
    }

    private static readonly System.Collections.Frozen.FrozenDictionary<string, ColumnRole> Names =
        System.Collections.Frozen.FrozenDictionary.ToFrozenDictionary(Enum.GetValues<ColumnRole>().Select(r => KeyValuePair.Create(r.ToString(), r)));

    private static ColumnRole Parse(string role) => Names.TryGetValue(role, out var r) ? r : ColumnRole.None;
}
