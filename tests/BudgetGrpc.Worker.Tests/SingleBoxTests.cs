using BudgetGrpc.Contracts.V1;
using BudgetGrpc.Worker.Tests.Infrastructure;

namespace BudgetGrpc.Worker.Tests;

/// <summary>Single box (src/BudgetGrpc.Host): the folder import runs in the server's process and calls that server.</summary>
public sealed class SingleBoxTests : IDisposable
{
    private readonly Inbox inbox = new();

    [Fact]
    public async Task The_server_hosting_the_job_imports_the_inbox_when_asked_to_run_now()
    {
        inbox.DropSample("样例县教育局", "yangli-2025-edu-form.xlsx");
        Dictionary<string, string?> workerSettings = [];
        await using var server = await LoopbackServer.StartAsync(Path.Combine(inbox.Root, "server"), extraSettings: s =>
        {
            workerSettings = inbox.WorkerSettings(s.Url, LoopbackServer.ImporterKey);
            workerSettings[LoopbackHost.SingleBoxKey] = "true";
            return workerSettings;
        });

        var summary = await WorkerHost.RunNowAsync(workerSettings);

        Assert.Equal(1, summary.Imported);
        Assert.Single(inbox.FilesUnder(inbox.Archive));
        Assert.Single(await server.UploadsAsync(), u => u.Outcome == UploadOutcome.Created);
    }

    public void Dispose() => inbox.Dispose();
}
