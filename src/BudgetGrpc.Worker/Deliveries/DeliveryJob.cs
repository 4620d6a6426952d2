using Quartz;

namespace BudgetGrpc.Worker.Deliveries;

/// <summary>
/// Quartz's handle on a delivery run. Never two at once on one scheduler (in a clustered store: on one node at a time).
/// The ledger's leases do not depend on that: workers with separate stores may run it side by side and still never send
/// the same delivery.
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
