using System.Diagnostics;
using System.Diagnostics.Metrics;
using BudgetGrpc.Scheduling;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace BudgetGrpc.Worker.Observability;

/// <summary>
/// The worker's traces (one activity per folder-import run, one per file sent) and metrics (files by what became of
/// them, run duration), under one name. The meter is always there (dotnet-counters reads it); export is wired by
/// <see cref="AddWorkerTelemetry"/>.
/// </summary>
public static class WorkerTelemetry
{
    public const string Name = "BudgetGrpc.Worker";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);
    private static readonly Counter<long> Files = Meter.CreateCounter<long>("budget.worker.files", "{file}",
        "Inbox files by what a folder-import run did with them (outcome: imported, quarantined, unstable, failed, skipped)");
    private static readonly Histogram<double> RunDuration = Meter.CreateHistogram<double>("budget.worker.run.duration", "s",
        "Duration of one folder-import run");

    public static void Record(RunSummary summary)
    {
        Files.Add(summary.Imported, new KeyValuePair<string, object?>("outcome", "imported"));
        Files.Add(summary.Quarantined, new KeyValuePair<string, object?>("outcome", "quarantined"));
        Files.Add(summary.Unstable, new KeyValuePair<string, object?>("outcome", "unstable"));
        Files.Add(summary.Failed, new KeyValuePair<string, object?>("outcome", "failed"));
        Files.Add(summary.SkippedCount, new KeyValuePair<string, object?>("outcome", "skipped"));
        RunDuration.Record((summary.FinishedAt - summary.StartedAt).TotalSeconds);
    }

    /// <summary>
    /// Adds the worker's source and meter to OpenTelemetry wherever it runs (in the single box the server's providers
    /// take them). With <paramref name="export"/> and OTEL_EXPORTER_OTLP_ENDPOINT configured, the standalone worker
    /// exports its own traces, metrics and logs over OTLP (with the gRPC client's calls to the server traced); without
    /// the endpoint a plain start opens no outbound connection.
    /// </summary>
    public static IHostApplicationBuilder AddWorkerTelemetry(this IHostApplicationBuilder builder, bool export)
    {
        builder.Services.ConfigureOpenTelemetryTracerProvider(t => t.AddSource(Name));
        builder.Services.ConfigureOpenTelemetryMeterProvider(m => m.AddMeter(Name));
        if (!export || string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"])) return builder;

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(builder.Environment.ApplicationName))
            .WithTracing(t => t.AddSource("Grpc.Net.Client"))
            .WithMetrics(m => m.AddMeter("System.Net.Http"))
            .WithLogging()
            .UseOtlpExporter();
        return builder;
    }
}
