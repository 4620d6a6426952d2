using System.Text;
using System.Text.Json;
using Grpc.Core;
using BudgetGrpc.Contracts.V1;
using BudgetGrpc.Delivery.Tests.Infrastructure;

namespace BudgetGrpc.Delivery.Tests;

/// <summary>
/// The real server on loopback, a real HTTP sink, the worker's delivery runner: what reaches the receiver, and what the
/// ledger says afterwards.
/// </summary>
public sealed class DeliveryEndToEndTests : IAsyncLifetime
{
    private LoopbackDeliveryServer server = null!;
    private HttpSink sink = null!;

    public async Task InitializeAsync()
    {
        server = await LoopbackDeliveryServer.StartAsync([("portal", "json")]);
        sink = await HttpSink.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await sink.DisposeAsync();
        await server.DisposeAsync();
    }

    private WorkerHarness Worker(Action<Dictionary<string, string?>>? more = null) =>
        WorkerHarness.Create(server.Url, v =>
        {
            WorkerHarness.HttpTarget(v, 0, "portal", sink.Url);
            more?.Invoke(v);
        });

    /// <summary>Imports <paramref name="publishable"/> good tables and <paramref name="blocked"/> with an error finding; returns the good revisions.</summary>
    private async Task<List<string>> ImportAsync(int publishable, int blocked)
    {
        var revisions = new List<string>();
        for (var i = 0; i < publishable; i++)
            revisions.Add((await server.ImportAsync($"good-{i}.csv", Tables.Publishable(i))).Revision.Name);
        for (var i = 0; i < blocked; i++)
        {
            var response = await server.ImportAsync($"bad-{i}.csv", Tables.Blocked(1000 + i));
            Assert.Equal(RevisionStatus.Blocked, response.Revision.Status);
        }
        return revisions;
    }

    [Fact]
    public async Task Every_publishable_revision_reaches_a_flaky_sink_exactly_once_and_blocked_ones_never()
    {
        var revisions = await ImportAsync(publishable: 12, blocked: 3);
        // The first two requests of every key fail (500, then 503); the third succeeds.
        sink.Behaviour = r => r.NumberForKey switch { 1 => new SinkReply(500), 2 => new SinkReply(503), _ => null };

        await using var worker = Worker();
        var summary = await worker.RunOnceAsync();

        Assert.Equal(12, summary.Delivered);
        var deliveries = await server.AllDeliveriesAsync();
        Assert.Equal(revisions.Order(), deliveries.Select(d => d.Revision).Order());
        Assert.All(deliveries, d => Assert.Equal(DeliveryState.Delivered, d.State));
        Assert.Equal(deliveries.Select(d => d.IdempotencyKey).Order(), sink.Accepted.Keys.Order());
        // Nothing was processed twice, even by a receiver that did not dedupe.
        Assert.All(sink.SuccessesByKey.Values, n => Assert.Equal(1, n));
        Assert.All(sink.RequestsByKey.Values, n => Assert.Equal(3, n));
        foreach (var d in deliveries)
        {
            using var json = JsonDocument.Parse(sink.Accepted[d.IdempotencyKey]);
            Assert.Contains(Tables.FormulaProjectName, Encoding.UTF8.GetString(sink.Accepted[d.IdempotencyKey]));
            Assert.Equal(JsonValueKind.Object, json.RootElement.ValueKind);
        }
        Assert.DoesNotContain(sink.Log, r => r.Revision.Length == 0);
    }

