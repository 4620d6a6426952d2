namespace BudgetGrpc.Engine.Model;

/// <summary>Oddities the extractor noticed while reading an indicator; validation turns them into findings.</summary>
[Flags]
public enum IndicatorFlags
{
    None = 0,
    /// <summary>A number written after 定性 (`定性 3.375万元`): read as a number.</summary>
    QualitativeWithNumber = 1,
    /// <summary>A value that looks like an OCR fault (`292%` for ≥92%).</summary>
    SuspectedOcrFault = 2,
    /// <summary>A placeholder such as `**人` instead of a value.</summary>
    Placeholder = 4,
    /// <summary>The level-2 heading was not given and was inferred.</summary>
    InferredLevel2 = 8,
}

/// <summary>One third-level performance indicator (三级指标) with its target.</summary>
public sealed record Indicator
{
    /// <summary>Canonical first level: 产出指标, 效益指标, 满意度指标 or 成本指标.</summary>
    public required string Level1 { get; init; }
    /// <summary>Canonical second level, e.g. 数量指标; see the indicator framework.</summary>
    public required string Level2 { get; init; }
    /// <summary>The third-level name, cleaned of numbering.</summary>
    public required string Name { get; init; }
    public Comparator Comparator { get; init; }
    /// <summary>The numeric target; null for a qualitative or missing value.</summary>
    public decimal? Value { get; init; }
    /// <summary>The target in words when <see cref="Comparator"/> is qualitative (效果明显), else empty.</summary>
    public string QualitativeValue { get; init; } = "";
    /// <summary>Normalised unit, empty where the source gives none.</summary>
    public string Unit { get; init; } = "";
    /// <summary>The source text this indicator came from, markup removed.</summary>
    public required string Text { get; init; }
    public required SourceRef Source { get; init; }
    public IndicatorFlags Flags { get; init; }
    /// <summary>Weight (权重) where the table gives one.</summary>
    public decimal? Weight { get; init; }
    /// <summary>指标方向: "正向" or "反向" where the table gives one, else empty.</summary>
    public string Direction { get; init; } = "";
    /// <summary>Self-evaluations: 实际完成值; null on target tables.</summary>
    public IndicatorActual? Actual { get; init; }
    /// <summary>Self-evaluations: 得分 as stated.</summary>
    public decimal? Score { get; init; }
    /// <summary>Self-evaluations: the score the scoring rules give; null where they leave it to a reviewer.</summary>
    public decimal? ComputedScore { get; init; }
    /// <summary>Self-evaluations: 偏差原因分析及改进措施 / 未完成原因分析 as written, empty where none.</summary>
    public string DeviationReason { get; init; } = "";
}

/// <summary>A level-1/level-2 heading that the source declares for a project, with or without indicators under it.</summary>
public sealed record IndicatorHeading(string Level1, string Level2, SourceRef Source);
