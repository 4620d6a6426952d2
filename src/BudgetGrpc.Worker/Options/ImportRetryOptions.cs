using System.ComponentModel.DataAnnotations;

namespace BudgetGrpc.Worker.Options;

/// <summary>
/// Section "Worker:Retry": the "folder-import" resilience pipeline around one ImportDisclosure call. It rides out a
/// server restart; a longer outage ends the run and Quartz's next firing tries again.
/// </summary>
public sealed class ImportRetryOptions
{
    public const string Section = "Worker:Retry";

    /// <summary>Retries after the first attempt, on UNAVAILABLE, DEADLINE_EXCEEDED and RESOURCE_EXHAUSTED.</summary>
    [Range(0, 20)]
    public int MaxRetryAttempts { get; set; } = 5;

    /// <summary>First backoff; it doubles each retry, with jitter.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>No single backoff is longer than this.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>gRPC deadline of one attempt (parsing a large workbook on the server included).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>All attempts and backoffs for one file together.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "06:00:00")]
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(5);
}
