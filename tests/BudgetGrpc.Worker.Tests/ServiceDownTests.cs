using BudgetGrpc.Contracts.V1;
using BudgetGrpc.Worker.Tests.Infrastructure;

namespace BudgetGrpc.Worker.Tests;

public sealed class ServiceDownTests : ServerAndInboxTests
{
    [Fact]
    public async Task Service_down_after_retries_leaves_every_file_in_place_and_the_next_run_imports_them()
    {
        var files = SampleVariants.Drop(inbox, 5);
        await server.StopAsync();
        await using var worker = await WorkerHost.StartAsync(inbox.WorkerSettings(server.Url, LoopbackServer.OperatorKey));

        var down = await worker.RunNowAsync();

        Assert.Equal(0, down.Imported);
        Assert.Equal(5, down.LeftForNextRun);
        Assert.All(files, f => Assert.True(File.Exists(f)));
        Assert.Empty(inbox.FilesUnder(inbox.Archive));
        Assert.Empty(inbox.FilesUnder(inbox.Quarantine));
        Assert.Contains(worker.Logs, m => m.Contains("is unavailable after retries", StringComparison.Ordinal));

        await server.StartAsync();
        var up = await worker.RunNowAsync();

        Assert.Equal(5, up.Imported);
        Assert.Equal(5, inbox.FilesUnder(inbox.Archive).Count());
        Assert.Equal(5, (await server.UploadsAsync()).Count(u => u.Outcome == UploadOutcome.Created));
    }

    [Fact]
    public async Task A_key_the_service_refuses_leaves_every_file_in_place_instead_of_quarantining_the_inbox()
    {
        var files = SampleVariants.Drop(inbox, 3);
        await using (var worker = await WorkerHost.StartAsync(inbox.WorkerSettings(server.Url, "a-rotated-or-mistyped-key")))
        {
            var refused = await worker.RunNowAsync();
            Assert.Equal(0, refused.Imported);
            Assert.All(files, f => Assert.True(File.Exists(f)));
            Assert.Empty(inbox.FilesUnder(inbox.Quarantine));
        }

        await using var fixedKey = await WorkerHost.StartAsync(inbox.WorkerSettings(server.Url, LoopbackServer.OperatorKey));
        Assert.Equal(3, (await fixedKey.RunNowAsync()).Imported);
    }
}
