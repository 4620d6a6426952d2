using BudgetGrpc.Engine.Model;

namespace BudgetGrpc.Data.Entities;

/// <summary>
/// One disclosure identity: a department's document of one kind for one fiscal year.
/// Its content lives in <see cref="RevisionEntity"/>; this row only tracks identity and the latest revision.
/// </summary>
public sealed class DisclosureEntity
{
    /// <summary>Short opaque id (12 lowercase base32 characters), stable for the life of the disclosure.</summary>
    public required string Id { get; set; }
    public required string Department { get; set; }
    public int FiscalYear { get; set; }
    public DisclosureKind Kind { get; set; }
    /// <summary>Number of the latest revision; 0 only while the first one is being written.</summary>
    public int LatestRevision { get; set; }
    /// <summary>Title of the latest revision, kept here so lists and text filters need no join.</summary>
    public string Title { get; set; } = "";
    /// <summary>Status of the latest revision, kept here so the status filter needs no join.</summary>
    public RevisionStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>Concurrency token: bumped on every change, so two writers racing on one disclosure cannot both win.</summary>
    public long Version { get; set; }

    /// <summary>The value for an AIP etag.</summary>
    public string ETag => $"W/\"{Version}\"";

    public List<RevisionEntity> Revisions { get; set; } = [];
}

/// <summary>Whether a revision may be published: blocked while it has an error finding.</summary>
public enum RevisionStatus
{
    Publishable,
    Blocked,
}
