using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace BudgetGrpc.Data;

/// <summary>
/// SQLite admits one writer per database file. Writers that meet at the file get SQLITE_BUSY and
/// Microsoft.Data.Sqlite retries them after sleeping, which wastes most of the time when several imports arrive
/// at once; queueing them here, in process, hands the file from one to the next without sleeping.
/// Other providers lock rows themselves and pass straight through.
/// </summary>
internal static class SqliteWriteGate
{
    // One gate per file, however its connection strings spell it; the second map spares parsing the string per import.
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> ByConnectionString = new(StringComparer.Ordinal);

    public static async Task<IDisposable?> EnterAsync(BudgetDbContext db, CancellationToken cancellationToken)
    {
        if (db.Provider != DatabaseProvider.Sqlite) return null;
        return await EnterAsync(db.Database.GetConnectionString() ?? "", cancellationToken);
    }

    /// <summary>The turn for the database file a SQLite connection string names.</summary>
    public static async Task<IDisposable> EnterAsync(string connectionString, CancellationToken cancellationToken)
    {
        var gate = ByConnectionString.GetOrAdd(connectionString, static c =>
            Gates.GetOrAdd(SqliteFiles.FullPath(c) ?? new SqliteConnectionStringBuilder(c).DataSource, _ => new SemaphoreSlim(1, 1)));
        await gate.WaitAsync(cancellationToken);
        return new Release(gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) gate.Release();
        }
    }
}
