using BudgetGrpc.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BudgetGrpc.Data.Configurations;

internal sealed class UploadConfiguration : IEntityTypeConfiguration<UploadEntity>
{
    public void Configure(EntityTypeBuilder<UploadEntity> b)
    {
        b.ToTable("Uploads");
        b.HasKey(u => u.Id);
        b.Property(u => u.FileName).HasMaxLength(Lengths.FileName);
        b.Property(u => u.Sha256).HasMaxLength(Lengths.Sha256).IsUnicode(false);
        b.Property(u => u.Outcome).HasConversion<string>().HasMaxLength(Lengths.Enum).IsUnicode(false);
        b.Property(u => u.ErrorReason).HasMaxLength(Lengths.Reason).IsUnicode(false);
        b.Property(u => u.DisclosureId).HasMaxLength(Lengths.Id).IsUnicode(false);
        b.Property(u => u.DepartmentHint).HasMaxLength(Lengths.Department);
        b.Property(u => u.RequestId).HasMaxLength(Lengths.RequestId);
        b.Property(u => u.KeyScope).HasMaxLength(Lengths.KeyScope);
        b.Property(u => u.Field).HasMaxLength(Lengths.Reason).IsUnicode(false);
        // One first use per key and request id: of two concurrent first uses only one can store, the other replays it.
        b.HasIndex(u => new { u.KeyScope, u.RequestId }).IsUnique();
        b.HasIndex(u => new { u.Outcome, u.Id });
        b.HasIndex(u => u.Sha256);
    }
}
