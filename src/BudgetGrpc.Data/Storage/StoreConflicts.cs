using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace BudgetGrpc.Data;

/// <summary>Tells a lost race (unique key, concurrency token) from a real failure, per provider.</summary>
internal static class StoreConflicts
{
    public static bool IsConflict(DbUpdateException ex)
    {
        if (ex is DbUpdateConcurrencyException) return true;
        return ex.InnerException switch
        {
            SqliteException s => s.SqliteErrorCode == 19, // SQLITE_CONSTRAINT
            PostgresException p => p.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.SerializationFailure,
            Microsoft.Data.SqlClient.SqlException q => q.Number is 2601 or 2627 or 1205,
            _ => false,
        };
    }
}
