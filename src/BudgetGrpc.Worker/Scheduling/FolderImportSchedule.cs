using BudgetGrpc.Worker.Jobs;
using BudgetGrpc.Worker.Options;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace BudgetGrpc.Worker.Scheduling;

/// <summary>
/// Puts the job and its cron trigger into the store before the scheduler starts. A stored trigger with the same cron
/// and time zone is kept as it is: replacing it would recompute its next firing from now and silently drop a night
/// missed while no worker ran. Kept, it misfires, and FireAndProceed runs the missed night once at start-up
/// (never once per missed night), then carries on with the cron.
/// </summary>
public sealed partial class FolderImportSchedule(
    ISchedulerFactory schedulers,
    IOptions<FolderImportOptions> options,
    ILogger<FolderImportSchedule> logger) : IHostedService
{
    public static readonly TriggerKey CronTriggerKey = new("folder-import-cron", "budget");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // The documented drop folder exists from the start, so a department's first table has somewhere to go.
        if (!string.IsNullOrWhiteSpace(options.Value.Inbox)) Directory.CreateDirectory(options.Value.Inbox);
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var job = JobBuilder.Create<FolderImportJob>()
            .WithIdentity(FolderImportJob.Key)
            .WithDescription("Imports stable files from the department folders; archives or quarantines them")
            .StoreDurably()
            .RequestRecovery()
            .Build();
        await scheduler.AddJob(job, AddJobOptions.Replacing, cancellationToken);

        var o = options.Value;
        var zone = o.ResolveTimeZone();
        if (await scheduler.GetTrigger(CronTriggerKey, cancellationToken) is ICronTrigger stored
            && stored.CronExpressionString == o.Cron
            && stored.TimeZone.Id == zone.Id
            && stored.MisfireInstruction == CronTriggerMisfireInstruction.FireAndProceed)
        {
            LogKept(logger, o.Cron, zone.Id, stored.NextFireTimeUtc);
            return;
        }

        var trigger = TriggerBuilder.Create()
            .WithIdentity(CronTriggerKey)
            .ForJob(FolderImportJob.Key)
            .WithDescription("Nightly folder import")
            .WithSchedule(CronScheduleBuilder.Create(o.Cron)
                .InTimeZone(zone)
                .WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
            .StartNow()
            .Build();
        await scheduler.ScheduleTrigger(trigger, TriggerConflict.Replace, cancellationToken);
        LogScheduled(logger, o.Cron, zone.Id, trigger.NextFireTimeUtc);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Folder import schedule kept: {Cron} ({TimeZone}), next firing {Next}")]
    private static partial void LogKept(ILogger logger, string cron, string timeZone, DateTimeOffset? next);

    [LoggerMessage(Level = LogLevel.Information, Message = "Folder import scheduled: {Cron} ({TimeZone}), next firing {Next}")]
    private static partial void LogScheduled(ILogger logger, string cron, string timeZone, DateTimeOffset? next);
}
