using Microsoft.Extensions.Logging;

namespace BudgetGrpc.Data;

public sealed partial class DisclosureStore
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Imported {FileName}: {Status}, disclosure {DisclosureId} revision {Revision}")]
    private static partial void LogImported(ILogger logger, string fileName, ImportStatus status, string? disclosureId, int? revision);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Refused {FileName}: {Status} {Reason}: {Message}")]
    private static partial void LogRefused(ILogger logger, string fileName, ImportStatus status, string reason, string message);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information, Message = "Import of {Department} {FiscalYear} lost a race (attempt {Attempt}); retrying")]
    private static partial void LogImportConflict(ILogger logger, string department, int fiscalYear, int attempt);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Information, Message = "Reprocessed disclosure {DisclosureId} revision {Revision}: {Result}")]
    private static partial void LogReprocessed(ILogger logger, string disclosureId, int revision, string result);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Warning, Message = "Reprocessing disclosure {DisclosureId} revision {Revision} failed: {Reason} {Message}")]
    private static partial void LogReprocessFailed(ILogger logger, string disclosureId, int revision, string reason, string message);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Warning, Message = "Dropped the bytes of {Count} refused upload(s), oldest first, to keep them within {QuotaBytes} bytes (Limits:RejectedContentQuotaBytes); hash, size and reason stay")]
    private static partial void LogRejectedContentDropped(ILogger logger, int count, long quotaBytes);
}
