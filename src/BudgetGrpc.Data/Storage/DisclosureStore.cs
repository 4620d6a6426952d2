using BudgetGrpc.Data.Entities;
using BudgetGrpc.Engine.Model;
using Microsoft.EntityFrameworkCore;

namespace BudgetGrpc.Data;

/// <summary>
/// Reads, searches, diffs and compares stored disclosures. Scoped: one per request, over one context. Revisions are
/// written by <see cref="RevisionWriter"/>, uploads recorded by <see cref="UploadLog"/>.
/// </summary>
public sealed partial class DisclosureStore(BudgetDbContext db)
{
    /// <summary>The context, for callers that need a transaction or a query the store does not offer.</summary>
    public BudgetDbContext Db => db;

    /// <summary>The disclosure of <paramref name="identity"/>, untracked, or null while it has none.</summary>
    public Task<DisclosureEntity?> FindDisclosureAsync(DisclosureIdentity identity, CancellationToken cancellationToken) =>
        db.Disclosures.AsNoTracking().FirstOrDefaultAsync(
            d => d.Department == identity.Department && d.FiscalYear == identity.FiscalYear && d.Kind == identity.Kind, cancellationToken);

    /// <summary>The engine model of a fully loaded revision; see <see cref="DisclosureMapper.ToDisclosure"/>.</summary>
    public Disclosure ToDisclosure(RevisionEntity full) => DisclosureMapper.ToDisclosure(full);
}
