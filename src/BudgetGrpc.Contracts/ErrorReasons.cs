namespace BudgetGrpc.Contracts;

/// <summary>
/// The <c>google.rpc.ErrorInfo.reason</c> values the server sends (domain <see cref="Domain"/>), in one place for the
/// server and every client. Clients branch on these, never on the message text. The engine's parse reasons are
/// repeated here because the contracts do not reference the engine; a server test checks that they agree.
/// </summary>
public static class ErrorReasons
{
    /// <summary>The <c>ErrorInfo.domain</c> of every error the server raises.</summary>
    public const string Domain = "budget.v1";

    // The file itself (the engine's DisclosureError reasons).
    public const string EmptyFile = "EMPTY_FILE";
    public const string FileTooLarge = "FILE_TOO_LARGE";
    public const string UnsupportedFormat = "UNSUPPORTED_FORMAT";
    public const string UnreadableFile = "UNREADABLE_FILE";
    public const string NoTable = "NO_TABLE";
    public const string UnrecognisedLayout = "UNRECOGNISED_LAYOUT";
    public const string NoProjects = "NO_PROJECTS";
    public const string NoTextLayer = "NO_TEXT_LAYER";
    public const string ConverterUnavailable = "CONVERTER_UNAVAILABLE";
    public const string ParseError = "PARSE_ERROR";

    // Import: what was read, who asks, whether it can be stored.
    public const string FileNameRequired = "FILE_NAME_REQUIRED";
    public const string IncompleteIdentity = "INCOMPLETE_IDENTITY";
    public const string ValueOutOfRange = "VALUE_OUT_OF_RANGE";
    public const string ForbiddenDepartment = "FORBIDDEN_DEPARTMENT";
    /// <summary>The request id was used before by another key scope, for other content or another validate_only.</summary>
    public const string RequestIdReused = "REQUEST_ID_REUSED";
    /// <summary>The request id is longer than the server keeps.</summary>
    public const string RequestIdTooLong = "REQUEST_ID_TOO_LONG";
    /// <summary>The data folder or database has no space left (RESOURCE_EXHAUSTED); retry later.</summary>
    public const string StorageFull = "STORAGE_FULL";
    /// <summary>The data folder or database cannot be written for another reason (UNAVAILABLE); retry later.</summary>
    public const string StorageUnavailable = "STORAGE_UNAVAILABLE";
    /// <summary>Too many large uploads are being read at once (RESOURCE_EXHAUSTED); retry later.</summary>
    public const string ServerBusy = "SERVER_BUSY";

    // Request checks.
    public const string InvalidArgument = "INVALID_ARGUMENT";
    /// <summary>An enum field holds a number that is not one of its values.</summary>
    public const string InvalidEnumValue = "INVALID_ENUM_VALUE";
    public const string InvalidFiscalYear = "INVALID_FISCAL_YEAR";
    public const string InvalidPageSize = "INVALID_PAGE_SIZE";
    public const string InvalidPageToken = "INVALID_PAGE_TOKEN";
    public const string InvalidDecimal = "INVALID_DECIMAL";
    public const string InvalidDuration = "INVALID_DURATION";
    public const string EmptyValueRange = "EMPTY_VALUE_RANGE";
    public const string ValueRangeNeedsScope = "VALUE_RANGE_NEEDS_SCOPE";
    public const string InvalidReprocessScope = "INVALID_REPROCESS_SCOPE";
    public const string MalformedResourceName = "MALFORMED_RESOURCE_NAME";
    public const string ResourceNotFound = "RESOURCE_NOT_FOUND";
    public const string DifferentDisclosures = "DIFFERENT_DISCLOSURES";
    public const string NotLatestRevision = "NOT_LATEST_REVISION";
    public const string RevisionHasErrors = "REVISION_HAS_ERRORS";
    public const string ConcurrentUpdate = "CONCURRENT_UPDATE";

    // Keys.
    public const string RoleRequired = "ROLE_REQUIRED";

    // Deliveries.
    public const string WorkerIdRequired = "WORKER_ID_REQUIRED";
    public const string LeaseDurationRequired = "LEASE_DURATION_REQUIRED";
    public const string LeaseLost = "LEASE_LOST";
    public const string OutcomeRequired = "OUTCOME_REQUIRED";
    /// <summary>A named delivery is delivered, superseded or in flight: only failed or pending ones can be retried.</summary>
    public const string NotRetryable = "NOT_RETRYABLE";
}
