using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace BudgetGrpc.Data;

/// <summary>
/// Per-connection SQLite settings. In WAL mode synchronous=NORMAL still never corrupts the file; it only gives up
/// durability of the last commits on a power cut, and it saves an fsync per import. A larger auto-checkpoint
/// (64 MB of WAL instead of 4 MB) makes the fsync-heavy checkpoints rarer: each seed import writes ~100 indicator rows
/// and their index entries, and checkpointing every dozen imports halved import throughput on a shared disk.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    public static readonly SqlitePragmas Instance = new();
    private const string Sql = "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA wal_autocheckpoint=16384;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Sql;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
