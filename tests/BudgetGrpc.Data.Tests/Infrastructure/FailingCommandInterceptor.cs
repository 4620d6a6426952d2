using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace BudgetGrpc.Data.Tests.Infrastructure;

/// <summary>Fails any command that inserts into the named table: the import has already written rows before it.</summary>
public sealed class FailingCommandInterceptor(string table) : DbCommandInterceptor
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

    private void Check(DbCommand command)
    {
        if (command.CommandText.Contains($"INSERT INTO \"{table}\"", StringComparison.Ordinal))
            throw new InvalidOperationException($"injected failure while inserting into {table}");
    }
}
