using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace BudgetGrpc.Server.Grpc;

/// <summary>
/// Builds RpcExceptions that carry a google.rpc.Status with ErrorInfo (fixed UPPER_SNAKE reason, domain
/// budget.v1) and, for bad input, BadRequest field violations, so clients can branch on the reason.
/// </summary>
public static class RpcErrors
{
    public const string Domain = "budget.v1";

    public static RpcException InvalidArgument(string field, string reason, string message,
        IReadOnlyDictionary<string, string>? metadata = null) =>
        Build(StatusCode.InvalidArgument, reason, message, metadata,
            new BadRequest { FieldViolations = { new BadRequest.Types.FieldViolation { Field = field, Description = message } } });

    /// <summary>AIP-158: a negative page_size is an error, 0 means the default, the store caps large ones.</summary>
    public static int CheckedPageSize(int pageSize) => pageSize >= 0
        ? pageSize
        : throw InvalidArgument("page_size", "INVALID_PAGE_SIZE", "page_size must not be negative");

    public static RpcException NotFound(string resource, string name) =>
        Build(StatusCode.NotFound, "RESOURCE_NOT_FOUND", $"{resource} '{name}' does not exist",
            new Dictionary<string, string> { ["resource"] = resource, ["name"] = name });

    public static RpcException FailedPrecondition(string reason, string message, IReadOnlyDictionary<string, string>? metadata = null) =>
        Build(StatusCode.FailedPrecondition, reason, message, metadata);

    public static RpcException PermissionDenied(string reason, string message, IReadOnlyDictionary<string, string>? metadata = null) =>
        Build(StatusCode.PermissionDenied, reason, message, metadata);

    public static RpcException Build(StatusCode code, string reason, string message,
        IReadOnlyDictionary<string, string>? metadata = null, BadRequest? badRequest = null)
    {
        var info = new ErrorInfo { Reason = reason, Domain = Domain };
        if (metadata is not null) foreach (var (key, value) in metadata) info.Metadata[key] = value;
        var status = new Google.Rpc.Status { Code = (int)code, Message = message, Details = { Any.Pack(info) } };
        if (badRequest is not null) status.Details.Add(Any.Pack(badRequest));
        return status.ToRpcException();
    }
}
