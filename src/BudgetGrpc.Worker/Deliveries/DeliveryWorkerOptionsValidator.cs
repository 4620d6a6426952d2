using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace BudgetGrpc.Worker.Deliveries;

/// <summary>What data annotations cannot say: nested targets, cross-field limits, a lease that outlives a batch.</summary>
public sealed class DeliveryWorkerOptionsValidator : IValidateOptions<DeliveryWorkerOptions>
{
    public ValidateOptionsResult Validate(string? name, DeliveryWorkerOptions o)
    {
        var failures = new List<string>();
        var pipelineResults = new List<ValidationResult>();
        if (!Validator.TryValidateObject(o.Pipeline, new ValidationContext(o.Pipeline), pipelineResults, validateAllProperties: true))
            failures.AddRange(pipelineResults.Select(r => $"Delivery:Pipeline: {r.ErrorMessage}"));
        for (var i = 0; i < o.Targets.Count; i++)
        {
            var t = o.Targets[i];
            var results = new List<ValidationResult>();
            if (!Validator.TryValidateObject(t, new ValidationContext(t), results, validateAllProperties: true))
                failures.AddRange(results.Select(r => $"Delivery:Targets:{i}: {r.ErrorMessage}"));
            if (!t.Enabled) continue;
            if (t.Kind == DeliveryTargetKind.Http
                && !(Uri.TryCreate(t.Url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)))
                failures.Add($"Delivery:Targets:{i} ({t.Name}): an Http target needs Url = http(s)://…");
            if (t.Kind == DeliveryTargetKind.Folder && string.IsNullOrWhiteSpace(t.Folder))
                failures.Add($"Delivery:Targets:{i} ({t.Name}): a Folder target needs Folder");
        }
        if (o.Targets.Any(t => t.Enabled) && string.IsNullOrEmpty(o.ApiKey))
            failures.Add("Delivery:ApiKey is required (an operator key; set Delivery__ApiKey in the environment)");
        var p = o.Pipeline;
        if (p.AttemptTimeout >= p.TotalTimeout) failures.Add("Delivery:Pipeline:AttemptTimeout must be shorter than TotalTimeout");
        if (p.MaxDelay < p.BaseDelay) failures.Add("Delivery:Pipeline:MaxDelay must not be shorter than BaseDelay");
        // A batch is sent Parallelism at a time; if the lease ran out before its last delivery finished, another worker
        // could take that delivery over while we are still sending it.
        var rounds = (o.BatchSize + o.Parallelism - 1) / o.Parallelism;
        if (o.LeaseDuration < p.TotalTimeout * rounds + TimeSpan.FromSeconds(5))
            failures.Add($"Delivery:LeaseDuration ({o.LeaseDuration}) must exceed Pipeline:TotalTimeout × ⌈BatchSize/Parallelism⌉ + 5 s ({p.TotalTimeout * rounds + TimeSpan.FromSeconds(5)})");
        if (o.LeaseDuration > o.MaxLease)
            failures.Add($"Delivery:LeaseDuration ({o.LeaseDuration}) exceeds Delivery:MaxLease ({o.MaxLease}), the longest lease the service grants; lower BatchSize or raise Parallelism");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
