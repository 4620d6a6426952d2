namespace BudgetGrpc.Data.Entities;

/// <summary>Every import attempt, accepted or not, so operators can see what arrived and why it was refused.</summary>
public sealed class UploadEntity
{
    public long Id { get; set; }
    public required string FileName { get; set; }
    public required string Sha256 { get; set; }
    public long SizeBytes { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public UploadOutcome Outcome { get; set; }
    /// <summary>Human-readable reason for a refusal.</summary>
    public string? Reason { get; set; }
    /// <summary>UPPER_SNAKE reason code (the engine's <c>DisclosureError.Reason</c>, or FORBIDDEN_DEPARTMENT, INCOMPLETE_IDENTITY).</summary>
    public string? ErrorReason { get; set; }
    public long? RevisionId { get; set; }
    public string? DisclosureId { get; set; }
    public string? DepartmentHint { get; set; }
    public string? RequestId { get; set; }
    /// <summary>The bytes of a refused file; accepted files keep theirs on the revision.</summary>
    public byte[]? Content { get; set; }
}

public enum UploadOutcome
{
    Created,
    NewRevision,
    Unchanged,
    ValidatedOnly,
    Rejected,
    Forbidden,
}
