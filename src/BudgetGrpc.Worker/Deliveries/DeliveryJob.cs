using Quartz;

namespace BudgetGrpc.Worker.Deliveries;

/// <summary>
/// Quartz's handle on a delivery run. Never two at once on one scheduler; across processes the ledger's leases keep
/// workers apart, so several workers may run it side by side.
/// </summary>
[DisallowConcurrentExecution]
public sealed class DeliveryJob(DeliveryRunner runner) : IJob
{
    public static readonly JobKey Key = new("delivery", "budget");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var summary = await runner.RunOnceAsync(cancellationToken);
        context.Result = summary;
    }
}
