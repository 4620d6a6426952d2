using BudgetGrpc.Scheduling;
using BudgetGrpc.Worker.Extensions;
using BudgetGrpc.Worker.Jobs;
using BudgetGrpc.Worker.Options;
using BudgetGrpc.Worker.Scheduling;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BudgetGrpc.Worker.Tests.Infrastructure;

/// <summary>The worker as its Program.cs builds it (generic host + AddFolderImport), in this process.</summary>
public sealed class WorkerHost : IAsyncDisposable
{
    private readonly IHost host;
    private readonly Dictionary<string, string?> settings;

    private WorkerHost(IHost host, Dictionary<string, string?> settings)
    {
        this.host = host;
        this.settings = settings;
    }

    public IServiceProvider Services => host.Services;

    /// <summary>Every message the worker logged, rendered.</summary>
    public IReadOnlyCollection<string> Logs { get; private init; } = [];

    public static async Task<WorkerHost> StartAsync(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Test", Args = [] });
        builder.Configuration.AddInMemoryCollection(settings);
        var logs = new LogCapture();
        builder.Logging.AddProvider(logs);
        builder.AddFolderImport();
        var host = builder.Build();
        await host.StartAsync();
        return new WorkerHost(host, settings) { Logs = logs.Messages };
    }

    /// <summary>`budget worker run-now --wait`, through the store like the tools console does it.</summary>
    public Task<RunSummary> RunNowAsync(TimeSpan? timeout = null) => RunNowAsync(settings, timeout);

    public static async Task<RunSummary> RunNowAsync(Dictionary<string, string?> settings, TimeSpan? timeout = null)
    {
        var store = StoreOptions(settings);
        await using var client = await WorkerSchedulerClient.OpenAsync(store, CancellationToken.None);
        var request = await client.RunNowAsync(CancellationToken.None) ?? throw new InvalidOperationException("the job is not in the store");
        return await client.WaitForRunAsync(request, timeout ?? TimeSpan.FromMinutes(2), CancellationToken.None)
            ?? throw new TimeoutException("the run-now request was not answered in time");
    }

    public static SchedulerStoreOptions StoreOptions(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build()
            .GetSection(SchedulerStoreOptions.Section).Get<SchedulerStoreOptions>() ?? new SchedulerStoreOptions();

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }
}

internal sealed class LogCapture : ILoggerProvider
{
    public System.Collections.Concurrent.ConcurrentQueue<string> Messages { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Capturing(Messages);

    public void Dispose() { }

    private sealed class Capturing(System.Collections.Concurrent.ConcurrentQueue<string> messages) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            messages.Enqueue(formatter(state, exception));
    }
}
