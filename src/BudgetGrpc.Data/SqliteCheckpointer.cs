using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BudgetGrpc.Data;

/// <summary>
/// Copies the SQLite write-ahead log back into the database file in the background, so an import's commit does not
/// pay for it. Left to itself SQLite checkpoints inside the commit that crosses the WAL limit: every few dozen seed
/// imports one of them stalled for ~50 ms copying 64 MB, a third of all commit time.
/// <para>
/// Each round first checkpoints PASSIVE beside the writers (WAL mode lets it). A log that writers kept growing meanwhile
/// cannot start over, so when it is long, a second, short checkpoint takes the write turn (<see cref="SqliteWriteGate"/>)
/// and copies what is left; the next import then starts the log from the beginning. The connections' own
/// <c>wal_autocheckpoint</c> stays as a backstop for processes that do not host this service.
/// </para>
/// </summary>
internal sealed partial class SqliteCheckpointer(IOptions<DatabaseOptions> options, ILogger<SqliteCheckpointer> logger) : BackgroundService
{
    /// <summary>Frames (pages) left in the log after the passive round above which the write turn is taken: 16 MB.</summary>
    internal const int RestartFrames = 4096;
    private const int SQLITE_CANTOPEN = 14;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMilliseconds(options.Value.SqliteCheckpointMilliseconds);
        var connectionString = options.Value.ConnectionString;
        var file = new SqliteConnectionStringBuilder(connectionString);
        // An in-memory database has no log to copy, and a second connection would not even see it.
        if (file.Mode == SqliteOpenMode.Memory || file.DataSource is "" or ":memory:") return;
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await CheckpointAsync(connectionString, stoppingToken);
                }
                catch (SqliteException ex) when (ex.SqliteErrorCode == SQLITE_CANTOPEN)
                {
                    // Not created yet: the first migration makes it.
                }
                catch (SqliteException ex)
                {
                    // A locked or missing file now is not a reason to stop for good; the next round tries again.
                    LogCheckpointFailed(logger, ex.SqliteErrorCode, ex.Message);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>One round; returns the log's frames and how many of them are in the database file afterwards.</summary>
    internal static async Task<(long Log, long Checkpointed)> CheckpointAsync(string connectionString, CancellationToken cancellationToken)
    {
        // Never create the file: that is the migration's job.
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadWrite }.ToString());
        await connection.OpenAsync(cancellationToken);
        var (log, done) = await PassiveAsync(connection, cancellationToken);
        if (log - done > 0 && log >= RestartFrames)
        {
            using var turn = await SqliteWriteGate.EnterAsync(connectionString, cancellationToken);
            (log, done) = await PassiveAsync(connection, cancellationToken);
        }
        return (log, done);
    }

    private static async Task<(long Log, long Checkpointed)> PassiveAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        // (busy, frames in the log, frames checkpointed); -1 when the database is not in WAL mode.
        return await reader.ReadAsync(cancellationToken) ? (reader.GetInt64(1), reader.GetInt64(2)) : (0, 0);
    }

    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "SQLite checkpoint failed (error {Code}): {Message}; retrying next round")]
    private static partial void LogCheckpointFailed(ILogger logger, int code, string message);
}
