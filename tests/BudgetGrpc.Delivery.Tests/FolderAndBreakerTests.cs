using BudgetGrpc.Scheduling;
using System.Text;
using BudgetGrpc.Contracts.V1;
using BudgetGrpc.Delivery.Tests.Infrastructure;
using BudgetGrpc.Engine.Publishing;
using BudgetGrpc.Worker.Deliveries;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace BudgetGrpc.Delivery.Tests;

/// <summary>Two targets on one server: an HTTP portal and an outbound folder that takes CSV.</summary>
public sealed class FolderAndBreakerTests : IAsyncLifetime
{
    private LoopbackDeliveryServer server = null!;
    private HttpSink sink = null!;
    private string outbound = "";

    public async Task InitializeAsync()
    {
        server = await LoopbackDeliveryServer.StartAsync([("portal", "json"), ("archive", "csv")]);
        sink = await HttpSink.StartAsync();
        outbound = Path.Combine(server.Folder, "outbound", "archive");
    }

    public async Task DisposeAsync()
    {
        await sink.DisposeAsync();
        await server.DisposeAsync();
    }

    private WorkerHarness Worker(Action<Dictionary<string, string?>>? more = null) =>
        WorkerHarness.Create(server.Url, v =>
        {
            WorkerHarness.HttpTarget(v, 0, "portal", sink.Url);
            WorkerHarness.FolderTarget(v, 1, "archive", outbound);
            more?.Invoke(v);
        });

    [Fact]
    public async Task The_folder_target_gets_one_complete_csv_per_revision_named_by_its_key_with_formula_cells_neutralised()
    {
        for (var i = 0; i < 3; i++) await server.ImportAsync($"good-{i}.csv", Tables.Publishable(i));
        await server.ImportAsync("bad.csv", Tables.Blocked(99));

        await using var worker = Worker();
        Assert.Equal(6, (await worker.RunOnceAsync()).Delivered);

        var archived = await server.AllDeliveriesAsync();
        var files = Directory.GetFiles(outbound).Select(Path.GetFileName).Order().ToList();
        Assert.Equal(archived.Where(d => d.Target == "archive").Select(d => d.IdempotencyKey + ".csv").Order(), files);
        foreach (var file in Directory.GetFiles(outbound))
        {
            var text = Encoding.UTF8.GetString(await File.ReadAllBytesAsync(file));
            Assert.Contains(",'" + Tables.FormulaProjectName + ",", text);
            Assert.DoesNotContain("," + Tables.FormulaProjectName, text);
        }

        // Sent again (an operator retry of delivered work is refused; a second lease after a crash is what happens):
        // the final name exists, nothing is written twice, no temp file is left behind.
        var target = new DeliveryTargetOptions { Name = "archive", Kind = DeliveryTargetKind.Folder, Folder = outbound };
        var d = archived.First(x => x.Target == "archive");
        var again = new LeasedDelivery { Delivery = d, Content = Google.Protobuf.ByteString.CopyFromUtf8("different bytes"), FileName = "x.csv" };
        var before = await File.ReadAllBytesAsync(Path.Combine(outbound, d.IdempotencyKey + ".csv"));
        Assert.Equal(SendVerdict.Delivered, (await new FolderTarget().SendAsync(target, again, default)).Verdict);
        Assert.Equal(before, await File.ReadAllBytesAsync(Path.Combine(outbound, d.IdempotencyKey + ".csv")));
        Assert.Equal(3, Directory.GetFiles(outbound).Length);
    }

    [Fact]
    public void A_lease_longer_than_the_service_grants_fails_at_start()
    {
        var options = new DeliveryWorkerOptions { LeaseDuration = TimeSpan.FromHours(2), MaxLease = TimeSpan.FromMinutes(30) };
        var result = new DeliveryWorkerOptionsValidator().Validate(null, options);
        Assert.True(result.Failed);
        Assert.Contains("MaxLease", result.FailureMessage);
        Assert.DoesNotContain("MaxLease", new DeliveryWorkerOptionsValidator().Validate(null, new DeliveryWorkerOptions()).FailureMessage ?? "");
    }

    [Fact]
    public async Task A_malformed_lease_duration_is_invalid_argument_not_an_internal_error()
    {
        var ex = await Assert.ThrowsAsync<Grpc.Core.RpcException>(() => server.Deliveries().ClaimDeliveriesAsync(new ClaimDeliveriesRequest
        {
            WorkerId = "w1",
            MaxCount = 1,
            LeaseDuration = new Google.Protobuf.WellKnownTypes.Duration { Seconds = 60, Nanos = -5 },
        }).ResponseAsync);
        Assert.Equal(Grpc.Core.StatusCode.InvalidArgument, ex.StatusCode);
    }

