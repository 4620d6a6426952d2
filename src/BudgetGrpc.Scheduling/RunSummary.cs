using System.Globalization;
using Quartz;

namespace BudgetGrpc.Scheduling;

/// <summary>
/// Counts of one run, kept in the job's data map (persisted after execution) so `budget worker run-now --wait`
/// can print what the run did, whichever node ran it.
/// </summary>
public sealed class RunSummary
{
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset FinishedAt { get; set; }
    public int Seen { get; set; }
    public int Imported { get; set; }
    public int Quarantined { get; set; }
    public int Unstable { get; set; }
    public int Failed { get; set; }
    public int LeftForNextRun { get; set; }
    /// <summary>Inbox entries left alone (links, FIFOs, devices …), as "path: reason"; at most <see cref="MaxSkippedListed"/> kept.</summary>
    public List<string> Skipped { get; set; } = [];
    public int SkippedCount { get; set; }
    /// <summary>The run-now request this run answered; empty for a cron firing.</summary>
    public string RequestId { get; set; } = "";

    private static readonly string[] Keys = ["seen", "imported", "quarantined", "unstable", "failed", "left", "skipped"];

    /// <summary>The job data map is a row in the scheduler's store: a share full of links must not bloat it.</summary>
    public const int MaxSkippedListed = 50;

    public void WriteTo(JobDataMap map)
    {
        map[WorkerSchedulerClient.RunRequestKey] = RequestId;
        map["lastRun.startedAt"] = StartedAt.ToString("O", CultureInfo.InvariantCulture);
        map["lastRun.finishedAt"] = FinishedAt.ToString("O", CultureInfo.InvariantCulture);
        int[] values = [Seen, Imported, Quarantined, Unstable, Failed, LeftForNextRun, SkippedCount];
        for (var i = 0; i < Keys.Length; i++) map["lastRun." + Keys[i]] = values[i].ToString(CultureInfo.InvariantCulture);
        map["lastRun.skippedEntries"] = string.Join('\n', Skipped.Take(MaxSkippedListed));
    }

    /// <summary>The last run's summary, or null before the first run.</summary>
    public static RunSummary? ReadFrom(JobDataMap map)
    {
        if (!map.TryGetValue("lastRun.finishedAt", out var finished) || finished is not string finishedText
            || !map.TryGetValue("lastRun.startedAt", out var started) || started is not string startedText) return null;
        int Get(string key) => map.TryGetValue("lastRun." + key, out var v) && int.TryParse(v?.ToString(), CultureInfo.InvariantCulture, out var n) ? n : 0;
        return new RunSummary
        {
            StartedAt = DateTimeOffset.Parse(startedText, CultureInfo.InvariantCulture),
            FinishedAt = DateTimeOffset.Parse(finishedText, CultureInfo.InvariantCulture),
            Seen = Get("seen"),
            Imported = Get("imported"),
            Quarantined = Get("quarantined"),
            Unstable = Get("unstable"),
            Failed = Get("failed"),
            LeftForNextRun = Get("left"),
            SkippedCount = Get("skipped"),
            Skipped = map.TryGetValue("lastRun.skippedEntries", out var entries) && entries is string { Length: > 0 } text ? [.. text.Split('\n')] : [],
        };
    }

    public override string ToString()
    {
        var line = $"{FinishedAt:u}: {Seen} seen, {Imported} imported, {Quarantined} quarantined, {Unstable} still changing, {Failed} failed, {LeftForNextRun} left for the next run, {SkippedCount} skipped";
        if (SkippedCount == 0) return line;
        var more = SkippedCount > Skipped.Count ? $"{Environment.NewLine}  … and {SkippedCount - Skipped.Count} more" : "";
        return line + string.Concat(Skipped.Select(s => Environment.NewLine + "  skipped " + s)) + more;
    }
}
