using BudgetGrpc.Data;
using BudgetGrpc.Data.Entities;
using BudgetGrpc.Engine.Model;

namespace BudgetGrpc.Server.Import;

/// <summary>
/// What an import did; one of <see cref="Stored"/>, <see cref="Unchanged"/>, <see cref="ValidatedOnly"/> and
/// <see cref="Refused"/>. <see cref="Replayed"/> when the answer is that of an earlier call with the same request id.
/// </summary>
public abstract record ImportResult
{
    private protected ImportResult() { }

    /// <summary>The upload record this answer belongs to (the first call's, for a replay).</summary>
    public required long UploadId { get; init; }

    public bool Replayed { get; init; }

    /// <summary>What the engine found in the file, as first answered.</summary>
    public IReadOnlyList<Finding> Findings { get; init; } = [];

    public FindingCounts Counts => FindingCounts.Of(Findings);

    /// <summary>The outcome's name for metrics and logs: Created, NewRevision, Unchanged, ValidatedOnly or the refusal's kind.</summary>
    public abstract string Outcome { get; }

    /// <summary>A new revision: of a new disclosure (<paramref name="Created"/>) or of an existing one.</summary>
    public sealed record Stored(bool Created, DisclosureEntity Disclosure, RevisionEntity Revision) : ImportResult
    {
        public override string Outcome => Created ? "Created" : "NewRevision";
    }

    /// <summary>The same bytes were already stored for this identity; <paramref name="Revision"/> is that revision.</summary>
    public sealed record Unchanged(DisclosureEntity Disclosure, RevisionEntity Revision) : ImportResult
    {
        public override string Outcome => "Unchanged";
    }

    /// <summary>
    /// Parsed and checked, nothing stored but the upload record. <paramref name="Revision"/> is the revision it would
    /// have been (unsaved); <paramref name="Disclosure"/> the identity's disclosure where it has one.
    /// </summary>
    public sealed record ValidatedOnly(DisclosureEntity? Disclosure, RevisionEntity Revision) : ImportResult
    {
        public override string Outcome => "ValidatedOnly";
    }

    /// <summary>
    /// Nothing stored: why (<paramref name="Reason"/>, an <c>ErrorReasons</c> code or the engine's), which request field
    /// it concerns, a message for people, and where in the file when the engine could tell.
    /// </summary>
    public sealed record Refused(RefusalKind Kind, string Reason, string Field, string Message, SourceRef? Location = null) : ImportResult
    {
        public override string Outcome => Kind.ToString();
    }
}

public enum RefusalKind
{
    /// <summary>Unreadable, an incomplete identity, or a value too large to store.</summary>
    Rejected,
    /// <summary>The caller may not import for the file's department.</summary>
    Forbidden,
    /// <summary>The request id was used before by this caller for other content or another validate_only; nothing recorded.</summary>
    RequestIdReused,
}