    [Theory]
    [InlineData("../escaped")]
    [InlineData("sub/dir")]
    [InlineData(".hidden")]
    [InlineData("")]
    public async Task A_key_that_is_not_a_plain_file_name_is_refused_and_nothing_is_written(string key)
    {
        var folder = Path.Combine(outbound, "keys");
        var target = new DeliveryTargetOptions { Name = "archive", Kind = DeliveryTargetKind.Folder, Folder = folder };
        var leased = new LeasedDelivery
        {
            Delivery = new Contracts.V1.Delivery { IdempotencyKey = key },
            Content = Google.Protobuf.ByteString.CopyFromUtf8("x"),
            FileName = "x.csv",
        };
        Assert.Equal(SendVerdict.Permanent, (await new FolderTarget().SendAsync(target, leased, default)).Verdict);
        Assert.False(Directory.Exists(folder));
        Assert.False(File.Exists(Path.Combine(outbound, "escaped.csv")));
    }

    [Theory]
    [InlineData("=1+1")]
    [InlineData("+1")]
    [InlineData("-1")]
    [InlineData("@SUM(A1)")]
    public void Csv_cells_a_spreadsheet_would_execute_are_prefixed(string cell) =>
        Assert.Equal("'" + cell, FlatCsv.Neutralise(cell));

    [Fact]
    public async Task An_open_circuit_spares_a_failing_target_and_leaves_the_other_target_alone()
    {
        for (var i = 0; i < 10; i++) await server.ImportAsync($"good-{i}.csv", Tables.Publishable(i));
        sink.Behaviour = _ => new SinkReply(503);

        await using var worker = Worker(v =>
        {
            v["Delivery:Parallelism"] = "1";
            v["Delivery:Pipeline:BreakerMinimumThroughput"] = "4";
            v["Delivery:Pipeline:BreakerFailureRatio"] = "0.5";
            v["Delivery:Pipeline:BreakDuration"] = "00:01:00";
        });
        var summary = await worker.RunOnceAsync();

        Assert.Equal(10, summary.Delivered);
        Assert.Equal(10, summary.Retryable);
        // Without the breaker every portal delivery would have been tried 1 + 3 times.
        Assert.True(sink.Requests < 10 * 4, $"{sink.Requests} requests reached the failing sink");
        var all = await server.AllDeliveriesAsync();
        Assert.All(all.Where(d => d.Target == "archive"), d => Assert.Equal(DeliveryState.Delivered, d.State));
        var portal = all.Where(d => d.Target == "portal").ToList();
        Assert.All(portal, d => Assert.Equal(DeliveryState.Pending, d.State));
        Assert.Contains(portal, d => d.LastError.Contains("circuit open", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_delivery_job_runs_under_a_real_Quartz_scheduler()
    {
        await server.ImportAsync("good.csv", Tables.Publishable(1));
        await using var worker = Worker();

        var services = new ServiceCollection();
        services.AddSingleton(worker.Services.GetRequiredService<DeliveryRunner>());
        services.AddQuartz(q => q.ConfigureScheduler(s => s.InstanceName = "delivery-tests-" + Guid.NewGuid().ToString("N")[..6]));
        await using var provider = services.BuildServiceProvider();
        var scheduler = await provider.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var done = new TaskCompletionSource<IJobExecutionContext>(TaskCreationOptions.RunContinuationsAsynchronously);
        scheduler.ListenerManager.AddJobListener(new Finished(done));
        await scheduler.AddJob(JobBuilder.Create<DeliveryJob>().WithIdentity(DeliveryJob.Key).StoreDurably().Build(), AddJobOptions.Replacing);
        await scheduler.Start();
        try
        {
            await scheduler.TriggerJob(DeliveryJob.Key);
            var context = await done.Task.WaitAsync(TimeSpan.FromSeconds(60));
            var summary = Assert.IsType<DeliveryRunSummary>(context.Result);
            Assert.Equal(2, summary.Delivered);
        }
        finally
        {
            await scheduler.Shutdown(waitForJobsToComplete: true);
        }
        Assert.Single(sink.Accepted);
        Assert.Single(Directory.GetFiles(outbound));
    }

    private sealed class Finished(TaskCompletionSource<IJobExecutionContext> done) : IJobListener
    {
        public string Name => "delivery-tests";

        public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
        {
            if (jobException is not null) done.TrySetException(jobException);
            else done.TrySetResult(context);
            return ValueTask.CompletedTask;
        }
    }
}
