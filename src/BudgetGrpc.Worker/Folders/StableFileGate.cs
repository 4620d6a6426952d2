using BudgetGrpc.Scheduling;
using BudgetGrpc.Worker.Jobs;
using BudgetGrpc.Worker.Options;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BudgetGrpc.Worker.Folders;

/// <summary>
/// The stable-file rule: a file is taken only when its size and modification time did not change during
/// <see cref="FolderImportOptions.StableFor"/>, measured by this process between two stat() calls. Comparing the
/// file's mtime with our clock instead would trust the file server's clock, and a copy that preserves the source's
/// old mtime (robocopy, cp -p) would look settled while bytes are still arriving. One wait per run, not per file.
/// </summary>
public sealed partial class StableFileGate(IOptions<FolderImportOptions> options, TimeProvider time, ILogger<StableFileGate> logger)
{
    public async Task<List<InboxFile>> StableFilesAsync(IEnumerable<InboxFile> sightings, RunSummary summary, CancellationToken cancellationToken)
    {
        var seen = sightings.ToList();
        summary.Seen = seen.Count;
        if (seen.Count == 0) return seen;

        // Every file was first seen before this point, so one wait covers them all.
        var stableFor = options.Value.StableFor;
        if (stableFor > TimeSpan.Zero) await Task.Delay(stableFor, time, cancellationToken);

        var stable = new List<InboxFile>(seen.Count);
        foreach (var file in seen)
        {
            var now = FileStamp.Of(file.Path);
            if (now is null) continue; // moved away meanwhile (another tool, an operator): nothing to do
            if (now != file.Stamp)
            {
                summary.Unstable++;
                LogChanging(logger, file.Path, file.Stamp.Length, now.Value.Length, stableFor.TotalSeconds);
                continue;
            }
            if (FileRules.IsOpenInOffice(file.Path))
            {
                summary.Unstable++;
                LogOpenInOffice(logger, file.Path);
                continue;
            }
            stable.Add(file);
        }
        return stable;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Path} is still being written ({Before} → {After} bytes within {Seconds} s); left for the next run")]
    private static partial void LogChanging(ILogger logger, string path, long before, long after, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Path} is open in an office program (lock file beside it); left for the next run")]
    private static partial void LogOpenInOffice(ILogger logger, string path);
}
