using BudgetGrpc.Data.Entities;
using BudgetGrpc.Engine.Model;

namespace BudgetGrpc.Data;

/// <summary>
/// One file to import. <paramref name="RequestId"/> makes a retried call return the first call's outcome;
/// <paramref name="Kind"/> null takes the kind the engine reads from the file. <paramref name="KeyScope"/> names the
/// caller (the API key); a request id is bound to it, to the content and to <paramref name="ValidateOnly"/>.
/// </summary>
public sealed record ImportCommand(
    string FileName,
    byte[] Content,
    string? DepartmentHint = null,
    bool ValidateOnly = false,
    string? RequestId = null,
    DisclosureKind? Kind = null,
    string KeyScope = "");

public enum ImportStatus
{
    /// <summary>A new disclosure with its revision 1.</summary>
    Created,
    /// <summary>New content for an existing disclosure.</summary>
    NewRevision,
    /// <summary>The same bytes were already stored for this identity; <see cref="ImportOutcome.Revision"/> is that revision.</summary>
    Unchanged,
    /// <summary>Parsed and validated, nothing stored but the upload record.</summary>
    ValidatedOnly,
    /// <summary>Unreadable, or the identity (department, fiscal year) is incomplete.</summary>
    Rejected,
    /// <summary>The caller may not import for the file's department.</summary>
    Forbidden,
    /// <summary>The request id was used before by this caller for other content or another validate_only; nothing recorded.</summary>
    RequestIdReused,
}

/// <summary>Limits on what the upload log keeps (configuration section "Limits").</summary>
public sealed class UploadLogOptions
{
    public const string Section = "Limits";

    /// <summary>
    /// The most bytes of refused files kept for operators to look at; beyond it the oldest are dropped first (their
    /// hash, size and reason stay, with the time of the drop). 0 keeps none.
    /// </summary>
    public long RejectedContentQuotaBytes { get; set; } = 256L * 1024 * 1024;
}

/// <summary>What an import did. Reason codes are UPPER_SNAKE for gRPC ErrorInfo.</summary>
public sealed record ImportOutcome
{
    public required ImportStatus Status { get; init; }
    public DisclosureEntity? Disclosure { get; init; }
    /// <summary>The stored revision (Created/NewRevision/Unchanged); for ValidatedOnly an unsaved one with Id 0.</summary>
    public RevisionEntity? Revision { get; init; }
    /// <summary>What the engine read, when it read something (not on a request-id replay).</summary>
    public Disclosure? Parsed { get; init; }
    /// <summary>The engine's error when the file could not be read.</summary>
    public DisclosureError? Error { get; init; }
    /// <summary>UPPER_SNAKE code for Rejected/Forbidden: the engine's reason, INCOMPLETE_IDENTITY or FORBIDDEN_DEPARTMENT.</summary>
    public string? Reason { get; init; }
    /// <summary>Human-readable explanation for Rejected/Forbidden.</summary>
    public string? Message { get; init; }
    /// <summary>The request field a Rejected outcome concerns (content, department_hint), for BadRequest details.</summary>
    public string? Field { get; init; }
    public IReadOnlyList<Finding> Findings { get; init; } = [];
    public long UploadId { get; init; }
    /// <summary>True when this outcome was replayed from an earlier call with the same request id.</summary>
    public bool Replayed { get; init; }
}

public sealed record DisclosureQuery(
    string? Department = null,
    int? FiscalYear = null,
    RevisionStatus? Status = null,
    string? Text = null);

/// <summary>A page of results. <paramref name="NextPageToken"/> is empty on the last page; TotalSize only where it is cheap.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string NextPageToken, int? TotalSize);

public sealed record IndicatorQuery(
    string? Department = null,
    int? FiscalYear = null,
    string? Level1 = null,
    string? Level2 = null,
    Comparator? Comparator = null,
    string? Unit = null,
    decimal? MinValue = null,
    bool MinExclusive = false,
    decimal? MaxValue = null,
    bool MaxExclusive = false,
    string? Text = null,
    bool? HasFindings = null,
    bool LatestOnly = true,
    bool MissedTargets = false,
    bool ScoreDiffers = false);

/// <summary>One search result: the indicator with where it sits and the rule ids of the findings on it.</summary>
public sealed record IndicatorHit(
    IndicatorEntity Indicator,
    string ProjectCode,
    string ProjectName,
    long RevisionId,
    int RevisionNumber,
    string DisclosureId,
    string Department,
    int FiscalYear,
    IReadOnlyList<string> FindingRuleIds);

/// <summary>What to reprocess: one disclosure, a department, a year (the last two may be combined), or everything.</summary>
public sealed record ReprocessScope(
    string? DisclosureId = null,
    string? Department = null,
    int? FiscalYear = null,
    bool All = false);

public sealed record ReprocessFailure(string DisclosureId, int RevisionNumber, string Reason, string Message);

public sealed record ReprocessResult(
    int Examined,
    int NewRevisions,
    int Unchanged,
    int Failed,
    IReadOnlyList<RevisionEntity> Created,
    IReadOnlyList<ReprocessFailure> Failures);

public enum ChangeKind
{
    Added,
    Removed,
    Changed,
}

/// <summary>An indicator added, removed or changed between two revisions. ChangedFields names what differs for Changed.</summary>
public sealed record IndicatorChange(
    ChangeKind Kind,
    string ProjectCode,
    string ProjectName,
    string Level1,
    string Level2,
    string Name,
    IndicatorEntity? Before,
    IndicatorEntity? After,
    IReadOnlyList<string> ChangedFields);

/// <summary>A project added, removed, or whose amount changed.</summary>
public sealed record ProjectChange(ChangeKind Kind, string Code, string Name, decimal? AmountBefore, decimal? AmountAfter);

public sealed record RevisionDiff(
    string DisclosureId,
    int FromNumber,
    int ToNumber,
    IReadOnlyList<IndicatorChange> Indicators,
    IReadOnlyList<ProjectChange> Projects);
