using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace BudgetGrpc.Data;

/// <summary>
/// Cuts text that a file supplies to the column lengths of the model. SQLite ignores lengths, PostgreSQL and SQL Server
/// refuse the row: a 2,000-character cell must not make a file unimportable on one provider only.
/// </summary>
internal static class TextLimits
{
    private static readonly ConcurrentDictionary<(IModel, Type), (IProperty Property, int Max)[]> Limits = new();

    public static string Clip(string value, int max) => value.Length <= max ? value : value[..max];

    public static void Clip<T>(BudgetDbContext db, T entity) where T : class
    {
        foreach (var (property, max) in For(db.Model, typeof(T)))
        {
            if (property.PropertyInfo is { } info && info.GetValue(entity) is string text && text.Length > max)
                info.SetValue(entity, text[..max]);
        }
    }

    /// <summary>Saves the context's changes with their texts cut to their columns first.</summary>
    public static Task<int> SaveClippedAsync(this BudgetDbContext db, CancellationToken cancellationToken)
    {
        ClipPending(db);
        return db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Clips every added or modified entity the context is about to save.</summary>
    public static void ClipPending(BudgetDbContext db)
    {
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified)) continue;
            foreach (var (property, max) in For(db.Model, entry.Metadata.ClrType))
            {
                var member = entry.Property(property.Name);
                if (member.CurrentValue is string text && text.Length > max) member.CurrentValue = text[..max];
            }
        }
    }

    private static (IProperty, int)[] For(IModel model, Type type) => Limits.GetOrAdd((model, type), static key =>
        key.Item1.FindEntityType(key.Item2) is { } entityType
            ? [.. entityType.GetProperties()
                .Where(p => p.ClrType == typeof(string) && p.GetMaxLength() is int)
                .Select(p => (p, p.GetMaxLength()!.Value))]
            : []);
}
