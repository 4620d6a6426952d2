using BudgetGrpc.Contracts.V1;
using BudgetGrpc.Tools;
using BudgetGrpc.Worker.Tests.Infrastructure;

namespace BudgetGrpc.Worker.Tests;

/// <summary>`budget worker run-now|status` and `budget reimport`, run through the real command line.</summary>
public sealed class ToolsCommandTests : ServerAndInboxTests
{
    private static async Task<(int Exit, string Out, string Error)> BudgetAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await BudgetCli.RunAsync(args, new CliConsole(output, error, interactive: false));
        return (exit, output.ToString(), error.ToString());
    }

    private string[] Store => ["--store-provider", "Sqlite", "--store", $"Data Source={inbox.QuartzDb}"];

    [Fact]
    public async Task Worker_run_now_wait_runs_the_import_on_the_worker_and_prints_what_it_did()
    {
        inbox.DropSample("样例县农业农村局", "yangli-2025-agri.xlsx");
        inbox.Drop("样例县农业农村局", "坏.xlsx", [0x50, 0x4b, 1, 2]);
        await using var worker = await WorkerHost.StartAsync(inbox.WorkerSettings(server.Url, LoopbackServer.ImporterKey));

        var (exit, output, error) = await BudgetAsync(["worker", "run-now", "--wait", .. Store]);

        Assert.True(exit == 0, error);
        Assert.Contains("folder import requested", output);
        Assert.Contains("1 imported, 1 quarantined", output);
        var status = await BudgetAsync(["worker", "status", .. Store]);
        Assert.Equal(0, status.Exit);
        Assert.Contains("1 imported, 1 quarantined", status.Out);
    }

    [Fact]
    public async Task Worker_run_now_against_a_store_no_worker_ever_used_exits_3()
    {
        var (exit, _, error) = await BudgetAsync(["worker", "run-now", .. Store]);

        Assert.Equal(ExitCodes.Unavailable, exit);
        Assert.Contains("error:", error);
    }

    [Fact]
    public async Task Reimport_from_the_archive_sends_that_year_again_to_a_server_that_lost_it()
    {
        inbox.DropSample("样例县农业农村局", "yangli-2025-agri.xlsx");
        inbox.DropSample("样例县农业农村局", "yangli-2025-agri.html");
        await using (var worker = await WorkerHost.StartAsync(inbox.WorkerSettings(server.Url, LoopbackServer.ImporterKey)))
            Assert.Equal(2, (await worker.RunNowAsync()).Imported);
        // A server restored without these revisions (a fresh database here).
        await using var restored = await LoopbackServer.StartAsync(Path.Combine(inbox.Root, "restored"));

        var other = await BudgetAsync("reimport", "--department", "样例县农业农村局", "--year", "2024", "--from-folder", inbox.Archive,
            "--server", restored.Url, "--api-key", LoopbackServer.OperatorKey);
        // No archived file states 2024: nothing matched, said so, exit 1, nothing sent.
        Assert.Equal(1, other.Exit);
        Assert.Contains("nothing to reimport: no archived file of 样例县农业农村局 states the fiscal year 2024", other.Error);
        Assert.Empty(await restored.UploadsAsync());

        var (exit, output, error) = await BudgetAsync("reimport", "--department", "样例县农业农村局", "--year", "2025", "--from-folder", inbox.Archive,
            "--server", restored.Url, "--api-key", LoopbackServer.OperatorKey);

        Assert.True(exit == 0, error + output);
        var disclosure = Assert.Single(await restored.DisclosuresAsync());
        Assert.Equal(2, disclosure.RevisionCount);
        Assert.Equal(2025, disclosure.FiscalYear);
    }

    [Fact]
    public async Task Reimport_without_a_folder_reprocesses_the_stored_sources_of_that_department_and_year()
    {
        inbox.DropSample("样例县农业农村局", "yangli-2025-agri.xlsx");
        await using (var worker = await WorkerHost.StartAsync(inbox.WorkerSettings(server.Url, LoopbackServer.ImporterKey)))
            Assert.Equal(1, (await worker.RunNowAsync()).Imported);

        var (exit, output, error) = await BudgetAsync("reimport", "--department", "样例县农业农村局", "--year", "2025", "--format", "json",
            "--server", server.Url, "--api-key", LoopbackServer.OperatorKey);

        Assert.True(exit == 0, error + output);
        var response = ReprocessRevisionsResponse.Parser.WithDiscardUnknownFields(true).ParseJson(output);
        Assert.Equal(1, response.Examined);
        Assert.Equal(1, response.Unchanged);
    }
}
