using BudgetGrpc.Data;
using BudgetGrpc.Server.Import;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace BudgetGrpc.Server.Health;

/// <summary>
/// Serving only while the database answers and the last write did not run out of space; grpc.health.v1 reports it for
/// the empty service name. After a full disk a SQLite server probes its data folder and serves again once it has room.
/// </summary>
public sealed class DatabaseHealthCheck(IServiceScopeFactory scopes, StorageHealth storage, IOptions<DatabaseOptions> database) : IHealthCheck
{
    private const int ProbeBytes = 1024 * 1024;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (storage.Full is { } why && !await HasRoomAgainAsync(cancellationToken))
            return HealthCheckResult.Unhealthy($"no storage space left: {why}");
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BudgetDbContext>();
        try
        {
            return await db.Database.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("the database does not answer");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("the database does not answer", ex);
        }
    }

    /// <summary>Writes and removes a probe file beside the SQLite database; other providers recover on their next write.</summary>
    private async Task<bool> HasRoomAgainAsync(CancellationToken cancellationToken)
    {
        if (BudgetDataExtensions.SqliteFolder(database.Value) is not { } folder) return false;
        var probe = Path.Combine(folder, $".space-probe-{Guid.NewGuid():N}");
        try
        {
            await File.WriteAllBytesAsync(probe, new byte[ProbeBytes], cancellationToken);
            storage.WriteSucceeded();
            return true;
        }
        catch (IOException)
        {
            return false;
        }
        finally
        {
            File.Delete(probe);
        }
    }
}
