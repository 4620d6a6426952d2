using System.Diagnostics;
using System.Globalization;
using System.Text;
using BudgetGrpc.Contracts.V1;
using BudgetGrpc.Load;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;

// Usage: BudgetGrpc.Load [--server URL] [--key KEY] [--seconds N] [--concurrency N] [--server-pid PID]
//                        [--fill N --fill-key KEY --seed-file PATH]
var options = LoadOptions.Parse(args);
using var channel = GrpcChannel.ForAddress(options.Server, new GrpcChannelOptions
{
    HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true },
    MaxReceiveMessageSize = 64 * 1024 * 1024,
});
var headers = new Metadata { { "authorization", $"Bearer {options.Key}" } };
var disclosures = new DisclosureService.DisclosureServiceClient(channel);
var diagnostics = new DiagnosticsService.DiagnosticsServiceClient(channel);

if (options.Fill > 0)
{
    await Fill.RunAsync(disclosures, options);
}

var seed = (await disclosures.ListDisclosuresAsync(new ListDisclosuresRequest { Text = options.SeedDepartment, PageSize = 1 }, headers)).Disclosures.FirstOrDefault()
    ?? throw new InvalidOperationException($"no disclosure of {options.SeedDepartment}: start the server with the samples seeded");
var getRevision = new GetRevisionRequest { Name = seed.LatestRevisionName, View = RevisionView.Full };
var search = new SearchIndicatorsRequest { Level1 = "满意度指标", Unit = "%", MaxValue = "95", MaxExclusive = true, PageSize = 50 };
var firstPage = await disclosures.SearchIndicatorsAsync(search, headers);
Console.WriteLine($"seed revision {seed.LatestRevisionName}; search page holds {firstPage.Hits.Count} hits (next page: {(firstPage.NextPageToken.Length > 0 ? "yes" : "no")})");

var invoker = channel.CreateCallInvoker();
var echoCall = RawCalls.Unary(invoker, "budget.v1.DiagnosticsService", "Echo", new EchoRequest { Message = "x" }, headers);
var revisionCall = RawCalls.Unary(invoker, "budget.v1.DisclosureService", "GetRevision", getRevision, headers);
var searchCall = RawCalls.Unary(invoker, "budget.v1.DisclosureService", "SearchIndicators", search, headers);
Console.WriteLine($"response sizes: Echo {(await echoCall(default)).Length} B, GetRevision {(await revisionCall(default)).Length} B, SearchIndicators {(await searchCall(default)).Length} B");

var scenarios = new (string Name, Func<CancellationToken, Task> Call, int Concurrency)[]
{
    ("Echo", echoCall, options.Concurrency),
    ("GetRevision(seed, FULL)", revisionCall, options.Concurrency),
    ("SearchIndicators(50)", searchCall, options.Concurrency),
    ("SearchIndicators(50) x4", searchCall, 4),
};

var results = new List<ScenarioResult>();
foreach (var (name, call, concurrency) in scenarios)
{
    await Runner.RunAsync(call, concurrency, TimeSpan.FromSeconds(1), CancellationToken.None); // warm-up
    var result = await Runner.RunAsync(call, concurrency, TimeSpan.FromSeconds(options.Seconds), CancellationToken.None);
    results.Add(result with { Name = $"{name} [{concurrency} callers]", ServerRssMb = Rss.Megabytes(options.ServerPid) });
    Console.WriteLine(results[^1].Format());
}

var echo = results[0].RequestsPerSecond;
Console.WriteLine();
Console.WriteLine($"GetRevision / Echo requests per second: {results[1].RequestsPerSecond / echo:P1}");
Console.WriteLine($"SearchIndicators p99: {results[2].P99Ms:F1} ms with {options.Concurrency} callers, {results[3].P99Ms:F1} ms with 4");
if (options.ServerPid > 0) Console.WriteLine($"server peak RSS (VmHWM): {Rss.PeakMegabytes(options.ServerPid):F0} MB");
