using BudgetGrpc.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace BudgetGrpc.Data;

public sealed partial class DisclosureStore
{
    /// <summary>
    /// Re-reads the stored bytes of the latest revision of each disclosure in scope with the current engine and stores a
    /// new revision only where the reading differs (by canonical content hash, not by engine version).
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
            db.ChangeTracker.Clear();
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
            var identity = new Identity(disclosure.Department, disclosure.FiscalYear, disclosure.Kind);
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    var draft = Draft(identity, parsed, latest.Content, latest.Sha256, contentHash, null, RevisionOrigin.Reprocess, time.GetUtcNow());
                    var outcome = await StoreAsync(identity, draft, null, null, cancellationToken);
                    created.Add(outcome.Revision!);
                    LogReprocessed(logger, target.Id, outcome.Revision!.Number, "new revision");
                    break;
                }
                catch (DbUpdateException ex) when (attempt < ConflictAttempts && StoreConflicts.IsConflict(ex))
                {
                    db.ChangeTracker.Clear();
                }
            }
        }
        db.ChangeTracker.Clear();
        return new ReprocessResult(targets.Count, created.Count, unchanged, failures.Count, created, failures);
    }
}
