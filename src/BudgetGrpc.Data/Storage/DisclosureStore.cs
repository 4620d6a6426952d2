using System.Security.Cryptography;
using BudgetGrpc.Data.Entities;
using BudgetGrpc.Engine;
using BudgetGrpc.Engine.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace BudgetGrpc.Data;

/// <summary>
/// Imports, reads, searches, reprocesses and diffs disclosures. Scoped: one per request, over one context.
/// Every import is one transaction; concurrent imports of one identity are serialised by unique indexes and the
/// disclosure's concurrency token, and the loser retries.
/// </summary>
public sealed partial class DisclosureStore(
    BudgetDbContext db, DisclosureEngine engine, TimeProvider time, ILogger<DisclosureStore> logger,
    Microsoft.Extensions.Options.IOptions<UploadLogOptions>? uploadLog = null)
{
    public const string IncompleteIdentityReason = "INCOMPLETE_IDENTITY";
    public const string ValueOutOfRangeReason = "VALUE_OUT_OF_RANGE";
    public const string ForbiddenDepartmentReason = "FORBIDDEN_DEPARTMENT";
    public const string RequestIdReusedReason = "REQUEST_ID_REUSED";
    private const int ConflictAttempts = 3;
    private readonly long _rejectedContentQuota = uploadLog?.Value.RejectedContentQuotaBytes ?? new UploadLogOptions().RejectedContentQuotaBytes;

    /// <summary>The context, for callers that need a transaction or a query the store does not offer.</summary>
    public BudgetDbContext Db => db;

    /// <summary>
    /// Parses, validates and stores one file. <paramref name="mayImportDepartment"/> (null = any) is asked with the
    /// identity's department before anything is stored.
    /// </summary>
    public async Task<ImportOutcome> ImportAsync(ImportCommand command, Func<string, bool>? mayImportDepartment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(command.Content);
        if (command.RequestId is { Length: > Configurations.Lengths.RequestId })
            throw new ArgumentException($"request_id has {command.RequestId.Length} characters; at most {Configurations.Lengths.RequestId} are accepted", "request_id");
        return await ImportAsync(command, () => engine.Parse(command.Content, command.FileName), mayImportDepartment, cancellationToken);
    }

    /// <summary>
    /// The import with the parse supplied by the caller; tests pass hand-built disclosures through it. Reads top to
    /// bottom: hash → replay check → parse → identity → authorise → range checks → draft → write.
    /// </summary>
    internal async Task<ImportOutcome> ImportAsync(ImportCommand command, Func<ParseResult> parse, Func<string, bool>? mayImportDepartment, CancellationToken cancellationToken)
    {
        // The one hash of the file: the request-id binding, the upload record and the revision all use it.
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(command.Content));
        var replay = await ReplayAsync(command, sha256, mayImportDepartment, cancellationToken);
        if (replay is { Status: not ImportStatus.ValidatedOnly }) return replay;
        // A validate-only replay stored nothing but its record: the same bytes are read again for the same answer.
        var replayedUpload = replay?.UploadId;

        var result = parse();
        if (result.Error is { } error)
        {
            return await RecordRefusalAsync(command, sha256, ImportStatus.Rejected, error.Reason, error.ToString(), "content", error, null, cancellationToken);
        }

        var parsed = result.Disclosure!;
        var department = TextLimits.Clip(
            !string.IsNullOrWhiteSpace(parsed.Department) ? parsed.Department.Trim() : command.DepartmentHint?.Trim() ?? "",
            Configurations.Lengths.Department);
        if (department.Length == 0)
        {
            return await RecordRefusalAsync(command, sha256, ImportStatus.Rejected, IncompleteIdentityReason,
                $"{parsed.Source.FileName}: the file names no department (部门) and no department hint was given", "department_hint", null, parsed, cancellationToken);
        }
        if (parsed.FiscalYear is not int fiscalYear)
        {
            return await RecordRefusalAsync(command, sha256, ImportStatus.Rejected, IncompleteIdentityReason,
                $"{parsed.Source.FileName}: the file states no fiscal year (年度) in its title", "content", null, parsed, cancellationToken);
        }
        if (mayImportDepartment is not null && !mayImportDepartment(department))
        {
            return await RecordRefusalAsync(command, sha256, ImportStatus.Forbidden, ForbiddenDepartmentReason,
                $"this key may not import for the department {department}", "department_hint", null, parsed, cancellationToken);
        }

        if (StorableRange.FirstOutOfRange(parsed) is { } tooLarge)
        {
            return await RecordRefusalAsync(command, sha256, ImportStatus.Rejected, ValueOutOfRangeReason,
                $"{parsed.Source.FileName}: {tooLarge} has more than 14 digits before the decimal point, more than is stored", "content", null, parsed, cancellationToken);
        }

        var identity = new Identity(department, fiscalYear, command.Kind ?? parsed.Kind);
        var contentHash = ContentHash.Of(parsed);
        // Only a call with a request id can be replayed; only its upload keeps the findings to answer with again.
        var findingsJson = string.IsNullOrEmpty(command.RequestId) ? null : FindingsJson.Write(parsed.Findings);
        if (command.ValidateOnly)
        {
            return await RecordValidationAsync(command, sha256, identity, parsed, contentHash, findingsJson, replayedUpload, cancellationToken);
        }

        // Parsing and mapping run in parallel; the write waits its turn for the database file (SQLite only).
        RevisionEntity Map() => Draft(identity, parsed, command.Content, sha256, contentHash, command.RequestId, RevisionOrigin.Import, time.GetUtcNow());
        RevisionEntity? draft = Map();
        using var writeTurn = await SqliteWriteGate.EnterAsync(db, cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                // A failed attempt has taken its draft apart; the next one maps afresh.
                draft ??= Map();
                var outcome = await StoreAsync(identity, draft, command, findingsJson, cancellationToken);
                LogImported(logger, command.FileName, outcome.Status, outcome.Disclosure?.Id, outcome.Revision?.Number);
                return outcome with { Parsed = parsed, Findings = parsed.Findings };
            }
            catch (DbUpdateException ex) when (attempt < ConflictAttempts && StoreConflicts.IsConflict(ex))
            {
                // Another import of the same identity, or a concurrent first use of this request id, committed first;
                // the latter is answered as its replay, the former retried against its result.
                LogImportConflict(logger, identity.Department, identity.FiscalYear, attempt);
                db.ChangeTracker.Clear();
                draft = null;
                if (await ReplayAsync(command, sha256, mayImportDepartment, cancellationToken) is { } winner) return winner;
            }
        }
    }

    private readonly record struct Identity(string Department, int FiscalYear, DisclosureKind Kind);

    private Task<int> SaveAsync(CancellationToken cancellationToken)
    {
        TextLimits.ClipPending(db);
        return db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// The rows of a new revision of <paramref name="identity"/> stamped <paramref name="createdAt"/>; which disclosure
    /// it belongs to and its number are filled in by <see cref="StoreAsync"/> once the disclosure row is locked.
    /// </summary>
    private static RevisionEntity Draft(Identity identity, Disclosure parsed, byte[] content, string sha256, string contentHash, string? requestId, RevisionOrigin origin, DateTimeOffset createdAt)
    {
        var shell = new DisclosureEntity { Id = "", Department = identity.Department, FiscalYear = identity.FiscalYear, Kind = identity.Kind };
        return DisclosureMapper.ToRevision(parsed, shell, 0, content, sha256, contentHash, DisclosureEngine.Version, createdAt, requestId, origin);
    }

    /// <summary>One transaction: the disclosure row, the revision with all its rows, the flip of IsLatest, the upload.</summary>
    private async Task<ImportOutcome> StoreAsync(Identity identity, RevisionEntity revision, ImportCommand? command, string? findingsJson, CancellationToken cancellationToken)
    {
        var now = revision.CreatedAt;
        var sha256 = revision.Sha256;
        var origin = revision.Origin;
        // On SQLite this begins IMMEDIATE: writers queue here instead of deadlocking on a lock upgrade.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var disclosure = await LockDisclosureAsync(identity, cancellationToken);

        if (disclosure is not null && origin == RevisionOrigin.Import)
        {
            var existing = await db.Revisions.AsNoTracking()
                .Where(r => r.DisclosureId == disclosure.Id && r.Sha256 == sha256)
                .OrderByDescending(r => r.Number)
                .FirstOrDefaultAsync(cancellationToken);
            if (existing is not null)
            {
                var unchangedUpload = NewUpload(command!, sha256, now, UploadOutcome.Unchanged);
                unchangedUpload.FindingsJson = findingsJson;
                unchangedUpload.RevisionId = existing.Id;
                unchangedUpload.DisclosureId = disclosure.Id;
                db.Uploads.Add(unchangedUpload);
                await SaveAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return new ImportOutcome { Status = ImportStatus.Unchanged, Disclosure = disclosure, Revision = existing, UploadId = unchangedUpload.Id };
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

        // EF writes the disclosure and the revision (one row each); the many rows under the revision go in multi-row
        // INSERTs afterwards, in the same transaction.
        var children = RevisionChildren.Detach(revision);
        db.Revisions.Add(revision);
        UploadEntity? upload = null;
        if (command is not null)
        {
            upload = NewUpload(command, sha256, now, created ? UploadOutcome.Created : UploadOutcome.NewRevision);
            upload.DisclosureId = disclosure.Id;
            upload.FindingsJson = findingsJson;
            db.Uploads.Add(upload);
        }
        await SaveAsync(cancellationToken);
        await children.InsertAsync(db, revision, cancellationToken);
        if (upload is not null)
        {
            upload.RevisionId = revision.Id;
            await SaveAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);

        // Hand back the whole graph, untracked, so a later SaveChanges on this context cannot insert the children twice.
        db.ChangeTracker.Clear();
        children.Reattach(revision);
        var status = created ? ImportStatus.Created : ImportStatus.NewRevision;
        return new ImportOutcome { Status = status, Disclosure = disclosure, Revision = revision, UploadId = upload?.Id ?? 0 };
    }

    /// <summary>
    /// Loads the identity's disclosure with its row locked for the rest of the transaction. The no-op UPDATE takes the
    /// row lock on PostgreSQL and SQL Server, so a second writer waits and then reads the first one's revision number
    /// instead of failing on it; SQLite's IMMEDIATE transaction already admits one writer at a time.
    /// </summary>
    private async Task<DisclosureEntity?> LockDisclosureAsync(Identity identity, CancellationToken cancellationToken)
    {
        var id = await db.Disclosures.AsNoTracking()
            .Where(d => d.Department == identity.Department && d.FiscalYear == identity.FiscalYear && d.Kind == identity.Kind)
            .Select(d => d.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (id is null) return null;
        await db.Disclosures.Where(d => d.Id == id).ExecuteUpdateAsync(s => s.SetProperty(d => d.Version, d => d.Version), cancellationToken);
        return await db.Disclosures.FirstAsync(d => d.Id == id, cancellationToken);
    }

    private async Task<ImportOutcome> RecordValidationAsync(
        ImportCommand command, string sha256, Identity identity, Disclosure parsed, string contentHash, string? findingsJson,
        long? replayedUpload, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var uploadId = replayedUpload ?? 0;
        if (replayedUpload is null)
        {
            var upload = NewUpload(command, sha256, now, UploadOutcome.ValidatedOnly);
            upload.FindingsJson = findingsJson;
            if (await RecordOrReplayAsync(upload, command, sha256, cancellationToken) is { } winner) return winner;
            uploadId = upload.Id;
        }

        var existing = await db.Disclosures.AsNoTracking().FirstOrDefaultAsync(
            d => d.Department == identity.Department && d.FiscalYear == identity.FiscalYear && d.Kind == identity.Kind, cancellationToken);
        var revision = Draft(identity, parsed, command.Content, sha256, contentHash, command.RequestId, RevisionOrigin.Import, now);
        revision.Disclosure = existing ?? new DisclosureEntity { Id = "", Department = identity.Department, FiscalYear = identity.FiscalYear, Kind = identity.Kind };
        revision.DisclosureId = revision.Disclosure.Id;
        return new ImportOutcome
        {
            Status = ImportStatus.ValidatedOnly,
            Disclosure = existing,
            Revision = revision,
            Parsed = parsed,
            Findings = parsed.Findings,
            UploadId = uploadId,
            Replayed = replayedUpload is not null,
        };
    }

    private async Task<ImportOutcome> RecordRefusalAsync(
        ImportCommand command, string sha256, ImportStatus status, string reason, string message, string field,
        DisclosureError? error, Disclosure? parsed, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var upload = NewUpload(command, sha256, now, status == ImportStatus.Forbidden ? UploadOutcome.Forbidden : UploadOutcome.Rejected);
        upload.Reason = message;
        upload.ErrorReason = reason;
        upload.Field = field;
        // Hash, size and reason always; the bytes only within the quota (a file larger than all of it is never kept).
        if (command.Content.LongLength <= _rejectedContentQuota) upload.Content = command.Content;
        else if (command.Content.LongLength > 0) upload.ContentDroppedAt = now;
        if (await RecordOrReplayAsync(upload, command, sha256, cancellationToken) is { } winner) return winner;
        if (upload.Content is not null) await KeepRejectedContentWithinQuotaAsync(now, cancellationToken);
        LogRefused(logger, command.FileName, status, reason, message);
        return new ImportOutcome
        {
            Status = status,
            Error = error,
            Reason = reason,
            Message = message,
            Field = field,
            Parsed = parsed,
            Findings = parsed?.Findings ?? [],
            UploadId = upload.Id,
        };
    }

    /// <summary>
    /// Records an upload that stores nothing else. When a concurrent first use of the same request id recorded first
    /// (the unique index on key scope and request id), that one's answer is returned instead and nothing is recorded.
    /// </summary>
    private async Task<ImportOutcome?> RecordOrReplayAsync(UploadEntity upload, ImportCommand command, string sha256, CancellationToken cancellationToken)
    {
        db.Uploads.Add(upload);
        try
        {
            await SaveAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateException ex) when (upload.RequestId is not null && StoreConflicts.IsConflict(ex))
        {
            db.ChangeTracker.Clear();
            return await ReplayAsync(command, sha256, mayImportDepartment: null, cancellationToken)
                ?? throw new InvalidOperationException("the upload could not be recorded and no earlier use of its request id was found", ex);
        }
        finally
        {
            if (db.Entry(upload).State != EntityState.Detached) db.Entry(upload).State = EntityState.Detached;
        }
    }

    /// <summary>
    /// Drops the bytes of the oldest refused files until those kept fit the quota; what was dropped keeps its hash, size
    /// and reason, and the time of the drop.
    /// </summary>
    private async Task KeepRejectedContentWithinQuotaAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var kept = await db.Uploads.AsNoTracking()
            .Where(u => u.Content != null)
            .OrderByDescending(u => u.Id)
            .Select(u => new { u.Id, u.SizeBytes })
            .ToListAsync(cancellationToken);
        long total = 0;
        var drop = new List<long>();
        foreach (var upload in kept)
        {
            total += upload.SizeBytes;
            if (total > _rejectedContentQuota) drop.Add(upload.Id);
        }
        if (drop.Count == 0) return;
        await db.Uploads.Where(u => drop.Contains(u.Id)).ExecuteUpdateAsync(s => s
            .SetProperty(u => u.Content, (byte[]?)null)
            .SetProperty(u => u.ContentDroppedAt, now), cancellationToken);
        LogRejectedContentDropped(logger, drop.Count, _rejectedContentQuota);
    }

    private static UploadEntity NewUpload(ImportCommand command, string sha256, DateTimeOffset now, UploadOutcome outcome) => new()
    {
        FileName = string.IsNullOrWhiteSpace(command.FileName) ? "(unnamed)" : command.FileName,
        Sha256 = sha256,
        SizeBytes = command.Content.LongLength,
        ReceivedAt = now,
        Outcome = outcome,
        DepartmentHint = command.DepartmentHint,
        RequestId = string.IsNullOrEmpty(command.RequestId) ? null : command.RequestId,
        KeyScope = command.KeyScope,
        ValidateOnly = command.ValidateOnly,
    };

    /// <summary>
    /// The first call's answer for a request id this caller (key scope) used before, or null for a first use. The id is
    /// bound to the content and to validate_only: other bytes or another validate_only under it are refused
    /// (<see cref="ImportStatus.RequestIdReused"/>). Authorisation comes before any answer about stored data. A
    /// validate-only first call comes back as a <see cref="ImportStatus.ValidatedOnly"/> marker: its caller reads the
    /// same bytes again rather than keep the draft.
    /// </summary>
    private async Task<ImportOutcome?> ReplayAsync(ImportCommand command, string sha256, Func<string, bool>? mayImportDepartment, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(command.RequestId)) return null;
        var first = await db.Uploads.AsNoTracking()
            .Where(u => u.KeyScope == command.KeyScope && u.RequestId == command.RequestId)
            .Select(u => new { u.Id, u.Sha256, u.ValidateOnly, u.Outcome, u.Reason, u.ErrorReason, u.Field, u.FindingsJson, u.RevisionId })
            .FirstOrDefaultAsync(cancellationToken);
        if (first is null) return null;

        if (first.Sha256 != sha256 || first.ValidateOnly != command.ValidateOnly)
        {
            var what = first.Sha256 != sha256 ? "other content" : $"validate_only {first.ValidateOnly.ToString().ToLowerInvariant()}";
            return new ImportOutcome
            {
                Status = ImportStatus.RequestIdReused,
                Reason = RequestIdReusedReason,
                Field = "request_id",
                Message = $"this request_id was used before by this key for {what}; a new call needs a new request_id",
                UploadId = first.Id,
            };
        }

        RevisionEntity? revision = null;
        if (first.RevisionId is long revisionId)
        {
            revision = await db.Revisions.AsNoTracking().Include(r => r.Disclosure)
                .FirstOrDefaultAsync(r => r.Id == revisionId, cancellationToken);
        }
        if (revision?.Disclosure is { } stored && mayImportDepartment is not null && !mayImportDepartment(stored.Department))
        {
            return new ImportOutcome
            {
                Status = ImportStatus.Forbidden,
                Reason = ForbiddenDepartmentReason,
                Message = $"this key may not import for the department {stored.Department}",
                Field = "department_hint",
                UploadId = first.Id,
                Replayed = true,
            };
        }
        var status = first.Outcome switch
        {
            UploadOutcome.Created => ImportStatus.Created,
            UploadOutcome.NewRevision => ImportStatus.NewRevision,
            UploadOutcome.Unchanged => ImportStatus.Unchanged,
            UploadOutcome.ValidatedOnly => ImportStatus.ValidatedOnly,
            UploadOutcome.Forbidden => ImportStatus.Forbidden,
            _ => ImportStatus.Rejected,
        };
        return new ImportOutcome
        {
            Status = status,
            Disclosure = revision?.Disclosure,
            Revision = revision,
            Reason = first.ErrorReason,
            Message = first.Reason,
            Field = first.Field,
            Findings = FindingsJson.Read(first.FindingsJson),
            UploadId = first.Id,
            Replayed = true,
        };
    }

    /// <summary>The engine model of a fully loaded revision; see <see cref="DisclosureMapper.ToDisclosure"/>.</summary>
    public Disclosure ToDisclosure(RevisionEntity full) => DisclosureMapper.ToDisclosure(full);
}
