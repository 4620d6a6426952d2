using BudgetGrpc.Contracts.V1;
using Grpc.Core;

namespace BudgetGrpc.Worker.Import;

/// <summary>What became of one file at the service, reduced to what the job does next.</summary>
public enum ImportVerdict
{
    /// <summary>Committed (created, new revision or unchanged): archive it.</summary>
    Imported,
    /// <summary>The service read the file and refused it (INVALID_ARGUMENT): quarantine it.</summary>
    Rejected,
    /// <summary>The key may not import it (PERMISSION_DENIED, UNAUTHENTICATED): quarantine it, saying so.</summary>
    NotAllowed,
    /// <summary>The service stayed unreachable through every retry: leave the file, end the run.</summary>
    Unavailable,
    /// <summary>Anything else (INTERNAL, …): leave the file for the next run and carry on with the others.</summary>
    Failed,
}

public sealed record ImportAttempt(ImportVerdict Verdict, ImportDisclosureResponse? Response, RpcFailure? Failure)
{
    public static ImportAttempt Imported(ImportDisclosureResponse response) => new(ImportVerdict.Imported, response, null);
}

/// <summary>A failed call with its google.rpc.Status details unpacked.</summary>
public sealed record RpcFailure(
    StatusCode Code,
    string Reason,
    string Message,
    IReadOnlyList<(string Field, string Description)> FieldViolations,
    IReadOnlyDictionary<string, string> Metadata)
{
    public static RpcFailure From(RpcException ex)
    {
        var status = ex.GetRpcStatus();
        var info = status?.GetDetail<Google.Rpc.ErrorInfo>();
        var badRequest = status?.GetDetail<Google.Rpc.BadRequest>();
        return new RpcFailure(
            ex.StatusCode,
            info?.Reason is { Length: > 0 } reason ? reason : ex.StatusCode.ToString().ToUpperInvariant(),
            status?.Message ?? ex.Status.Detail,
            badRequest?.FieldViolations.Select(v => (v.Field, v.Description)).ToList() ?? [],
            info?.Metadata.ToDictionary(kv => kv.Key, kv => kv.Value) ?? new Dictionary<string, string>());
    }

    public static RpcFailure Local(StatusCode code, string reason, string message) =>
        new(code, reason, message, [], new Dictionary<string, string>());
}
