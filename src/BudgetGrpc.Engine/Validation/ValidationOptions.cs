using BudgetGrpc.Engine.Model;

namespace BudgetGrpc.Engine.Validation;

/// <summary>
/// Per-deployment changes to the rule catalog, bindable from configuration:
/// <c>"Validation": { "Rules": { "BG203": { "Severity": "Info" }, "BG305": { "Enabled": false } } }</c>.
/// </summary>
public sealed class ValidationOptions
{
    /// <summary>Overrides keyed by rule id (case-insensitive). Unknown ids make the <see cref="Validator"/> constructor throw.</summary>
    public Dictionary<string, RuleOptions> Rules { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How self-evaluations are scored; the self-evaluation rules judge stated scores by it.</summary>
    public ScoringOptions Scoring { get; set; } = new();
}

/// <summary>Override for one rule.</summary>
public sealed class RuleOptions
{
    /// <summary>False switches the rule off.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Replaces the rule's default severity; null keeps it.</summary>
    public Severity? Severity { get; set; }
}
