using BudgetGrpc.Scheduling;
using System.Diagnostics;
using BudgetGrpc.Contracts.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Registry;
using Polly.Timeout;

namespace BudgetGrpc.Worker.Deliveries;

/// <summary>What one run did.</summary>
public sealed record DeliveryRunSummary(int Claimed, int Delivered, int Retryable, int Failed, int LeasesLost);

/// <summary>
/// One delivery run: lease due deliveries from the service, send each through the "delivery" pipeline of its target,
/// report each outcome; repeat until nothing is due (or MaxBatchesPerRun). A crash anywhere leaves leases that expire
/// and are taken again; receivers see the same Idempotency-Key and drop the repeat.
/// </summary>
public sealed class DeliveryRunner(
    DeliveryClient client,
    ResiliencePipelineProvider<DeliveryPipelineKey> pipelines,
    HttpTarget http,
    FolderTarget folder,
    IOptions<DeliveryWorkerOptions> options,
    ILogger<DeliveryRunner> logger)
{
    public async Task<DeliveryRunSummary> RunOnceAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var targets = o.Targets.Where(t => t.Enabled).ToDictionary(t => t.Name, StringComparer.Ordinal);
        var started = Stopwatch.GetTimestamp();
        int claimed = 0, delivered = 0, retryable = 0, failed = 0, lost = 0;
        if (targets.Count == 0) return new DeliveryRunSummary(0, 0, 0, 0, 0);

        for (var batch = 0; batch < o.MaxBatchesPerRun; batch++)
        {
            ClaimDeliveriesResponse leased;
            try
            {
                var request = new ClaimDeliveriesRequest
                {
                    WorkerId = o.ResolvedWorkerId,
                    MaxCount = o.BatchSize,
                    LeaseDuration = Duration.FromTimeSpan(o.LeaseDuration),
                    Targets = { targets.Keys },
                };
                leased = await client.Service.ClaimDeliveriesAsync(request, null, DateTime.UtcNow.AddSeconds(60), cancellationToken);
            }
            catch (RpcException ex) when (ex.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded && !cancellationToken.IsCancellationRequested)
            {
                // Quartz fires again after the interval; retrying here would only hold the job.
                Log.ServiceUnavailable(logger, ex.StatusCode.ToString(), ex.Status.Detail);
                break;
            }
            if (leased.Deliveries.Count == 0) break;
            claimed += leased.Deliveries.Count;

            await Parallel.ForEachAsync(leased.Deliveries,
                new ParallelOptions { MaxDegreeOfParallelism = o.Parallelism, CancellationToken = cancellationToken },
                async (delivery, ct) =>
                {
                    var verdict = await DeliverAsync(delivery, targets, ct);
                    switch (verdict)
                    {
                        case null: Interlocked.Increment(ref lost); break;
                        case DeliveryOutcome.Delivered: Interlocked.Increment(ref delivered); break;
                        case DeliveryOutcome.FailedRetryable: Interlocked.Increment(ref retryable); break;
                        default: Interlocked.Increment(ref failed); break;
                    }
                });
        }

        Log.RunFinished(logger, delivered, retryable, failed, lost, Stopwatch.GetElapsedTime(started).TotalSeconds);
        return new DeliveryRunSummary(claimed, delivered, retryable, failed, lost);
    }

    /// <summary>Sends and reports one delivery; null when the lease had been taken over by the time we reported.</summary>
    private async Task<DeliveryOutcome?> DeliverAsync(LeasedDelivery delivery, Dictionary<string, DeliveryTargetOptions> targets, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var report = new CompleteDeliveryRequest { Name = delivery.Delivery.Name, LeaseToken = delivery.LeaseToken };
        if (!targets.TryGetValue(delivery.Delivery.Target, out var target))
        {
            report.Outcome = DeliveryOutcome.FailedPermanent;
            report.Error = $"this worker has no enabled target named '{delivery.Delivery.Target}'";
        }
        else
        {
            var result = await SendAsync(target, delivery, cancellationToken);
            report.Outcome = result.Verdict switch
            {
                SendVerdict.Delivered => DeliveryOutcome.Delivered,
                SendVerdict.Retryable => DeliveryOutcome.FailedRetryable,
                _ => DeliveryOutcome.FailedPermanent,
            };
            report.StatusCode = result.StatusCode ?? 0;
            report.Error = result.Error ?? "";
            if (result.RetryAfter is { } after) report.RetryAfter = Duration.FromTimeSpan(after);
        }
        report.Duration = Duration.FromTimeSpan(Stopwatch.GetElapsedTime(started));
        if (report.Outcome != DeliveryOutcome.Delivered)
            Log.NotDelivered(logger, delivery.Delivery.Name, delivery.Delivery.Target, delivery.Delivery.Revision, report.Outcome.ToString(), report.StatusCode, report.Error);

        try
        {
            await client.Service.CompleteDeliveryAsync(report, null, DateTime.UtcNow.AddSeconds(30), cancellationToken);
            return report.Outcome;
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.FailedPrecondition)
        {
            Log.LeaseLost(logger, delivery.Delivery.Name);
            return null;
        }
    }

    private async Task<DeliveryResult> SendAsync(DeliveryTargetOptions target, LeasedDelivery delivery, CancellationToken cancellationToken)
    {
        IDeliveryTarget sender = target.Kind == DeliveryTargetKind.Folder ? folder : http;
        var pipeline = pipelines.GetPipeline<DeliveryResult>(new DeliveryPipelineKey(DeliveryPipeline.Name, target.Name));
        try
        {
            return await pipeline.ExecuteAsync(
                static (state, ct) => state.sender.SendAsync(state.target, state.delivery, ct),
                (sender, target, delivery), cancellationToken);
        }
        catch (BrokenCircuitException ex)
        {
            return new DeliveryResult(SendVerdict.Retryable, null, ex.RetryAfter, $"circuit open for target {target.Name}");
        }
        catch (TimeoutRejectedException ex)
        {
            return new DeliveryResult(SendVerdict.Retryable, null, null, $"timed out: {ex.Message}");
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or UnauthorizedAccessException && !cancellationToken.IsCancellationRequested)
        {
            return new DeliveryResult(SendVerdict.Retryable, null, null, $"{ex.GetType().Name}: {ex.Message}");
        }
    }
}
