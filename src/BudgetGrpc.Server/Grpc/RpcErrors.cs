using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace BudgetGrpc.Server.Grpc;

/// <summary>
/// Builds RpcExceptions that carry a google.rpc.Status with ErrorInfo (fixed UPPER_SNAKE reason, domain
/// budget.v1) and, for bad input, BadRequest field violations, so clients can branch on the reason. Every text that
/// may carry input (message, metadata, field description) is cut to <see cref="MaxText"/> characters: an error about a
/// 100 KB name must not put 100 KB into the trailers.
/// </summary>
public static class RpcErrors
{
    public const string Domain = Contracts.ErrorReasons.Domain;

    /// <summary>The most characters of any one text in an error.</summary>
    public const int MaxText = 300;

    /// <summary><paramref name="text"/> cut to <see cref="MaxText"/> characters, the cut marked with an ellipsis and the full length.</summary>
    public static string Clip(string text) =>
        text.Length <= MaxText ? text : string.Concat(text.AsSpan(0, MaxText), $"… ({text.Length:N0} characters)");

    public static RpcException InvalidArgument(string field, string reason, string message,
        IReadOnlyDictionary<string, string>? metadata = null) =>
        Build(StatusCode.InvalidArgument, reason, message, metadata,
            new BadRequest { FieldViolations = { new BadRequest.Types.FieldViolation { Field = Clip(field), Description = Clip(message) } } });

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
        if (metadata is not null) foreach (var (key, value) in metadata) info.Metadata[key] = Clip(value);
        var status = new Google.Rpc.Status { Code = (int)code, Message = Clip(message), Details = { Any.Pack(info) } };
        if (badRequest is not null) status.Details.Add(Any.Pack(badRequest));
        return status.ToRpcException();
    }
}
