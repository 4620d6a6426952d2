using System.Net;
using System.Net.Sockets;

namespace BudgetGrpc.Delivery.Tests.Infrastructure;

/// <summary>
/// A layer-4 load balancer on 127.0.0.1, as a TCP-mode HAProxy or a cloud network balancer would sit in front of the
/// gRPC servers: each accepted connection goes to the next backend in turn and its bytes are copied both ways
/// unread, so HTTP/2 (h2c here) passes through end to end. A backend that refuses the connection is skipped for the
/// next one; a connection whose backend dies is closed, and the client's reconnect lands on a live backend.
/// </summary>
public sealed class TcpBalancer : IAsyncDisposable
{
    private readonly TcpListener listener;
    private readonly IReadOnlyList<int> backends;
    private readonly int[] connections;
    private readonly CancellationTokenSource stopping = new();
    private readonly Task accepting;
    private int next = -1;

    private TcpBalancer(IReadOnlyList<int> backends)
    {
        this.backends = backends;
        connections = new int[backends.Count];
        listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        accepting = AcceptAsync();
    }

    public static TcpBalancer Start(params int[] backendPorts) => new(backendPorts);

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;
    public string Url => $"http://127.0.0.1:{Port}";

    /// <summary>Connections forwarded to each backend so far, in the order the backends were given.</summary>
    public IReadOnlyList<int> ConnectionsPerBackend => [.. Enumerable.Range(0, connections.Length).Select(i => Volatile.Read(ref connections[i]))];

    private async Task AcceptAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stopping.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            _ = ForwardAsync(client);
        }
    }

    private async Task ForwardAsync(TcpClient client)
    {
        using (client)
        {
            var backend = await ConnectAsync();
            if (backend is null) return; // every backend refused: the client sees its connection closed
            using (backend)
            {
                client.NoDelay = true;
                backend.NoDelay = true;
                var up = PumpAsync(client, backend);
                var down = PumpAsync(backend, client);
                await Task.WhenAny(up, down);
                // One side ended or broke: close both, as a balancer does, so the other side notices at once.
                client.Client.Close(0);
                backend.Client.Close(0);
                await Task.WhenAll(up, down);
            }
        }
    }

    /// <summary>The next backend in turn that accepts a connection; null when none does.</summary>
    private async Task<TcpClient?> ConnectAsync()
    {
        for (var tried = 0; tried < backends.Count; tried++)
        {
            var index = (int)((uint)Interlocked.Increment(ref next) % (uint)backends.Count);
            var backend = new TcpClient();
            try
            {
                await backend.ConnectAsync(IPAddress.Loopback, backends[index], stopping.Token);
                Interlocked.Increment(ref connections[index]);
                return backend;
            }
            catch (Exception ex) when (ex is SocketException or OperationCanceledException)
            {
                backend.Dispose();
            }
        }
        return null;
    }

    private async Task PumpAsync(TcpClient from, TcpClient to)
    {
        try
        {
            await from.GetStream().CopyToAsync(to.GetStream(), stopping.Token);
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // A reset or a closed socket on either side ends this connection; nothing else to do.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        await accepting;
        stopping.Dispose();
    }
}
