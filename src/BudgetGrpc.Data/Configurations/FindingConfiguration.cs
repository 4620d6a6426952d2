using BudgetGrpc.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BudgetGrpc.Data.Configurations;

internal sealed class FindingConfiguration : IEntityTypeConfiguration<FindingEntity>
{
    public void Configure(EntityTypeBuilder<FindingEntity> b)
    {
        b.ToTable("Findings");
        b.HasKey(f => f.Id);
        b.Property(f => f.RuleId).HasMaxLength(Lengths.RuleId).IsUnicode(false);
        b.Property(f => f.Severity).HasConversion<string>().HasMaxLength(Lengths.Enum).IsUnicode(false);
        b.Property(f => f.ProjectCode).HasMaxLength(Lengths.Code);
        b.Property(f => f.SourceRef).HasMaxLength(Lengths.SourceRef);
        b.HasIndex(f => new { f.RevisionId, f.Ordinal }).IsUnique();
        b.HasIndex(f => f.RuleId);

        // Revisions already cascade to findings; these links must not form a second cascade path (SQL Server refuses it).
        b.HasOne(f => f.Project).WithMany().HasForeignKey(f => f.ProjectId).OnDelete(DeleteBehavior.NoAction);
        b.HasOne(f => f.Indicator).WithMany().HasForeignKey(f => f.IndicatorId).OnDelete(DeleteBehavior.NoAction);
    }
}
