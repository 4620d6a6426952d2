using BudgetGrpc.Data.Entities;
using BudgetGrpc.Engine.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BudgetGrpc.Data;

/// <summary>
/// What every upload records, whatever becomes of it. <paramref name="RequestId"/> (null for none) is bound to
/// <paramref name="KeyScope"/>, <paramref name="Sha256"/> and <paramref name="ValidateOnly"/>.
/// </summary>
public sealed record UploadRecord(
    string FileName,
    byte[] Content,
    string Sha256,
    DateTimeOffset ReceivedAt,
    string? DepartmentHint,
    string? RequestId,
    string KeyScope,
    bool ValidateOnly)
{
    /// <summary>The findings answered; kept only under a request id, the one way an answer is given again.</summary>
    public IReadOnlyList<Finding>? Findings { get; init; }
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

/// <summary>Why an upload was refused, in the caller's terms: a reason code, the request field concerned, a message.</summary>
public sealed record UploadRefusal(string Reason, string Field, string Message);

/// <summary>The first call under a request id, as recorded: enough to answer a later call with the same id again.</summary>
public sealed record FirstUse(
    long UploadId,
    string Sha256,
    bool ValidateOnly,
    UploadOutcome Outcome,
    string? Reason,
    string? Field,
    string? Message,
    IReadOnlyList<Finding> Findings,
    RevisionEntity? Revision);

/// <summary>
/// The record of every upload (stored, unchanged, validated, refused), the lookup of a request id's first use, and the
/// quota on the bytes of refused files. Uploads that store a revision are recorded by <see cref="RevisionWriter"/>
/// inside the revision's transaction, from <see cref="Row"/>.
/// </summary>
public sealed partial class UploadLog(BudgetDbContext db, ILogger<UploadLog> logger, IOptions<UploadLogOptions>? options = null)
{
    /// <summary>The longest request id kept (its column).</summary>
    public const int MaxRequestIdLength = Configurations.Lengths.RequestId;

    private readonly long _rejectedContentQuota = options?.Value.RejectedContentQuotaBytes ?? new UploadLogOptions().RejectedContentQuotaBytes;

    /// <summary>
    /// Records an upload that stores nothing else (validated only, refused with <paramref name="refusal"/>) and returns
    /// its id, or null when a concurrent first use of the same request id was recorded first (the unique index on key
    /// scope and request id): then nothing is recorded and that first use is the answer.
    /// </summary>
    public async Task<long?> RecordAsync(UploadRecord upload, UploadOutcome outcome, UploadRefusal? refusal, CancellationToken cancellationToken)
    {
        var row = Row(upload, outcome);
        if (refusal is not null)
        {
            row.Reason = refusal.Message;
            row.ErrorReason = refusal.Reason;
            row.Field = refusal.Field;
            // Hash, size and reason always; the bytes only within the quota (a file larger than all of it is never kept).
            if (upload.Content.LongLength <= _rejectedContentQuota) row.Content = upload.Content;
            else if (upload.Content.LongLength > 0) row.ContentDroppedAt = upload.ReceivedAt;
        }
        db.Uploads.Add(row);
        try
        {
            await db.SaveClippedAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (row.RequestId is not null && StoreConflicts.IsConflict(ex))
        {
            return null;
        }
        finally
        {
            db.Entry(row).State = EntityState.Detached;
        }
        if (row.Content is not null) await KeepRejectedContentWithinQuotaAsync(upload.ReceivedAt, cancellationToken);
        return row.Id;
    }

    /// <summary>The first upload under <paramref name="requestId"/> from <paramref name="keyScope"/>, with its revision; null for a first use.</summary>
    public async Task<FirstUse?> FindFirstUseAsync(string keyScope, string requestId, CancellationToken cancellationToken)
    {
        var first = await db.Uploads.AsNoTracking()
            .Where(u => u.KeyScope == keyScope && u.RequestId == requestId)
            .Select(u => new { u.Id, u.Sha256, u.ValidateOnly, u.Outcome, u.Reason, u.ErrorReason, u.Field, u.FindingsJson, u.RevisionId })
            .FirstOrDefaultAsync(cancellationToken);
        if (first is null) return null;
        RevisionEntity? revision = null;
        if (first.RevisionId is long revisionId)
        {
            revision = await db.Revisions.AsNoTracking().Include(r => r.Disclosure)
                .FirstOrDefaultAsync(r => r.Id == revisionId, cancellationToken);
        }
        return new FirstUse(first.Id, first.Sha256, first.ValidateOnly, first.Outcome, first.ErrorReason, first.Field, first.Reason,
            FindingsJson.Read(first.FindingsJson), revision);
    }

    /// <summary>The row of <paramref name="upload"/> with <paramref name="outcome"/>, not yet added to the context.</summary>
    internal static UploadEntity Row(UploadRecord upload, UploadOutcome outcome) => new()
    {
        FileName = string.IsNullOrWhiteSpace(upload.FileName) ? "(unnamed)" : upload.FileName,
        Sha256 = upload.Sha256,
        SizeBytes = upload.Content.LongLength,
        ReceivedAt = upload.ReceivedAt,
        Outcome = outcome,
        DepartmentHint = upload.DepartmentHint,
        RequestId = string.IsNullOrEmpty(upload.RequestId) ? null : upload.RequestId,
        KeyScope = upload.KeyScope,
        ValidateOnly = upload.ValidateOnly,
        // Only a call with a request id can be replayed; only its upload keeps the findings to answer with again.
        FindingsJson = string.IsNullOrEmpty(upload.RequestId) || upload.Findings is null ? null : FindingsJson.Write(upload.Findings),
    };

    /// <summary>Whether an upload under this request id is recorded (committed by another call).</summary>
    internal static Task<bool> IsRecordedAsync(BudgetDbContext db, string keyScope, string requestId, CancellationToken cancellationToken) =>
        db.Uploads.AsNoTracking().AnyAsync(u => u.KeyScope == keyScope && u.RequestId == requestId, cancellationToken);

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

    [LoggerMessage(EventId = 2006, Level = LogLevel.Warning, Message = "Dropped the bytes of {Count} refused upload(s), oldest first, to keep them within {QuotaBytes} bytes (Limits:RejectedContentQuotaBytes); hash, size and reason stay")]
    private static partial void LogRejectedContentDropped(ILogger logger, int count, long quotaBytes);
}
