using Microsoft.Data.Sqlite;

namespace BudgetGrpc.Data;

internal static class SqliteFiles
{
    /// <summary>
    /// The full path of the file a SQLite connection string names, or null for an in-memory database or a
    /// <c>file:</c> URI, which are left as SQLite reads them.
    /// </summary>
    public static string? FullPath(string? connectionString)
    {
        if (string.IsNullOrEmpty(connectionString)) return null;
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(dataSource) || dataSource == ":memory:" || dataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase)) return null;
        return Path.GetFullPath(dataSource);
    }
}
