using Microsoft.Extensions.Logging;

namespace BudgetGrpc.Worker.Deliveries;

internal static partial class Log
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery to {Target}: attempt {Attempt} in {Delay} after: {Reason}")]
    public static partial void Retrying(ILogger logger, string target, int attempt, TimeSpan delay, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Circuit to target {Target} opened for {Duration}")]
    public static partial void BreakerOpened(ILogger logger, string target, TimeSpan duration);

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery run: {Delivered} delivered, {Retryable} to retry, {Failed} failed, {Lost} leases lost in {Seconds:F1} s")]
    public static partial void RunFinished(ILogger logger, int delivered, int retryable, int failed, int lost, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {Delivery} to {Target} ({Revision}) not delivered: {Outcome} {Status} {Error}")]
    public static partial void NotDelivered(ILogger logger, string delivery, string target, string revision, string outcome, int status, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {Delivery}: the lease was taken over before the outcome was reported; the other worker resends with the same idempotency key")]
    public static partial void LeaseLost(ILogger logger, string delivery);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The delivery service is unreachable ({Status}: {Detail}); this run ends and the next one tries again")]
    public static partial void ServiceUnavailable(ILogger logger, string status, string detail);

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery job scheduled every {Interval}; next firing {Next}")]
    public static partial void Scheduled(ILogger logger, TimeSpan interval, DateTimeOffset? next);
}
