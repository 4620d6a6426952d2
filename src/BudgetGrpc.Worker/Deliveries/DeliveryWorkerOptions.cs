using System.ComponentModel.DataAnnotations;

namespace BudgetGrpc.Worker.Deliveries;

/// <summary>
/// Section "Delivery" as the worker reads it: where the service is, how often and how much to lease, how to reach
/// each target, and the "delivery" pipeline. The service reads the same section for target names and formats.
/// </summary>
public sealed class DeliveryWorkerOptions
{
    public const string Section = "Delivery";

    /// <summary>The service's HTTP/2 gRPC endpoint.</summary>
    [Required, Url]
    public string ServerUrl { get; set; } = "http://127.0.0.1:5080";

    /// <summary>An operator key (delivering publishes); from the environment (Delivery__ApiKey), never a committed file.</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>The lease holder's name; defaults to host name and process id.</summary>
    public string WorkerId { get; set; } = "";

    /// <summary>How often Quartz fires the delivery job.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Deliveries leased per claim.</summary>
    [Range(1, 100)]
    public int BatchSize { get; set; } = 20;

    /// <summary>Deliveries of one batch sent at the same time.</summary>
    [Range(1, 64)]
    public int Parallelism { get; set; } = 4;

    /// <summary>Claims per run at most, so one run ends even while new revisions keep arriving.</summary>
    [Range(1, 10000)]
    public int MaxBatchesPerRun { get; set; } = 50;

    /// <summary>How long a leased delivery is ours; it must cover a whole batch (checked at start).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The longest lease the service grants (the service's own Delivery:MaxLease, same key and default): a worker that
    /// asks for more has every claim refused, so the mismatch is caught at start instead.
    /// </summary>
    public TimeSpan MaxLease { get; set; } = TimeSpan.FromMinutes(30);

    public List<DeliveryTargetOptions> Targets { get; set; } = [];

    public DeliveryPipelineOptions Pipeline { get; set; } = new();

    public string ResolvedWorkerId => WorkerId.Length > 0 ? WorkerId : $"{Environment.MachineName}-{Environment.ProcessId}";
}

public enum DeliveryTargetKind
{
    Http,
    Folder,
}

/// <summary>One downstream system, by the name the service knows it under.</summary>
public sealed class DeliveryTargetOptions
{
    [Required, RegularExpression("^[a-z0-9][a-z0-9-]{0,39}$")]
    public string Name { get; set; } = "";

    public DeliveryTargetKind Kind { get; set; } = DeliveryTargetKind.Http;

    /// <summary>json or csv; the service renders the content in this format (its copy of the section decides).</summary>
    public string Format { get; set; } = "json";

    public bool Enabled { get; set; } = true;

    /// <summary>Http: the endpoint the export is POSTed to.</summary>
    public string Url { get; set; } = "";

    /// <summary>Http: extra request headers (not secrets).</summary>
    public Dictionary<string, string> Headers { get; set; } = [];

    /// <summary>Http: the header that carries <see cref="AuthSecret"/>.</summary>
    public string AuthHeader { get; set; } = "Authorization";

    /// <summary>Http: e.g. "Bearer …"; from secret configuration (environment, user secrets), never committed.</summary>
    public string AuthSecret { get; set; } = "";

    /// <summary>Folder: where finished files appear for pickup.</summary>
    public string Folder { get; set; } = "";
}

/// <summary>Section "Delivery:Pipeline": the "delivery" resilience pipeline around one send.</summary>
public sealed class DeliveryPipelineOptions
{
    /// <summary>All attempts and waits of one delivery in one run.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(60);

    [Range(0, 10)]
    public int MaxRetryAttempts { get; set; } = 3;

    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>A Retry-After up to this long is waited out in the pipeline; a longer one goes back to the ledger.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan MaxInlineRetryAfter { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>One HTTP request or file write.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:30:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Circuit breaker per target: this share of failures among the sampled attempts opens it.</summary>
    [Range(0.01, 1.0)]
    public double BreakerFailureRatio { get; set; } = 0.8;

    [Range(2, 10000)]
    public int BreakerMinimumThroughput { get; set; } = 10;

    [Range(typeof(TimeSpan), "00:00:00.500", "01:00:00")]
    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    [Range(typeof(TimeSpan), "00:00:00.500", "01:00:00")]
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);
}
