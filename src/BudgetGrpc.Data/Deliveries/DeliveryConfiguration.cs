using BudgetGrpc.Data.Configurations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace BudgetGrpc.Data.Deliveries;

internal sealed class DeliveryConfiguration : IEntityTypeConfiguration<DeliveryEntity>
{
    public const int TargetLength = 64;
    public const int KeyLength = 128;
    public const int ErrorLength = 1000;

    public void Configure(EntityTypeBuilder<DeliveryEntity> b)
    {
        b.ToTable("Deliveries");
        b.HasKey(d => d.Id);
        b.Property(d => d.DisclosureId).HasMaxLength(Lengths.Id).IsUnicode(false);
        b.Property(d => d.Target).HasMaxLength(TargetLength).IsUnicode(false);
        b.Property(d => d.Format).HasConversion<string>().HasMaxLength(Lengths.Enum).IsUnicode(false);
        b.Property(d => d.State).HasConversion<string>().HasMaxLength(Lengths.Enum).IsUnicode(false);
        b.Property(d => d.IdempotencyKey).HasMaxLength(KeyLength).IsUnicode(false);
        b.Property(d => d.LeaseOwner).HasMaxLength(KeyLength);
        b.Property(d => d.LeaseToken).HasMaxLength(36).IsUnicode(false).IsConcurrencyToken();
        b.Property(d => d.LastError).HasMaxLength(ErrorLength);
        // Due-time comparisons must translate on every provider; SQLite cannot compare DateTimeOffset text.
        b.Property(d => d.NextAttemptAt).HasConversion(UnixMs.Converter);
        b.Property(d => d.LeaseExpiresAt).HasConversion(UnixMs.Converter);
        b.Property(d => d.CreatedAt).HasConversion(UnixMs.Converter);
        b.Property(d => d.UpdatedAt).HasConversion(UnixMs.Converter);
        b.Property(d => d.DeliveredAt).HasConversion(UnixMs.Converter);

        // One delivery per revision and target: two concurrent enqueuers collide here, and one wins.
        b.HasIndex(d => new { d.RevisionId, d.Target }).IsUnique();
        b.HasIndex(d => d.IdempotencyKey).IsUnique();
        // Claims: due pending rows, and in-flight rows whose lease ran out.
        b.HasIndex(d => new { d.State, d.NextAttemptAt });
        b.HasIndex(d => new { d.State, d.LeaseExpiresAt });
        // Supersede and listings by target.
        b.HasIndex(d => new { d.DisclosureId, d.Target, d.State });
        b.HasIndex(d => new { d.Target, d.State, d.Id });

        b.HasOne(d => d.Revision).WithMany().HasForeignKey(d => d.RevisionId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(d => d.AttemptLog).WithOne().HasForeignKey(a => a.DeliveryId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DeliveryAttemptConfiguration : IEntityTypeConfiguration<DeliveryAttemptEntity>
{
    public void Configure(EntityTypeBuilder<DeliveryAttemptEntity> b)
    {
        b.ToTable("DeliveryAttempts");
        b.HasKey(a => a.Id);
        b.Property(a => a.WorkerId).HasMaxLength(DeliveryConfiguration.KeyLength);
        b.Property(a => a.Outcome).HasConversion<string>().HasMaxLength(Lengths.Enum).IsUnicode(false);
        b.Property(a => a.Error).HasMaxLength(DeliveryConfiguration.ErrorLength);
        b.Property(a => a.ReportedAt).HasConversion(UnixMs.Converter);
        b.HasIndex(a => new { a.DeliveryId, a.Number });
    }
}

/// <summary>
/// UTC instants as Unix milliseconds: ordered and comparable on SQLite, PostgreSQL and SQL Server alike. EF never
/// passes null to a converter, so the same one serves the nullable columns.
/// </summary>
internal static class UnixMs
{
    public static readonly ValueConverter<DateTimeOffset, long> Converter =
        new(v => v.ToUnixTimeMilliseconds(), v => DateTimeOffset.FromUnixTimeMilliseconds(v));
}
