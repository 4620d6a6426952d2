using System.Diagnostics;
using System.Globalization;

namespace BudgetGrpc.Load;

public sealed record ScenarioResult(string Name, long Requests, long Errors, double Seconds, double P50Ms, double P99Ms, double MaxMs, double ServerRssMb)
{
    public double RequestsPerSecond => Requests / Seconds;

    public string Format() => string.Create(CultureInfo.InvariantCulture,
        $"{Name,-40} {RequestsPerSecond,9:F0} req/s  p50 {P50Ms,6:F2} ms  p99 {P99Ms,6:F2} ms  max {MaxMs,7:F1} ms  errors {Errors}  server RSS {ServerRssMb:F0} MB");
}

/// <summary>A closed loop: <c>concurrency</c> callers each issue the next call when the previous one returns.</summary>
public static class Runner
{
    public static async Task<ScenarioResult> RunAsync(Func<CancellationToken, Task> call, int concurrency, TimeSpan duration, CancellationToken cancellationToken)
    {
        var latencies = new List<long>[concurrency];
        var errors = new long[concurrency];
        var clock = Stopwatch.StartNew();
        var until = duration.Ticks * Stopwatch.Frequency / TimeSpan.TicksPerSecond;
        var workers = Enumerable.Range(0, concurrency).Select(async w =>
        {
            var own = latencies[w] = new List<long>(64 * 1024);
            while (clock.ElapsedTicks < until && !cancellationToken.IsCancellationRequested)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    await call(cancellationToken);
                    own.Add(Stopwatch.GetTimestamp() - started);
                }
                catch (Exception) when (!cancellationToken.IsCancellationRequested)
                {
                    errors[w]++;
                }
            }
        }).ToArray();
        await Task.WhenAll(workers);
        var seconds = clock.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
        double Percentile(double p) => all.Length == 0 ? double.NaN : Ms(all[Math.Min(all.Length - 1, (int)Math.Ceiling(p * all.Length) - 1)]);
        return new ScenarioResult("", all.Length, errors.Sum(), seconds, Percentile(0.50), Percentile(0.99), all.Length == 0 ? double.NaN : Ms(all[^1]), 0);
    }
}

/// <summary>Resident memory of the server process from /proc (Linux).</summary>
public static class Rss
{
    public static double Megabytes(int pid) => Read(pid, "VmRSS:");

    public static double PeakMegabytes(int pid) => Read(pid, "VmHWM:");

    private static double Read(int pid, string field)
    {
        if (pid <= 0) return double.NaN;
        var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
        if (line is null) return double.NaN;
        var kb = long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        return kb / 1024.0;
    }
}
