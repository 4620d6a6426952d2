using BudgetGrpc.Scheduling;
using BudgetGrpc.Worker.Jobs;
using BudgetGrpc.Worker.Scheduling;
using BudgetGrpc.Worker.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Quartz;

namespace BudgetGrpc.Worker.Tests;

public sealed class ScheduleTests : ServerAndInboxTests
{
    [Fact]
    public async Task Nights_missed_while_no_worker_ran_are_made_up_once_at_start_up_not_once_per_night()
    {
        var settings = inbox.WorkerSettings(server.Url, LoopbackServer.ImporterKey);
        settings["Worker:FolderImport:Cron"] = "0 0 2 * * ?";
        // The nightly trigger as a worker stored it, then no worker ran for three nights: its next firing lies
        // three days back, exactly what the store holds after such an outage.
        var next = await StoreStaleCronTriggerAsync(settings, "0 0 2 * * ?", DateTimeOffset.UtcNow);
        await MoveNextFireTimeAsync(next, next.AddDays(-3));
        inbox.DropSample("样例县农业农村局", "yangli-2025-agri.xlsx");

        await using var worker = await WorkerHost.StartAsync(settings);
        var scheduler = await worker.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        // No fixed sleep: wait until no further catch-up firing can come. That is once the trigger's next firing lies
        // in the future (Quartz moves it when it fires; a trigger that made up each night would stay in the past
        // until the last one), the trigger is not blocked by a running job (the job disallows concurrent runs), and
        // every run that started has finished.
        int Started() => worker.Logs.Count(m => m.StartsWith("Folder import run ", StringComparison.Ordinal) && m.Contains("started"));
        int Finished() => worker.Logs.Count(m => m.StartsWith("Folder import run finished", StringComparison.Ordinal));
        var deadline = DateTime.UtcNow.AddSeconds(60);
        ICronTrigger trigger;
        while (true)
        {
            trigger = Assert.IsAssignableFrom<ICronTrigger>(await scheduler.GetTrigger(FolderImportSchedule.CronTriggerKey));
            var settled = trigger.NextFireTimeUtc > DateTimeOffset.UtcNow
                && await scheduler.GetTriggerState(FolderImportSchedule.CronTriggerKey) == TriggerState.Normal // not blocked by a running job
                && Started() >= 1 && Started() == Finished();
            if (settled) break;
            Assert.True(DateTime.UtcNow < deadline,
                $"the missed night was not made up, or its runs did not settle (next firing {trigger.NextFireTimeUtc:u}):\n" + string.Join('\n', worker.Logs));
            await Task.Delay(100);
        }

        Assert.Equal(1, Started());
        Assert.Single(inbox.FilesUnder(inbox.Archive));
        Assert.True(trigger.NextFireTimeUtc > DateTimeOffset.UtcNow, "after the catch-up the trigger waits for the next night");
        Assert.Contains(worker.Logs, m => m.StartsWith("Folder import schedule kept", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_changed_cron_replaces_the_stored_trigger()
    {
        var settings = inbox.WorkerSettings(server.Url, LoopbackServer.ImporterKey);
        await StoreStaleCronTriggerAsync(settings, "0 0 2 * * ?", DateTimeOffset.UtcNow.AddDays(-3));
        settings["Worker:FolderImport:Cron"] = "0 30 23 * * ?";

        await using var worker = await WorkerHost.StartAsync(settings);

        var scheduler = await worker.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var trigger = Assert.IsAssignableFrom<ICronTrigger>(await scheduler.GetTrigger(FolderImportSchedule.CronTriggerKey));
        Assert.Equal("0 30 23 * * ?", trigger.CronExpressionString);
        Assert.Equal(CronTriggerMisfireInstruction.FireAndProceed, trigger.MisfireInstruction);
        Assert.True(trigger.NextFireTimeUtc > DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task The_archive_inside_the_inbox_is_refused_at_start()
    {
        var settings = inbox.WorkerSettings(server.Url, LoopbackServer.ImporterKey);
        settings["Worker:FolderImport:Archive"] = Path.Combine(inbox.InboxFolder, "archive");

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => WorkerHost.StartAsync(settings));
        Assert.Contains("lies inside the scanned folder", error.Message);
    }

    /// <summary>
    /// Sets the stored trigger's next fire time the way the store writes it (Quartz.NET stores UTC ticks; the unit is
    /// checked against the value just written rather than assumed).
    /// </summary>
    private async Task MoveNextFireTimeAsync(DateTimeOffset stored, DateTimeOffset missed)
    {
        await using var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={inbox.QuartzDb}");
        await db.OpenAsync();
        await using var read = db.CreateCommand();
        read.CommandText = "SELECT next_fire_time FROM qrtz_triggers WHERE trigger_name = 'folder-import-cron'";
        var value = Convert.ToInt64(await read.ExecuteScalarAsync());
        long written;
        if (value == stored.UtcTicks) written = missed.UtcTicks;
        else if (value == stored.ToUnixTimeMilliseconds()) written = missed.ToUnixTimeMilliseconds();
        else throw new InvalidOperationException($"unexpected next_fire_time encoding {value} for {stored:O}");
        await using var update = db.CreateCommand();
        update.CommandText = "UPDATE qrtz_triggers SET next_fire_time = $t WHERE trigger_name = 'folder-import-cron'";
        update.Parameters.AddWithValue("$t", written);
        Assert.Equal(1, await update.ExecuteNonQueryAsync());
    }

    /// <summary>Writes the job and a cron trigger started at <paramref name="startedAt"/> into the store, without running anything.</summary>
    private static async Task<DateTimeOffset> StoreStaleCronTriggerAsync(Dictionary<string, string?> settings, string cron, DateTimeOffset startedAt)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddQuartz(q => SchedulerStore.Configure(q, WorkerHost.StoreOptions(settings)));
        await using var provider = services.BuildServiceProvider();
        var scheduler = await provider.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.AddJob(JobBuilder.Create<FolderImportJob>().WithIdentity(FolderImportJob.Key).StoreDurably().RequestRecovery().Build(),
            AddJobOptions.Replacing, CancellationToken.None);
        var trigger = TriggerBuilder.Create()
            .WithIdentity(FolderImportSchedule.CronTriggerKey)
            .ForJob(FolderImportJob.Key)
            .WithSchedule(CronScheduleBuilder.Create(cron)
                .InTimeZone(TimeZoneInfo.FindSystemTimeZoneById(settings["Worker:FolderImport:TimeZone"]!))
                .WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
            .StartAt(startedAt)
            .Build();
        await scheduler.ScheduleTrigger(trigger, TriggerConflict.Replace, CancellationToken.None);
        var stored = (await scheduler.GetTrigger(FolderImportSchedule.CronTriggerKey))!.NextFireTimeUtc!.Value;
        await scheduler.Shutdown(false, CancellationToken.None);
        return stored;
    }
}
