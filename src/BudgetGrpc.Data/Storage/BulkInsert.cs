using System.Data.Common;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using SQLitePCL;

namespace BudgetGrpc.Data;

/// <summary>
/// Multi-row INSERTs for the many small child rows of a revision (objectives, indicators, findings), built from the
/// EF model so names, conversions and types stay the provider's. EF's SQLite provider writes one statement per row;
/// a seed file has over a hundred indicators, and that per-row cost is what limits import throughput.
/// Generated keys are left to the database; callers that need them read them back by a natural key.
/// </summary>
internal static class BulkInsert
{
    // SQL Server accepts at most 2,100 parameters per command. Microsoft.Data.Sqlite binds each statement parameter by
    // searching the command's parameters by name, so its cost grows with the square of their number: many small
    // commands beat one large one there (2,000 parameters cost ~90 ms per seed import, 200 cost ~1 ms).
    private static int MaxParameters(BudgetDbContext db) => db.Provider == DatabaseProvider.Sqlite ? 200 : 2000;

    /// <summary>
    /// Inserts <paramref name="rows"/>. On SQLite each row's generated key comes back from its own statement and is
    /// handed to <paramref name="setId"/>, and the call returns true; elsewhere keys are not read and it returns false.
    /// </summary>
    public static async Task<bool> InsertAsync<T>(BudgetDbContext db, IReadOnlyList<T> rows, Action<T, long>? setId, CancellationToken cancellationToken) where T : class
    {
        if (rows.Count == 0) return db.Provider == DatabaseProvider.Sqlite;
        foreach (var row in rows) TextLimits.Clip(db, row);
        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model");
        var table = entityType.GetTableName()!;
        var schema = entityType.GetSchema();
        var store = StoreObjectIdentifier.Table(table, schema);
        var properties = entityType.GetProperties()
            .Where(p => !(p.IsPrimaryKey() && p.ValueGenerated != ValueGenerated.Never))
            .Select(p => (Property: p, Column: p.GetColumnName(store)!, Mapping: (RelationalTypeMapping)p.GetRelationalTypeMapping(), Getter: p.GetGetter()))
            .ToList();
        var helper = db.GetService<ISqlGenerationHelper>();
        var head = $"INSERT INTO {helper.DelimitIdentifier(table, schema)} ({string.Join(", ", properties.Select(p => helper.DelimitIdentifier(p.Column)))}) VALUES ";
        var rowsPerCommand = Math.Max(1, MaxParameters(db) / properties.Count);

        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var timeout = db.Database.GetCommandTimeout();
        if (db.Provider == DatabaseProvider.Sqlite)
        {
            await InsertPreparedAsync((SqliteConnection)connection, transaction, timeout, head, properties, rows, setId, cancellationToken);
            return true;
        }
        for (var start = 0; start < rows.Count; start += rowsPerCommand)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            if (timeout is int seconds) command.CommandTimeout = seconds;
            var sql = new StringBuilder(head);
            var end = Math.Min(rows.Count, start + rowsPerCommand);
            var n = 0;
            for (var r = start; r < end; r++)
            {
                if (r > start) sql.Append(", ");
                sql.Append('(');
                for (var c = 0; c < properties.Count; c++)
                {
                    var (property, _, mapping, getter) = properties[c];
                    var name = "@b" + n++;
                    if (c > 0) sql.Append(", ");
                    sql.Append(name);
                    command.Parameters.Add(mapping.CreateParameter(command, name, getter.GetClrValue(rows[r]), property.IsNullable));
                }
                sql.Append(')');
            }
            command.CommandText = sql.ToString();
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        return false;
    }

    /// <summary>
    /// SQLite: one single-row INSERT compiled once and stepped per row. SQLite has no network round trip to save,
    /// so reusing the compiled statement beats compiling a multi-row statement per batch. Each row's key is the
    /// connection's last inserted rowid (the keys are INTEGER PRIMARY KEY), which spares reading the rows back;
    /// a RETURNING clause did the same through Microsoft.Data.Sqlite and cut the import rate by a third (89 against
    /// 128 seed files/s).
    /// </summary>
    private static async Task InsertPreparedAsync<T>(
        SqliteConnection connection, DbTransaction? transaction, int? timeout, string head,
        List<(IProperty Property, string Column, RelationalTypeMapping Mapping, IClrPropertyGetter Getter)> properties,
        IReadOnlyList<T> rows, Action<T, long>? setId, CancellationToken cancellationToken) where T : class
    {
        await using var command = connection.CreateCommand();
        command.Transaction = (SqliteTransaction?)transaction;
        if (timeout is int seconds) command.CommandTimeout = seconds;
        var sql = new StringBuilder(head).Append('(');
        for (var c = 0; c < properties.Count; c++)
        {
            if (c > 0) sql.Append(", ");
            sql.Append("@b").Append(c);
            var (property, _, mapping, getter) = properties[c];
            command.Parameters.Add(mapping.CreateParameter(command, "@b" + c, getter.GetClrValue(rows[0]), property.IsNullable));
        }
        command.CommandText = sql.Append(')').ToString();
        await command.PrepareAsync(cancellationToken);
        for (var r = 0; r < rows.Count; r++)
        {
            if (r > 0)
                for (var c = 0; c < properties.Count; c++)
                {
                    var (property, _, mapping, getter) = properties[c];
                    // A fresh parameter per value keeps the provider's conversions (enums, dates, decimals) exact.
                    command.Parameters[c] = (SqliteParameter)mapping.CreateParameter(command, "@b" + c, getter.GetClrValue(rows[r]), property.IsNullable);
                }
            await command.ExecuteNonQueryAsync(cancellationToken);
            setId?.Invoke(rows[r], raw.sqlite3_last_insert_rowid(connection.Handle));
        }
    }
}
