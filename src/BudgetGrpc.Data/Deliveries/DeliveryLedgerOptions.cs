using System.ComponentModel.DataAnnotations;

namespace BudgetGrpc.Data.Deliveries;

/// <summary>
/// Section "Delivery" as the service reads it: which targets get deliveries, and how the ledger schedules retries
/// between worker runs. The worker reads the same section for how to reach each target.
/// </summary>
public sealed class DeliveryLedgerOptions
{
    public const string Section = "Delivery";

    public List<DeliveryTargetDefinition> Targets { get; set; } = [];

    /// <summary>Attempts (leases) before a retryable failure parks the delivery as failed.</summary>
    [Range(1, 1000)]
    public int MaxAttempts { get; set; } = 12;

    /// <summary>Wait after the first failed attempt; it doubles per attempt, with ±20% jitter.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan BaseBackoff { get; set; } = TimeSpan.FromSeconds(30);

    [Range(typeof(TimeSpan), "00:00:00.001", "7.00:00:00")]
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The longest lease a worker may ask for.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan MaxLease { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How often the service enqueues new revisions on its own (claims enqueue as well); zero turns that off.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan EnqueueInterval { get; set; } = TimeSpan.FromSeconds(10);

    public IEnumerable<DeliveryTargetDefinition> EnabledTargets => Targets.Where(t => t.Enabled);
}

/// <summary>One downstream system. Kind and the sending details (URL, folder, headers) matter to the worker only.</summary>
public sealed class DeliveryTargetDefinition
{
    /// <summary>Lowercase letters, digits and dashes; part of every idempotency key, so never rename a live target.</summary>
    [Required, RegularExpression("^[a-z0-9][a-z0-9-]{0,39}$")]
    public string Name { get; set; } = "";

    public DeliveryFormat Format { get; set; } = DeliveryFormat.Json;

    public bool Enabled { get; set; } = true;
}
