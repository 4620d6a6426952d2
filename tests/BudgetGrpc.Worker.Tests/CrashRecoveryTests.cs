using BudgetGrpc.Scheduling;
using BudgetGrpc.Contracts.V1;
using BudgetGrpc.Worker.Scheduling;
using BudgetGrpc.Worker.Tests.Infrastructure;
using Google.Protobuf;

namespace BudgetGrpc.Worker.Tests;

/// <summary>A run cut short anywhere repeats safely: every file is imported exactly once and none is lost.</summary>
public sealed class CrashRecoveryTests : ServerAndInboxTests
{
    [Fact]
    public async Task A_crash_between_import_and_move_is_answered_unchanged_and_the_file_is_archived_once()
    {
        var path = inbox.DropSample("样例县农业农村局", "yangli-2025-agri.xlsx");
        var sha = Inbox.Sha256(path);
        // The previous run sent the file and died before moving it.
        var first = await server.OperatorClient().ImportDisclosureAsync(new ImportDisclosureRequest
        {
            FileName = "yangli-2025-agri.xlsx",
            Content = ByteString.CopyFrom(await File.ReadAllBytesAsync(path)),
            DepartmentHint = "样例县农业农村局",
        });
        Assert.Equal(ImportOutcome.Created, first.Outcome);

        await using var worker = await WorkerHost.StartAsync(inbox.WorkerSettings(server.Url, LoopbackServer.ImporterKey));
        var summary = await worker.RunNowAsync();

        Assert.Equal(1, summary.Imported);
        Assert.False(File.Exists(path));
        Assert.Single(inbox.FilesUnder(inbox.Archive));
        var uploads = (await server.UploadsAsync()).Where(u => u.Sha256 == sha).ToList();
        Assert.Equal([UploadOutcome.Created, UploadOutcome.Unchanged], uploads.Select(u => u.Outcome).Order());
        Assert.Equal(1, Assert.Single(await server.DisclosuresAsync()).RevisionCount);
        Assert.Contains(worker.Logs, m => m.Contains("(Unchanged,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Worker_process_killed_mid_run_and_restarted_imports_every_file_exactly_once()
    {
        const int count = 150;
        var dropped = SampleVariants.Drop(inbox, count);
        var shas = dropped.Select(Inbox.Sha256).ToHashSet();
        var settings = inbox.WorkerSettings(server.Url, LoopbackServer.OperatorKey);
        settings["Worker:FolderImport:StableFor"] = "00:00:00.200";

        using (var first = WorkerProcess.Start(settings, inbox.Root))
        {
            await first.WaitForOutputAsync("Folder import schedule", TimeSpan.FromSeconds(60));
            await using (var client = await WorkerSchedulerClient.OpenAsync(WorkerHost.StoreOptions(settings), CancellationToken.None))
                Assert.NotNull(await client.RunNowAsync(CancellationToken.None));
            var deadline = DateTime.UtcNow.AddSeconds(90);
            while (inbox.FilesUnder(inbox.Archive).Count() < 10)
            {
                Assert.True(DateTime.UtcNow < deadline, "the first worker archived nothing:\n" + first.Output);
                await Task.Delay(10);
            }
            first.Kill();
        }
        var archivedBeforeKill = inbox.FilesUnder(inbox.Archive).Count();
        Assert.True(archivedBeforeKill < count, "the run finished before it could be killed; the test proves nothing");

        using (var second = WorkerProcess.Start(settings, inbox.Root))
        {
            // The killed run asked for recovery: the restarted worker runs it again without being told.
            var deadline = DateTime.UtcNow.AddSeconds(120);
            while (inbox.FilesUnder(inbox.InboxFolder).Any())
            {
                Assert.True(DateTime.UtcNow < deadline, "files left in the inbox:\n" + second.Output);
                await Task.Delay(100);
            }
            await second.WaitForOutputAsync("Folder import run finished", TimeSpan.FromSeconds(60));
            Assert.Contains("(recovering: True)", second.Output);
        }

        var archived = inbox.FilesUnder(inbox.Archive).ToList();
        Assert.Equal(count, archived.Count);
        Assert.Equal(shas, archived.Select(Inbox.Sha256).ToHashSet());
        Assert.Empty(inbox.FilesUnder(inbox.Quarantine));
        Assert.DoesNotContain(archived, a => Path.GetFileNameWithoutExtension(a).EndsWith("-1", StringComparison.Ordinal));

        var uploads = await server.UploadsAsync();
        foreach (var sha in shas)
            Assert.Single(uploads, u => u.Sha256 == sha && u.Outcome is UploadOutcome.Created or UploadOutcome.NewRevision);
        // At most the file in flight at the kill was sent twice, and the second answer was UNCHANGED.
        Assert.InRange(uploads.Count(u => u.Outcome == UploadOutcome.Unchanged), 0, 1);
        var disclosures = await server.DisclosuresAsync();
        Assert.Equal(count, disclosures.Count);
        Assert.All(disclosures, d => Assert.Equal(1, d.RevisionCount));
    }
    [Fact]
    public async Task A_worker_stopped_mid_run_stops_between_files_and_the_restarted_worker_finishes_the_run()
    {
        const int count = 120;
        var shas = SampleVariants.Drop(inbox, count).Select(Inbox.Sha256).ToHashSet();
        var settings = inbox.WorkerSettings(server.Url, LoopbackServer.OperatorKey);
        settings["Worker:FolderImport:StableFor"] = "00:00:00.200";

        await using (var first = await WorkerHost.StartAsync(settings))
        {
            await using (var client = await WorkerSchedulerClient.OpenAsync(WorkerHost.StoreOptions(settings), CancellationToken.None))
                Assert.NotNull(await client.RunNowAsync(CancellationToken.None));
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (inbox.FilesUnder(inbox.Archive).Count() < 10)
            {
                Assert.True(DateTime.UtcNow < deadline, "the first worker archived nothing");
                await Task.Delay(10);
            }
        } // a graceful stop (SIGTERM), mid-run
        Assert.InRange(inbox.FilesUnder(inbox.Archive).Count(), 10, count - 1);

        await using var second = await WorkerHost.StartAsync(settings);
        var end = DateTime.UtcNow.AddSeconds(90);
        while (inbox.FilesUnder(inbox.InboxFolder).Any())
        {
            Assert.True(DateTime.UtcNow < end, "files left in the inbox:\n" + string.Join('\n', second.Logs));
            await Task.Delay(100);
        }

        Assert.Contains(second.Logs, m => m.Contains("(recovering: True)", StringComparison.Ordinal));
        Assert.Equal(shas, inbox.FilesUnder(inbox.Archive).Select(Inbox.Sha256).ToHashSet());
        Assert.Equal(count, inbox.FilesUnder(inbox.Archive).Count());
        var uploads = await server.UploadsAsync();
        Assert.Equal(count, uploads.Count(u => u.Outcome == UploadOutcome.Created));
    }
}
