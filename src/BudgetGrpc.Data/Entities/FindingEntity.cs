using BudgetGrpc.Engine.Model;

namespace BudgetGrpc.Data.Entities;

/// <summary>One rule finding on a revision, linked to the project and indicator it concerns where there is one.</summary>
public sealed class FindingEntity
{
    public long Id { get; set; }
    public long RevisionId { get; set; }
    /// <summary>Position among the revision's findings, from 0, so they read back in the engine's order.</summary>
    public int Ordinal { get; set; }
    public required string RuleId { get; set; }
    public Severity Severity { get; set; }
    public required string Message { get; set; }
    public string MessageEn { get; set; } = "";
    public string? ProjectCode { get; set; }
    public int? IndicatorIndex { get; set; }
    public string? SourceRef { get; set; }
    public long? ProjectId { get; set; }
    public ProjectEntity? Project { get; set; }
    public long? IndicatorId { get; set; }
    public IndicatorEntity? Indicator { get; set; }
}
