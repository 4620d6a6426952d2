using Quartz;

namespace BudgetGrpc.Scheduling;

/// <summary>
/// Points Quartz at its persistent store. The worker and the tools console's `worker run-now` both call this, so
/// they read and write the same rows (rows are keyed by scheduler name).
/// </summary>
public static class SchedulerStore
{
    public static void Configure(IQuartzBuilder quartz, SchedulerStoreOptions store)
    {
        quartz.ConfigureScheduler(s =>
        {
            s.InstanceName = store.SchedulerName;
            // A trigger written by another process (run-now) is noticed within this time, not at the next cron firing.
            s.IdleWaitTime = store.IdleWaitTime;
            // A shutdown asks running jobs to stop (the folder import stops between files) instead of holding the
            // host until a long run ends; the interrupted firing is recovered when a node starts (see below).
            s.ShutdownJobInterruption = ShutdownJobInterruption.Always;
        });
        quartz.UsePersistentStore((IPersistentStoreBuilder s) =>
        {
            s.ConfigureStore(o =>
            {
                o.TablePrefix = store.TablePrefix;
                // Job data stays readable strings (the last run's counts), not serialized objects.
                o.StoreJobDataAsStrings = true;
                // A run stopped by a shutdown comes back as a recovery firing when a node starts (the job requests recovery).
                o.RecoverFiringsCancelledByShutdown = true;
            });
            if (store.ProvisionSchema) s.ProvisionSchema();
            switch (store.Provider)
            {
                case SchedulerStoreProvider.Sqlite:
                    // Only the worker, which creates the schema, may create the file; a client opening a store that
                    // is not there would leave an empty file behind (see MissingSqliteStore).
                    if (store.ProvisionSchema) EnsureSqliteFolder(store.ConnectionString);
                    s.UseSqlite(store.ConnectionString);
                    break;
                case SchedulerStoreProvider.PostgreSql:
                    s.UsePostgres(store.ConnectionString);
                    break;
                case SchedulerStoreProvider.SqlServer:
                    s.UseSqlServer(store.ConnectionString);
                    break;
            }
            if (store.Clustered) s.UseClustering(c => c.CheckinInterval = store.CheckinInterval);
        });
    }

    /// <summary>
    /// The full path of the SQLite store file when the options name one that does not exist (a relative path read from
    /// another folder than the worker's); null for other providers, in-memory databases and files that exist.
    /// </summary>
    public static string? MissingSqliteStore(SchedulerStoreOptions store)
    {
        if (store.Provider != SchedulerStoreProvider.Sqlite) return null;
        var dataSource = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(store.ConnectionString).DataSource;
        if (dataSource.Length == 0 || dataSource == ":memory:" || dataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase)) return null;
        var path = Path.GetFullPath(dataSource);
        return File.Exists(path) ? null : path;
    }

    /// <summary>SQLite creates the file but not its folder (./data on a fresh install).</summary>
    private static void EnsureSqliteFolder(string connectionString)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);
        var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(folder) && builder.DataSource != ":memory:") Directory.CreateDirectory(folder);
    }
}
