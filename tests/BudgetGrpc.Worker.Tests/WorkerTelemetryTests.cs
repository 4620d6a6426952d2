using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using BudgetGrpc.Worker.Observability;
using BudgetGrpc.Worker.Tests.Infrastructure;

namespace BudgetGrpc.Worker.Tests;

/// <summary>The worker's own traces and metrics, as an OpenTelemetry exporter (or dotnet-counters) would see them.</summary>
public sealed class WorkerTelemetryTests : ServerAndInboxTests
{
    [Fact]
    public async Task A_run_is_traced_per_run_and_per_file_and_counts_its_files_by_outcome()
    {
        inbox.DropSample("样例县农业农村局", "yangli-2025-agri.xlsx");
        inbox.Drop("样例县农业农村局", "坏.xlsx", [0x50, 0x4b, 1, 2]);
        var activities = new ConcurrentQueue<string>();
        using var tracing = new ActivityListener
        {
            ShouldListenTo = s => s.Name == WorkerTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = a => activities.Enqueue(a.OperationName),
        };
        ActivitySource.AddActivityListener(tracing);
        var files = new ConcurrentDictionary<string, long>();
        using var metrics = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == WorkerTelemetry.Name) listener.EnableMeasurementEvents(instrument);
            },
        };
        metrics.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            if (instrument.Name != "budget.worker.files") return;
            foreach (var tag in tags) if (tag.Key == "outcome") files.AddOrUpdate((string)tag.Value!, value, (_, n) => n + value);
        });
        metrics.Start();
        await using var worker = await WorkerHost.StartAsync(inbox.WorkerSettings(server.Url, LoopbackServer.ImporterKey));

        await worker.RunNowAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, files.GetValueOrDefault("imported"));
        Assert.Equal(1, files.GetValueOrDefault("quarantined"));
        Assert.Contains("folder-import run", activities);
        Assert.Equal(2, activities.Count(a => a == "import file"));
    }
}
