using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using BudgetGrpc.Contracts.V1;
using BudgetGrpc.Server.Observability;
using BudgetGrpc.Server.Tests.Infrastructure;
using Google.Protobuf;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;

namespace BudgetGrpc.Server.Tests;

public sealed class ObservabilityTests
{
    [Fact]
    public async Task Imports_and_call_durations_are_measured_on_the_server_meter()
    {
        var measurements = new ConcurrentBag<(string Instrument, string Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ServerMetrics.MeterName) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((i, _, tags, _) => measurements.Add((i.Name, Format(tags))));
        listener.SetMeasurementEventCallback<double>((i, _, tags, _) => measurements.Add((i.Name, Format(tags))));
        listener.Start();

        await using var host = await BudgetServerHost.StartAsync(kestrel: false, seed: false);
        var content = ByteString.CopyFrom(File.ReadAllBytes(BudgetServerHost.Sample("yangli-2025-edu-form.docx")));
        var response = await host.Client(TestKeys.Operator).ImportDisclosureAsync(new ImportDisclosureRequest { FileName = "edu.docx", Content = content });
        Assert.Equal(ImportOutcome.Created, response.Outcome);

        Assert.Contains(measurements, m => m.Instrument == "budget.imports" && m.Tags.Contains("outcome=Created"));
        Assert.Contains(measurements, m => m.Instrument == "budget.rpc.duration"
            && m.Tags.Contains("rpc.method=/budget.v1.DisclosureService/ImportDisclosure") && m.Tags.Contains("rpc.grpc.status_code=OK"));
    }

    [Fact]
    public async Task OpenTelemetry_is_wired_only_when_an_OTLP_endpoint_is_configured()
    {
        await using (var plain = await BudgetServerHost.StartAsync(kestrel: false, seed: false))
            Assert.Null(plain.Services.GetService<MeterProvider>());

        // Nothing listens there; the exporter only tries in the background, the server still serves.
        await using var exporting = await BudgetServerHost.StartAsync(kestrel: false, seed: false,
            [new("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:9")]);
        Assert.NotNull(exporting.Services.GetService<MeterProvider>());
        var echo = await exporting.Diagnostics(TestKeys.Reader).EchoAsync(new EchoRequest { Message = "otel" });
        Assert.Equal("otel", echo.Message);
    }

    private static string Format(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var parts = new List<string>();
        foreach (var tag in tags) parts.Add($"{tag.Key}={tag.Value}");
        return string.Join(';', parts);
    }
}
