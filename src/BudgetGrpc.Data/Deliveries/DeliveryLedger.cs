using BudgetGrpc.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BudgetGrpc.Data.Deliveries;

/// <summary>
/// The delivery ledger: which publishable revision still has to reach which target, who is sending it, and how each
/// attempt ended. Scoped, over the request's context.
/// <para>
/// Deliveries are derived from the stored revisions rather than written by the import: every claim first enqueues a
/// delivery for each disclosure's latest publishable revision and enabled target that has none yet. A revision is
/// therefore never lost between its commit and its delivery row (the row is rebuilt from committed data, whoever
/// crashed where), the import stays exactly the data layer's one transaction, and a target added to the
/// configuration later receives the current revision of every disclosure.
/// </para>
/// </summary>
public sealed partial class DeliveryLedger(BudgetDbContext db, IOptions<DeliveryLedgerOptions> options, TimeProvider time, ILogger<DeliveryLedger> logger)
{
    private const int EnqueueBatch = 500;
    private const int MaxClaim = 100;

    public static string IdempotencyKeyFor(string disclosureId, int revisionNumber, string target) =>
        $"budget-{disclosureId}-r{revisionNumber}-{target}";

    /// <summary>
    /// Adds the missing deliveries (latest publishable revision × enabled target) and supersedes older pending or
    /// parked ones of the same disclosure and target. Safe to run concurrently: in this process calls take turns; on
    /// SQLite the look-up runs inside the IMMEDIATE transaction, so other processes wait too; on PostgreSQL a lost race
    /// on the unique (revision, target) index means the other caller enqueued the same rows.
    /// </summary>
    public async Task<int> EnqueueDueAsync(CancellationToken cancellationToken)
    {
        // The service's own enqueue tick and the claims it serves would otherwise compete for the same rows.
        await EnqueueGate.WaitAsync(cancellationToken);
        try
        {
            var added = 0;
            foreach (var target in options.Value.EnabledTargets)
            {
                int batch;
                do
                {
                    batch = await EnqueueBatchAsync(target, cancellationToken);
                    added += Math.Max(batch, 0);
                } while (batch == EnqueueBatch);
            }
            return added;
        }
        finally
        {
            EnqueueGate.Release();
        }
    }

    private static readonly SemaphoreSlim EnqueueGate = new(1, 1);

    /// <summary>One batch for one target: the rows added, or -1 when another process added them first.</summary>
    private async Task<int> EnqueueBatchAsync(DeliveryTargetDefinition target, CancellationToken cancellationToken)
    {
        var name = target.Name;
        List<DeliveryEntity> rows = [];
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var missing = await db.Revisions.AsNoTracking()
                .Where(r => r.Status == RevisionStatus.Publishable && r.Disclosure!.LatestRevision == r.Number)
                .Where(r => !db.Set<DeliveryEntity>().Any(d => d.RevisionId == r.Id && d.Target == name))
                .OrderBy(r => r.Id)
                .Select(r => new { r.Id, r.DisclosureId, r.Number })
                .Take(EnqueueBatch)
                .ToListAsync(cancellationToken);
            if (missing.Count == 0) return 0;

            var now = time.GetUtcNow();
            rows = missing.Select(r => new DeliveryEntity
            {
                RevisionId = r.Id,
                DisclosureId = r.DisclosureId,
                RevisionNumber = r.Number,
                Target = name,
                Format = target.Format,
                State = DeliveryState.Pending,
                IdempotencyKey = IdempotencyKeyFor(r.DisclosureId, r.Number, name),
                NextAttemptAt = now,
                CreatedAt = now,
                UpdatedAt = now,
            }).ToList();
            db.AddRange(rows);
            await db.SaveChangesAsync(cancellationToken);
            // A first revision has nothing older to supersede.
            foreach (var row in rows.Where(r => r.RevisionNumber > 1)) await SupersedeOlderAsync(row, now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            LogEnqueued(logger, rows.Count, name);
            return rows.Count;
        }
        catch (DbUpdateException ex) when (StoreConflicts.IsConflict(ex))
        {
            // Another process enqueued the same rows first; what it wrote is what we wanted.
            LogEnqueueRace(logger, name);
            return -1;
        }
        finally
        {
            foreach (var row in rows) db.Entry(row).State = EntityState.Detached;
        }
    }

