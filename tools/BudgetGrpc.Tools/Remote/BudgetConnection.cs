using BudgetGrpc.Contracts.V1;
using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Net.Client.Configuration;

namespace BudgetGrpc.Tools.Remote;

/// <summary>One channel to the server with the API key attached to every call as bearer call credentials.</summary>
internal sealed class BudgetConnection : IDisposable
{
    // Exports and full revisions of large tables exceed gRPC's 4 MiB default; the engine caps files at 32 MiB.
    private const int MaxMessageBytes = 64 * 1024 * 1024;

    private readonly GrpcChannel _channel;

    private BudgetConnection(Uri address, GrpcChannel channel)
    {
        Address = address;
        _channel = channel;
        Disclosures = new DisclosureService.DisclosureServiceClient(channel);
    }

    public Uri Address { get; }
    public DisclosureService.DisclosureServiceClient Disclosures { get; }
    public DeliveryService.DeliveryServiceClient Deliveries => new(_channel);

    public static BudgetConnection Open(string server, string? apiKey)
    {
        if (!Uri.TryCreate(server, UriKind.Absolute, out var address) || (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps))
            throw new CliInputException($"--server '{server}' is not an address like {RemoteOptions.DefaultServer}");

        var options = new GrpcChannelOptions
        {
            MaxReceiveMessageSize = MaxMessageBytes,
            MaxSendMessageSize = MaxMessageBytes,
            ServiceConfig = new ServiceConfig { MethodConfigs = { TransientRetry() } },
            // A retried import resends the whole file; the default 1 MiB buffer would silently turn retries off for larger files.
            MaxRetryBufferPerCallSize = MaxMessageBytes,
            MaxRetryBufferSize = 2L * MaxMessageBytes,
            HttpHandler = new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(10), EnableMultipleHttp2Connections = true },
            DisposeHttpClient = true,
        };
        if (!string.IsNullOrEmpty(apiKey))
        {
            var bearer = CallCredentials.FromInterceptor((_, metadata) =>
            {
                metadata.Add("authorization", $"Bearer {apiKey}");
                return Task.CompletedTask;
            });
            // The server speaks plain HTTP/2 (TLS terminates in front of it), so the key travels over an insecure
            // channel on purpose; over https the same credentials compose with TLS.
            options.Credentials = address.Scheme == Uri.UriSchemeHttps
                ? ChannelCredentials.Create(new SslCredentials(), bearer)
                : ChannelCredentials.Create(ChannelCredentials.Insecure, bearer);
            options.UnsafeUseInsecureChannelCallCredentials = address.Scheme == Uri.UriSchemeHttp;
        }
        return new BudgetConnection(address, GrpcChannel.ForAddress(address, options));
    }

    /// <summary>
    /// A call that could not reach the server is tried again a few times. Imports are safe to resend because each
    /// carries the same request_id on every attempt, and the server answers a seen request_id with its first outcome.
    /// </summary>
    private static MethodConfig TransientRetry() => new()
    {
        Names = { MethodName.Default },
        RetryPolicy = new RetryPolicy
        {
            MaxAttempts = 3,
            InitialBackoff = TimeSpan.FromMilliseconds(200),
            MaxBackoff = TimeSpan.FromSeconds(1),
            BackoffMultiplier = 2,
            RetryableStatusCodes = { StatusCode.Unavailable },
        },
    };

    public void Dispose() => _channel.Dispose();
}
