using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Net.Client.Configuration;

namespace BudgetGrpc.Contracts.Client;

/// <summary>How a client's channel to the server is built; the defaults suit an interactive tool.</summary>
public sealed record BudgetChannelOptions
{
    /// <summary>Largest message sent or received: a whole file to import, an export of a large table.</summary>
    public int MaxMessageBytes { get; init; } = FileLimits.TransportLimit(FileLimits.DefaultMaxFileBytes) * 2;

    /// <summary>
    /// Attempts of a call the server never received (UNAVAILABLE), with a short backoff; 1 turns retries off, for a
    /// caller with its own retry policy or a call that must not be sent twice (a delivery claim leases again).
    /// </summary>
    public int MaxAttempts { get; init; } = 3;

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Pings on an idle HTTP/2 connection, so a load balancer or NAT does not drop it silently; null for none.</summary>
    public TimeSpan? KeepAlivePingDelay { get; init; }

    /// <summary>
    /// Longest wait between the channel's own attempts to reconnect to a server that went away; null for gRPC's default
    /// (two minutes). While it waits, calls fail at once with the last connection error, so a long-lived channel whose
    /// caller retries on its own (the worker) sets it no longer than its first retry delay: otherwise a service that is
    /// back is not seen by the retries, nor by the next run, until the channel tries again.
    /// </summary>
    public TimeSpan? MaxReconnectBackoff { get; init; }
}

/// <summary>
/// The one way a client (the worker's jobs, the `budget` console) opens a channel to the server: the API key attached to
/// every call as `authorization: Bearer &lt;key&gt;` call credentials, message limits above the file limit, HTTP/2
/// connections pooled. Over http:// the key travels on a plain channel on purpose (TLS ends in front of the server);
/// over https:// the same credentials compose with TLS.
/// </summary>
public static class BudgetChannel
{
    public const string AuthorizationHeader = "authorization";

    /// <summary>The header value the server expects for <paramref name="apiKey"/>.</summary>
    public static string Bearer(string apiKey) => "Bearer " + apiKey;

    /// <summary>http(s)://host:port, or null with the reason.</summary>
    public static Uri? ParseAddress(string address, out string? problem)
    {
        if (Uri.TryCreate(address, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            problem = null;
            return uri;
        }
        problem = $"'{address}' is not an address like http://127.0.0.1:5080";
        return null;
    }

    public static GrpcChannel Create(Uri address, string? apiKey, BudgetChannelOptions? options = null)
    {
        var o = options ?? new BudgetChannelOptions();
        var channel = new GrpcChannelOptions
        {
            MaxReceiveMessageSize = o.MaxMessageBytes,
            MaxSendMessageSize = o.MaxMessageBytes,
            HttpHandler = new SocketsHttpHandler
            {
                ConnectTimeout = o.ConnectTimeout,
                EnableMultipleHttp2Connections = true,
                PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
                KeepAlivePingDelay = o.KeepAlivePingDelay ?? Timeout.InfiniteTimeSpan,
                KeepAlivePingTimeout = TimeSpan.FromSeconds(30),
            },
            DisposeHttpClient = true,
        };
        if (o.MaxReconnectBackoff is { } maxBackoff)
        {
            channel.MaxReconnectBackoff = maxBackoff;
            if (channel.InitialReconnectBackoff > maxBackoff) channel.InitialReconnectBackoff = maxBackoff;
        }
        if (o.MaxAttempts > 1)
        {
            channel.ServiceConfig = new ServiceConfig { MethodConfigs = { RetryUnavailable(o.MaxAttempts) } };
            // A retried import resends the whole file; the default 1 MiB buffer would silently turn retries off for larger files.
            channel.MaxRetryBufferPerCallSize = o.MaxMessageBytes;
            channel.MaxRetryBufferSize = 2L * o.MaxMessageBytes;
        }
        else
        {
            channel.MaxRetryAttempts = 0;
        }
        if (!string.IsNullOrEmpty(apiKey))
        {
            var bearer = CallCredentials.FromInterceptor((_, metadata) =>
            {
                metadata.Add(AuthorizationHeader, Bearer(apiKey));
                return Task.CompletedTask;
            });
            channel.Credentials = address.Scheme == Uri.UriSchemeHttps
                ? ChannelCredentials.Create(new SslCredentials(), bearer)
                : ChannelCredentials.Create(ChannelCredentials.Insecure, bearer);
            channel.UnsafeUseInsecureChannelCallCredentials = address.Scheme == Uri.UriSchemeHttp;
        }
        return GrpcChannel.ForAddress(address, channel);
    }

    /// <summary>Safe for imports too: every attempt carries the same request_id, which the server answers with its first outcome.</summary>
    private static MethodConfig RetryUnavailable(int attempts) => new()
    {
        Names = { MethodName.Default },
        RetryPolicy = new RetryPolicy
        {
            MaxAttempts = attempts,
            InitialBackoff = TimeSpan.FromMilliseconds(200),
            MaxBackoff = TimeSpan.FromSeconds(1),
            BackoffMultiplier = 2,
            RetryableStatusCodes = { StatusCode.Unavailable },
        },
    };
}
