namespace BudgetGrpc.Server.Observability;

/// <summary>Source-generated log messages for the paths that run on every call or every file.</summary>
public static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Imported {FileName} for {Key}: {Outcome} {Revision} ({Errors} errors, {Warnings} warnings)")]
    public static partial void Imported(ILogger logger, string fileName, string key, string outcome, string revision, int errors, int warnings);

    [LoggerMessage(2, LogLevel.Warning, "Rejected {FileName} for {Key}: {Reason} {Message}")]
    public static partial void ImportRejected(ILogger logger, string fileName, string key, string reason, string message);

    [LoggerMessage(3, LogLevel.Error, "Unexpected failure in {Method}")]
    public static partial void UnexpectedFailure(ILogger logger, Exception exception, string method);

    [LoggerMessage(4, LogLevel.Information, "Seed: {FileName} {Outcome}")]
    public static partial void Seeded(ILogger logger, string fileName, string outcome);

    [LoggerMessage(9, LogLevel.Information, "Seed: {FileName} skipped, the same department, year and kind as {First} (another format of the same table)")]
    public static partial void SeedSkipped(ILogger logger, string fileName, string first);

    [LoggerMessage(5, LogLevel.Warning, "Seed folder {Folder} does not exist; nothing imported")]
    public static partial void SeedFolderMissing(ILogger logger, string folder);

    [LoggerMessage(6, LogLevel.Information, "Seed: {Count} files examined in {Folder}")]
    public static partial void SeedDone(ILogger logger, int count, string folder);

    [LoggerMessage(7, LogLevel.Information, "Reprocessed for {Key}: {Examined} examined, {NewRevisions} new revisions, {Unchanged} unchanged, {Failed} failed")]
    public static partial void Reprocessed(ILogger logger, string key, int examined, int newRevisions, int unchanged, int failed);

    [LoggerMessage(8, LogLevel.Warning, "Forced export of {Revision} with error findings by {Key}")]
    public static partial void ForcedExport(ILogger logger, string revision, string key);

    [LoggerMessage(9, LogLevel.Error, "No storage space left in {Method}; answered RESOURCE_EXHAUSTED (STORAGE_FULL) and health NOT_SERVING until a write succeeds")]
    public static partial void StorageFull(ILogger logger, Exception exception, string method);
}
