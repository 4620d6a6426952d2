namespace BudgetGrpc.Data.Deliveries;

/// <summary>One reported attempt: what the receiver answered and how long the worker spent.</summary>
public sealed class DeliveryAttemptEntity
{
    public long Id { get; set; }
    public long DeliveryId { get; set; }
    public int Number { get; set; }
    public required string WorkerId { get; set; }
    public DeliveryOutcome Outcome { get; set; }
    public int? StatusCode { get; set; }
    public string? Error { get; set; }
    public DateTimeOffset ReportedAt { get; set; }
    public long DurationMs { get; set; }
}
