using BudgetGrpc.Data.Deliveries;
using BudgetGrpc.Server.Delivery;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

// In the Extensions namespace beside the other AddBudgetXxx calls, so BudgetServer needs no extra using.
namespace BudgetGrpc.Server.Extensions;

public static class DeliveryServerExtensions
{
    /// <summary>
    /// The delivery ledger (section "Delivery": targets by name and format, attempts, backoff) behind the
    /// DeliveryService. Target names are validated at start because they are part of every idempotency key.
    /// </summary>
    public static IHostApplicationBuilder AddBudgetDelivery(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DeliveryLedgerOptions>()
            .BindConfiguration(DeliveryLedgerOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<DeliveryLedgerOptions>, DeliveryLedgerOptionsValidator>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddScoped<DeliveryLedger>();
        builder.Services.AddHostedService<DeliveryEnqueueService>();
        return builder;
    }
}