    [Fact]
    public async Task The_backlog_shows_in_the_ledger_while_no_worker_runs()
    {
        await using var alone = await LoopbackDeliveryServer.StartAsync([("portal", "json")], s => s["Delivery:EnqueueInterval"] = "00:00:00.200");
        var good = await alone.ImportAsync("a.csv", Tables.Publishable(1));
        await alone.ImportAsync("bad.csv", Tables.Blocked(2));

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        List<Contracts.V1.Delivery> pending;
        while ((pending = await alone.AllDeliveriesAsync(DeliveryState.Pending)).Count == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "no delivery was enqueued");
            await Task.Delay(100);
        }
        Assert.Equal(good.Revision.Name, Assert.Single(pending).Revision);
    }

    [Fact]
    public async Task Two_workers_running_at_once_never_send_the_same_delivery()
    {
        await ImportAsync(publishable: 24, blocked: 0);
        sink.Behaviour = _ => new SinkReply(Delay: TimeSpan.FromMilliseconds(20));

        await using var a = Worker(v => v["Delivery:BatchSize"] = "3");
        await using var b = Worker(v => v["Delivery:BatchSize"] = "3");
        var runs = await Task.WhenAll(a.RunOnceAsync(), b.RunOnceAsync());

        Assert.Equal(24, runs.Sum(r => r.Delivered));
        Assert.Equal(24, sink.Requests);
        Assert.All(sink.RequestsByKey.Values, n => Assert.Equal(1, n));
        Assert.Equal(0, sink.Duplicates);
        var attempts = await server.AllDeliveriesAsync();
        Assert.All(attempts, d => Assert.Equal(1, d.AttemptCount));
    }

    [Fact]
    public async Task A_timed_out_attempt_is_repeated_with_the_same_key_and_the_receiver_keeps_one_copy()
    {
        await ImportAsync(publishable: 3, blocked: 0);
        // The sink stores the body, then answers too late for the 1 s attempt timeout.
        sink.Behaviour = r => r.NumberForKey == 1 ? new SinkReply(AcceptFirst: true, Delay: TimeSpan.FromSeconds(3)) : null;

        await using var worker = Worker();
        var summary = await worker.RunOnceAsync();

        Assert.Equal(3, summary.Delivered);
        Assert.Equal(3, sink.Accepted.Count);
        Assert.Equal(3, sink.Duplicates);
        Assert.All(sink.RequestsByKey.Values, n => Assert.Equal(2, n));
    }

    [Fact]
    public async Task A_429_with_a_short_Retry_After_is_waited_out_in_the_pipeline()
    {
        await ImportAsync(publishable: 1, blocked: 0);
        sink.Behaviour = r => r.NumberForKey == 1 ? new SinkReply(429, RetryAfter: TimeSpan.FromSeconds(1)) : null;

        await using var worker = Worker(v => v["Delivery:Pipeline:TotalTimeout"] = "00:00:10");
        var summary = await worker.RunOnceAsync();

        Assert.Equal(1, summary.Delivered);
        var requests = sink.Log.OrderBy(r => r.Number).ToList();
        Assert.Equal(2, requests.Count);
        // The retry came after the receiver's Retry-After, not after our 50 ms backoff.
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromMilliseconds(900), $"retried after {requests[1].At - requests[0].At}");
    }

    [Fact]
    public async Task A_long_Retry_After_goes_back_to_the_ledger_which_schedules_no_sooner()
    {
        await ImportAsync(publishable: 1, blocked: 0);
        sink.Behaviour = _ => new SinkReply(429, RetryAfter: TimeSpan.FromMinutes(2));

        await using var worker = Worker();
        var summary = await worker.RunOnceAsync();

        Assert.Equal(1, summary.Retryable);
        Assert.Equal(1, sink.Requests);
        var d = Assert.Single(await server.AllDeliveriesAsync());
        Assert.Equal(DeliveryState.Pending, d.State);
        Assert.Equal(429, d.LastStatusCode);
        Assert.True(d.NextAttemptTime.ToDateTimeOffset() >= server.Clock.GetUtcNow() + TimeSpan.FromMinutes(2) - TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task A_target_down_for_the_whole_run_leaves_its_deliveries_pending_with_the_next_attempt_scheduled()
    {
        var revisions = await ImportAsync(publishable: 4, blocked: 1);
        await sink.StopAsync();

        await using (var worker = Worker())
        {
            var summary = await worker.RunOnceAsync();
            Assert.Equal(4, summary.Retryable);
            Assert.Equal(0, summary.Delivered);
        }
        var pending = await server.AllDeliveriesAsync();
        Assert.Equal(4, pending.Count);
        Assert.All(pending, d =>
        {
            Assert.Equal(DeliveryState.Pending, d.State);
            Assert.Equal(1, d.AttemptCount);
            Assert.True(d.NextAttemptTime.ToDateTimeOffset() > server.Clock.GetUtcNow());
            Assert.NotEmpty(d.LastError);
        });

        // Back up: nothing is due until the backoff has passed, then everything goes.
        await sink.StartAsync();
        await using (var worker = Worker())
        {
            Assert.Equal(0, (await worker.RunOnceAsync()).Claimed);
            server.Clock.Advance(TimeSpan.FromMinutes(1));
            Assert.Equal(4, (await worker.RunOnceAsync()).Delivered);
        }
        Assert.Equal(4, sink.Accepted.Count);
        Assert.Equal(revisions.Order(), (await server.AllDeliveriesAsync(DeliveryState.Delivered)).Select(d => d.Revision).Order());
    }

    [Fact]
    public async Task A_worker_killed_mid_delivery_and_restarted_loses_nothing_and_the_receiver_keeps_one_copy()
    {
        await ImportAsync(publishable: 1, blocked: 0);
        // The first request is processed by the receiver, but its answer is held until the worker is gone.
        sink.Behaviour = r => r.NumberForKey == 1 ? new SinkReply(AcceptFirst: true, Delay: TimeSpan.FromMinutes(1)) : null;
        void Slow(Dictionary<string, string?> v)
        {
            v["Delivery:BatchSize"] = "1";
            v["Delivery:Parallelism"] = "1";
            v["Delivery:Pipeline:AttemptTimeout"] = "00:00:20";
            v["Delivery:Pipeline:TotalTimeout"] = "00:00:30";
            v["Delivery:LeaseDuration"] = "00:01:00";
        }

        var first = Worker(Slow);
        using var kill = new CancellationTokenSource();
        var run = first.RunOnceAsync(kill.Token);
        var key = await sink.Holding.Task.WaitAsync(TimeSpan.FromSeconds(30));
        kill.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        await first.DisposeAsync();

        var leased = Assert.Single(await server.AllDeliveriesAsync());
        Assert.Equal(DeliveryState.InFlight, leased.State);
        Assert.Equal(key, leased.IdempotencyKey);

        await using var restarted = Worker(Slow);
        // The lease still holds: the restarted worker does not send it again yet.
        Assert.Equal(0, (await restarted.RunOnceAsync()).Claimed);
        server.Clock.Advance(TimeSpan.FromSeconds(61));
        var summary = await restarted.RunOnceAsync();

        Assert.Equal(1, summary.Delivered);
        var delivered = Assert.Single(await server.AllDeliveriesAsync());
        Assert.Equal(DeliveryState.Delivered, delivered.State);
        Assert.Equal(2, delivered.AttemptCount);
        Assert.Single(sink.Accepted);
        Assert.Equal(2, sink.RequestsByKey[key]);
        Assert.Equal(1, sink.Duplicates);
    }

    [Fact]
    public async Task A_client_error_fails_at_once_without_retry_and_an_operator_retry_revives_it()
    {
        await ImportAsync(publishable: 1, blocked: 0);
        sink.RequiredAuthorization = "Bearer another-secret";

        await using var worker = Worker();
        var summary = await worker.RunOnceAsync();

        Assert.Equal(1, summary.Failed);
        Assert.Equal(1, sink.Requests);
        var parked = Assert.Single(await server.AllDeliveriesAsync());
        Assert.Equal(DeliveryState.Failed, parked.State);
        Assert.Equal(401, parked.LastStatusCode);
        var detail = await server.Deliveries(LoopbackDeliveryServer.ReaderKey).GetDeliveryAsync(new GetDeliveryRequest { Name = parked.Name });
        var attempt = Assert.Single(detail.Attempts);
        Assert.Equal(DeliveryOutcome.FailedPermanent, attempt.Outcome);

        sink.RequiredAuthorization = "Bearer sink-secret";
        var retried = await server.Deliveries().RetryDeliveriesAsync(new RetryDeliveriesRequest { Target = "portal" });
        Assert.Equal(1, retried.RetriedCount);
        Assert.Equal(1, (await worker.RunOnceAsync()).Delivered);
        Assert.Single(sink.Accepted);
    }

    [Fact]
    public async Task A_redirect_is_not_followed_as_a_body_less_GET_but_parked()
    {
        await ImportAsync(publishable: 1, blocked: 0);
        sink.Behaviour = _ => new SinkReply(302, Location: "/landing");

        await using var worker = Worker();
        Assert.Equal(1, (await worker.RunOnceAsync()).Failed);

        Assert.Equal(1, sink.Requests);
        var parked = Assert.Single(await server.AllDeliveriesAsync());
        Assert.Equal(DeliveryState.Failed, parked.State);
        Assert.Equal(302, parked.LastStatusCode);
    }

    [Fact]
    public async Task A_negative_page_size_is_refused_with_its_field()
    {
        var reader = server.Deliveries(LoopbackDeliveryServer.ReaderKey);
        var ex = await Assert.ThrowsAsync<Grpc.Core.RpcException>(async () => await reader.ListDeliveriesAsync(new ListDeliveriesRequest { PageSize = -1 }));
        Assert.Equal(Grpc.Core.StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Equal("page_size", Assert.Single(ex.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>()!.FieldViolations).Field);
    }

    [Fact]
    public async Task A_reader_may_list_but_not_claim_or_retry()
    {
        var reader = server.Deliveries(LoopbackDeliveryServer.ReaderKey);
        await reader.ListDeliveriesAsync(new ListDeliveriesRequest());
        var claim = await Assert.ThrowsAsync<Grpc.Core.RpcException>(async () => await reader.ClaimDeliveriesAsync(new ClaimDeliveriesRequest
        {
            WorkerId = "w", MaxCount = 1, LeaseDuration = Google.Protobuf.WellKnownTypes.Duration.FromTimeSpan(TimeSpan.FromMinutes(1)),
        }));
        Assert.Equal(Grpc.Core.StatusCode.PermissionDenied, claim.StatusCode);
        var retry = await Assert.ThrowsAsync<Grpc.Core.RpcException>(async () => await reader.RetryDeliveriesAsync(new RetryDeliveriesRequest { Target = "portal" }));
        Assert.Equal(Grpc.Core.StatusCode.PermissionDenied, retry.StatusCode);
    }
}
