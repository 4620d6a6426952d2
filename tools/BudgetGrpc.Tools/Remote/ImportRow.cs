using BudgetGrpc.Contracts.V1;
using BudgetGrpc.Tools.Output;
using Google.Rpc;
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
        var reason = ex.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason ?? "";
        return new(file, ex.StatusCode == StatusCode.PermissionDenied ? Forbidden : Rejected, ExitCodes.Findings)
        {
            Reason = reason,
            Message = RpcErrorReport.Describe(ex),
        };
    }

    public static ImportRow NotRead(string file, string message) =>
        new(file, Unreadable, ExitCodes.Unreadable) { Reason = "LOCAL_FILE", Message = message };
}
