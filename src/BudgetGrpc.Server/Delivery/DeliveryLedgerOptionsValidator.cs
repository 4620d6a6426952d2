using System.ComponentModel.DataAnnotations;
using BudgetGrpc.Data.Deliveries;
using Microsoft.Extensions.Options;

namespace BudgetGrpc.Server.Delivery;

/// <summary>Data annotations do not descend into the target list; this checks each target and that names are unique.</summary>
public sealed class DeliveryLedgerOptionsValidator : IValidateOptions<DeliveryLedgerOptions>
{
    public ValidateOptionsResult Validate(string? name, DeliveryLedgerOptions options)
    {
        var failures = new List<string>();
        for (var i = 0; i < options.Targets.Count; i++)
        {
            var target = options.Targets[i];
            var results = new List<ValidationResult>();
            if (!Validator.TryValidateObject(target, new ValidationContext(target), results, validateAllProperties: true))
                failures.AddRange(results.Select(r => $"Delivery:Targets:{i}: {r.ErrorMessage}"));
            if (!Enum.IsDefined(target.Format)) failures.Add($"Delivery:Targets:{i}:Format must be json or csv");
        }
        failures.AddRange(options.Targets.GroupBy(t => t.Name, StringComparer.Ordinal).Where(g => g.Count() > 1)
            .Select(g => $"Delivery:Targets: the name '{g.Key}' is used twice"));
        if (options.MaxBackoff < options.BaseBackoff) failures.Add("Delivery:MaxBackoff must not be shorter than Delivery:BaseBackoff");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
