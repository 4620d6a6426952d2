using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace BudgetGrpc.Scheduling;

/// <summary>
/// The scheduler as a client of the shared store, never started: it only writes a one-shot trigger that whichever
/// worker node polls first will fire. Works with no worker reachable over the network, and with a cluster; the
/// trigger waits in the store if no worker runs yet.
/// </summary>
public sealed class WorkerSchedulerClient : IAsyncDisposable
{
    public const string RunRequestKey = "runNow.requestId";

    private readonly ServiceProvider provider;
    private readonly IScheduler scheduler;

    private WorkerSchedulerClient(ServiceProvider provider, IScheduler scheduler)
    {
        this.provider = provider;
        this.scheduler = scheduler;
    }

    public static async Task<WorkerSchedulerClient> OpenAsync(SchedulerStoreOptions store, CancellationToken cancellationToken)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddQuartz(q => SchedulerStore.Configure(q, store));
        var provider = services.BuildServiceProvider();
        var scheduler = await provider.GetRequiredService<ISchedulerFactory>().GetScheduler(cancellationToken);
        return new WorkerSchedulerClient(provider, scheduler);
    }

    /// <summary>Asks for a run now; returns the request id the run will report, or null when no worker ever stored the job.</summary>
    public async Task<string?> RunNowAsync(CancellationToken cancellationToken)
    {
        if (!await scheduler.Exists(JobKeys.FolderImport, cancellationToken)) return null;
        var requestId = Guid.NewGuid().ToString("N");
        var trigger = TriggerBuilder.Create()
            .WithIdentity(new TriggerKey("run-now-" + requestId, "budget"))
            .ForJob(JobKeys.FolderImport)
            .UsingJobData(RunRequestKey, requestId)
            .StartNow()
            // Fired late (no worker was up, or a run was in progress): run once as soon as possible.
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
        await scheduler.ScheduleTrigger(trigger, TriggerConflict.Replace, cancellationToken);
        return requestId;
    }

    /// <summary>The summary of the run that answered <paramref name="requestId"/>, once it has finished.</summary>
    public async Task<RunSummary?> WaitForRunAsync(string requestId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            while (true)
            {
                var job = await scheduler.GetJobDetail(JobKeys.FolderImport, timeoutSource.Token);
                if (job is not null && job.JobDataMap.TryGetValue(RunRequestKey, out var answered) && Equals(answered, requestId))
                    return RunSummary.ReadFrom(job.JobDataMap);
                await Task.Delay(TimeSpan.FromMilliseconds(500), timeoutSource.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>The last run's counts as stored with the job.</summary>
    public async Task<RunSummary?> LastRunAsync(CancellationToken cancellationToken) =>
        await scheduler.GetJobDetail(JobKeys.FolderImport, cancellationToken) is { } job ? RunSummary.ReadFrom(job.JobDataMap) : null;

    public async ValueTask DisposeAsync()
    {
        await scheduler.Shutdown(false, CancellationToken.None);
        await provider.DisposeAsync();
    }
}
