using System.ComponentModel.DataAnnotations;

namespace BudgetGrpc.Data;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
    SqlServer,
}

/// <summary>Section "Database": which provider and where.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";
    public const string DefaultSqliteConnectionString = "Data Source=./data/budget.db";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    [Required(AllowEmptyStrings = false)]
    public string ConnectionString { get; set; } = DefaultSqliteConnectionString;

    /// <summary>Seconds a command may run; SQLite also waits this long for a busy database.</summary>
    [Range(1, 3600)]
    public int CommandTimeoutSeconds { get; set; } = 30;

    /// <summary>
    /// SQLite: how often a background service copies the write-ahead log into the database file, so imports do not
    /// (see <c>SqliteCheckpointer</c>). 0 leaves it to SQLite's own checkpoint inside a commit.
    /// </summary>
    [Range(0, 600_000)]
    public int SqliteCheckpointMilliseconds { get; set; } = 250;
}
