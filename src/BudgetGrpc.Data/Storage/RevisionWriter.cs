using BudgetGrpc.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace BudgetGrpc.Data;

public enum RevisionWriteStatus
{
    /// <summary>A new disclosure with its revision 1.</summary>
    Created,
    /// <summary>The next revision of an existing disclosure.</summary>
    NewRevision,
    /// <summary>An import of bytes (by SHA-256) this disclosure already has: nothing written but the upload.</summary>
    Unchanged,
    /// <summary>A concurrent call recorded the upload's request id first: nothing written.</summary>
    RequestIdTaken,
}

/// <summary>
/// What a write did: the disclosure row and the revision row (no children), untracked, and the upload recorded with
/// them. Both rows are null for <see cref="RevisionWriteStatus.RequestIdTaken"/>.
/// </summary>
public sealed record RevisionWrite(RevisionWriteStatus Status, DisclosureEntity? Disclosure, RevisionEntity? Revision, long? UploadId);

/// <summary>
/// Writes a new revision: one transaction holding the disclosure row (locked, or created), the revision row, its child
/// rows in bulk, the flip of IsLatest and the upload that brought it. Concurrent writers of one identity are serialised
/// by the row lock, unique indexes and the disclosure's concurrency token; the loser of a race retries here, the one
/// retry loop of every write.
/// </summary>
public sealed partial class RevisionWriter(BudgetDbContext db, ILogger<RevisionWriter> logger)
{
    private const int ConflictAttempts = 3;

