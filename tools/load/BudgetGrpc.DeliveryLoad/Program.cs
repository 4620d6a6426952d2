using System.Diagnostics;
using System.Globalization;
using BudgetGrpc.Contracts.V1;
using BudgetGrpc.Delivery.Tests.Infrastructure;

// dotnet run -c Release --project tools/load/BudgetGrpc.DeliveryLoad -- [revisions=1000] [failure-ratio=0.3] [seed=42]
// Imports N publishable revisions into a real server (SQLite, loopback), then runs the worker's delivery runner until
// every delivery is delivered, against a sink that answers 503 to a random share of requests. Prints the drain time,
// deliveries per second and what the sink saw.
// With "phases" as the fourth argument it instead times the ledger alone: claims (with rendering), then reports.
var revisions = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
var failureRatio = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 0.3;
var random = new Random(args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 42);

await using var server = await LoopbackDeliveryServer.StartAsync([("portal", "json")],
    s =>
    {
        s["Delivery:BaseBackoff"] = "00:00:00.200";
        s["Delivery:MaxBackoff"] = "00:00:02";
        s["Delivery:MaxAttempts"] = "50";
    },
    realTime: true);
await using var sink = await HttpSink.StartAsync();
sink.Behaviour = _ =>
{
    lock (random) return random.NextDouble() < failureRatio ? new SinkReply(503) : null;
};

var import = Stopwatch.StartNew();
for (var i = 0; i < revisions; i++) await server.ImportAsync($"load-{i}.csv", Tables.Publishable(i));
import.Stop();
Console.WriteLine($"imported {revisions} revisions in {import.Elapsed.TotalSeconds:F1} s");

if (args.Length > 3 && args[3] == "phases")
{
    var client = server.Deliveries();
    var leased = new List<LeasedDelivery>();
    var claim = Stopwatch.StartNew();
    while (true)
    {
        var batch = await client.ClaimDeliveriesAsync(new ClaimDeliveriesRequest
        {
            WorkerId = "phases", MaxCount = 50, LeaseDuration = Google.Protobuf.WellKnownTypes.Duration.FromTimeSpan(TimeSpan.FromMinutes(10)),
        });
        if (batch.Deliveries.Count == 0) break;
        leased.AddRange(batch.Deliveries);
    }
    claim.Stop();
    var report = Stopwatch.StartNew();
    await Parallel.ForEachAsync(leased, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (d, ct) =>
        await client.CompleteDeliveryAsync(new CompleteDeliveryRequest { Name = d.Delivery.Name, LeaseToken = d.LeaseToken, Outcome = DeliveryOutcome.Delivered, StatusCode = 200 }, cancellationToken: ct));
    report.Stop();
    Console.WriteLine($"claimed {leased.Count} (enqueue + lease + render, batches of 50) in {claim.Elapsed.TotalSeconds:F2} s: {leased.Count / claim.Elapsed.TotalSeconds:F0}/s");
    Console.WriteLine($"reported {leased.Count} outcomes (8 concurrent) in {report.Elapsed.TotalSeconds:F2} s: {leased.Count / report.Elapsed.TotalSeconds:F0}/s");
    return;
}

await using var worker = WorkerHarness.Create(server.Url, v =>
{
    WorkerHarness.HttpTarget(v, 0, "portal", sink.Url);
    v["Delivery:BatchSize"] = "50";
    v["Delivery:Parallelism"] = "8";
    v["Delivery:MaxBatchesPerRun"] = "1000";
    v["Delivery:LeaseDuration"] = "00:02:00";
    v["Delivery:Pipeline:AttemptTimeout"] = "00:00:02";
    v["Delivery:Pipeline:TotalTimeout"] = "00:00:10";
    v["Delivery:Pipeline:MaxRetryAttempts"] = "3";
    v["Delivery:Pipeline:BaseDelay"] = "00:00:00.020";
    v["Delivery:Pipeline:MaxDelay"] = "00:00:00.200";
    // The production breaker (80% of at least 10 attempts in 30 s): a 30% failure rate must not open it.
    v["Delivery:Pipeline:BreakerMinimumThroughput"] = "10";
});

var drain = Stopwatch.StartNew();
var runs = 0;
var returned = 0;
while (true)
{
    runs++;
    var summary = await worker.RunOnceAsync();
    returned += summary.Retryable;
    var left = (await server.AllDeliveriesAsync()).Count(d => d.State != DeliveryState.Delivered);
    if (left == 0) break;
    // What Quartz's interval would do: the rest waits for its ledger backoff (a few hundred ms here).
    if (summary.Claimed == 0) await Task.Delay(100);
}
drain.Stop();

var delivered = await server.AllDeliveriesAsync(DeliveryState.Delivered);
Console.WriteLine($"drained {delivered.Count} deliveries in {drain.Elapsed.TotalSeconds:F2} s: {delivered.Count / drain.Elapsed.TotalSeconds:F0} deliveries/s ({runs} runs)");
Console.WriteLine($"sink: {sink.Requests} requests, {sink.Accepted.Count} bodies accepted, {sink.Duplicates} duplicates dropped, " +
                  $"{sink.Requests - sink.Accepted.Count - sink.Duplicates} failed on purpose; {returned} deliveries went back to the ledger for a later run");
Console.WriteLine($"every key accepted once: {sink.Accepted.Count == revisions && delivered.All(d => sink.Accepted.ContainsKey(d.IdempotencyKey))}");
