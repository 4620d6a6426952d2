using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace BudgetGrpc.Worker.Deliveries;

/// <summary>The registry key: one builder ("delivery"), one cached pipeline instance per target.</summary>
public readonly record struct DeliveryPipelineKey(string Pipeline, string Target);

/// <summary>
/// The "delivery" pipeline, outer to inner:
/// total timeout (a delivery never holds its lease past this) →
/// retry (exponential with jitter on 5xx, 408, 429, attempt timeouts and transport errors; a short Retry-After is
/// honoured as the delay) →
/// circuit breaker (per target instance: a target that keeps failing is left alone for a while, and its deliveries go
/// back to the ledger at once instead of each waiting out its retries) →
/// attempt timeout (one request or file write).
/// The breaker sits inside the retry so that it counts every attempt, and outside the attempt timeout so that a hung
/// target counts as a failure.
/// </summary>
public static class DeliveryPipeline
{
    public const string Name = "delivery";

    public static void Register(IServiceCollection services)
    {
        services.AddResiliencePipelineRegistry<DeliveryPipelineKey>(o =>
        {
            o.BuilderComparer = new PipelineNameComparer();
            o.BuilderNameFormatter = key => key.Pipeline;
            o.InstanceNameFormatter = key => key.Target;
        });
        services.AddResiliencePipeline<DeliveryPipelineKey, DeliveryResult>(new DeliveryPipelineKey(Name, ""), (builder, context) =>
        {
            var p = context.ServiceProvider.GetRequiredService<IOptions<DeliveryWorkerOptions>>().Value.Pipeline;
            var logger = context.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DeliveryPipeline));
            var target = context.PipelineKey.Target;
            builder
                .AddTimeout(new TimeoutStrategyOptions { Timeout = p.TotalTimeout, Name = "total-timeout" })
                .AddRetry(new RetryStrategyOptions<DeliveryResult>
                {
                    Name = "retry",
                    MaxRetryAttempts = Math.Max(p.MaxRetryAttempts, 1),
                    ShouldHandle = args => ValueTask.FromResult(p.MaxRetryAttempts > 0 && ShouldRetry(args.Outcome, p)),
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = p.BaseDelay,
                    MaxDelay = p.MaxDelay,
                    // The receiver's own wait wins over our backoff (ShouldRetry already gave longer ones back to the ledger).
                    DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result?.RetryAfter is { } asked ? asked : (TimeSpan?)null),
                    OnRetry = args =>
                    {
                        Log.Retrying(logger, target, args.AttemptNumber + 1, args.RetryDelay,
                            args.Outcome.Result?.Error ?? args.Outcome.Exception?.Message ?? "");
                        return ValueTask.CompletedTask;
                    },
                })
                .AddCircuitBreaker(new CircuitBreakerStrategyOptions<DeliveryResult>
                {
                    Name = "breaker",
                    ShouldHandle = args => ValueTask.FromResult(IsTransientFailure(args.Outcome)),
                    FailureRatio = p.BreakerFailureRatio,
                    MinimumThroughput = p.BreakerMinimumThroughput,
                    SamplingDuration = p.BreakerSamplingDuration,
                    BreakDuration = p.BreakDuration,
                    OnOpened = args =>
                    {
                        Log.BreakerOpened(logger, target, args.BreakDuration);
                        return ValueTask.CompletedTask;
                    },
                })
                .AddTimeout(new TimeoutStrategyOptions { Timeout = p.AttemptTimeout, Name = "attempt-timeout" });
        });
    }

    /// <summary>A failure another attempt may cure, and a Retry-After (if any) short enough to wait for here.</summary>
    internal static bool ShouldRetry(Outcome<DeliveryResult> outcome, DeliveryPipelineOptions p) =>
        IsTransientFailure(outcome) && !(outcome.Result?.RetryAfter is { } asked && asked > p.MaxInlineRetryAfter);

    internal static bool IsTransientFailure(Outcome<DeliveryResult> outcome) => outcome switch
    {
        { Result.Verdict: SendVerdict.Retryable } => true,
        // The attempt timeout, a refused or reset connection, a full or locked disk.
        { Exception: TimeoutRejectedException or HttpRequestException or IOException or UnauthorizedAccessException } => true,
        _ => false,
    };

    private sealed class PipelineNameComparer : IEqualityComparer<DeliveryPipelineKey>
    {
        public bool Equals(DeliveryPipelineKey x, DeliveryPipelineKey y) => x.Pipeline == y.Pipeline;

        public int GetHashCode(DeliveryPipelineKey obj) => obj.Pipeline.GetHashCode(StringComparison.Ordinal);
    }
}
