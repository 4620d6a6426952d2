using BudgetGrpc.Data.Entities;

namespace BudgetGrpc.Data.Deliveries;

/// <summary>
/// One revision to push to one target. The ledger row is the single truth about it: who holds it (lease), when it
/// may be tried next, and how it ended. Times are UTC.
/// </summary>
public sealed class DeliveryEntity
{
    public long Id { get; set; }
    public long RevisionId { get; set; }
    public RevisionEntity? Revision { get; set; }
    /// <summary>Copied from the revision so supersede and listings need no join.</summary>
    public required string DisclosureId { get; set; }
    public int RevisionNumber { get; set; }

    /// <summary>A name from Delivery:Targets.</summary>
    public required string Target { get; set; }
    public DeliveryFormat Format { get; set; }
    public DeliveryState State { get; set; }
    /// <summary>Derived from revision and target, so it never changes, whoever sends and however often.</summary>
    public required string IdempotencyKey { get; set; }

    /// <summary>Leases taken so far (each lease is one attempt; an expired lease counts too).</summary>
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }

    public string? LeaseOwner { get; set; }
    /// <summary>Concurrency token: a report carrying an older token (its lease was taken over) changes nothing.</summary>
    public string? LeaseToken { get; set; }
    public DateTimeOffset? LeaseExpiresAt { get; set; }

    public int? LastStatusCode { get; set; }
    public string? LastError { get; set; }
    /// <summary>The newer delivery that made this one unnecessary.</summary>
    public long? SupersededById { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }

    public List<DeliveryAttemptEntity> AttemptLog { get; set; } = [];
}

public enum DeliveryState
{
    Pending,
    InFlight,
    Delivered,
    /// <summary>Parked: permanent failure or attempts exhausted; only an operator's retry revives it.</summary>
    Failed,
    Superseded,
}

public enum DeliveryFormat
{
    Json,
    Csv,
}

public enum DeliveryOutcome
{
    Delivered,
    FailedRetryable,
    FailedPermanent,
}
