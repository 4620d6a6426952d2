namespace BudgetGrpc.Engine.Model;

/// <summary>One funded project of a disclosure, with its objectives and indicators.</summary>
public sealed record Project
{
    /// <summary>Row number or project code as written.</summary>
    public required string Code { get; init; }
    public required string Name { get; init; }
    /// <summary>The amount in the disclosure's <see cref="Disclosure.AmountUnit"/>, scale as written.</summary>
    public decimal? Amount { get; init; }
    /// <summary>The unit that wrote this project (单位名称) where the table names one per project.</summary>
    public string Unit { get; init; } = "";
    public IReadOnlyList<string> Objectives { get; init; } = [];
    public IReadOnlyList<Indicator> Indicators { get; init; } = [];
    /// <summary>Headings the source declares, in source order, including those with nothing under them.</summary>
    public IReadOnlyList<IndicatorHeading> Headings { get; init; } = [];
    /// <summary>Further header fields of a form table (主管部门, 实施单位, 其中：财政拨款 …) as written.</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>();
    public required SourceRef Source { get; init; }
    /// <summary>Self-evaluations: 预算执行情况; null on target tables.</summary>
    public BudgetExecution? Budget { get; init; }
    /// <summary>Self-evaluations: the 总分 / 合计 row as stated; null where there is none.</summary>
    public StatedTotal? StatedTotal { get; init; }
    /// <summary>Self-evaluations: weights stated on level headings (`产出指标(50分)`), in source order.</summary>
    public IReadOnlyList<LevelWeight> LevelWeights { get; init; } = [];
    /// <summary>Self-evaluations: the engine's own total from the scoring rules.</summary>
    public decimal? ComputedScore { get; init; }
    /// <summary>Self-evaluations: 优/良/中/差 from <see cref="ComputedScore"/>.</summary>
    public string Grade { get; init; } = "";

    /// <summary>Self-evaluations: 总分 as the table states it.</summary>
    public decimal? DeclaredScore => StatedTotal?.Score;

    /// <summary>The amount in yuan; null without an amount, or when a hostile cell's amount times the unit is past what a decimal holds.</summary>
    public decimal? AmountYuan(string amountUnit) =>
        Amount is not { } amount ? null
        : AmountUnits.ToYuanFactor(amountUnit) is var factor && Math.Abs(amount) <= decimal.MaxValue / factor ? amount * factor : null;
}
