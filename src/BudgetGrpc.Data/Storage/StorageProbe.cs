using System.Security.Cryptography;
using BudgetGrpc.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace BudgetGrpc.Data;

/// <summary>
/// Whether storage has room again after a write ran out of it, found by writing: a file beside a SQLite database, or an
/// upload row of incompressible bytes in a transaction rolled back on PostgreSQL and SQL Server (the row makes the server
/// extend its files, which is where a full disk fails). Nothing stays behind either way.
/// </summary>
public static class StorageProbe
{
    /// <summary>How much the probe writes: enough to need new pages, little enough to run on every health check.</summary>
    public const int Bytes = 1024 * 1024;

    /// <summary>True when the probe's write succeeded; false when it failed for any reason (the failure is returned).</summary>
    public static async Task<(bool HasRoom, Exception? Failure)> HasRoomAsync(BudgetDbContext db, DatabaseOptions options, CancellationToken cancellationToken)
    {
        try
        {
            if (BudgetDataExtensions.SqliteFolder(options) is { } folder) await WriteFileAsync(folder, cancellationToken);
            else await WriteRowAsync(db, cancellationToken);
            return (true, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return (false, ex);
        }
    }

    private static async Task WriteFileAsync(string folder, CancellationToken cancellationToken)
    {
        var probe = Path.Combine(folder, $".space-probe-{Guid.NewGuid():N}");
        try
        {
            await File.WriteAllBytesAsync(probe, new byte[Bytes], cancellationToken);
        }
        finally
        {
            File.Delete(probe);
        }
    }

    private static async Task WriteRowAsync(BudgetDbContext db, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var probe = new UploadEntity
        {
            FileName = ".space-probe",
            Sha256 = "",
            SizeBytes = Bytes,
            ReceivedAt = DateTimeOffset.UnixEpoch,
            Outcome = UploadOutcome.Rejected,
            // Random bytes: zeros would be compressed by the server to almost nothing and need no new page.
            Content = RandomNumberGenerator.GetBytes(Bytes),
        };
        db.Uploads.Add(probe);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            db.Entry(probe).State = EntityState.Detached;
            await transaction.RollbackAsync(CancellationToken.None);
        }
    }
}
