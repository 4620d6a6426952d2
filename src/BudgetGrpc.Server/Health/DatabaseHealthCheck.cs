using BudgetGrpc.Data;
using BudgetGrpc.Server.Import;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace BudgetGrpc.Server.Health;

/// <summary>
/// Serving only while the database answers and the last write did not run out of space; grpc.health.v1 reports it for
/// the empty service name. After a full disk every check probes storage with a write (<see cref="StorageProbe"/>) and
/// the server serves again once one succeeds, on every provider, without waiting for a client's write.
/// </summary>
public sealed class DatabaseHealthCheck(IServiceScopeFactory scopes, StorageHealth storage, IOptions<DatabaseOptions> database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BudgetDbContext>();
        if (storage.Full is { } why)
        {
            var (hasRoom, failure) = await StorageProbe.HasRoomAsync(db, database.Value, cancellationToken);
            if (!hasRoom) return HealthCheckResult.Unhealthy($"no storage space left: {why}", failure);
            storage.WriteSucceeded();
        }
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
}
