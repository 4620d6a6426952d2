using BudgetGrpc.Scheduling;
using BudgetGrpc.Contracts;
using BudgetGrpc.Contracts.Client;
using BudgetGrpc.Contracts.V1;
using BudgetGrpc.Worker.Folders;
using BudgetGrpc.Worker.Import;
using BudgetGrpc.Worker.Options;
using BudgetGrpc.Worker.Scheduling;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using Quartz;

namespace BudgetGrpc.Worker.Extensions;

public static class FolderImportExtensions
{
    /// <summary>
    /// The folder import: options (validated at start), the gRPC client of the import service, the "folder-import"
    /// resilience pipeline, Quartz with its persistent store and the nightly job. The worker's Program.cs calls it,
    /// and so does the single-box host (src/BudgetGrpc.Host).
    /// </summary>
    public static IHostApplicationBuilder AddFolderImport(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<FolderImportOptions>().BindConfiguration(FolderImportOptions.Section)
            // One maximum file size for server, worker and console: the server's own setting.
            .Configure<IConfiguration>((o, configuration) =>
                o.MaxFileBytes = configuration.GetValue(FileLimits.MaxFileBytesKey, FileLimits.DefaultMaxFileBytes))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<FolderImportOptions>, FolderImportOptionsValidator>();
        services.AddOptions<ImportServiceOptions>().BindConfiguration(ImportServiceOptions.Section).ValidateDataAnnotations()
            .Validate(o => Uri.TryCreate(o.Url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps),
                $"{ImportServiceOptions.Section}:Url must be http(s)://host:port")
            .ValidateOnStart();
        services.AddOptions<ImportRetryOptions>().BindConfiguration(ImportRetryOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SchedulerStoreOptions>().BindConfiguration(SchedulerStoreOptions.Section).ValidateDataAnnotations()
            .Validate(o => !(o.Clustered && o.Provider == SchedulerStoreProvider.Sqlite),
                $"{SchedulerStoreOptions.Section}: clustering needs PostgreSql or SqlServer; SQLite serves one worker")
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<InboxScanner>();
        services.AddSingleton<StableFileGate>();
        services.AddSingleton<FileParking>();
        services.AddSingleton<DisclosureImporter>();
        AddImportClient(services);
        AddImportPipeline(services);

        // The store is read from configuration here, not from IOptions: Quartz's builder runs before the container exists.
        var store = builder.Configuration.GetSection(SchedulerStoreOptions.Section).Get<SchedulerStoreOptions>() ?? new SchedulerStoreOptions();
        services.AddQuartz(q => SchedulerStore.Configure(q, store));
        services.AddHostedService<FolderImportSchedule>();
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return builder;
    }

    private static void AddImportClient(IServiceCollection services)
    {
        // One channel for the process, with the worker's key: it multiplexes calls over HTTP/2 connections and must not
        // be rebuilt per call.
        services.AddSingleton(sp =>
        {
            var service = sp.GetRequiredService<IOptions<ImportServiceOptions>>().Value;
            var maxFileBytes = sp.GetRequiredService<IOptions<FolderImportOptions>>().Value.MaxFileBytes;
            var retry = sp.GetRequiredService<IOptions<ImportRetryOptions>>().Value;
            return BudgetChannel.Create(new Uri(service.Url), service.ApiKey, new BudgetChannelOptions
            {
                MaxMessageBytes = FileLimits.TransportLimit(maxFileBytes),
                // Retries are the pipeline's job, with the backoff the options say; the channel reconnects at least as
                // often, so that a retry (or the next run) after the service is back reaches it.
                MaxAttempts = 1,
                MaxReconnectBackoff = retry.BaseDelay,
                KeepAlivePingDelay = TimeSpan.FromSeconds(60),
            });
        });
        services.AddSingleton(sp => new DisclosureService.DisclosureServiceClient(sp.GetRequiredService<GrpcChannel>()));
    }

    /// <summary>Outer to inner: total timeout → retry (exponential, jitter) on transient statuses. Each attempt has a gRPC deadline.</summary>
    private static void AddImportPipeline(IServiceCollection services) =>
        services.AddResiliencePipeline(DisclosureImporter.PipelineName, (pipeline, context) =>
        {
            var retry = context.ServiceProvider.GetRequiredService<IOptions<ImportRetryOptions>>().Value;
            pipeline
                .AddTimeout(new TimeoutStrategyOptions { Timeout = retry.TotalTimeout })
                .AddRetry(new RetryStrategyOptions
                {
                    MaxRetryAttempts = Math.Max(retry.MaxRetryAttempts, 1),
                    ShouldHandle = args => ValueTask.FromResult(
                        retry.MaxRetryAttempts > 0
                        && args.Outcome.Exception is RpcException ex
                        && DisclosureImporter.IsTransient(ex)),
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = retry.BaseDelay,
                    MaxDelay = retry.MaxDelay,
                });
        });
}
