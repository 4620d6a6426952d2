using System.ComponentModel.DataAnnotations;

namespace BudgetGrpc.Scheduling;

public enum SchedulerStoreProvider
{
    Sqlite,
    PostgreSql,
    SqlServer,
}

/// <summary>
/// Section "Worker:Quartz": Quartz's persistent job store, the worker's only state. SQLite (a file under ./data) for
/// one worker; PostgreSQL or SQL Server with <see cref="Clustered"/> when several workers share the schedule.
/// `budget worker run-now` opens the same store, so it reads the same section.
/// </summary>
public sealed class SchedulerStoreOptions
{
    public const string Section = "Worker:Quartz";
    public const string DefaultSqliteConnectionString = "Data Source=./data/quartz.db";

    public SchedulerStoreProvider Provider { get; set; } = SchedulerStoreProvider.Sqlite;

    [Required(AllowEmptyStrings = false)]
    public string ConnectionString { get; set; } = DefaultSqliteConnectionString;

    /// <summary>Take part in a cluster: every node sharing the database must say so. Not for SQLite.</summary>
    public bool Clustered { get; set; }

    /// <summary>Quartz's scheduler name; the store's rows are keyed by it, so every node and the tools console use the same.</summary>
    [Required(AllowEmptyStrings = false)]
    public string SchedulerName { get; set; } = "BudgetGrpc.Worker";

    [Required(AllowEmptyStrings = false), RegularExpression("^[A-Za-z_][A-Za-z0-9_]*$")]
    public string TablePrefix { get; set; } = "qrtz_";

    /// <summary>Create Quartz's tables when missing (needs DDL rights); off when a DBA installs the schema.</summary>
    public bool ProvisionSchema { get; set; } = true;

    /// <summary>How often an idle node looks for triggers written by others (run-now from the tools console).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan IdleWaitTime { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Clustered nodes check in this often; a node silent for longer is failed over.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan CheckinInterval { get; set; } = TimeSpan.FromSeconds(10);
}
