using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

using BudgetGrpc.Worker.Deliveries;

// Beside AddFolderImport, so the worker's Program.cs calls it without another using.
namespace BudgetGrpc.Worker.Extensions;

public static class DeliveryWorkerExtensions
{
    /// <summary>
    /// The delivery job: options (validated at start), the service client, the HTTP and folder targets, the "delivery"
    /// pipeline per target and the repeating schedule. Needs Quartz registered (AddFolderImport does); the tests call
    /// <see cref="AddDeliveryServices"/> alone and run the job themselves.
    /// </summary>
    public static IHostApplicationBuilder AddDelivery(this IHostApplicationBuilder builder)
    {
        builder.Services.AddDeliveryServices();
        builder.Services.AddHostedService<DeliverySchedule>();
        return builder;
    }

    public static IServiceCollection AddDeliveryServices(this IServiceCollection services)
    {
        services.AddOptions<DeliveryWorkerOptions>().BindConfiguration(DeliveryWorkerOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<DeliveryWorkerOptions>, DeliveryWorkerOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        // Timeouts are the pipeline's: the client itself never gives up on its own. No automatic redirects: a 301/302
        // would turn the POST into a body-less GET whose 200 looks like a delivery; a 3xx is reported and parked instead.
        services.AddHttpClient(HttpTarget.ClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                ConnectTimeout = TimeSpan.FromSeconds(10),
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            });
        services.AddSingleton<DeliveryClient>();
        services.AddSingleton<HttpTarget>();
        services.AddSingleton<FolderTarget>();
        services.AddTransient<DeliveryRunner>();
        services.AddTransient<DeliveryJob>();
        DeliveryPipeline.Register(services);
        return services;
    }
}
