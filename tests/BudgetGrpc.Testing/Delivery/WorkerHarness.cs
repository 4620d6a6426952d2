using BudgetGrpc.Scheduling;
using BudgetGrpc.Worker.Deliveries;
using BudgetGrpc.Worker.Extensions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BudgetGrpc.Delivery.Tests.Infrastructure;

/// <summary>
/// The worker's delivery services as the worker registers them (AddDeliveryServices over a "Delivery" section), in a
/// container of their own: disposing it is a worker process going away, building another is its restart.
/// </summary>
public sealed class WorkerHarness : IAsyncDisposable
{
    private readonly ServiceProvider provider;

    private WorkerHarness(ServiceProvider provider) => this.provider = provider;

    public IServiceProvider Services => provider;

    /// <summary>Defaults: a quick pipeline (attempt 1 s, total 5 s, three retries 50–200 ms, breaker off), batches of 10, 4 at a time.</summary>
    public static WorkerHarness Create(string serverUrl, Action<Dictionary<string, string?>> configure)
    {
        var values = new Dictionary<string, string?>
        {
            ["Delivery:ServerUrl"] = serverUrl,
            ["Delivery:ApiKey"] = LoopbackDeliveryServer.OperatorKey,
            ["Delivery:WorkerId"] = "worker-" + Guid.NewGuid().ToString("N")[..6],
            ["Delivery:BatchSize"] = "10",
            ["Delivery:Parallelism"] = "4",
            ["Delivery:LeaseDuration"] = "00:01:00",
            ["Delivery:Pipeline:TotalTimeout"] = "00:00:05",
            ["Delivery:Pipeline:AttemptTimeout"] = "00:00:01",
            ["Delivery:Pipeline:MaxRetryAttempts"] = "3",
            ["Delivery:Pipeline:BaseDelay"] = "00:00:00.050",
            ["Delivery:Pipeline:MaxDelay"] = "00:00:00.200",
            ["Delivery:Pipeline:MaxInlineRetryAfter"] = "00:00:02",
            // Off unless a test is about the breaker: the flaky-sink tests fail most first attempts on purpose.
            ["Delivery:Pipeline:BreakerMinimumThroughput"] = "10000",
        };
        configure(values);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddDeliveryServices();
        var provider = services.BuildServiceProvider();
        // What ValidateOnStart does in a host: fail here, not at the first send.
        _ = provider.GetRequiredService<IOptions<DeliveryWorkerOptions>>().Value;
        return new WorkerHarness(provider);
    }

    public static void HttpTarget(Dictionary<string, string?> values, int index, string name, string url)
    {
        values[$"Delivery:Targets:{index}:Name"] = name;
        values[$"Delivery:Targets:{index}:Kind"] = "Http";
        values[$"Delivery:Targets:{index}:Url"] = url;
        values[$"Delivery:Targets:{index}:AuthSecret"] = "Bearer sink-secret";
    }

    public static void FolderTarget(Dictionary<string, string?> values, int index, string name, string folder)
    {
        values[$"Delivery:Targets:{index}:Name"] = name;
        values[$"Delivery:Targets:{index}:Kind"] = "Folder";
        values[$"Delivery:Targets:{index}:Folder"] = folder;
    }

    public Task<DeliveryRunSummary> RunOnceAsync(CancellationToken cancellationToken = default) =>
        provider.GetRequiredService<DeliveryRunner>().RunOnceAsync(cancellationToken);

    public ValueTask DisposeAsync() => provider.DisposeAsync();
}
