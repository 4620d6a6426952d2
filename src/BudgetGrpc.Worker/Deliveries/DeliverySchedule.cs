using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace BudgetGrpc.Worker.Deliveries;

/// <summary>
/// Stores the delivery job and a repeating trigger. Missed firings are dropped (the next one drains everything due),
/// so a worker that was down does not replay a backlog of firings.
/// </summary>
public sealed class DeliverySchedule(ISchedulerFactory schedulers, IOptions<DeliveryWorkerOptions> options, ILogger<DeliverySchedule> logger) : IHostedService
{
    public static readonly TriggerKey TriggerKey = new("delivery-interval", "budget");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (!o.Targets.Any(t => t.Enabled)) return;
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var job = JobBuilder.Create<DeliveryJob>()
            .WithIdentity(DeliveryJob.Key)
            .WithDescription("Leases due deliveries and pushes them to their targets")
            .StoreDurably()
            .Build();
        await scheduler.AddJob(job, AddJobOptions.Replacing, cancellationToken);
        var trigger = TriggerBuilder.Create()
            .WithIdentity(TriggerKey)
            .ForJob(DeliveryJob.Key)
            .WithSimpleSchedule(s => s.WithInterval(o.Interval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount))
            .StartNow()
            .Build();
        await scheduler.ScheduleTrigger(trigger, TriggerConflict.Replace, cancellationToken);
        Log.Scheduled(logger, o.Interval, trigger.NextFireTimeUtc);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
