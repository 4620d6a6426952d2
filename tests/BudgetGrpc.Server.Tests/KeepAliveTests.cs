using System.Net.Sockets;
using BudgetGrpc.Server.Extensions;
using BudgetGrpc.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BudgetGrpc.Server.Tests;

/// <summary>
/// Behind a load balancer an idle HTTP/2 connection must not look dead: the gRPC endpoint pings it after
/// Server:KeepAlivePingDelay. Read here as raw HTTP/2 frames on a loopback socket.
/// </summary>
public sealed class KeepAliveTests
{
    private const byte Settings = 0x4, Ping = 0x6, Ack = 0x1;

    [Fact]
    public async Task An_idle_HTTP2_connection_gets_a_PING_from_the_server_after_the_configured_delay()
    {
        await using var host = await BudgetServerHost.StartAsync(kestrel: true, seed: false,
            extra: [new("Server:KeepAlivePingDelay", "00:00:01")]);
        var grpc = new Uri(host.Services.GetRequiredService<IOptions<ServerEndpointOptions>>().Value.GrpcUrl);

        using var client = new TcpClient();
        await client.ConnectAsync(grpc.Host, grpc.Port);
        var stream = client.GetStream();
        // The client preface, then an empty SETTINGS frame; nothing else is ever sent but acknowledgements.
        await stream.WriteAsync("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"u8.ToArray());
        await stream.WriteAsync(Frame(Settings, 0));

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var header = new byte[9];
        while (true)
        {
            await stream.ReadExactlyAsync(header, timeout.Token);
            var length = (header[0] << 16) | (header[1] << 8) | header[2];
            var payload = new byte[length];
            await stream.ReadExactlyAsync(payload, timeout.Token);
            var (type, flags) = (header[3], header[4]);
            if (type == Settings && (flags & Ack) == 0) await stream.WriteAsync(Frame(Settings, Ack), timeout.Token);
            if (type == Ping && (flags & Ack) == 0)
            {
                Assert.Equal(8, length);
                return;
            }
        }
    }

    [Fact]
    public async Task A_ping_delay_under_a_second_is_refused_at_start_naming_the_setting()
    {
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            BudgetServerHost.StartAsync(kestrel: true, seed: false, extra: [new("Server:KeepAlivePingDelay", "00:00:00.500")]));
        Assert.Contains("Server:KeepAlivePingDelay", ex.Message);
    }

    /// <summary>An empty frame of <paramref name="type"/> on stream 0.</summary>
    private static byte[] Frame(byte type, byte flags) => [0, 0, 0, type, flags, 0, 0, 0, 0];
}
