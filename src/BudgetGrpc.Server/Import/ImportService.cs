using System.Security.Cryptography;
using BudgetGrpc.Contracts;
using BudgetGrpc.Data;
using BudgetGrpc.Data.Entities;
using BudgetGrpc.Engine;
using BudgetGrpc.Engine.Model;

namespace BudgetGrpc.Server.Import;

/// <summary>
/// The one import path, for the gRPC service and the seeder alike: hash once → replay check → parse → identity →
/// authorise → storable ranges → the revision's rows → write (<see cref="RevisionWriter"/>, the upload recorded in the
/// same transaction) or record what stores nothing (<see cref="UploadLog"/>) → a closed <see cref="ImportResult"/>.
/// Reason codes are <see cref="ErrorReasons"/>; the data layer only stores them. Scoped, over the request's context.
/// </summary>
public sealed partial class ImportService(
    DisclosureEngine engine,
    RevisionWriter writer,
    UploadLog uploads,
    DisclosureStore store,
    TimeProvider time,
    ILogger<ImportService> logger)
{
    /// <summary>The longest request id kept (the upload log's column).</summary>
    public const int MaxRequestIdLength = UploadLog.MaxRequestIdLength;

    /// <summary>
    /// Parses, checks and stores one file. <paramref name="mayImportDepartment"/> (null = any) is asked with the
    /// department before anything is stored or answered about stored data.
    /// </summary>
    /// <exception cref="ArgumentException">The request id is longer than <see cref="MaxRequestIdLength"/>.</exception>
    public Task<ImportResult> ImportAsync(ImportCommand command, Func<string, bool>? mayImportDepartment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(command.Content);
        if (command.RequestId is { Length: > MaxRequestIdLength })
            throw new ArgumentException($"request_id has {command.RequestId.Length} characters; at most {MaxRequestIdLength} are accepted", "request_id");
        return ImportAsync(command, () => engine.Parse(command.Content, command.FileName), mayImportDepartment, cancellationToken);
    }

    /// <summary>The import with the parse supplied by the caller; tests pass hand-built disclosures through it.</summary>
    internal async Task<ImportResult> ImportAsync(ImportCommand command, Func<ParseResult> parse, Func<string, bool>? mayImportDepartment, CancellationToken cancellationToken)
    {
        // Hash once: the request-id binding, the upload record and the revision all use it.
        var upload = new UploadRecord(command.FileName, command.Content, Convert.ToHexStringLower(SHA256.HashData(command.Content)),
            time.GetUtcNow(), command.DepartmentHint, string.IsNullOrEmpty(command.RequestId) ? null : command.RequestId,
            command.KeyScope, command.ValidateOnly);

        // Replay check: a request id used before answers as it did then, once this caller may see that answer.
        var firstUse = upload.RequestId is { } requestId ? await uploads.FindFirstUseAsync(upload.KeyScope, requestId, cancellationToken) : null;
        if (firstUse is not null && Replay(firstUse, upload, mayImportDepartment) is { } replayed) return replayed;
        // Left: a validate-only first call with these bytes. It stored nothing but its record; the same bytes are read
        // again for the same answer.

        var result = parse();
        if (result.Error is { } error)
            return await RefuseAsync(upload, firstUse, RefusalKind.Rejected, error.Reason, "content", error.ToString(), error.Location, mayImportDepartment, cancellationToken);
        var parsed = result.Disclosure!;

        // Identity: the file's department, else the caller's hint; the fiscal year from the file.
        var department = DisclosureIdentity.StoredDepartment(!string.IsNullOrWhiteSpace(parsed.Department) ? parsed.Department : command.DepartmentHint ?? "");
        if (department.Length == 0)
            return await RefuseAsync(upload, firstUse, RefusalKind.Rejected, ErrorReasons.IncompleteIdentity, "department_hint",
                $"{parsed.Source.FileName}: the file names no department (部门) and no department hint was given", null, mayImportDepartment, cancellationToken);
        if (parsed.FiscalYear is not int fiscalYear)
            return await RefuseAsync(upload, firstUse, RefusalKind.Rejected, ErrorReasons.IncompleteIdentity, "content",
                $"{parsed.Source.FileName}: the file states no fiscal year (年度) in its title", null, mayImportDepartment, cancellationToken);

        if (mayImportDepartment is not null && !mayImportDepartment(department))
            return await RefuseAsync(upload, firstUse, RefusalKind.Forbidden, ErrorReasons.ForbiddenDepartment, "department_hint",
                $"this key may not import for the department {department}", null, mayImportDepartment, cancellationToken);

        if (StorableRange.FirstOutOfRange(parsed) is { } tooLarge)
            return await RefuseAsync(upload, firstUse, RefusalKind.Rejected, ErrorReasons.ValueOutOfRange, "content",
                $"{parsed.Source.FileName}: {tooLarge} has more than 14 digits before the decimal point, more than is stored", null, mayImportDepartment, cancellationToken);

        // Draft: the revision's rows, mapped before the write waits its turn for the database file (SQLite).
        var identity = new DisclosureIdentity(department, fiscalYear, command.Kind ?? parsed.Kind);
        var rows = DisclosureMapper.ToRows(parsed, identity, command.Content, upload.Sha256, ContentHash.Of(parsed),
            DisclosureEngine.Version, upload.ReceivedAt, upload.RequestId, RevisionOrigin.Import);
        upload = upload with { Findings = parsed.Findings };
        if (command.ValidateOnly)
            return await ValidatedAsync(upload, identity, rows, firstUse, mayImportDepartment, cancellationToken);

        // Write, with the upload recorded in the same transaction.
        var written = await writer.WriteAsync(rows, upload, cancellationToken);
        ImportResult answer = written.Status switch
        {
            RevisionWriteStatus.RequestIdTaken => await ConcurrentAnswerAsync(upload, mayImportDepartment, cancellationToken),
            RevisionWriteStatus.Unchanged => new ImportResult.Unchanged(written.Disclosure!, written.Revision!) { UploadId = written.UploadId ?? 0, Findings = parsed.Findings },
            _ => new ImportResult.Stored(written.Status == RevisionWriteStatus.Created, written.Disclosure!, written.Revision!)
                { UploadId = written.UploadId ?? 0, Findings = parsed.Findings },
        };
        LogImported(logger, command.FileName, answer.Outcome, written.Disclosure?.Id, written.Revision?.Number);
        return answer;
    }

    /// <summary>
    /// The answer to a request id used before by this caller (key scope), or null for a validate-only first call with
    /// the same bytes (read again). The id is bound to the content and to validate_only: other bytes or another
    /// validate_only under it are refused, nothing recorded. Authorisation comes before any answer about stored data.
    /// </summary>
    private static ImportResult? Replay(FirstUse first, UploadRecord upload, Func<string, bool>? mayImportDepartment)
    {
        if (first.Sha256 != upload.Sha256 || first.ValidateOnly != upload.ValidateOnly)
        {
            var what = first.Sha256 != upload.Sha256 ? "other content" : $"validate_only {first.ValidateOnly.ToString().ToLowerInvariant()}";
            return new ImportResult.Refused(RefusalKind.RequestIdReused, ErrorReasons.RequestIdReused, "request_id",
                $"this request_id was used before by this key for {what}; a new call needs a new request_id") { UploadId = first.UploadId };
        }
        if (first.Revision?.Disclosure is { } stored && mayImportDepartment is not null && !mayImportDepartment(stored.Department))
        {
            return new ImportResult.Refused(RefusalKind.Forbidden, ErrorReasons.ForbiddenDepartment, "department_hint",
                $"this key may not import for the department {stored.Department}") { UploadId = first.UploadId, Replayed = true };
        }
        return first.Outcome switch
        {
            UploadOutcome.ValidatedOnly => null,
            UploadOutcome.Created or UploadOutcome.NewRevision or UploadOutcome.Unchanged when first.Revision?.Disclosure is null =>
                throw new InvalidOperationException($"upload {first.UploadId} was stored but its revision is gone"),
            UploadOutcome.Created or UploadOutcome.NewRevision =>
                new ImportResult.Stored(first.Outcome == UploadOutcome.Created, first.Revision!.Disclosure!, first.Revision)
                    { UploadId = first.UploadId, Findings = first.Findings, Replayed = true },
            UploadOutcome.Unchanged =>
                new ImportResult.Unchanged(first.Revision!.Disclosure!, first.Revision) { UploadId = first.UploadId, Findings = first.Findings, Replayed = true },
            _ => new ImportResult.Refused(
                first.Outcome == UploadOutcome.Forbidden ? RefusalKind.Forbidden : RefusalKind.Rejected,
                first.Reason ?? ErrorReasons.ParseError, first.Field ?? "content", first.Message ?? $"{upload.FileName} could not be imported")
                { UploadId = first.UploadId, Findings = first.Findings, Replayed = true },
        };
    }

    /// <summary>
    /// The first use of the request id that a concurrent call recorded before this call could record its own (the unique
    /// index on key scope and request id settled the race).
    /// </summary>
    private async Task<FirstUse> ConcurrentFirstUseAsync(UploadRecord upload, CancellationToken cancellationToken) =>
        await uploads.FindFirstUseAsync(upload.KeyScope, upload.RequestId!, cancellationToken)
        ?? throw new InvalidOperationException("the upload could not be recorded and no earlier use of its request id was found");

    /// <summary>The answer of the concurrent first use of the request id, for a call that stores or refuses.</summary>
    private async Task<ImportResult> ConcurrentAnswerAsync(UploadRecord upload, Func<string, bool>? mayImportDepartment, CancellationToken cancellationToken) =>
        Replay(await ConcurrentFirstUseAsync(upload, cancellationToken), upload, mayImportDepartment)
        ?? throw new InvalidOperationException("a validate-only first use answered a call that is not validate-only");

    private async Task<ImportResult> RefuseAsync(
        UploadRecord upload, FirstUse? firstUse, RefusalKind kind, string reason, string field, string message, SourceRef? location,
        Func<string, bool>? mayImportDepartment, CancellationToken cancellationToken)
    {
        var outcome = kind == RefusalKind.Forbidden ? UploadOutcome.Forbidden : UploadOutcome.Rejected;
        var (uploadId, _, answer) = await RecordAsync(upload, outcome, new UploadRefusal(reason, field, message), firstUse, mayImportDepartment, cancellationToken);
        if (answer is not null) return answer;
        LogRefused(logger, upload.FileName, kind, reason, message);
        return new ImportResult.Refused(kind, reason, field, message, location) { UploadId = uploadId };
    }

    private async Task<ImportResult> ValidatedAsync(
        UploadRecord upload, DisclosureIdentity identity, RevisionRows rows, FirstUse? firstUse,
        Func<string, bool>? mayImportDepartment, CancellationToken cancellationToken)
    {
        var (uploadId, recorded, answer) = await RecordAsync(upload, UploadOutcome.ValidatedOnly, null, firstUse, mayImportDepartment, cancellationToken);
        if (answer is not null) return answer;

        var existing = await store.FindDisclosureAsync(identity, cancellationToken);
        var revision = rows.Revision;
        revision.Disclosure = existing ?? new DisclosureEntity { Id = "", Department = identity.Department, FiscalYear = identity.FiscalYear, Kind = identity.Kind };
        revision.DisclosureId = revision.Disclosure.Id;
        return new ImportResult.ValidatedOnly(existing, revision)
        {
            UploadId = uploadId,
            Findings = upload.Findings ?? [],
            Replayed = !recorded,
        };
    }

    /// <summary>
    /// Records an upload that stores nothing (validated only, refused) and returns its id. When the request id is
    /// recorded already, nothing is recorded: by a concurrent first use, whose answer comes back as the answer; or by a
    /// validate-only first call with these bytes (read again now), under whose id this call's answer is given.
    /// </summary>
    private async Task<(long UploadId, bool Recorded, ImportResult? Answer)> RecordAsync(
        UploadRecord upload, UploadOutcome outcome, UploadRefusal? refusal, FirstUse? firstUse,
        Func<string, bool>? mayImportDepartment, CancellationToken cancellationToken)
    {
        if (firstUse is null)
        {
            if (await uploads.RecordAsync(upload, outcome, refusal, cancellationToken) is long recorded) return (recorded, true, null);
            firstUse = await ConcurrentFirstUseAsync(upload, cancellationToken);
            if (Replay(firstUse, upload, mayImportDepartment) is { } answer) return (firstUse.UploadId, false, answer);
        }
        return (firstUse.UploadId, false, null);
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Imported {FileName}: {Outcome}, disclosure {DisclosureId} revision {Revision}")]
    private static partial void LogImported(ILogger logger, string fileName, string outcome, string? disclosureId, int? revision);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Refused {FileName}: {Kind} {Reason}: {Message}")]
    private static partial void LogRefused(ILogger logger, string fileName, RefusalKind kind, string reason, string message);
}
