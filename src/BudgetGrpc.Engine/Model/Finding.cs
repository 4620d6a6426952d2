namespace BudgetGrpc.Engine.Model;

public enum Severity
{
    Info,
    Warning,
    Error,
}

/// <summary>Something a reviewer would flag: from the rule catalog, or from the parser when it had to guess.</summary>
public sealed record Finding
{
    /// <summary>Stable id, e.g. BG101. Never reused for another meaning.</summary>
    public required string RuleId { get; init; }
    public required Severity Severity { get; init; }
    /// <summary>The message in Chinese, as a reviewer writes it.</summary>
    public required string Message { get; init; }
    /// <summary>An English gloss of the message.</summary>
    public string MessageEn { get; init; } = "";
    public string? ProjectCode { get; init; }
    /// <summary>Index of the indicator within its project, when the finding concerns one.</summary>
    public int? IndicatorIndex { get; init; }
    public SourceRef? Source { get; init; }
}
