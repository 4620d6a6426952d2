using BudgetGrpc.Contracts.V1;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.Options;

namespace BudgetGrpc.Worker.Deliveries;

/// <summary>The worker's channel to the DeliveryService, with its operator key. One per process.</summary>
public sealed class DeliveryClient : IDisposable
{
    // A claim carries the exports of a whole batch.
    private const int MaxMessageBytes = 256 * 1024 * 1024;
    private readonly GrpcChannel channel;

    public DeliveryClient(IOptions<DeliveryWorkerOptions> options)
    {
        var o = options.Value;
        channel = GrpcChannel.ForAddress(o.ServerUrl, new GrpcChannelOptions
        {
            MaxReceiveMessageSize = MaxMessageBytes,
            HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true, ConnectTimeout = TimeSpan.FromSeconds(10) },
            // A claim is not safe to resend blindly (it would lease twice); a run that fails ends, and Quartz fires again.
            MaxRetryAttempts = 0,
        });
        Service = new DeliveryService.DeliveryServiceClient(channel);
        Headers = new Metadata { { "authorization", "Bearer " + o.ApiKey } };
    }

    public DeliveryService.DeliveryServiceClient Service { get; }
    public Metadata Headers { get; }

    public void Dispose() => channel.Dispose();
}
