namespace BudgetGrpc.Delivery.Tests.Infrastructure;

/// <summary>The ledger's clock, moved by the test: lease expiry and backoff without waiting for them.</summary>
public sealed class ManualClock : TimeProvider
{
    private long ticks = DateTimeOffset.UtcNow.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref ticks, by.Ticks);
}
