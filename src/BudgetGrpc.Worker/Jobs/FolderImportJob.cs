using BudgetGrpc.Scheduling;
using System.Security.Cryptography;
using BudgetGrpc.Contracts;
using BudgetGrpc.Contracts.Client;
using BudgetGrpc.Worker.Folders;
using BudgetGrpc.Worker.Import;
using BudgetGrpc.Worker.Options;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace BudgetGrpc.Worker.Jobs;

/// <summary>
/// One pass over the department folders: take every stable file, import it, archive or quarantine it. Idempotent:
/// a file is only moved after the service answered for it, and the same bytes again answer UNCHANGED, so a run cut
/// short anywhere repeats safely. Never two runs at once, in this process or anywhere in the cluster.
/// </summary>
[DisallowConcurrentExecution]
[PersistJobDataAfterExecution]
public sealed partial class FolderImportJob(
    InboxScanner scanner,
    StableFileGate gate,
    DisclosureImporter importer,
    FileParking parking,
    IOptions<FolderImportOptions> options,
    IOptions<ImportServiceOptions> service,
    TimeProvider time,
    ILogger<FolderImportJob> logger) : IJob
{
    public static readonly JobKey Key = JobKeys.FolderImport;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        using var activity = Observability.WorkerTelemetry.Source.StartActivity("folder-import run");
        activity?.SetTag("quartz.fire_instance_id", context.FireInstanceId);
        var summary = new RunSummary { StartedAt = time.GetUtcNow() };
        LogRunStarted(logger, context.FireInstanceId, context.Recovering);

        var notes = new ScanNotes();
        var stable = await gate.StableFilesAsync(scanner.Scan(notes), summary, cancellationToken);
        summary.SkippedCount = notes.Skipped.Count;
        summary.Skipped = [.. notes.Skipped.Take(RunSummary.MaxSkippedListed).Select(s => s.ToString())];
        foreach (var name in notes.Unreadable) QuarantineUnreadable(name, summary);

        for (var i = 0; i < stable.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!await ImportOneAsync(stable[i], context.FireInstanceId, summary, cancellationToken))
            {
                summary.LeftForNextRun = stable.Count - i;
                break;
            }
        }

        summary.FinishedAt = time.GetUtcNow();
        // Tells a waiting `budget worker run-now --wait` that this run answered its request.
        summary.RequestId = context.Trigger.JobDataMap.TryGetValue(WorkerSchedulerClient.RunRequestKey, out var request) ? request?.ToString() ?? "" : "";
        summary.WriteTo(context.JobDetail.JobDataMap);
        Observability.WorkerTelemetry.Record(summary);
        LogRunFinished(logger, summary.Imported, summary.Quarantined, summary.Unstable, summary.Failed, summary.LeftForNextRun,
            (summary.FinishedAt - summary.StartedAt).TotalSeconds);
    }

    /// <summary>False when the service is down: the run ends and the rest waits for the next firing.</summary>
    private async Task<bool> ImportOneAsync(InboxFile file, string runId, RunSummary summary, CancellationToken cancellationToken)
    {
        if (file.Stamp.Length > options.Value.MaxFileBytes)
        {
            Quarantine(file, file.Department, "", RpcFailure.Local(Grpc.Core.StatusCode.ResourceExhausted, ErrorReasons.FileTooLarge,
                $"{file.Stamp.Length} bytes is more than {FileLimits.MaxFileBytesKey} ({options.Value.MaxFileBytes}); the file was not sent"), summary);
            return true;
        }

        var content = await ReadUnchangedAsync(file, cancellationToken);
        if (content is null)
        {
            summary.Unstable++;
            LogStillChanging(logger, file.Path);
            return true;
        }

        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        // Per run (the fire instance id): a retry inside this run replays the first answer, while a refused file moved
        // back into the inbox (after its key or the engine was fixed) is judged afresh instead of replaying the old refusal.
        var requestId = RequestIds.ForImport(sha256, runId, file.Department, validateOnly: false);
        using var activity = Observability.WorkerTelemetry.Source.StartActivity("import file");
        activity?.SetTag("budget.department", file.Department);
        activity?.SetTag("budget.sha256", sha256);
        var attempt = await importer.ImportAsync(Path.GetFileName(file.Path), content, file.Department, requestId, cancellationToken);
        try
        {
            return Settle(file, sha256, attempt, summary);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The archive or quarantine share refused the move: the file stays, and the next run (answered
            // UNCHANGED by the service) moves it once the share is writable again.
            summary.Failed++;
            LogMoveFailed(logger, file.Path, ex.Message);
            return true;
        }
    }

    private bool Settle(InboxFile file, string sha256, ImportAttempt attempt, RunSummary summary)
    {
        switch (attempt.Verdict)
        {
            case ImportVerdict.Imported:
                var response = attempt.Response!;
                var department = file.Department.Length > 0 ? file.Department : response.Revision?.Department ?? "";
                var archived = parking.Archive(file, department);
                summary.Imported++;
                LogImported(logger, file.Path, response.Outcome.ToString(), response.Revision?.Name ?? "", archived);
                return true;
            case ImportVerdict.Rejected or ImportVerdict.NotAllowed:
                Quarantine(file, file.Department, sha256, attempt.Failure!, summary);
                return true;
            case ImportVerdict.Unavailable:
                LogServiceDown(logger, service.Value.Url, attempt.Failure!.CodeName, attempt.Failure.Message, file.Path);
                return false;
            default:
                summary.Failed++;
                LogFailed(logger, file.Path, attempt.Failure!.CodeName, attempt.Failure.ReasonOrCode, attempt.Failure.Message);
                return true;
        }
    }

    /// <summary>The bytes, provided the file did not change while it was read.</summary>
    internal static async Task<byte[]?> ReadUnchangedAsync(InboxFile file, CancellationToken cancellationToken)
    {
        byte[] content;
        try
        {
            // FileShare.Read: on Windows shares this fails while a writer still holds the file open.
            await using var stream = new FileStream(file.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
            content = new byte[stream.Length];
            await stream.ReadExactlyAsync(content, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        return FileStamp.Of(file.Path) == file.Stamp && content.Length == file.Stamp.Length ? content : null;
    }

    private void Quarantine(InboxFile file, string department, string sha256, RpcFailure failure, RunSummary summary)
    {
        var report = new QuarantineReport(
            File: Path.GetFileName(file.Path),
            SourcePath: file.Path,
            Department: department,
            QuarantinedAt: time.GetUtcNow(),
            Sha256: sha256,
            SizeBytes: file.Stamp.Length,
            Server: service.Value.Url,
            Status: failure.CodeName,
            Reason: failure.ReasonOrCode,
            Message: failure.Code is Grpc.Core.StatusCode.PermissionDenied or Grpc.Core.StatusCode.Unauthenticated
                ? $"the worker's API key may not import this file ({failure.CodeName}): {failure.Message}" : failure.Message,
            FieldViolations: failure.FieldViolations.Select(v => new FieldViolationReport(v.Field, v.Description)).ToList(),
            Metadata: failure.Metadata);
        var target = parking.Quarantine(file, department, report);
        summary.Quarantined++;
        LogQuarantined(logger, file.Path, report.Status, report.Reason, report.Message, target);
    }

    /// <summary>Never sent: the file cannot be opened by a name .NET can spell, so it is parked by its bytes, saying why.</summary>
    private void QuarantineUnreadable(UnreadableName name, RunSummary summary)
    {
        var report = new QuarantineReport(
            File: name.ReadableName,
            SourcePath: Path.Combine(name.Folder, name.ReadableName),
            Department: name.Department,
            QuarantinedAt: time.GetUtcNow(),
            Sha256: "",
            SizeBytes: 0,
            Server: service.Value.Url,
            Status: "INVALID_ARGUMENT",
            Reason: UnreadableFileName,
            Message: $"the file name's bytes ({name.NameHex}) are not UTF-8, so the file cannot be opened by name and was not sent; "
                + "rename it (UTF-8) and move it back into the inbox",
            FieldViolations: [new FieldViolationReport("file_name", "not valid UTF-8")],
            Metadata: new Dictionary<string, string> { ["nameBytes"] = name.NameHex });
        try
        {
            var target = parking.Quarantine(name, report);
            summary.Quarantined++;
            LogQuarantined(logger, Path.Combine(name.Folder, name.NameHex), report.Status, report.Reason, report.Message, target);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            summary.Failed++;
            LogMoveFailed(logger, Path.Combine(name.Folder, name.NameHex), ex.Message);
        }
    }

    /// <summary>The local reason of a file whose name cannot be read.</summary>
    public const string UnreadableFileName = "UNREADABLE_FILE_NAME";

    [LoggerMessage(Level = LogLevel.Information, Message = "Folder import run {FireInstanceId} started (recovering: {Recovering})")]
    private static partial void LogRunStarted(ILogger logger, string fireInstanceId, bool recovering);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Folder import run finished: {Imported} imported, {Quarantined} quarantined, {Unstable} still changing, {Failed} failed, {Left} left for the next run, in {Seconds:0.0} s")]
    private static partial void LogRunFinished(ILogger logger, int imported, int quarantined, int unstable, int failed, int left, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Imported {Path} ({Outcome}, {Revision}); archived as {Archived}")]
    private static partial void LogImported(ILogger logger, string path, string outcome, string revision, string archived);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Quarantined {Path}: {Status} {Reason}: {Message}; now {Target}")]
    private static partial void LogQuarantined(ILogger logger, string path, string status, string reason, string message, string target);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Path} changed while it was read; left for the next run")]
    private static partial void LogStillChanging(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Error,
        Message = "The import service at {Server} is unavailable after retries ({Status}: {Message}) at {Path}; this run stops and every file not yet imported stays in place for the next run")]
    private static partial void LogServiceDown(ILogger logger, string server, string status, string message, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Path} was answered but could not be moved ({Error}); it stays in place for the next run")]
    private static partial void LogMoveFailed(ILogger logger, string path, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Import of {Path} failed ({Status} {Reason}: {Message}); the file stays in place for the next run")]
    private static partial void LogFailed(ILogger logger, string path, string status, string reason, string message);
}