    private Task<int> SupersedeOlderAsync(DeliveryEntity newer, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.Set<DeliveryEntity>()
            .Where(d => d.DisclosureId == newer.DisclosureId && d.Target == newer.Target && d.RevisionNumber < newer.RevisionNumber
                        && (d.State == DeliveryState.Pending || d.State == DeliveryState.Failed))
            .ExecuteUpdateAsync(s => s
                .SetProperty(d => d.State, DeliveryState.Superseded)
                .SetProperty(d => d.SupersededById, newer.Id)
                .SetProperty(d => d.UpdatedAt, now), cancellationToken);

    /// <summary>
    /// Leases up to <paramref name="maxCount"/> due deliveries to <paramref name="workerId"/>. The conditional UPDATE
    /// re-checks state and due time on each row, so of two concurrent claimers exactly one gets a given row: on
    /// PostgreSQL the second UPDATE waits for the first's row lock and then re-evaluates its WHERE; on SQLite writers
    /// are serialised. Each claim is one attempt.
    /// </summary>
    public async Task<IReadOnlyList<DeliveryEntity>> ClaimAsync(
        string workerId, int maxCount, TimeSpan leaseDuration, IReadOnlyCollection<string>? targets, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(workerId);
        if (maxCount is < 1 or > MaxClaim) throw new ArgumentOutOfRangeException(nameof(maxCount), maxCount, $"max_count must be 1..{MaxClaim}");
        if (leaseDuration <= TimeSpan.Zero || leaseDuration > options.Value.MaxLease)
            throw new ArgumentOutOfRangeException(nameof(leaseDuration), leaseDuration, $"lease_duration must be positive and at most {options.Value.MaxLease}");

        await EnqueueDueAsync(cancellationToken);

        var now = time.GetUtcNow();
        await ParkAbandonedAsync(now, cancellationToken);
        var due = Due(db.Set<DeliveryEntity>(), now, targets);
        var candidates = await due.OrderBy(d => d.NextAttemptAt).ThenBy(d => d.Id).Select(d => d.Id).Take(maxCount).ToListAsync(cancellationToken);
        if (candidates.Count == 0) return [];

        var token = Guid.NewGuid().ToString("D");
        var expires = now + leaseDuration;
        var owner = workerId.Length > DeliveryConfiguration.KeyLength ? workerId[..DeliveryConfiguration.KeyLength] : workerId;
        await Due(db.Set<DeliveryEntity>().Where(d => candidates.Contains(d.Id)), now, targets)
            .ExecuteUpdateAsync(s => s
                .SetProperty(d => d.State, DeliveryState.InFlight)
                .SetProperty(d => d.LeaseOwner, owner)
                .SetProperty(d => d.LeaseToken, token)
                .SetProperty(d => d.LeaseExpiresAt, expires)
                .SetProperty(d => d.Attempts, d => d.Attempts + 1)
                .SetProperty(d => d.UpdatedAt, now), cancellationToken);

        var claimed = await db.Set<DeliveryEntity>().AsNoTracking().Where(d => d.LeaseToken == token).OrderBy(d => d.Id).ToListAsync(cancellationToken);
        LogClaimed(logger, claimed.Count, owner);
        return claimed;
    }

    /// <summary>
    /// A delivery whose every lease ran out without a report (each holder died on it) would otherwise be leased
    /// forever: once its attempts are used up, an expired lease parks it instead.
    /// </summary>
    private async Task ParkAbandonedAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var max = options.Value.MaxAttempts;
        var parked = await db.Set<DeliveryEntity>()
            .Where(d => d.State == DeliveryState.InFlight && d.LeaseExpiresAt <= now && d.Attempts >= max)
            .ExecuteUpdateAsync(s => s
                .SetProperty(d => d.State, DeliveryState.Failed)
                .SetProperty(d => d.LeaseOwner, (string?)null)
                .SetProperty(d => d.LeaseToken, (string?)null)
                .SetProperty(d => d.LeaseExpiresAt, (DateTimeOffset?)null)
                .SetProperty(d => d.LastError, "every lease expired without a report (the worker died on each attempt)")
                .SetProperty(d => d.UpdatedAt, now), cancellationToken);
        if (parked > 0) LogParkedAbandoned(logger, parked);
    }

    private static IQueryable<DeliveryEntity> Due(IQueryable<DeliveryEntity> q, DateTimeOffset now, IReadOnlyCollection<string>? targets)
    {
        q = q.Where(d => (d.State == DeliveryState.Pending && d.NextAttemptAt <= now)
                         || (d.State == DeliveryState.InFlight && d.LeaseExpiresAt <= now));
        if (targets is { Count: > 0 })
        {
            var names = targets.ToList();
            q = q.Where(d => names.Contains(d.Target));
        }
        return q;
    }

