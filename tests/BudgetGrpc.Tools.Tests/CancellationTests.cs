using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using BudgetGrpc.Scheduling;
using BudgetGrpc.Tools.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Xunit;

namespace BudgetGrpc.Tools.Tests;

/// <summary>Ctrl+C is a signal to a process, so this runs the real `budget` executable and sends it SIGINT.</summary>
public sealed class CancellationTests
{
    private const int SigInt = 2;

    /// <summary>The long commands a person interrupts, and list as the shortest; each waits on the silent server.</summary>
    public static TheoryData<string[]> LongCommands => new()
    {
        { new[] { "list" } },
        { new[] { "import", Cli.SamplesFolder } },
        { new[] { "reprocess", "--all" } },
        { new[] { "reimport", "--department", "样例县农业农村局", "--year", "2025" } },
    };

    [SkippableTheory]
    [MemberData(nameof(LongCommands))]
    public async Task Ctrl_c_during_a_call_cancels_it_and_exits_130(string[] command)
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "needs Linux: kill and /proc are how this test sends and checks the signal");

        // A server that accepts the connection and never answers keeps the call in flight until it is cancelled.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        // A test run started as a background job of a non-interactive shell (CI scripts, `cmd &`) hands SIGINT down
        // ignored, and an ignored signal stays ignored across exec: the console could never see it. GNU env
        // (coreutils 8.31+) starts the console with SIGINT back to its default, as a terminal would.
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var restore = RestoresSignals();
        var start = new ProcessStartInfo(restore ? "env" : dotnet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (restore)
        {
            start.ArgumentList.Add("--default-signal=INT");
            start.ArgumentList.Add(dotnet);
        }
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "budget.dll") }.Concat(command)
                     .Concat(["--server", $"http://127.0.0.1:{port}", "--api-key", "k"]))
            start.ArgumentList.Add(arg);

        using var budget = Process.Start(start)!;
        try
        {
            var stderr = budget.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            using var connection = await silent.AcceptTcpClientAsync(timeout.Token);
            // A process started with SIGINT ignored (a background job of a non-interactive shell) can never see
            // Ctrl+C, whatever the program does; there is nothing to check then.
            Skip.If(IgnoresSignal(budget.Id, SigInt),
                "SIGINT is ignored in this process's environment (started as a background job of a non-interactive shell)");
            // No fixed sleep: the HTTP/2 connection preface on the wire means the command is inside its call (it
            // installs its signal handlers before calling) and waits for an answer. Now the person presses Ctrl+C.
            await ReadPrefaceAsync(connection.GetStream(), timeout.Token);
            using (var kill = Process.Start("kill", ["-INT", budget.Id.ToString(CultureInfo.InvariantCulture)]))
                await kill.WaitForExitAsync(timeout.Token);
            await budget.WaitForExitAsync(timeout.Token);

            Assert.True(budget.ExitCode == 130, $"exit {budget.ExitCode}: {await stderr}");
            Assert.Equal("cancelled", (await stderr).Trim());
        }
        finally
        {
            if (!budget.HasExited) budget.Kill();
        }
    }

    [SkippableFact]
    public async Task Ctrl_c_while_worker_run_now_waits_for_a_worker_exits_130()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "needs Linux: kill and /proc are how this test sends and checks the signal");
        var folder = Directory.CreateTempSubdirectory("budget-ctrl-c-").FullName;
        try
        {
            // A store a worker registered the job in, with no worker running now: a run-now --wait waits.
            var store = $"Data Source={Path.Combine(folder, "quartz.db")}";
            await RegisterFolderImportJobAsync(new SchedulerStoreOptions { ConnectionString = store });
            var restore = RestoresSignals();
            var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
            var start = new ProcessStartInfo(restore ? "env" : dotnet) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in (restore ? new[] { "--default-signal=INT", dotnet } : [])
                         .Concat([Path.Combine(AppContext.BaseDirectory, "budget.dll"), "worker", "run-now", "--wait", "--store", store]))
                start.ArgumentList.Add(arg);

            using var budget = Process.Start(start)!;
            try
            {
                var stderr = budget.StandardError.ReadToEndAsync();
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
                // The request is written and the command waits for a worker to answer it.
                var requested = await budget.StandardOutput.ReadLineAsync(timeout.Token);
                Assert.StartsWith("folder import requested", requested);
                Skip.If(IgnoresSignal(budget.Id, SigInt),
                    "SIGINT is ignored in this process's environment (started as a background job of a non-interactive shell)");
                using (var kill = Process.Start("kill", ["-INT", budget.Id.ToString(CultureInfo.InvariantCulture)]))
                    await kill.WaitForExitAsync(timeout.Token);
                await budget.WaitForExitAsync(timeout.Token);

                Assert.True(budget.ExitCode == 130, $"exit {budget.ExitCode}: {await stderr}");
                Assert.Equal("cancelled", (await stderr).Trim());
            }
            finally
            {
                if (!budget.HasExited) budget.Kill();
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>What a worker's first start leaves in its store: the schema and the durable folder-import job.</summary>
    private static async Task RegisterFolderImportJobAsync(SchedulerStoreOptions store)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddQuartz(q => SchedulerStore.Configure(q, store));
        await using var provider = services.BuildServiceProvider();
        var scheduler = await provider.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.AddJob(JobBuilder.Create<NeverRuns>().WithIdentity(JobKeys.FolderImport).StoreDurably().Build(), AddJobOptions.Replacing);
        await scheduler.Shutdown();
    }

    private sealed class NeverRuns : IJob
    {
        public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }

    /// <summary>Whether `env --default-signal` exists here (GNU coreutils 8.31 and later).</summary>
    private static bool RestoresSignals()
    {
        try
        {
            using var probe = Process.Start(new ProcessStartInfo("env", ["--default-signal=INT", "true"]) { RedirectStandardError = true })!;
            probe.WaitForExit();
            return probe.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    /// <summary>Reads the 24 bytes every HTTP/2 client sends first on a new connection, and checks them.</summary>
    private static async Task ReadPrefaceAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var preface = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"u8.ToArray();
        var received = new byte[preface.Length];
        await stream.ReadExactlyAsync(received, cancellationToken);
        Assert.Equal(preface, received);
    }

    /// <summary>The SigIgn mask of /proc/PID/status, a hex bit set with bit n-1 for signal n.</summary>
    private static bool IgnoresSignal(int pid, int signal)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        var mask = ulong.Parse(line["SigIgn:".Length..].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return (mask & (1UL << (signal - 1))) != 0;
    }
}
