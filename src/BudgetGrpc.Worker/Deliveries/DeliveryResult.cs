using System.Net;

namespace BudgetGrpc.Worker.Deliveries;

public enum SendVerdict
{
    Delivered,
    /// <summary>5xx, 408, 429: the pipeline retries, the ledger reschedules.</summary>
    Retryable,
    /// <summary>Any other 4xx: retrying cannot help.</summary>
    Permanent,
}

/// <summary>
/// What one send produced. HTTP responses are turned into this inside the attempt and disposed there, so no response
/// outlives its attempt and the pipeline's predicates never touch a live connection.
/// </summary>
public sealed record DeliveryResult(SendVerdict Verdict, int? StatusCode = null, TimeSpan? RetryAfter = null, string? Error = null)
{
    public static readonly DeliveryResult Written = new(SendVerdict.Delivered);

    public static SendVerdict Classify(HttpStatusCode status)
    {
        var code = (int)status;
        if (code is >= 200 and < 300) return SendVerdict.Delivered;
        if (code is 408 or 429 or >= 500) return SendVerdict.Retryable;
        return SendVerdict.Permanent;
    }
}
