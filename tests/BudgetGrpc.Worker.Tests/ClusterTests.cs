using BudgetGrpc.Scheduling;
using BudgetGrpc.Contracts.V1;
using BudgetGrpc.Worker.Scheduling;
using BudgetGrpc.Data.Tests.Infrastructure;
using BudgetGrpc.Worker.Tests.Infrastructure;

namespace BudgetGrpc.Worker.Tests;

public sealed class ClusterTests : ServerAndInboxTests
{
    private PostgresCluster postgres = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        postgres = new PostgresCluster();
        await postgres.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await postgres.DisposeAsync();
        await base.DisposeAsync();
    }

    /// <summary>Worker settings for a node of a cluster on a fresh Quartz database in the private PostgreSQL.</summary>
    private async Task<Dictionary<string, string?>> ClusteredSettingsAsync()
    {
        var settings = inbox.WorkerSettings(server.Url, LoopbackServer.OperatorKey);
        settings["Worker:Quartz:Provider"] = "PostgreSql";
        settings["Worker:Quartz:ConnectionString"] = await postgres.CreateDatabaseAsync();
        settings["Worker:Quartz:Clustered"] = "true";
        settings["Worker:Quartz:CheckinInterval"] = "00:00:02";
        settings["Worker:FolderImport:StableFor"] = "00:00:00.200";
        return settings;
    }

    [Fact]
    public async Task Two_workers_clustered_on_one_PostgreSQL_store_import_each_file_exactly_once()
    {
        const int count = 60;
        var shas = SampleVariants.Drop(inbox, count).Select(Inbox.Sha256).ToHashSet();
        var settings = await ClusteredSettingsAsync();

        using var a = WorkerProcess.Start(settings, inbox.Root);
        await a.WaitForOutputAsync("Folder import schedule", TimeSpan.FromSeconds(60));
        using var b = WorkerProcess.Start(settings, inbox.Root);
        await b.WaitForOutputAsync("Folder import schedule", TimeSpan.FromSeconds(60));

        // Three requests at once: both nodes race for them, and the job still never runs twice at the same time.
        await using (var client = await WorkerSchedulerClient.OpenAsync(WorkerHost.StoreOptions(settings), CancellationToken.None))
        {
            string? last = null;
            for (var i = 0; i < 3; i++) last = await client.RunNowAsync(CancellationToken.None);
            Assert.NotNull(await client.WaitForRunAsync(last!, TimeSpan.FromMinutes(3), CancellationToken.None));
        }

        Assert.Empty(inbox.FilesUnder(inbox.InboxFolder));
        var archived = inbox.FilesUnder(inbox.Archive).ToList();
        Assert.Equal(count, archived.Count);
        Assert.Equal(shas, archived.Select(Inbox.Sha256).ToHashSet());
        var uploads = await server.UploadsAsync();
        Assert.Equal(count, uploads.Count);
        foreach (var sha in shas) Assert.Single(uploads, u => u.Sha256 == sha && u.Outcome == UploadOutcome.Created);
        // Both nodes are alive cluster members, whichever of them ran the work.
        Assert.False(a.HasExited);
        Assert.False(b.HasExited);
        Assert.Contains("Folder import run", a.Output + b.Output);
    }
    [Fact]
    public async Task A_clustered_node_killed_mid_run_is_failed_over_and_the_other_node_finishes_the_run()
    {
        const int count = 150;
        var shas = SampleVariants.Drop(inbox, count).Select(Inbox.Sha256).ToHashSet();
        var settings = await ClusteredSettingsAsync();

        using var a = WorkerProcess.Start(settings, inbox.Root);
        await a.WaitForOutputAsync("Folder import schedule", TimeSpan.FromSeconds(60));
        await using (var client = await WorkerSchedulerClient.OpenAsync(WorkerHost.StoreOptions(settings), CancellationToken.None))
            Assert.NotNull(await client.RunNowAsync(CancellationToken.None));
        await a.WaitForOutputAsync("Folder import run", TimeSpan.FromSeconds(60));
        using var b = WorkerProcess.Start(settings, inbox.Root);
        await b.WaitForOutputAsync("Folder import schedule", TimeSpan.FromSeconds(60));
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (inbox.FilesUnder(inbox.Archive).Count() < 10)
        {
            Assert.True(DateTime.UtcNow < deadline, "node A archived nothing:\n" + a.Output);
            await Task.Delay(10);
        }
        a.Kill();
        Assert.InRange(inbox.FilesUnder(inbox.Archive).Count(), 10, count - 1);

        // B sees A stop checking in and runs A's firing again as a recovery.
        var end = DateTime.UtcNow.AddSeconds(120);
        while (inbox.FilesUnder(inbox.InboxFolder).Any())
        {
            Assert.True(DateTime.UtcNow < end, "files left in the inbox:\n" + b.Output);
            await Task.Delay(100);
        }
        await b.WaitForOutputAsync("Folder import run finished", TimeSpan.FromSeconds(60));
        Assert.Contains("(recovering: True)", b.Output);

        Assert.Equal(shas, inbox.FilesUnder(inbox.Archive).Select(Inbox.Sha256).ToHashSet());
        Assert.Equal(count, inbox.FilesUnder(inbox.Archive).Count());
        var uploads = await server.UploadsAsync();
        foreach (var sha in shas)
            Assert.Single(uploads, u => u.Sha256 == sha && u.Outcome == UploadOutcome.Created);
    }
}
