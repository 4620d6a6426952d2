using BudgetGrpc.Contracts.Client;
using BudgetGrpc.Contracts.V1;
using BudgetGrpc.Tools.Output;
using Grpc.Core;

namespace BudgetGrpc.Tools.Remote;

/// <summary>What happened to one file of `budget import`, and the exit code it alone would give.</summary>
internal sealed record ImportRow(string File, string Outcome, int ExitCode)
{
    public const string Rejected = "REJECTED";
    public const string Forbidden = "FORBIDDEN";
    /// <summary>The file could not be read on this side; nothing was sent.</summary>
    public const string Unreadable = "UNREADABLE";

    public string Revision { get; init; } = "";
    public string Disclosure { get; init; } = "";
    public FindingCounts? Counts { get; init; }
    public IReadOnlyList<Finding> Findings { get; init; } = [];
    /// <summary>ErrorInfo reason of a refusal (UNREADABLE_FILE, NO_TABLE, FORBIDDEN_DEPARTMENT, …).</summary>
    public string Reason { get; init; } = "";
    public string Message { get; init; } = "";

    public static ImportRow From(string file, ImportDisclosureResponse response, bool validateOnly)
    {
        // validate_only answers like `budget validate`: error findings fail the run.
        var failed = validateOnly && response.FindingCounts?.Errors > 0;
        return new(file, RemoteText.Name(response.Outcome), failed ? ExitCodes.Findings : ExitCodes.Ok)
        {
            Revision = response.Revision?.Name ?? "",
            Disclosure = response.Revision?.Disclosure ?? "",
            Counts = response.FindingCounts,
            Findings = response.Findings,
        };
    }

    public static ImportRow Refused(string file, RpcException ex)
    {
        var reason = RpcFailure.From(ex).Reason;
        return new(file, ex.StatusCode == StatusCode.PermissionDenied ? Forbidden : Rejected, ExitCodes.Findings)
        {
            Reason = reason,
            Message = RpcErrorReport.Describe(ex),
        };
    }

    /// <summary>Refused on this side before the file was read: it is larger than the server takes.</summary>
    public static ImportRow TooLarge(string file, long size, long maxFileBytes) =>
        new(file, Rejected, ExitCodes.Findings)
        {
            Reason = BudgetGrpc.Contracts.ErrorReasons.FileTooLarge,
            Message = $"{size} bytes is more than the maximum file size ({maxFileBytes} bytes, {BudgetGrpc.Contracts.FileLimits.MaxFileBytesKey}); not sent",
        };

    public static ImportRow NotRead(string file, string message) =>
        new(file, Unreadable, ExitCodes.Unreadable) { Reason = "LOCAL_FILE", Message = message };
}
