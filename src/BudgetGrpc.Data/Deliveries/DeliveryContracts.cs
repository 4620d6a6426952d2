namespace BudgetGrpc.Data.Deliveries;

/// <summary>What a worker says about one leased attempt.</summary>
public sealed record DeliveryReport(
    DeliveryOutcome Outcome,
    string WorkerId,
    int? StatusCode = null,
    string? Error = null,
    TimeSpan? RetryAfter = null,
    TimeSpan Duration = default);

public sealed record DeliveryQuery(DeliveryState? State = null, string? Target = null);

/// <summary>The lease was taken over by another worker (it expired), or the delivery is no longer in flight.</summary>
public sealed class DeliveryLeaseLostException(long deliveryId, string message) : Exception(message)
{
    public long DeliveryId { get; } = deliveryId;
}
