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
    /// <summary>The API key (by name) that sent the file; a request id is bound to it: ids of another key are other ids.</summary>
    public string KeyScope { get; set; } = "";
    /// <summary>Whether the call asked for validation only; a request id is bound to it.</summary>
    public bool ValidateOnly { get; set; }
    /// <summary>The request field a refusal concerns (content, department_hint), so a replay names it again.</summary>
    public string? Field { get; set; }
    /// <summary>The engine's findings as first answered (JSON), so a replay answers with them again.</summary>
    public string? FindingsJson { get; set; }
    /// <summary>The bytes of a refused file, kept only within the rejected-content quota; accepted files keep theirs on the revision.</summary>
    public byte[]? Content { get; set; }
    /// <summary>When the bytes of this refused file were dropped to keep the rejected-content quota (hash, size and reason stay).</summary>
    public DateTimeOffset? ContentDroppedAt { get; set; }
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
