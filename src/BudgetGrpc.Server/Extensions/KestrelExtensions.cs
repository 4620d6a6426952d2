using System.ComponentModel.DataAnnotations;
using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace BudgetGrpc.Server.Extensions;

/// <summary>Section "Server": where to listen. gRPC wants HTTP/2 with prior knowledge on plain HTTP, JSON clients HTTP/1.1.</summary>
public sealed class ServerEndpointOptions
{
    public const string Section = "Server";

    /// <summary>HTTP/2-only endpoint for gRPC over plain HTTP (h2c, prior knowledge).</summary>
    [Required, Url]
    public string GrpcUrl { get; set; } = "http://127.0.0.1:5080";

    /// <summary>HTTP/1.1 endpoint for the JSON-transcoded GETs; empty to turn it off.</summary>
    public string HttpUrl { get; set; } = "http://127.0.0.1:5081";

    /// <summary>
    /// An HTTP/2 connection idle this long gets a PING from the server: a load balancer in front does not drop it as
    /// idle, and a client that vanished is noticed. Zero turns the pings off.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan KeepAlivePingDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>A PING not answered within this time closes the connection.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan KeepAlivePingTimeout { get; set; } = TimeSpan.FromSeconds(20);
}

public static class KestrelExtensions
{
    public static IHostApplicationBuilder AddBudgetKestrel(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ServerEndpointOptions>()
            .BindConfiguration(ServerEndpointOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => IsHttpUrl(o.GrpcUrl) && (o.HttpUrl.Length == 0 || IsHttpUrl(o.HttpUrl)),
                "Server:GrpcUrl and Server:HttpUrl must be http://host:port (TLS terminates in front of the server)")
            // Kestrel refuses a ping delay under a second.
            .Validate(o => o.KeepAlivePingDelay == TimeSpan.Zero || o.KeepAlivePingDelay >= TimeSpan.FromSeconds(1),
                "Server:KeepAlivePingDelay must be 0 (no pings) or at least 00:00:01")
            .ValidateOnStart();
        builder.Services.AddOptions<KestrelServerOptions>()
            .Configure<IOptions<ServerEndpointOptions>, IOptions<Import.ImportLimits>>((kestrel, endpoints, limits) =>
            {
                // Above the gRPC message limit, so a file just over Limits:MaxFileBytes reaches the service and is
                // answered FILE_TOO_LARGE rather than cut off by the transport ("Request body too large", UNKNOWN).
                kestrel.Limits.MaxRequestBodySize = limits.Value.TransportBytes + 64L * 1024;
                Listen(kestrel, endpoints.Value.GrpcUrl, HttpProtocols.Http2);
                var ping = endpoints.Value.KeepAlivePingDelay;
                kestrel.Limits.Http2.KeepAlivePingDelay = ping == TimeSpan.Zero ? TimeSpan.MaxValue : ping;
                kestrel.Limits.Http2.KeepAlivePingTimeout = endpoints.Value.KeepAlivePingTimeout;
                if (endpoints.Value.HttpUrl.Length > 0) Listen(kestrel, endpoints.Value.HttpUrl, HttpProtocols.Http1);
            });
        return builder;
    }

    private static bool IsHttpUrl(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttp;

    private static void Listen(KestrelServerOptions kestrel, string url, HttpProtocols protocols)
    {
        var uri = new Uri(url);
        Action<ListenOptions> configure = o => o.Protocols = protocols;
        switch (uri.Host)
        {
            case "localhost":
                kestrel.ListenLocalhost(uri.Port, configure);
                break;
            case "*" or "+" or "0.0.0.0":
                kestrel.ListenAnyIP(uri.Port, configure);
                break;
            default:
                kestrel.Listen(IPAddress.Parse(uri.Host.Trim('[', ']')), uri.Port, configure);
                break;
        }
    }
}
