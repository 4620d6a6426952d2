using BudgetGrpc.Server.Observability;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace BudgetGrpc.Server.Extensions;

public static class ObservabilityExtensions
{
    /// <summary>
    /// The meter is always there (dotnet-counters can read it); OpenTelemetry export is wired only when
    /// OTEL_EXPORTER_OTLP_ENDPOINT is configured, so a plain start opens no outbound connection.
    /// </summary>
    public static IHostApplicationBuilder AddBudgetObservability(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ServerMetrics>();
        if (string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"])) return builder;

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(builder.Environment.ApplicationName))
            .WithMetrics(m => m.AddMeter(ServerMetrics.MeterName).AddAspNetCoreInstrumentation())
            .WithTracing(t => t.AddAspNetCoreInstrumentation())
            .WithLogging()
            .UseOtlpExporter();
        return builder;
    }
}
