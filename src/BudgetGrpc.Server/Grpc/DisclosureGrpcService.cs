using BudgetGrpc.Contracts;
using BudgetGrpc.Contracts.V1;
using Store = BudgetGrpc.Data;
using BudgetGrpc.Server.Auth;
using BudgetGrpc.Server.Observability;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace BudgetGrpc.Server.Grpc;

/// <summary>
/// The budget.v1 DisclosureService. Thin by design: validate the request, call the store, map the result.
/// Reads need a reader key (class policy); methods that change data ask for more.
/// </summary>
[Authorize(Policy = Policies.Reader)]
public sealed partial class DisclosureGrpcService(
    Store.DisclosureStore store,
    ServerMetrics metrics,
    RevisionCache revisions,
    Import.LargeUploadGate largeUploads,
    Import.StorageHealth storage,
    ILogger<DisclosureGrpcService> logger) : DisclosureService.DisclosureServiceBase
{
    [Authorize(Policy = Policies.Importer)]
    public override async Task<ImportDisclosureResponse> ImportDisclosure(ImportDisclosureRequest request, ServerCallContext context)
    {
        if (string.IsNullOrWhiteSpace(request.FileName))
            throw RpcErrors.InvalidArgument("file_name", ErrorReasons.FileNameRequired, "file_name is required: its extension tells the container format");
        if (request.RequestId.Length > MaxRequestIdLength)
            throw RpcErrors.InvalidArgument("request_id", ErrorReasons.RequestIdTooLong,
                $"request_id has {request.RequestId.Length:N0} characters; at most {MaxRequestIdLength} are accepted");

        var caller = context.GetHttpContext().User;
        using var place = await largeUploads.EnterAsync(request.Content.Length, context.CancellationToken);
        var command = new Store.ImportCommand(
            request.FileName,
            request.Content.ToByteArray(),
            NullIfBlank(request.DepartmentHint),
            request.ValidateOnly,
            NullIfBlank(request.RequestId),
            ProtoMapper.ToEngine(request.Kind),
            caller.KeyName());
        var outcome = await store.ImportAsync(command, caller.MayImport, context.CancellationToken);
        storage.WriteSucceeded();
        metrics.Imported(outcome.Status.ToString());

        if (outcome.Status is Store.ImportStatus.Rejected or Store.ImportStatus.Forbidden or Store.ImportStatus.RequestIdReused)
            throw Refusal(outcome, request, caller);

        var response = new ImportDisclosureResponse
        {
            Outcome = ToProto(outcome.Status),
            Revision = outcome.Revision is null ? null : ProtoMapper.ToProto(outcome.Revision, outcome.Disclosure, full: false),
            FindingCounts = new FindingCounts
            {
                Errors = outcome.Findings.Count(f => f.Severity == Engine.Model.Severity.Error),
                Warnings = outcome.Findings.Count(f => f.Severity == Engine.Model.Severity.Warning),
                Infos = outcome.Findings.Count(f => f.Severity == Engine.Model.Severity.Info),
            },
        };
        response.Findings.Add(outcome.Findings.Select(ProtoMapper.ToProto));
        if (outcome.Status is Store.ImportStatus.Created or Store.ImportStatus.NewRevision)
            metrics.Findings(response.FindingCounts.Errors, response.FindingCounts.Warnings, response.FindingCounts.Infos);
        Log.Imported(logger, request.FileName, caller.KeyName(), outcome.Status.ToString(), response.Revision?.Name ?? "",
            response.FindingCounts.Errors, response.FindingCounts.Warnings);
        return response;
    }

    /// <summary>A refused file is already recorded as an upload by the store; the caller learns why, and where.</summary>
    private RpcException Refusal(Store.ImportOutcome outcome, ImportDisclosureRequest request, System.Security.Claims.ClaimsPrincipal caller)
    {
        var reason = outcome.Reason ?? outcome.Error?.Reason ?? "PARSE_ERROR";
        var message = outcome.Message ?? outcome.Error?.ToString() ?? $"{request.FileName} could not be imported";
        Log.ImportRejected(logger, request.FileName, caller.KeyName(), reason, message);
        var metadata = new Dictionary<string, string>
        {
            ["file_name"] = request.FileName,
            ["upload"] = ResourceNames.Upload(outcome.UploadId),
        };
        if (outcome.Error?.Location is { } location && location != Engine.Model.SourceRef.None)
            metadata["location"] = location.ToString();
        if (outcome.Status == Store.ImportStatus.Forbidden)
            return RpcErrors.PermissionDenied(reason, message, metadata);
        if (outcome.Status == Store.ImportStatus.RequestIdReused)
            return RpcErrors.Build(StatusCode.AlreadyExists, reason, message, metadata);
        return RpcErrors.InvalidArgument(outcome.Field ?? "content", reason, message, metadata);
    }

    private static ImportOutcome ToProto(Store.ImportStatus status) => status switch
    {
        Store.ImportStatus.Created => ImportOutcome.Created,
        Store.ImportStatus.NewRevision => ImportOutcome.NewRevision,
        Store.ImportStatus.Unchanged => ImportOutcome.Unchanged,
        Store.ImportStatus.ValidatedOnly => ImportOutcome.ValidatedOnly,
        _ => ImportOutcome.Unspecified,
    };

    /// <summary>The longest request id kept (the upload log's column).</summary>
    private const int MaxRequestIdLength = 128;

    private static string? NullIfBlank(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
