using Microsoft.Data.Sqlite;
using Npgsql;

namespace BudgetGrpc.Server.Import;

/// <summary>
/// Whether the last write ran out of space. Set by the failure that found the disk or database full, cleared by the
/// next write that succeeds; the health check reports NOT_SERVING meanwhile.
/// </summary>
public sealed class StorageHealth
{
    private volatile string? _full;

    /// <summary>Why storage is full, or null while writes succeed.</summary>
    public string? Full => _full;

    public void WriteFailed(string why) => _full = why;

    public void WriteSucceeded() => _full = null;

    /// <summary>
    /// True for a failure that says there is no room: ENOSPC (or EDQUOT) on a file, SQLITE_FULL, PostgreSQL disk_full
    /// or out_of_memory in the server, SQL Server's full file group or log. Looks through wrapping exceptions.
    /// </summary>
    public static bool IsFull(Exception exception)
    {
        for (var ex = exception; ex is not null; ex = ex.InnerException)
        {
            switch (ex)
            {
                case SqliteException s when s.SqliteErrorCode == 13: // SQLITE_FULL
                case PostgresException p when p.SqlState is PostgresErrorCodes.DiskFull or PostgresErrorCodes.InsufficientResources:
                case Microsoft.Data.SqlClient.SqlException q when q.Number is 1105 or 9002:
                    return true;
                case IOException io when io.HResult is 28 or 122 || (io.HResult & 0xFFFF) is 0x70 or 0x27: // ENOSPC, EDQUOT; Windows disk full
                    return true;
            }
        }
        return false;
    }
}
