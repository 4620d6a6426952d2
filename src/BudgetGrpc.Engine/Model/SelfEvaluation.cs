namespace BudgetGrpc.Engine.Model;

/// <summary>
/// 实际完成值 of a self-evaluation indicator: the number and unit where it can be read as one, else the words
/// (已按期完成, 达成年度目标), and the text as written.
/// </summary>
public sealed record IndicatorActual(decimal? Value, string Unit, string QualitativeValue, string Text)
{
    public static readonly IndicatorActual Empty = new(null, "", "", "");

    /// <summary>Whether the table states any actual at all.</summary>
    public bool IsStated => Value is not null || QualitativeValue.Length > 0;
}

/// <summary>预算执行情况 of a self-evaluated project; amounts in the disclosure's amount unit, null where not stated.</summary>
public sealed record BudgetExecution
{
    /// <summary>年初预算数.</summary>
    public decimal? Initial { get; init; }
    /// <summary>全年预算数 / 调整后预算数 / 预算数(A).</summary>
    public decimal? Adjusted { get; init; }
    /// <summary>全年执行数 / 预算执行数.</summary>
    public decimal? Executed { get; init; }
    /// <summary>执行率 in percent as stated, or executed / adjusted where the table states none.</summary>
    public decimal? ExecutionRate { get; init; }
    /// <summary>Whether <see cref="ExecutionRate"/> was computed rather than read.</summary>
    public bool ExecutionRateComputed { get; init; }
    /// <summary>分值 / 权重 of the budget execution part (usually 10).</summary>
    public decimal? Weight { get; init; }
    /// <summary>得分 as stated.</summary>
    public decimal? Score { get; init; }
    /// <summary>The score the scoring rules give.</summary>
    public decimal? ComputedScore { get; init; }
    public SourceRef Source { get; init; } = SourceRef.None;

    public bool IsEmpty => Initial is null && Adjusted is null && Executed is null && ExecutionRate is null && Weight is null && Score is null;
}

/// <summary>The 总分 / 合计 row of a self-evaluation: the stated weight total and score total.</summary>
public sealed record StatedTotal(decimal? Weight, decimal? Score, SourceRef Source);

/// <summary>A weight stated on a first or second level (`产出指标(50分)`).</summary>
public sealed record LevelWeight(string Level1, string Level2, decimal Weight, SourceRef Source);
