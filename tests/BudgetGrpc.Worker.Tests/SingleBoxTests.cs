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

    [Fact]
    public async Task The_box_creates_the_documented_inbox_folder_at_start()
    {
        // README: "Drop a table into data/inbox/<department>/"; on a fresh install nothing had created it.
        var documented = Path.Combine(inbox.Root, "data", "inbox");
        Assert.False(Directory.Exists(documented));
        await using var server = await LoopbackServer.StartAsync(Path.Combine(inbox.Root, "server"), extraSettings: s =>
        {
            var settings = inbox.WorkerSettings(s.Url, LoopbackServer.ImporterKey);
            settings[LoopbackHost.SingleBoxKey] = "true";
            settings["Worker:FolderImport:Inbox"] = documented;
            return settings;
        });

        Assert.True(Directory.Exists(documented), $"{documented} was not created at start");
    }

    public void Dispose() => inbox.Dispose();
}
