using Google.Rpc;
using Grpc.Core;

namespace BudgetGrpc.Contracts.Client;

/// <summary>
/// A failed call with its google.rpc.Status details unpacked: the ErrorInfo reason (one of <see cref="ErrorReasons"/>),
/// the message, the BadRequest field violations and the ErrorInfo metadata. Clients branch on <see cref="Reason"/>,
/// never on the message text.
/// </summary>
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
        var info = status?.GetDetail<ErrorInfo>();
        var badRequest = status?.GetDetail<BadRequest>();
        var message = status?.Message ?? ex.Status.Detail;
        // The transport's own failures (connection refused, reset) only say "Error connecting to subchannel."; the cause is inside.
        if (status is null && ex.Status.DebugException is { } cause && !message.Contains(cause.Message, StringComparison.Ordinal))
            message = $"{message} ({cause.InnerException?.Message ?? cause.Message})";
        return new RpcFailure(
            ex.StatusCode,
            info?.Reason is { Length: > 0 } reason ? reason : "",
            message,
            badRequest?.FieldViolations.Select(v => (v.Field, v.Description)).ToList() ?? [],
            info?.Metadata.ToDictionary(kv => kv.Key, kv => kv.Value) ?? new Dictionary<string, string>());
    }

    /// <summary>A refusal made on the client's side, before anything was sent (FILE_TOO_LARGE, …).</summary>
    public static RpcFailure Local(StatusCode code, string reason, string message) =>
        new(code, reason, message, [], new Dictionary<string, string>());

    /// <summary>The status code as the gRPC spec writes it: INVALID_ARGUMENT, UNAUTHENTICATED, …</summary>
    public string CodeName => NameOf(Code);

    /// <summary>The reason, or the code's name when the server gave none.</summary>
    public string ReasonOrCode => Reason.Length > 0 ? Reason : CodeName;

    /// <summary>Statuses that say the call may succeed later unchanged: the server was unreachable, slow or full.</summary>
    public bool IsTransient => IsTransientCode(Code) && Reason != ErrorReasons.FileTooLarge;

    /// <summary>A refusal of the key itself (unknown, or without the role): every call fails alike until it is fixed.</summary>
    public bool RefusesTheKey =>
        Code == StatusCode.Unauthenticated || (Code == StatusCode.PermissionDenied && Reason != ErrorReasons.ForbiddenDepartment);

    public static bool IsTransientCode(StatusCode code) =>
        code is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.ResourceExhausted;

    public static string NameOf(StatusCode code) =>
        string.Concat(code.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : c.ToString())).ToUpperInvariant();
}
