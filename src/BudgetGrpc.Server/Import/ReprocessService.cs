using BudgetGrpc.Data;
using BudgetGrpc.Data.Entities;
using BudgetGrpc.Engine;
using Microsoft.EntityFrameworkCore;

namespace BudgetGrpc.Server.Import;

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

/// <summary>
/// Reads the kept bytes of latest revisions again with the current engine, and writes a new revision through the
/// import's <see cref="RevisionWriter"/> where the reading changed. Scoped, over the request's context.
/// </summary>
public sealed partial class ReprocessService(
    BudgetDbContext db, DisclosureEngine engine, RevisionWriter writer, TimeProvider time, ILogger<ReprocessService> logger)
{
    /// <summary>
    /// Re-reads the stored bytes of the latest revision of each disclosure in scope and stores a new revision only where
    /// the reading differs (by canonical content hash, not by engine version).
    /// </summary>
    /// <exception cref="ArgumentException">The scope names nothing and is not <see cref="ReprocessScope.All"/>.</exception>
    public async Task<ReprocessResult> ReprocessAsync(ReprocessScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!scope.All && string.IsNullOrWhiteSpace(scope.DisclosureId) && string.IsNullOrWhiteSpace(scope.Department) && scope.FiscalYear is null)
            throw new ArgumentException("name a disclosure, a department, a fiscal year, or ask for all", nameof(scope));

        var q = db.Disclosures.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(scope.DisclosureId)) q = q.Where(d => d.Id == scope.DisclosureId);
        if (!string.IsNullOrWhiteSpace(scope.Department)) q = q.Where(d => d.Department == scope.Department);
        if (scope.FiscalYear is int year) q = q.Where(d => d.FiscalYear == year);
        var targets = await q.OrderBy(d => d.Id).Select(d => new { d.Id, d.LatestRevision }).ToListAsync(cancellationToken);

        int unchanged = 0;
        var created = new List<RevisionEntity>();
        var failures = new List<ReprocessFailure>();
        foreach (var target in targets)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var latest = await db.Revisions.AsNoTracking().Include(r => r.Disclosure)
                .FirstAsync(r => r.DisclosureId == target.Id && r.Number == target.LatestRevision, cancellationToken);
            var result = engine.Parse(latest.Content, latest.FileName);
            if (result.Disclosure is not { } parsed)
            {
                var error = result.Error!;
                failures.Add(new ReprocessFailure(target.Id, latest.Number, error.Reason, error.ToString()));
                LogReprocessFailed(logger, target.Id, latest.Number, error.Reason, error.Message);
                continue;
            }
            var contentHash = ContentHash.Of(parsed);
            if (contentHash == latest.ContentHash)
            {
                unchanged++;
                LogReprocessed(logger, target.Id, latest.Number, "unchanged");
                continue;
            }
            var disclosure = latest.Disclosure!;
            var identity = new DisclosureIdentity(disclosure.Department, disclosure.FiscalYear, disclosure.Kind);
            var rows = DisclosureMapper.ToRows(parsed, identity, latest.Content, latest.Sha256, contentHash,
                DisclosureEngine.Version, time.GetUtcNow(), null, RevisionOrigin.Reprocess);
            var written = await writer.WriteAsync(rows, upload: null, cancellationToken);
            created.Add(written.Revision!);
            LogReprocessed(logger, target.Id, written.Revision!.Number, "new revision");
        }
        return new ReprocessResult(targets.Count, created.Count, unchanged, failures.Count, created, failures);
    }

    [LoggerMessage(EventId = 2004, Level = LogLevel.Information, Message = "Reprocessed disclosure {DisclosureId} revision {Revision}: {Result}")]
    private static partial void LogReprocessed(ILogger logger, string disclosureId, int revision, string result);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Warning, Message = "Reprocessing disclosure {DisclosureId} revision {Revision} failed: {Reason} {Message}")]
    private static partial void LogReprocessFailed(ILogger logger, string disclosureId, int revision, string reason, string message);
}
