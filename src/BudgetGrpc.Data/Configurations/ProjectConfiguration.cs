using BudgetGrpc.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BudgetGrpc.Data.Configurations;

internal sealed class ProjectConfiguration : IEntityTypeConfiguration<ProjectEntity>
{
    public void Configure(EntityTypeBuilder<ProjectEntity> b)
    {
        b.ToTable("Projects");
        b.HasKey(p => p.Id);
        b.Property(p => p.Code).HasMaxLength(Lengths.Code);
        b.Property(p => p.Name).HasMaxLength(Lengths.Name);
        b.Property(p => p.Unit).HasMaxLength(Lengths.Name);
        b.Property(p => p.SourceRef).HasMaxLength(Lengths.SourceRef);
        b.Property(p => p.Grade).HasMaxLength(Lengths.Enum);
        b.HasIndex(p => new { p.RevisionId, p.Ordinal }).IsUnique();

        b.HasMany(p => p.Objectives).WithOne().HasForeignKey(o => o.ProjectId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.Indicators).WithOne(i => i.Project).HasForeignKey(i => i.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ObjectiveConfiguration : IEntityTypeConfiguration<ObjectiveEntity>
{
    public void Configure(EntityTypeBuilder<ObjectiveEntity> b)
    {
        b.ToTable("Objectives");
        b.HasKey(o => o.Id);
        b.HasIndex(o => new { o.ProjectId, o.Ordinal }).IsUnique();
    }
}
