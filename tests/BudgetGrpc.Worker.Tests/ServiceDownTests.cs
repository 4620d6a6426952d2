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
    public async Task After_a_long_outage_the_first_run_once_the_service_is_back_imports()
    {
        // While the service is down the channel's own reconnect attempts back off (gRPC's default grows to two minutes), and
        // until its next attempt every call fails at once with the old error: the retries of the run after the service came
        // back would all fail unseen. The worker's channel reconnects at least as often as its first retry delay.
        SampleVariants.Drop(inbox, 2);
        await server.StopAsync();
        await using var worker = await WorkerHost.StartAsync(inbox.WorkerSettings(server.Url, LoopbackServer.OperatorKey));
        for (var run = 0; run < 4; run++)
            Assert.Equal(2, (await worker.RunNowAsync()).LeftForNextRun);

        await server.StartAsync();
        var up = await worker.RunNowAsync();

        Assert.Equal(2, up.Imported);
        Assert.Equal(0, up.LeftForNextRun);
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
