using BudgetGrpc.Data.Deliveries;
using Microsoft.Extensions.Options;

namespace BudgetGrpc.Server.Delivery;

/// <summary>
/// Materialises the deliveries of newly stored revisions every Delivery:EnqueueInterval, so the ledger shows the
/// backlog (`budget deliveries list --state pending`) even while no worker is claiming. Claims enqueue too; this only
/// makes the rows appear sooner. Errors are logged and the next tick tries again.
/// </summary>
public sealed partial class DeliveryEnqueueService(
    IServiceScopeFactory scopes,
    IOptions<DeliveryLedgerOptions> options,
    ILogger<DeliveryEnqueueService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.EnqueueInterval;
        if (interval <= TimeSpan.Zero || !options.Value.EnabledTargets.Any()) return;
        using var timer = new PeriodicTimer(interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<DeliveryLedger>().EnqueueDueAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogEnqueueFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Enqueueing deliveries failed; the next tick tries again")]
    private static partial void LogEnqueueFailed(ILogger logger, Exception exception);
}
