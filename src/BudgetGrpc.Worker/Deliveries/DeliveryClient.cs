using BudgetGrpc.Contracts.Client;
using BudgetGrpc.Contracts.V1;
using Grpc.Net.Client;
using Microsoft.Extensions.Options;

namespace BudgetGrpc.Worker.Deliveries;

/// <summary>The worker's channel to the DeliveryService, with its operator key (the contracts' client kit). One per process.</summary>
public sealed class DeliveryClient : IDisposable
{
    // A claim carries the exports of a whole batch.
    private const int MaxMessageBytes = 256 * 1024 * 1024;
    private readonly GrpcChannel channel;

    public DeliveryClient(IOptions<DeliveryWorkerOptions> options)
    {
        var o = options.Value;
        channel = BudgetChannel.Create(new Uri(o.ServerUrl), o.ApiKey, new BudgetChannelOptions
        {
            MaxMessageBytes = MaxMessageBytes,
            // A claim is not safe to resend blindly (it would lease twice); a run that fails ends, and Quartz fires again.
            MaxAttempts = 1,
            // So the channel tries to reconnect at least twice a run interval: the run after the service is back reaches it.
            MaxReconnectBackoff = TimeSpan.FromTicks(Math.Max(o.Interval.Ticks / 2, TimeSpan.TicksPerMillisecond * 100)),
        });
        Service = new DeliveryService.DeliveryServiceClient(channel);
    }

    public DeliveryService.DeliveryServiceClient Service { get; }

    public void Dispose() => channel.Dispose();
}
