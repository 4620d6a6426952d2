using System.Diagnostics;
using BudgetGrpc.Tools.Tests.Infrastructure;
using Xunit;

namespace BudgetGrpc.Tools.Tests;

/// <summary>The console's ordinary mistakes, as a newcomer made them: each says what is wrong and exits non-zero.</summary>
public sealed class NewcomerTrapTests(BudgetServerFixture server) : IClassFixture<BudgetServerFixture>, IDisposable
{
    private readonly string _empty = Directory.CreateTempSubdirectory("budget-newcomer-").FullName;

    public void Dispose() => Directory.Delete(_empty, recursive: true);

    [SkippableFact]
    public async Task A_call_without_a_key_names_the_option_and_the_variable_that_give_one()
    {
        Skip.If(!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("BUDGET_API_KEY")), "BUDGET_API_KEY is set in this environment");

        var run = await Cli.RunAsync("list", "--server", server.Address);

        Assert.True(run.ExitCode == ExitCodes.Findings, run.ToString());
        Assert.Contains("UNAUTHENTICATED", run.Error);
        Assert.Contains("--api-key", run.Error);
        Assert.Contains("BUDGET_API_KEY", run.Error);
    }

    [Fact]
    public async Task Reimport_of_a_department_the_server_does_not_hold_says_so_and_exits_1()
    {
        var run = await server.RunAsync(BudgetServerFixture.OperatorKey, "reimport", "--department", "没有这个部门", "--year", "2025");

        Assert.True(run.ExitCode == ExitCodes.Findings, run.ToString());
        Assert.Contains("nothing to reimport: the server holds no revision of 没有这个部门 for 2025", run.Error);
    }

    [Theory]
    [InlineData("status")]
    [InlineData("run-now")]
    public async Task Worker_commands_outside_the_server_folder_say_how_to_point_at_the_store_and_create_nothing(string command)
    {
        // The real executable in an empty folder, as a person runs it from their home folder.
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _empty,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "budget.dll"), "worker", command }) start.ArgumentList.Add(arg);
        start.Environment.Remove("Worker__Quartz__ConnectionString");
        start.Environment.Remove("Worker__Quartz__Provider");
        using var budget = Process.Start(start)!;
        var stdout = budget.StandardOutput.ReadToEndAsync();
        var stderr = budget.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await budget.WaitForExitAsync(timeout.Token);

        var error = (await stderr).Trim();
        Assert.True(budget.ExitCode == ExitCodes.Unavailable, $"exit {budget.ExitCode}: {await stdout}{error}");
        Assert.Single(error.Split('\n'));
        Assert.Contains(Path.Combine(_empty, "data", "quartz.db"), error);
        Assert.Contains("Worker:Quartz:ConnectionString", error);
        Assert.Contains("--store", error);
        Assert.DoesNotContain("schema", error, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_empty));
    }
}
