using BudgetGrpc.Engine.Model;

namespace BudgetGrpc.Data.Entities;

/// <summary>
/// One third-level indicator. Department, fiscal year and <see cref="IsLatest"/> are copied from the
/// disclosure so that cross-department search is served by indexes on this table alone.
/// </summary>
public sealed class IndicatorEntity
{
    public long Id { get; set; }
    public long ProjectId { get; set; }
    public ProjectEntity? Project { get; set; }
    public long RevisionId { get; set; }
    public RevisionEntity? Revision { get; set; }
    /// <summary>Index within the project, from 0; findings point at it.</summary>
    public int Ordinal { get; set; }

    public required string Level1 { get; set; }
    public required string Level2 { get; set; }
    public required string Name { get; set; }
    public Comparator Comparator { get; set; }
    public decimal? Value { get; set; }
    /// <summary>
    /// <see cref="Value"/> as a double, for range filters only. SQLite has no decimal type (EF stores decimals
    /// as text and compares them through a function no index can serve); a REAL column can be indexed on every
    /// provider. The decimal stays the value of record.
    /// </summary>
    public double? ValueKey { get; set; }
    public string QualitativeValue { get; set; } = "";
    public string Unit { get; set; } = "";
    public required string Text { get; set; }
    public string? SourceRef { get; set; }
    public IndicatorFlags Flags { get; set; }
    public decimal? Weight { get; set; }
    public string Direction { get; set; } = "";

    // Self-evaluations: the actual (实际完成值), the stated and computed score, the deviation reason. ActualText null
    // means the table has no actual column (every target table).
    public decimal? ActualValue { get; set; }
    public string ActualUnit { get; set; } = "";
    public string ActualQualitativeValue { get; set; } = "";
    public string? ActualText { get; set; }
    public decimal? Score { get; set; }
    public decimal? ComputedScore { get; set; }
    public string DeviationReason { get; set; } = "";

    public required string Department { get; set; }
    public int FiscalYear { get; set; }
    /// <summary>True while the indicator's revision is its disclosure's latest.</summary>
    public bool IsLatest { get; set; }
    /// <summary>How many findings concern this indicator; serves the "having findings" filter without a join.</summary>
    public int FindingCount { get; set; }
    /// <summary>FindingCount &gt; 0, kept as its own column so the filter is an index equality that keeps the page order.</summary>
    public bool HasFindings { get; set; }
}
