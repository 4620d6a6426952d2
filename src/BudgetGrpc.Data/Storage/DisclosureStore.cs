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
public sealed partial class DisclosureStore(BudgetDbContext db, DisclosureEngine engine, TimeProvider time, ILogger<DisclosureStore> logger)
{
    public const string IncompleteIdentityReason = "INCOMPLETE_IDENTITY";
    public const string ValueOutOfRangeReason = "VALUE_OUT_OF_RANGE";
    public const string ForbiddenDepartmentReason = "FORBIDDEN_DEPARTMENT";
    private const int ConflictAttempts = 3;

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
            throw new ArgumentException($"request_id has {command.RequestId.Length} characters; at most {Configurations.Lengths.RequestId} are accepted", nameof(command));
        return await ImportAsync(command, () => engine.Parse(command.Content, command.FileName), mayImportDepartment, cancellationToken);
    }

    /// <summary>The import with the parse supplied by the caller; tests pass hand-built disclosures through it.</summary>
    internal async Task<ImportOutcome> ImportAsync(ImportCommand command, Func<ParseResult> parse, Func<string, bool>? mayImportDepartment, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(command.RequestId) && await ReplayAsync(command.RequestId, cancellationToken) is { } replay)
            return replay;
        var result = parse();
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(command.Content));
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
        if (command.ValidateOnly)
        {
            return await RecordValidationAsync(command, sha256, identity, parsed, contentHash, cancellationToken);
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
                var outcome = await StoreAsync(identity, draft, command, cancellationToken);
                LogImported(logger, command.FileName, outcome.Status, outcome.Disclosure?.Id, outcome.Revision?.Number);
                return outcome with { Parsed = parsed, Findings = parsed.Findings };
            }
            catch (DbUpdateException ex) when (attempt < ConflictAttempts && StoreConflicts.IsConflict(ex))
            {
                // Another import of the same identity committed first; the next attempt sees its result.
                LogImportConflict(logger, identity.Department, identity.FiscalYear, attempt);
                db.ChangeTracker.Clear();
                draft = null;
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
    private async Task<ImportOutcome> StoreAsync(Identity identity, RevisionEntity revision, ImportCommand? command, CancellationToken cancellationToken)
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

    private async Task<ImportOutcome> RecordValidationAsync(ImportCommand command, string sha256, Identity identity, Disclosure parsed, string contentHash, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var upload = NewUpload(command, sha256, now, UploadOutcome.ValidatedOnly);
        db.Uploads.Add(upload);
        await SaveAsync(cancellationToken);
        db.Entry(upload).State = EntityState.Detached;

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
            UploadId = upload.Id,
        };
    }

    private async Task<ImportOutcome> RecordRefusalAsync(
        ImportCommand command, string sha256, ImportStatus status, string reason, string message, string field,
        DisclosureError? error, Disclosure? parsed, CancellationToken cancellationToken)
    {
        var upload = NewUpload(command, sha256, time.GetUtcNow(), status == ImportStatus.Forbidden ? UploadOutcome.Forbidden : UploadOutcome.Rejected);
        upload.Reason = message;
        upload.ErrorReason = reason;
        upload.Content = command.Content;
        db.Uploads.Add(upload);
        await SaveAsync(cancellationToken);
        db.Entry(upload).State = EntityState.Detached;
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

    private static UploadEntity NewUpload(ImportCommand command, string sha256, DateTimeOffset now, UploadOutcome outcome) => new()
    {
        FileName = string.IsNullOrWhiteSpace(command.FileName) ? "(unnamed)" : command.FileName,
        Sha256 = sha256,
        SizeBytes = command.Content.LongLength,
        ReceivedAt = now,
        Outcome = outcome,
        DepartmentHint = command.DepartmentHint,
        RequestId = string.IsNullOrEmpty(command.RequestId) ? null : command.RequestId,
    };

    /// <summary>A request id seen before gets the first call's outcome again, without parsing or storing anything.</summary>
    private async Task<ImportOutcome?> ReplayAsync(string requestId, CancellationToken cancellationToken)
    {
        var first = await db.Uploads.AsNoTracking()
            .Where(u => u.RequestId == requestId)
            .OrderBy(u => u.Id)
            .Select(u => new { u.Id, u.Outcome, u.Reason, u.ErrorReason, u.RevisionId })
            .FirstOrDefaultAsync(cancellationToken);
        if (first is null) return null;

        RevisionEntity? revision = null;
        if (first.RevisionId is long revisionId)
        {
            revision = await db.Revisions.AsNoTracking().Include(r => r.Disclosure)
                .FirstOrDefaultAsync(r => r.Id == revisionId, cancellationToken);
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
            Field = status == ImportStatus.Rejected && first.ErrorReason == IncompleteIdentityReason ? "department_hint" : status is ImportStatus.Rejected ? "content" : null,
            UploadId = first.Id,
            Replayed = true,
        };
    }

    /// <summary>The engine model of a fully loaded revision; see <see cref="DisclosureMapper.ToDisclosure"/>.</summary>
    public Disclosure ToDisclosure(RevisionEntity full) => DisclosureMapper.ToDisclosure(full);
}
