using BudgetGrpc.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BudgetGrpc.Data.Configurations;

internal sealed class DisclosureConfiguration : IEntityTypeConfiguration<DisclosureEntity>
{
    public void Configure(EntityTypeBuilder<DisclosureEntity> b)
    {
        b.ToTable("Disclosures");
        b.HasKey(d => d.Id);
        b.Property(d => d.Id).HasMaxLength(Lengths.Id).IsUnicode(false);
        b.Property(d => d.Department).HasMaxLength(Lengths.Department);
        b.Property(d => d.Kind).HasConversion<string>().HasMaxLength(Lengths.Enum).IsUnicode(false);
        b.Property(d => d.Status).HasConversion<string>().HasMaxLength(Lengths.Enum).IsUnicode(false);
        b.Property(d => d.Title).HasMaxLength(Lengths.Title);
        b.Property(d => d.Version).IsConcurrencyToken();
        b.Ignore(d => d.ETag);

        // The identity: one disclosure per department, year and kind. Racing creators collide here.
        b.HasIndex(d => new { d.Department, d.FiscalYear, d.Kind }).IsUnique();
        b.HasIndex(d => new { d.FiscalYear, d.Id });
        b.HasIndex(d => new { d.Status, d.Id });

        b.HasMany(d => d.Revisions).WithOne(r => r.Disclosure).HasForeignKey(r => r.DisclosureId).OnDelete(DeleteBehavior.Cascade);
    }
}
