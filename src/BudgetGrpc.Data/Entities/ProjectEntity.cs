namespace BudgetGrpc.Data.Entities;

/// <summary>One funded project of a revision.</summary>
public sealed class ProjectEntity
{
    public long Id { get; set; }
    public long RevisionId { get; set; }
    public RevisionEntity? Revision { get; set; }
    /// <summary>Position in the source, from 0.</summary>
    public int Ordinal { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    /// <summary>In the revision's amount unit, as written.</summary>
    public decimal? Amount { get; set; }
    public decimal? AmountYuan { get; set; }
    public string Unit { get; set; } = "";
    public string? SourceRef { get; set; }
    /// <summary>Declared level-1/level-2 headings as JSON; only read back whole, never queried.</summary>
    public string HeadingsJson { get; set; } = "[]";
    /// <summary>Form header fields as a JSON object; only read back whole, never queried.</summary>
    public string AttributesJson { get; set; } = "{}";
    /// <summary>
    /// Self-evaluations: the budget execution, the stated total and the level weights as JSON; only read back whole,
    /// never queried. Null on target tables.
    /// </summary>
    public string? EvaluationJson { get; set; }
    /// <summary>Self-evaluations: the engine's total from the scoring rules, and its grade (优/良/中/差).</summary>
    public decimal? ComputedScore { get; set; }
    public string Grade { get; set; } = "";

    public List<ObjectiveEntity> Objectives { get; set; } = [];
    public List<IndicatorEntity> Indicators { get; set; } = [];
}

/// <summary>One objective (绩效目标) of a project, in source order. A child table works alike on every provider.</summary>
public sealed class ObjectiveEntity
{
    public long Id { get; set; }
    public long ProjectId { get; set; }
    public int Ordinal { get; set; }
    public required string Text { get; set; }
}
