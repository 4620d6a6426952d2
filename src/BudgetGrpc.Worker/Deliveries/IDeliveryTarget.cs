using BudgetGrpc.Contracts.V1;

namespace BudgetGrpc.Worker.Deliveries;

/// <summary>Sends one leased delivery once. Retries, timeouts and the breaker are the pipeline's, not the target's.</summary>
public interface IDeliveryTarget
{
    ValueTask<DeliveryResult> SendAsync(DeliveryTargetOptions target, LeasedDelivery delivery, CancellationToken cancellationToken);
}
