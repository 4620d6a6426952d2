using System.Diagnostics.Metrics;

namespace BudgetGrpc.Server.Observability;

/// <summary>The server's own instruments, on the meter "BudgetGrpc.Server" (exported by OpenTelemetry when configured).</summary>
public sealed class ServerMetrics
{
    public const string MeterName = "BudgetGrpc.Server";

    private readonly Counter<long> _imports;
    private readonly Counter<long> _findings;
    private readonly Histogram<double> _rpcDuration;

    public ServerMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _imports = meter.CreateCounter<long>("budget.imports", "{file}", "Import calls by outcome.");
        _findings = meter.CreateCounter<long>("budget.findings", "{finding}", "Findings of imported revisions by severity.");
        _rpcDuration = meter.CreateHistogram<double>("budget.rpc.duration", "s", "Server-side duration of gRPC calls.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });
    }

    public void Imported(string outcome) => _imports.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void Findings(int errors, int warnings, int infos)
    {
        if (errors > 0) _findings.Add(errors, new KeyValuePair<string, object?>("severity", "error"));
        if (warnings > 0) _findings.Add(warnings, new KeyValuePair<string, object?>("severity", "warning"));
        if (infos > 0) _findings.Add(infos, new KeyValuePair<string, object?>("severity", "info"));
    }

    public void RpcCompleted(string method, string status, double seconds) =>
        _rpcDuration.Record(seconds,
            new KeyValuePair<string, object?>("rpc.method", method),
            new KeyValuePair<string, object?>("rpc.grpc.status_code", status));
}
