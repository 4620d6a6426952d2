using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BudgetGrpc.Delivery.Tests.Infrastructure;

/// <summary>What the sink answers to one request; <see cref="AcceptFirst"/> stores the body before answering.</summary>
public sealed record SinkReply(int Status = 200, TimeSpan? RetryAfter = null, TimeSpan? Delay = null, bool AcceptFirst = false, string? Location = null)
{
    public static readonly SinkReply Ok = new();
}

/// <summary>One request as the sink saw it.</summary>
public sealed record SinkRequest(string Key, int Number, int NumberForKey, DateTimeOffset At, string ContentType, string Revision);

/// <summary>
/// A real HTTP receiver on 127.0.0.1 (Kestrel, HTTP/1.1) that behaves like a careful downstream system: it stores a
/// body under its Idempotency-Key once and answers a repeat of a stored key 200 without storing it again. A
/// behaviour function decides per request whether it fails (500/503/429 with Retry-After), hangs, or is fine; it can
/// be stopped (port closed) and started again on the same port.
/// </summary>
public sealed class HttpSink : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, byte[]> accepted = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> requestsByKey = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> successesByKey = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<SinkRequest> log = new();
    private WebApplication? app;
    private int requests;
    private int duplicates;

    private HttpSink(int port) => Port = port;

    public int Port { get; }
    public string Url => $"http://127.0.0.1:{Port}/inbox";

    /// <summary>Decides the reply; null → 200. Set before the worker runs; swapped between runs.</summary>
    public Func<SinkRequest, SinkReply?> Behaviour { get; set; } = _ => null;

    /// <summary>The Authorization header the sink insists on (401 otherwise); the worker takes it from secret configuration.</summary>
    public string RequiredAuthorization { get; set; } = "Bearer sink-secret";

    /// <summary>Completed when a body was stored and the reply is being held back (AcceptFirst with a delay).</summary>
    public TaskCompletionSource<string> Holding { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyDictionary<string, byte[]> Accepted => accepted;
    /// <summary>Requests per key, accepted or not.</summary>
    public IReadOnlyDictionary<string, int> RequestsByKey => requestsByKey;
    /// <summary>2xx answers per key: what a receiver without dedupe would have processed.</summary>
    public IReadOnlyDictionary<string, int> SuccessesByKey => successesByKey;
    public IReadOnlyCollection<SinkRequest> Log => log;
    public int Requests => requests;
    /// <summary>Requests for an already stored key, answered 200 and dropped.</summary>
    public int Duplicates => duplicates;

    public static async Task<HttpSink> StartAsync(int? port = null)
    {
        var sink = new HttpSink(port ?? BudgetGrpc.Worker.Tests.Infrastructure.LoopbackHost.FreePort());
        await sink.StartAsync();
        return sink;
    }

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, Port));
        app = builder.Build();
        app.MapPost("/inbox", HandleAsync);
        // Where a redirect points: a GET that answers 200, as a portal's landing page would.
        app.MapGet("/landing", () => "welcome");
        await app.StartAsync();
    }

    public async Task StopAsync()
    {
        if (app is null) return;
        await app.StopAsync();
        await app.DisposeAsync();
        app = null;
    }

    private async Task HandleAsync(HttpContext http)
    {
        var key = http.Request.Headers["Idempotency-Key"].ToString();
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
        var body = buffer.ToArray();
        var request = new SinkRequest(key, Interlocked.Increment(ref requests), requestsByKey.AddOrUpdate(key, 1, (_, n) => n + 1),
            DateTimeOffset.UtcNow, http.Request.ContentType ?? "", http.Request.Headers["X-Budget-Revision"].ToString());
        log.Enqueue(request);

        if (http.Request.Headers.Authorization.ToString() != RequiredAuthorization)
        {
            http.Response.StatusCode = 401;
            return;
        }
        if (key.Length == 0)
        {
            http.Response.StatusCode = 400;
            return;
        }
        if (accepted.ContainsKey(key))
        {
            Interlocked.Increment(ref duplicates);
            Succeed(http, key);
            return;
        }

        var reply = Behaviour(request) ?? SinkReply.Ok;
        if (reply.AcceptFirst)
        {
            // Processed, but the answer is late or lost: only the idempotency key saves the receiver from a second copy.
            accepted.TryAdd(key, body);
            if (reply.Delay is { } hold)
            {
                Holding.TrySetResult(key);
                await Task.Delay(hold, http.RequestAborted);
            }
            Succeed(http, key);
            return;
        }
        if (reply.Delay is { } delay) await Task.Delay(delay, http.RequestAborted);
        if (reply.Status is >= 200 and < 300)
        {
            accepted.TryAdd(key, body);
            Succeed(http, key);
            return;
        }
        http.Response.StatusCode = reply.Status;
        if (reply.Location is { } location) http.Response.Headers.Location = location;
        if (reply.RetryAfter is { } after) http.Response.Headers.RetryAfter = ((int)Math.Ceiling(after.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await http.Response.WriteAsync($"sink says {reply.Status}", http.RequestAborted);
    }

    private void Succeed(HttpContext http, string key)
    {
        successesByKey.AddOrUpdate(key, 1, (_, n) => n + 1);
        http.Response.StatusCode = 200;
    }

    public void ResetHolding() => Holding = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ValueTask DisposeAsync() => new(StopAsync());
}
