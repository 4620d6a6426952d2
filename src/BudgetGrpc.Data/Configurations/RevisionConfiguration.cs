using BudgetGrpc.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BudgetGrpc.Data.Configurations;

internal sealed class RevisionConfiguration : IEntityTypeConfiguration<RevisionEntity>
{
    public void Configure(EntityTypeBuilder<RevisionEntity> b)
    {
        b.ToTable("Revisions");
        b.HasKey(r => r.Id);
        b.Property(r => r.DisclosureId).HasMaxLength(Lengths.Id).IsUnicode(false);
        b.Property(r => r.Content).IsRequired();
        b.Property(r => r.Sha256).HasMaxLength(Lengths.Sha256).IsUnicode(false);
        b.Property(r => r.ContentHash).HasMaxLength(Lengths.Sha256).IsUnicode(false);
        b.Property(r => r.FileName).HasMaxLength(Lengths.FileName);
        b.Property(r => r.Format).HasMaxLength(Lengths.Format).IsUnicode(false);
        b.Property(r => r.Layout).HasConversion<string>().HasMaxLength(Lengths.Enum).IsUnicode(false);
        b.Property(r => r.EngineVersion).HasMaxLength(Lengths.EngineVersion).IsUnicode(false);
        b.Property(r => r.Title).HasMaxLength(Lengths.Title);
        b.Property(r => r.ParsedDepartment).HasMaxLength(Lengths.Department);
        b.Property(r => r.AmountUnit).HasMaxLength(Lengths.AmountUnit);
        b.Property(r => r.DeclaredTotalSource).HasMaxLength(Lengths.SourceRef);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(Lengths.Enum).IsUnicode(false);
        b.Property(r => r.Origin).HasConversion<string>().HasMaxLength(Lengths.Enum).IsUnicode(false);
        b.Property(r => r.RequestId).HasMaxLength(Lengths.RequestId);

        // Numbers are dense per disclosure; two writers that both pick the next number collide here.
        b.HasIndex(r => new { r.DisclosureId, r.Number }).IsUnique();
        // Same bytes read the same way are stored once per disclosure. The parsed-content hash is part of the key
        // because a reprocess under a newer engine stores the same bytes again with a different reading.
        b.HasIndex(r => new { r.DisclosureId, r.Sha256, r.ContentHash }).IsUnique();
        b.HasIndex(r => r.Sha256);
        b.HasIndex(r => r.RequestId);

        b.HasMany(r => r.Projects).WithOne(p => p.Revision).HasForeignKey(p => p.RevisionId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(r => r.Findings).WithOne().HasForeignKey(f => f.RevisionId).OnDelete(DeleteBehavior.Cascade);
    }
}