    /// <summary>
    /// Writes <paramref name="rows"/> as the next revision of their identity, and records <paramref name="upload"/> (null
    /// for none: a reprocess) with it. An import (<see cref="RevisionOrigin.Import"/>) of bytes the disclosure already
    /// has writes nothing but the upload (<see cref="RevisionWriteStatus.Unchanged"/>). Waits for the database file's
    /// write turn first (SQLite only).
    /// </summary>
    public async Task<RevisionWrite> WriteAsync(RevisionRows rows, UploadRecord? upload, CancellationToken cancellationToken)
    {
        using var writeTurn = await SqliteWriteGate.EnterAsync(db, cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await WriteOnceAsync(rows, upload, cancellationToken);
            }
            catch (DbUpdateException ex) when (attempt < ConflictAttempts && StoreConflicts.IsConflict(ex))
            {
                // Another write of the same identity committed first, and is retried against; or a concurrent first use
                // of this upload's request id did, whose answer is then this call's.
                LogWriteConflict(logger, rows.Identity.Department, rows.Identity.FiscalYear, attempt);
                db.ChangeTracker.Clear();
                if (upload?.RequestId is { Length: > 0 } requestId && await UploadLog.IsRecordedAsync(db, upload.KeyScope, requestId, cancellationToken))
                    return new RevisionWrite(RevisionWriteStatus.RequestIdTaken, null, null, null);
            }
        }
    }

    private async Task<RevisionWrite> WriteOnceAsync(RevisionRows rows, UploadRecord? upload, CancellationToken cancellationToken)
    {
        rows.ForgetKeys();
        var revision = rows.Revision;
        var identity = rows.Identity;
        var now = revision.CreatedAt;
        // On SQLite this begins IMMEDIATE: writers queue here instead of deadlocking on a lock upgrade.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var disclosure = await LockDisclosureAsync(identity, cancellationToken);

        if (disclosure is not null && revision.Origin == RevisionOrigin.Import)
        {
            var existing = await db.Revisions.AsNoTracking()
                .Where(r => r.DisclosureId == disclosure.Id && r.Sha256 == revision.Sha256)
                .OrderByDescending(r => r.Number)
                .FirstOrDefaultAsync(cancellationToken);
            if (existing is not null)
            {
                UploadEntity? unchanged = null;
                if (upload is not null)
                {
                    unchanged = UploadLog.Row(upload, UploadOutcome.Unchanged);
                    unchanged.RevisionId = existing.Id;
                    unchanged.DisclosureId = disclosure.Id;
                    db.Uploads.Add(unchanged);
                    await db.SaveClippedAsync(cancellationToken);
                }
                await transaction.CommitAsync(cancellationToken);
                db.ChangeTracker.Clear();
                return new RevisionWrite(RevisionWriteStatus.Unchanged, disclosure, existing, unchanged?.Id);
            }
        }

        var created = disclosure is null;
        if (disclosure is null)
        {
            disclosure = new DisclosureEntity
            {
                Id = OpaqueId.New(),
                Department = identity.Department,
                FiscalYear = identity.FiscalYear,
                Kind = identity.Kind,
                CreatedAt = now,
                Version = 1,
            };
            db.Disclosures.Add(disclosure);
        }
        else
        {
            var disclosureId = disclosure.Id;
            var previous = disclosure.LatestRevision;
            var previousId = await db.Revisions
                .Where(r => r.DisclosureId == disclosureId && r.Number == previous)
                .Select(r => r.Id)
                .FirstOrDefaultAsync(cancellationToken);
            await db.Indicators
                .Where(i => i.RevisionId == previousId && i.IsLatest)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.IsLatest, false), cancellationToken);
            disclosure.Version++;
        }

        revision.DisclosureId = disclosure.Id;
        revision.Number = disclosure.LatestRevision + 1;
        disclosure.LatestRevision = revision.Number;
        disclosure.Title = revision.Title;
        disclosure.Status = revision.Status;
        disclosure.UpdatedAt = now;

        // EF writes the disclosure and the revision (one row each); the many rows under the revision go in bulk
        // afterwards, in the same transaction.
        db.Revisions.Add(revision);
        UploadEntity? uploadRow = null;
        if (upload is not null)
        {
            uploadRow = UploadLog.Row(upload, created ? UploadOutcome.Created : UploadOutcome.NewRevision);
            uploadRow.DisclosureId = disclosure.Id;
            db.Uploads.Add(uploadRow);
        }
        await db.SaveClippedAsync(cancellationToken);
        await InsertChildrenAsync(rows, cancellationToken);
        if (uploadRow is not null)
        {
            // Linked last, after every row of the revision: a failure up to here leaves nothing.
            uploadRow.RevisionId = revision.Id;
            await db.SaveClippedAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);

        // Nothing stays tracked: a later SaveChanges on this context must not write these rows again.
        db.ChangeTracker.Clear();
        return new RevisionWrite(created ? RevisionWriteStatus.Created : RevisionWriteStatus.NewRevision, disclosure, revision, uploadRow?.Id);
    }

    /// <summary>
    /// Loads the identity's disclosure with its row locked for the rest of the transaction. The no-op UPDATE takes the
    /// row lock on PostgreSQL and SQL Server, so a second writer waits and then reads the first one's revision number
    /// instead of failing on it; SQLite's IMMEDIATE transaction already admits one writer at a time.
    /// </summary>
    private async Task<DisclosureEntity?> LockDisclosureAsync(DisclosureIdentity identity, CancellationToken cancellationToken)
    {
        var id = await db.Disclosures.AsNoTracking()
            .Where(d => d.Department == identity.Department && d.FiscalYear == identity.FiscalYear && d.Kind == identity.Kind)
            .Select(d => d.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (id is null) return null;
        await db.Disclosures.Where(d => d.Id == id).ExecuteUpdateAsync(s => s.SetProperty(d => d.Version, d => d.Version), cancellationToken);
        return await db.Disclosures.FirstAsync(d => d.Id == id, cancellationToken);
    }

    /// <summary>
    /// The projects, objectives, indicators and findings of the revision just added, with <see cref="BulkInsert"/>. Each
    /// child takes its parent's generated key by the parent's position: on SQLite the keys come back from the inserts,
    /// elsewhere they are read back by natural key (project ordinal; project and indicator ordinal).
    /// </summary>
    private async Task InsertChildrenAsync(RevisionRows rows, CancellationToken cancellationToken)
    {
        var revisionId = rows.Revision.Id;
        var projects = rows.Projects;
        foreach (var project in projects) project.RevisionId = revisionId;
        var keysKnown = await BulkInsert.InsertAsync(db, projects, static (p, id) => p.Id = id, cancellationToken);
        if (!keysKnown && projects.Count > 0)
        {
            var projectIds = await db.Projects.AsNoTracking().Where(p => p.RevisionId == revisionId)
                .Select(p => new { p.Id, p.Ordinal })
                .ToDictionaryAsync(p => p.Ordinal, p => p.Id, cancellationToken);
            foreach (var project in projects) project.Id = projectIds[project.Ordinal];
        }

        for (var o = 0; o < rows.Objectives.Count; o++) rows.Objectives[o].ProjectId = projects[rows.ObjectiveProjects[o]].Id;
        for (var i = 0; i < rows.Indicators.Count; i++)
        {
            rows.Indicators[i].ProjectId = projects[rows.IndicatorProjects[i]].Id;
            rows.Indicators[i].RevisionId = revisionId;
        }
        await BulkInsert.InsertAsync(db, rows.Objectives, null, cancellationToken);
        var needIds = rows.FindingIndicators.Exists(i => i >= 0);
        keysKnown = await BulkInsert.InsertAsync(db, rows.Indicators, needIds ? static (i, id) => i.Id = id : null, cancellationToken);
        if (needIds && !keysKnown)
        {
            // Read the generated ids back by (project, ordinal), which is unique, rather than trusting insert order.
            var ids = await db.Indicators.AsNoTracking().Where(i => i.RevisionId == revisionId)
                .Select(i => new { i.Id, i.ProjectId, i.Ordinal })
                .ToDictionaryAsync(i => (i.ProjectId, i.Ordinal), i => i.Id, cancellationToken);
            foreach (var indicator in rows.Indicators) indicator.Id = ids[(indicator.ProjectId, indicator.Ordinal)];
        }

        for (var f = 0; f < rows.Findings.Count; f++)
        {
            var finding = rows.Findings[f];
            finding.RevisionId = revisionId;
            var project = rows.FindingProjects[f];
            var indicator = rows.FindingIndicators[f];
            finding.ProjectId = project >= 0 ? projects[project].Id : null;
            finding.IndicatorId = indicator >= 0 ? rows.Indicators[indicator].Id : null;
        }
        await BulkInsert.InsertAsync(db, rows.Findings, null, cancellationToken);
    }

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information, Message = "Write of {Department} {FiscalYear} lost a race (attempt {Attempt}); retrying")]
    private static partial void LogWriteConflict(ILogger logger, string department, int fiscalYear, int attempt);
}
