using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace BudgetGrpc.Data.Deliveries;

public sealed partial class DeliveryLedger
{
    public Task<DeliveryEntity?> GetAsync(long id, bool withAttempts, CancellationToken cancellationToken)
    {
        var q = db.Set<DeliveryEntity>().AsNoTracking().Where(d => d.Id == id);
        if (withAttempts) q = q.Include(d => d.AttemptLog.OrderBy(a => a.Id));
        return q.FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Oldest first, keyset-paged by id.</summary>
    public async Task<Page<DeliveryEntity>> ListAsync(DeliveryQuery query, int pageSize, string? pageToken, CancellationToken cancellationToken)
    {
        var size = PageToken.ClampSize(pageSize);
        var fingerprint = PageToken.Fingerprint(query);
        var after = PageToken.DecodeLong(pageToken, "deliveries", fingerprint, 0);
        var q = db.Set<DeliveryEntity>().AsNoTracking().Where(d => d.Id > after);
        if (query.State is DeliveryState state) q = q.Where(d => d.State == state);
        if (!string.IsNullOrEmpty(query.Target)) q = q.Where(d => d.Target == query.Target);
        var rows = await q.OrderBy(d => d.Id).Take(size + 1).ToListAsync(cancellationToken);
        var next = rows.Count > size
            ? PageToken.Encode("deliveries", fingerprint, rows[size - 1].Id.ToString(CultureInfo.InvariantCulture))
            : "";
        if (rows.Count > size) rows.RemoveAt(size);
        return new Page<DeliveryEntity>(rows, next, null);
    }

    /// <summary>
    /// Makes parked (failed) and waiting (pending) deliveries due now with a fresh attempt budget: the named ones, or
    /// every one of a target. Delivered, superseded and in-flight ones are left alone.
    /// </summary>
    public async Task<int> RetryAsync(IReadOnlyCollection<long> ids, string? target, CancellationToken cancellationToken)
    {
        if (ids.Count == 0 && string.IsNullOrEmpty(target))
            throw new ArgumentException("name a delivery or a target to retry", "names");
        var q = db.Set<DeliveryEntity>().Where(d => d.State == DeliveryState.Failed || d.State == DeliveryState.Pending);
        if (ids.Count > 0)
        {
            var list = ids.ToList();
            q = q.Where(d => list.Contains(d.Id));
        }
        if (!string.IsNullOrEmpty(target)) q = q.Where(d => d.Target == target);
        var now = time.GetUtcNow();
        return await q.ExecuteUpdateAsync(s => s
            .SetProperty(d => d.State, DeliveryState.Pending)
            .SetProperty(d => d.NextAttemptAt, now)
            .SetProperty(d => d.Attempts, 0)
            .SetProperty(d => d.UpdatedAt, now), cancellationToken);
    }
}