    /// <summary>
    /// Records one attempt and moves the delivery on: delivered; pending again after a backoff (never sooner than
    /// the receiver's Retry-After); or parked as failed (permanent failure, or attempts exhausted).
    /// </summary>
    /// <exception cref="KeyNotFoundException">No such delivery.</exception>
    /// <exception cref="DeliveryLeaseLostException">The lease is no longer the caller's.</exception>
    public async Task<DeliveryEntity> CompleteAsync(long id, string leaseToken, DeliveryReport report, CancellationToken cancellationToken)
    {
        var delivery = await db.Set<DeliveryEntity>().FirstOrDefaultAsync(d => d.Id == id, cancellationToken)
            ?? throw new KeyNotFoundException($"delivery '{id}' does not exist");
        if (delivery.State != DeliveryState.InFlight || delivery.LeaseToken != leaseToken)
        {
            db.Entry(delivery).State = EntityState.Detached;
            throw LeaseLost(delivery);
        }

        var now = time.GetUtcNow();
        var attempt = new DeliveryAttemptEntity
        {
            DeliveryId = delivery.Id,
            Number = delivery.Attempts,
            // The lease holder named itself when it claimed; the reporter's key name is only a fallback.
            WorkerId = delivery.LeaseOwner ?? (report.WorkerId.Length > DeliveryConfiguration.KeyLength ? report.WorkerId[..DeliveryConfiguration.KeyLength] : report.WorkerId),
            Outcome = report.Outcome,
            StatusCode = report.StatusCode,
            Error = Truncate(report.Error),
            ReportedAt = now,
            DurationMs = (long)report.Duration.TotalMilliseconds,
        };
        db.Set<DeliveryAttemptEntity>().Add(attempt);

        delivery.LastStatusCode = report.StatusCode;
        delivery.LastError = report.Outcome == DeliveryOutcome.Delivered ? null : Truncate(report.Error);
        delivery.LeaseOwner = null;
        delivery.LeaseToken = null;
        delivery.LeaseExpiresAt = null;
        delivery.UpdatedAt = now;
        switch (report.Outcome)
        {
            case DeliveryOutcome.Delivered:
                delivery.State = DeliveryState.Delivered;
                delivery.DeliveredAt = now;
                break;
            case DeliveryOutcome.FailedRetryable when delivery.Attempts < options.Value.MaxAttempts:
                delivery.State = DeliveryState.Pending;
                delivery.NextAttemptAt = now + Backoff(delivery.Attempts, report.RetryAfter);
                break;
            default:
                delivery.State = DeliveryState.Failed;
                break;
        }
        try
        {
            // One statement pair in one transaction; the UPDATE carries the lease token we read as its concurrency check.
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            Forget(delivery, attempt);
            throw LeaseLost(delivery);
        }
        // Claims change rows with set-based UPDATEs the tracker never sees; a tracked copy would be stale next time.
        Forget(delivery, attempt);
        LogCompleted(logger, delivery.Id, delivery.Target, report.Outcome, delivery.State, delivery.Attempts);
        return delivery;
    }

    private void Forget(DeliveryEntity delivery, DeliveryAttemptEntity attempt)
    {
        db.Entry(delivery).State = EntityState.Detached;
        db.Entry(attempt).State = EntityState.Detached;
    }

    /// <summary>Exponential from BaseBackoff, ±20% jitter so a recovered target is not hit by every delivery at once.</summary>
    internal TimeSpan Backoff(int attempts, TimeSpan? retryAfter)
    {
        var o = options.Value;
        var exponent = Math.Clamp(attempts - 1, 0, 30);
        var raw = Math.Min(o.BaseBackoff.TotalMilliseconds * Math.Pow(2, exponent), o.MaxBackoff.TotalMilliseconds);
        var delay = TimeSpan.FromMilliseconds(raw * (0.8 + 0.4 * Random.Shared.NextDouble()));
        return retryAfter is { } asked && asked > delay ? asked : delay;
    }

    private static string? Truncate(string? error) =>
        error is { Length: > DeliveryConfiguration.ErrorLength } ? error[..DeliveryConfiguration.ErrorLength] : error;

    private static DeliveryLeaseLostException LeaseLost(DeliveryEntity delivery) =>
        new(delivery.Id, $"delivery '{delivery.Id}' is not leased with this token any more (state {delivery.State}); its lease expired and another worker took it over");

    [LoggerMessage(Level = LogLevel.Information, Message = "Enqueued {Count} deliveries for target {Target}")]
    private static partial void LogEnqueued(ILogger logger, int count, string target);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Another caller enqueued deliveries for target {Target} first")]
    private static partial void LogEnqueueRace(ILogger logger, string target);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Parked {Count} deliveries whose every lease expired without a report")]
    private static partial void LogParkedAbandoned(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Leased {Count} deliveries to {Worker}")]
    private static partial void LogClaimed(ILogger logger, int count, string worker);

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery {Id} to {Target}: {Outcome}, now {State} after {Attempts} attempt(s)")]
    private static partial void LogCompleted(ILogger logger, long id, string target, DeliveryOutcome outcome, DeliveryState state, int attempts);
}
