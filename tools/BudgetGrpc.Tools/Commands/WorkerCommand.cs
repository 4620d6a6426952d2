using BudgetGrpc.Scheduling;
using BudgetGrpc.Tools.Remote;
using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Quartz;

namespace BudgetGrpc.Tools.Commands;

/// <summary>
/// `budget worker run-now [--wait]` and `budget worker status`: talk to the folder-import worker through the Quartz
/// store it shares (the worker's Worker:Quartz section: --config FILE, Worker__Quartz__* variables, or --store-provider
/// and --store). run-now writes a one-shot trigger that the first polling worker node fires, so it needs no network
/// path to a worker and works the same for one worker, a cluster, or the server hosting the job.
/// Exit 0 done, 3 when the store cannot be opened or no worker ever registered the job (or --wait timed out).
/// </summary>
internal static class WorkerCommand
{
    public static Command Create(CliConsole console)
    {
        var config = new Option<FileInfo?>("--config") { Description = "The worker's appsettings.json, for its Worker:Quartz section" };
        var provider = new Option<SchedulerStoreProvider?>("--store-provider") { Description = "Sqlite, PostgreSql or SqlServer (overrides the configuration)" };
        var store = new Option<string?>("--store") { Description = "Connection string of the worker's Quartz store (overrides the configuration)" };
        var wait = new Option<bool>("--wait") { Description = "Wait until a worker has run the job, and print what it did" };
        var timeout = new Option<TimeSpan>("--timeout") { Description = "How long --wait waits", DefaultValueFactory = _ => TimeSpan.FromMinutes(30) };

        var runNow = new Command("run-now", "Run the folder import now on whichever worker picks it up") { config, provider, store, wait, timeout };
        runNow.SetAction(Interruptible(console, async (parse, ct) =>
        {
            var options = StoreOptions(parse.GetValue(config), parse.GetValue(provider), parse.GetValue(store));
            if (NotThere(console, options)) return ExitCodes.Unavailable;
            try
            {
                await using var client = await WorkerSchedulerClient.OpenAsync(options, ct);
                var request = await client.RunNowAsync(ct);
                if (request is null)
                {
                    console.Error.WriteLine($"error: no worker has registered the folder import job in this store ({options.Provider}); start a worker first");
                    return ExitCodes.Unavailable;
                }
                console.Out.WriteLine($"folder import requested ({request})");
                if (!parse.GetValue(wait)) return ExitCodes.Ok;
                var summary = await client.WaitForRunAsync(request, parse.GetValue(timeout), ct);
                if (summary is null)
                {
                    console.Error.WriteLine("error: no worker ran the request in time; it stays queued in the store");
                    return ExitCodes.Unavailable;
                }
                console.Out.WriteLine(summary.ToString());
                return ExitCodes.Ok;
            }
            catch (SchedulerException ex) when (!ct.IsCancellationRequested) // a store call the Ctrl+C broke off is a cancel
            {
                console.Error.WriteLine($"error: the worker's Quartz store cannot be used: {FirstSentence(ex.Message)} (is it the store the worker uses? {Pointer})");
                return ExitCodes.Unavailable;
            }
        }));

        var status = new Command("status", "What the last folder import run did") { config, provider, store };
        status.SetAction(Interruptible(console, async (parse, ct) =>
        {
            var options = StoreOptions(parse.GetValue(config), parse.GetValue(provider), parse.GetValue(store));
            if (NotThere(console, options)) return ExitCodes.Unavailable;
            try
            {
                await using var client = await WorkerSchedulerClient.OpenAsync(options, ct);
                var last = await client.LastRunAsync(ct);
                console.Out.WriteLine(last?.ToString() ?? "no run recorded since the worker last started");
                return ExitCodes.Ok;
            }
            catch (SchedulerException ex) when (!ct.IsCancellationRequested) // a store call the Ctrl+C broke off is a cancel
            {
                console.Error.WriteLine($"error: the worker's Quartz store cannot be used: {FirstSentence(ex.Message)} (is it the store the worker uses? {Pointer})");
                return ExitCodes.Unavailable;
            }
        }));

        return new Command("worker", "The folder-import worker: run it now, see its last run") { runNow, status };
    }

    /// <summary>
    /// Ctrl+C and SIGTERM cancel the command (--wait may wait half an hour) instead of ending it with exit 1:
    /// "cancelled", exit 130, as for the remote commands.
    /// </summary>
    private static Func<ParseResult, CancellationToken, Task<int>> Interruptible(CliConsole console, Func<ParseResult, CancellationToken, Task<int>> body) =>
        async (parse, invocationToken) =>
        {
            using var interrupt = CancellationTokenSource.CreateLinkedTokenSource(invocationToken);
            using var signals = InterruptSignals.Cancel(interrupt);
            try
            {
                return await body(parse, interrupt.Token);
            }
            catch (Exception ex) when (interrupt.IsCancellationRequested && ex is OperationCanceledException or SchedulerException)
            {
                return RemoteAction.ReportCancelled(console);
            }
        };

    private const string Pointer = "point at it with --store \"Data Source=PATH/data/quartz.db\", --config the worker's appsettings.json, "
        + "or Worker__Quartz__ConnectionString";

    /// <summary>
    /// The default store is ./data/quartz.db, relative to the current folder: run from elsewhere, it is not there. Said in
    /// one line, without creating an empty store.
    /// </summary>
    private static bool NotThere(CliConsole console, SchedulerStoreOptions options)
    {
        if (SchedulerStore.MissingSqliteStore(options) is not { } path) return false;
        console.Error.WriteLine($"error: no worker store at {path} (Worker:Quartz:ConnectionString is \"{options.ConnectionString}\", "
            + $"relative to the current folder); run from the folder the server or worker runs in, or {Pointer}");
        return true;
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }

    /// <summary>Same section and keys as the worker reads, so one appsettings.json or one set of variables serves both.</summary>
    internal static SchedulerStoreOptions StoreOptions(FileInfo? config, SchedulerStoreProvider? provider, string? store)
    {
        var builder = new ConfigurationBuilder();
        if (config is not null) builder.AddJsonFile(config.FullName, optional: false);
        builder.AddEnvironmentVariables();
        var options = builder.Build().GetSection(SchedulerStoreOptions.Section).Get<SchedulerStoreOptions>() ?? new SchedulerStoreOptions();
        if (provider is { } p) options.Provider = p;
        if (!string.IsNullOrWhiteSpace(store)) options.ConnectionString = store;
        // The console only writes triggers; creating the schema is the worker's business.
        options.ProvisionSchema = false;
        return options;
    }
}
