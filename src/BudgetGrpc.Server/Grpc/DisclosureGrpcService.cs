using BudgetGrpc.Contracts;
using BudgetGrpc.Contracts.V1;
using Store = BudgetGrpc.Data;
using BudgetGrpc.Server.Auth;
using BudgetGrpc.Server.Observability;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace BudgetGrpc.Server.Grpc;

/// <summary>
/// The budget.v1 DisclosureService. Thin by design: validate the request, call the store or the import, map the result.
/// Reads need a reader key (class policy); methods that change data ask for more.
/// </summary>
[Authorize(Policy = Policies.Reader)]
public sealed partial class DisclosureGrpcService(
    Store.DisclosureStore store,
    Import.ImportService imports,
    Import.ReprocessService reprocessing,
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
        if (request.RequestId.Length > Import.ImportService.MaxRequestIdLength)
            throw RpcErrors.InvalidArgument("request_id", ErrorReasons.RequestIdTooLong,
                $"request_id has {request.RequestId.Length:N0} characters; at most {Import.ImportService.MaxRequestIdLength} are accepted");

        var caller = context.GetHttpContext().User;
        using var place = await largeUploads.EnterAsync(request.Content.Length, context.CancellationToken);
        var command = new Import.ImportCommand(
            request.FileName,
            request.Content.ToByteArray(),
            NullIfBlank(request.DepartmentHint),
            request.ValidateOnly,
            NullIfBlank(request.RequestId),
            ProtoMapper.ToEngine(request.Kind),
            caller.KeyName());
        var result = await imports.ImportAsync(command, caller.MayImport, context.CancellationToken);
        storage.WriteSucceeded();
        metrics.Imported(result.Outcome);

        var (outcome, revision, disclosure) = result switch
        {
            Import.ImportResult.Stored s => (s.Created ? ImportOutcome.Created : ImportOutcome.NewRevision, s.Revision, s.Disclosure),
            Import.ImportResult.Unchanged u => (ImportOutcome.Unchanged, u.Revision, u.Disclosure),
            Import.ImportResult.ValidatedOnly v => (ImportOutcome.ValidatedOnly, v.Revision, v.Disclosure),
            Import.ImportResult.Refused refused => throw Refusal(refused, request, caller),
            _ => throw new InvalidOperationException($"unknown import result {result.GetType().Name}"),
        };
        var counts = result.Counts;
        var response = new ImportDisclosureResponse
        {
            Outcome = outcome,
            Revision = ProtoMapper.ToProto(revision, disclosure, full: false),
            FindingCounts = new FindingCounts { Errors = counts.Errors, Warnings = counts.Warnings, Infos = counts.Infos },
        };
        response.Findings.Add(result.Findings.Select(ProtoMapper.ToProto));
        if (result is Import.ImportResult.Stored)
            metrics.Findings(counts.Errors, counts.Warnings, counts.Infos);
        Log.Imported(logger, request.FileName, caller.KeyName(), result.Outcome, response.Revision.Name, counts.Errors, counts.Warnings);
        return response;
    }

    /// <summary>A refused file is already recorded as an upload by the import; the caller learns why, and where.</summary>
    private RpcException Refusal(Import.ImportResult.Refused refused, ImportDisclosureRequest request, System.Security.Claims.ClaimsPrincipal caller)
    {
        Log.ImportRejected(logger, request.FileName, caller.KeyName(), refused.Reason, refused.Message);
        var metadata = new Dictionary<string, string>
        {
            ["file_name"] = request.FileName,
            ["upload"] = ResourceNames.Upload(refused.UploadId),
        };
        if (refused.Location is { } location && location != Engine.Model.SourceRef.None)
            metadata["location"] = location.ToString();
        return refused.Kind switch
        {
            Import.RefusalKind.Forbidden => RpcErrors.PermissionDenied(refused.Reason, refused.Message, metadata),
            Import.RefusalKind.RequestIdReused => RpcErrors.Build(StatusCode.AlreadyExists, refused.Reason, refused.Message, metadata),
            // The same code as the frame check's answer for a file announced too large: one limit, one answer.
            _ when refused.Reason == ErrorReasons.FileTooLarge => RpcErrors.Build(StatusCode.ResourceExhausted, refused.Reason, refused.Message, metadata),
            _ => RpcErrors.InvalidArgument(refused.Field, refused.Reason, refused.Message, metadata),
        };
    }

    private static string? NullIfBlank(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
