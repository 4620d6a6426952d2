using BudgetGrpc.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace BudgetGrpc.Data;

public sealed partial class DisclosureStore
{
    public Task<DisclosureEntity?> GetDisclosureAsync(string id, CancellationToken cancellationToken) =>
        db.Disclosures.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);

    /// <summary>Disclosures ordered by id, keyset-paged. TotalSize counts every match (disclosures are few).</summary>
    /// <exception cref="ArgumentException">The page token is malformed or belongs to another filter.</exception>
    public async Task<Page<DisclosureEntity>> ListDisclosuresAsync(DisclosureQuery query, int pageSize, string? pageToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var size = PageToken.ClampSize(pageSize);
        var fingerprint = PageToken.Fingerprint(query);
        var after = PageToken.Decode(pageToken, "disclosures", fingerprint);

        var q = db.Disclosures.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Department)) q = q.Where(d => d.Department == query.Department);
        if (query.FiscalYear is int year) q = q.Where(d => d.FiscalYear == year);
        if (query.Status is RevisionStatus status) q = q.Where(d => d.Status == status);
        if (!string.IsNullOrWhiteSpace(query.Text)) q = q.Where(d => d.Title.Contains(query.Text) || d.Department.Contains(query.Text));

        var total = await q.CountAsync(cancellationToken);
        if (after is not null) q = q.Where(d => string.Compare(d.Id, after) > 0);
        var items = await q.OrderBy(d => d.Id).Take(size + 1).ToListAsync(cancellationToken);
        return Paged(items, size, "disclosures", fingerprint, d => d.Id, total);
    }

    /// <summary>
    /// One revision with its disclosure; with <paramref name="full"/> also projects (objectives, indicators) and findings,
    /// enough for <see cref="ToDisclosure"/>. Null when there is no such revision.
    /// </summary>
    public Task<RevisionEntity?> GetRevisionAsync(string disclosureId, int number, bool full, CancellationToken cancellationToken) =>
        RevisionQuery(full).FirstOrDefaultAsync(r => r.DisclosureId == disclosureId && r.Number == number, cancellationToken);

    /// <summary>The latest revision of a disclosure, or null.</summary>
    public async Task<RevisionEntity?> GetLatestRevisionAsync(string disclosureId, bool full, CancellationToken cancellationToken)
    {
        var latest = await db.Disclosures.AsNoTracking().Where(d => d.Id == disclosureId).Select(d => (int?)d.LatestRevision).FirstOrDefaultAsync(cancellationToken);
        return latest is int number ? await GetRevisionAsync(disclosureId, number, full, cancellationToken) : null;
    }

    public Task<RevisionEntity?> GetRevisionByIdAsync(long revisionId, bool full, CancellationToken cancellationToken) =>
        RevisionQuery(full).FirstOrDefaultAsync(r => r.Id == revisionId, cancellationToken);

    private IQueryable<RevisionEntity> RevisionQuery(bool full)
    {
        var q = db.Revisions.AsNoTracking().Include(r => r.Disclosure).AsQueryable();
        if (full)
        {
            q = q.Include(r => r.Projects).ThenInclude(p => p.Objectives)
                .Include(r => r.Projects).ThenInclude(p => p.Indicators)
                .Include(r => r.Findings)
                .AsSplitQuery();
        }
        return q;
    }

    /// <summary>
    /// Revisions of a disclosure by number. <see cref="RevisionEntity.Content"/> is not loaded here (it is empty);
    /// get one revision for its bytes.
    /// </summary>
    public async Task<Page<RevisionEntity>> ListRevisionsAsync(string disclosureId, int pageSize, string? pageToken, CancellationToken cancellationToken)
    {
        var size = PageToken.ClampSize(pageSize);
        var fingerprint = PageToken.Fingerprint(disclosureId);
        var after = PageToken.DecodeLong(pageToken, "revisions", fingerprint, 0);
        var q = db.Revisions.AsNoTracking().Where(r => r.DisclosureId == disclosureId);
        var total = await q.CountAsync(cancellationToken);
        var items = await q.Where(r => r.Number > after).OrderBy(r => r.Number).Take(size + 1)
            .Select(r => new RevisionEntity
            {
                Id = r.Id, DisclosureId = r.DisclosureId, Number = r.Number, Content = Array.Empty<byte>(), Sha256 = r.Sha256,
                ContentHash = r.ContentHash, FileName = r.FileName, Format = r.Format, Layout = r.Layout, SizeBytes = r.SizeBytes,
                EngineVersion = r.EngineVersion, Title = r.Title, ParsedDepartment = r.ParsedDepartment, AmountUnit = r.AmountUnit,
                DeclaredTotal = r.DeclaredTotal, DeclaredTotalSource = r.DeclaredTotalSource, ComputedTotal = r.ComputedTotal,
                Status = r.Status, ErrorCount = r.ErrorCount, WarningCount = r.WarningCount, InfoCount = r.InfoCount,
                ProjectCount = r.ProjectCount, IndicatorCount = r.IndicatorCount, CreatedAt = r.CreatedAt, RequestId = r.RequestId, Origin = r.Origin,
            })
            .ToListAsync(cancellationToken);
        return Paged(items, size, "revisions", fingerprint, r => r.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), total);
    }

    /// <summary>
    /// Indicators across departments and years, keyset-paged: by indicator id, or by (value, id) when a value bound is
    /// given, so that a range filter is served by an index in the order it is read. No total: counting every match on
    /// every page is what makes deep search slow.
    /// </summary>
    /// <exception cref="ArgumentException">The page token is malformed or belongs to another query.</exception>
    public async Task<Page<IndicatorHit>> SearchIndicatorsAsync(IndicatorQuery query, int pageSize, string? pageToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var size = PageToken.ClampSize(pageSize);
        var fingerprint = PageToken.Fingerprint(query);
        var ranged = query.MinValue is not null || query.MaxValue is not null;
        var after = SearchKey.Parse(PageToken.Decode(pageToken, "indicators", fingerprint), ranged);

        var q = db.Indicators.AsNoTracking();
        // A parameter, not the bare column: SQLite uses "IsLatest = ?" as an index equality, keeping the Id order.
        var latest = true;
        if (query.LatestOnly) q = q.Where(i => i.IsLatest == latest);
        if (!string.IsNullOrWhiteSpace(query.Department)) q = q.Where(i => i.Department == query.Department);
        if (query.FiscalYear is int year) q = q.Where(i => i.FiscalYear == year);
        if (!string.IsNullOrWhiteSpace(query.Level1)) q = q.Where(i => i.Level1 == query.Level1);
        if (!string.IsNullOrWhiteSpace(query.Level2)) q = q.Where(i => i.Level2 == query.Level2);
        if (query.Comparator is { } comparator) q = q.Where(i => i.Comparator == comparator);
        if (query.Unit is not null) q = q.Where(i => i.Unit == query.Unit);
        if (query.MinValue is decimal min)
        {
            var key = (double)min;
            q = query.MinExclusive ? q.Where(i => i.ValueKey > key) : q.Where(i => i.ValueKey >= key);
        }
        if (query.MaxValue is decimal max)
        {
            var key = (double)max;
            q = query.MaxExclusive ? q.Where(i => i.ValueKey < key) : q.Where(i => i.ValueKey <= key);
        }
        if (!string.IsNullOrWhiteSpace(query.Text)) q = q.Where(i => i.Name.Contains(query.Text) || i.Text.Contains(query.Text));
        if (query.HasFindings is bool hasFindings) q = q.Where(i => i.HasFindings == hasFindings);
        if (query.MissedTargets) q = SelfEvaluationFilters.Missed(q);
        if (query.ScoreDiffers) q = SelfEvaluationFilters.ScoreDiffers(q, db.Findings);

        List<IndicatorEntity> indicators;
        if (ranged)
        {
            if (after is { } a)
            {
                var value = a.Value;
                var id = a.Id;
                // The first conjunct repeats the bound so the index range starts at the last key.
                q = q.Where(i => i.ValueKey >= value && (i.ValueKey > value || i.Id > id));
            }
            indicators = await q.OrderBy(i => i.ValueKey).ThenBy(i => i.Id).Take(size + 1).ToListAsync(cancellationToken);
        }
        else
        {
            var afterId = after?.Id ?? 0;
            indicators = await q.Where(i => i.Id > afterId).OrderBy(i => i.Id).Take(size + 1).ToListAsync(cancellationToken);
        }
        var pageItems = indicators.Take(size).ToList();

        // Three lookups by primary key for the page only, rather than joins the planner might drive from the wrong side.
        var projectIds = pageItems.Select(i => i.ProjectId).Distinct().ToList();
        var revisionIds = pageItems.Select(i => i.RevisionId).Distinct().ToList();
        var indicatorIds = pageItems.Where(i => i.FindingCount > 0).Select(i => i.Id).ToList();
        var projects = await db.Projects.AsNoTracking().Where(p => projectIds.Contains(p.Id))
            .Select(p => new { p.Id, p.Code, p.Name }).ToDictionaryAsync(p => p.Id, cancellationToken);
        var revisions = await db.Revisions.AsNoTracking().Where(r => revisionIds.Contains(r.Id))
            .Select(r => new { r.Id, r.Number, r.DisclosureId }).ToDictionaryAsync(r => r.Id, cancellationToken);
        var rules = (indicatorIds.Count == 0
            ? []
            : await db.Findings.AsNoTracking().Where(f => f.IndicatorId != null && indicatorIds.Contains(f.IndicatorId.Value))
                .OrderBy(f => f.Ordinal).Select(f => new { IndicatorId = f.IndicatorId!.Value, f.RuleId }).ToListAsync(cancellationToken))
            .ToLookup(f => f.IndicatorId, f => f.RuleId);

        var hits = pageItems.Select(i =>
        {
            var project = projects[i.ProjectId];
            var revision = revisions[i.RevisionId];
            return new IndicatorHit(i, project.Code, project.Name, i.RevisionId, revision.Number, revision.DisclosureId,
                i.Department, i.FiscalYear, rules[i.Id].Distinct().ToList());
        }).ToList();
        var next = indicators.Count > size
            ? PageToken.Encode("indicators", fingerprint, SearchKey.Format(pageItems[^1], ranged))
            : "";
        return new Page<IndicatorHit>(hits, next, null);
    }

    /// <summary>Upload attempts, newest first, optionally only those with one outcome. Content is not loaded here.</summary>
    public Task<Page<UploadEntity>> ListUploadsAsync(UploadOutcome? outcome, int pageSize, string? pageToken, CancellationToken cancellationToken) =>
        ListUploadsAsync(outcome is UploadOutcome o ? [o] : [], pageSize, pageToken, cancellationToken);

    /// <summary>Upload attempts, newest first, only those with one of <paramref name="outcomes"/> (all when empty).</summary>
    public async Task<Page<UploadEntity>> ListUploadsAsync(IReadOnlyCollection<UploadOutcome> outcomes, int pageSize, string? pageToken, CancellationToken cancellationToken)
    {
        var size = PageToken.ClampSize(pageSize);
        var fingerprint = PageToken.Fingerprint(string.Join(",", outcomes.Order()));
        var before = PageToken.DecodeLong(pageToken, "uploads", fingerprint, long.MaxValue);
        var q = db.Uploads.AsNoTracking();
        if (outcomes.Count > 0) q = q.Where(u => outcomes.Contains(u.Outcome));
        var items = await q.Where(u => u.Id < before).OrderByDescending(u => u.Id).Take(size + 1)
            .Select(u => new UploadEntity
            {
                Id = u.Id, FileName = u.FileName, Sha256 = u.Sha256, SizeBytes = u.SizeBytes, ReceivedAt = u.ReceivedAt, Outcome = u.Outcome,
                Reason = u.Reason, ErrorReason = u.ErrorReason, RevisionId = u.RevisionId, DisclosureId = u.DisclosureId,
                DepartmentHint = u.DepartmentHint, RequestId = u.RequestId,
            })
            .ToListAsync(cancellationToken);
        return Paged(items, size, "uploads", fingerprint, u => u.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), null);
    }

    /// <summary>One upload with the bytes of a refused file.</summary>
    public Task<UploadEntity?> GetUploadAsync(long id, CancellationToken cancellationToken) =>
        db.Uploads.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, cancellationToken);

    private static Page<T> Paged<T>(List<T> fetched, int size, string listing, string fingerprint, Func<T, string> key, int? total)
    {
        if (fetched.Count <= size) return new Page<T>(fetched, "", total);
        fetched.RemoveAt(fetched.Count - 1);
        return new Page<T>(fetched, PageToken.Encode(listing, fingerprint, key(fetched[^1])), total);
    }
}
