using BudgetGrpc.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BudgetGrpc.Data.Configurations;

internal sealed class IndicatorConfiguration : IEntityTypeConfiguration<IndicatorEntity>
{
    public void Configure(EntityTypeBuilder<IndicatorEntity> b)
    {
        b.ToTable("Indicators");
        b.HasKey(i => i.Id);
        b.Property(i => i.Level1).HasMaxLength(Lengths.Level);
        b.Property(i => i.Level2).HasMaxLength(Lengths.Level);
        b.Property(i => i.Name).HasMaxLength(Lengths.Name);
        b.Property(i => i.Comparator).HasConversion<string>().HasMaxLength(Lengths.Enum).IsUnicode(false);
        b.Property(i => i.Unit).HasMaxLength(Lengths.Unit);
        b.Property(i => i.QualitativeValue).HasMaxLength(Lengths.Name);
        b.Property(i => i.SourceRef).HasMaxLength(Lengths.SourceRef);
        b.Property(i => i.Direction).HasMaxLength(Lengths.Enum);
        b.Property(i => i.Department).HasMaxLength(Lengths.Department);
        b.Property(i => i.ActualUnit).HasMaxLength(Lengths.Unit);

        // RevisionId copies the project's revision so search needs no join. Revisions already cascade through
        // projects; a second cascade path would be refused by SQL Server, hence NoAction here.
        b.HasOne(i => i.Revision).WithMany().HasForeignKey(i => i.RevisionId).OnDelete(DeleteBehavior.NoAction);
        b.HasIndex(i => new { i.RevisionId, i.IsLatest });
        b.HasIndex(i => new { i.ProjectId, i.Ordinal }).IsUnique();

        // Search pages are keyset-ordered by Id, or by (ValueKey, Id) when a value bound is given. Each index leads
        // with IsLatest and the equality filters a query names and ends in its order, so a page is a short range scan
        // rather than a sort of every match.
        b.HasIndex(i => new { i.IsLatest, i.Level1, i.Level2, i.Id });
        b.HasIndex(i => new { i.IsLatest, i.FiscalYear, i.Level1, i.Id });
        b.HasIndex(i => new { i.IsLatest, i.Department, i.FiscalYear, i.Id });
        b.HasIndex(i => new { i.IsLatest, i.Unit, i.Id });
        b.HasIndex(i => new { i.IsLatest, i.HasFindings, i.Id });
        b.HasIndex(i => new { i.IsLatest, i.Id });
        // Value indexes are the expensive ones to keep: an import's ~100 values land on ~60 different leaf pages of
        // each, and every such page is rewritten into the WAL at commit (about 0.6 ms of a ~10 ms import per index).
        // So only the value ranges that mean something get one: within a unit, within a first level (满意度 targets
        // are all %), and both. A range with neither (nor a department) is refused by the API, and a fiscal year is
        // filtered within these.
        b.HasIndex(i => new { i.IsLatest, i.Level1, i.ValueKey, i.Id });
        b.HasIndex(i => new { i.IsLatest, i.Unit, i.ValueKey, i.Id });
        // "满意度 below 95 %": level and unit together, else SQLite walks every %-indicator in the range.
        b.HasIndex(i => new { i.IsLatest, i.Level1, i.Unit, i.ValueKey, i.Id });
    }
}
