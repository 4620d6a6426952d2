using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace BudgetGrpc.Data.Tests.Infrastructure;

/// <summary>
/// Fails any EF command whose SQL contains <paramref name="fragment"/>. The revision writer links its upload record to the
/// revision last, after every row of the revision is written, so failing that UPDATE tests all-or-nothing. With
/// <paramref name="asConflict"/> the failure is the provider's unique violation, as when a concurrent writer won a race;
/// <paramref name="times"/> limits how many commands fail.
/// </summary>
public sealed class FailingCommandInterceptor(string fragment, bool asConflict = false, int times = int.MaxValue) : DbCommandInterceptor
{
    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Check(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Check(command);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    /// <summary>Indicator rows visible inside the import's transaction when the failure was injected.</summary>
    public long IndicatorsWrittenBeforeFailure { get; private set; } = -1;

    /// <summary>How many commands were failed.</summary>
    public int Failures { get; private set; }

    private void Check(DbCommand command)
    {
        if (!command.CommandText.Contains(fragment, StringComparison.Ordinal) || Failures >= times) return;
        Failures++;
        using (var probe = command.Connection!.CreateCommand())
        {
            probe.Transaction = command.Transaction;
            probe.CommandText = "SELECT COUNT(*) FROM \"Indicators\"";
            IndicatorsWrittenBeforeFailure = Convert.ToInt64(probe.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }
        if (!asConflict) throw new InvalidOperationException($"injected failure at {fragment}");
        throw command.Connection is SqliteConnection
            ? new SqliteException($"injected conflict at {fragment}", 19)
            : new PostgresException($"injected conflict at {fragment}", "ERROR", "ERROR", PostgresErrorCodes.UniqueViolation);
    }
}
