using BudgetGrpc.Contracts.V1;
using BudgetGrpc.Engine.Publishing;
using BudgetGrpc.Server.Auth;
using BudgetGrpc.Server.Observability;
using Google.Protobuf;
using Grpc.Core;

namespace BudgetGrpc.Server.Grpc;

public sealed partial class DisclosureGrpcService
{
    public override async Task<ExportRevisionResponse> ExportRevision(ExportRevisionRequest request, ServerCallContext context)
    {
        var (id, number) = ResourceNames.ParseRevision(request.Name, "name");
        var caller = context.GetHttpContext().User;
        if (request.Force && !caller.IsOperator())
            throw RpcErrors.PermissionDenied("ROLE_REQUIRED",
                $"the API key '{caller.KeyName()}' may not force an export: force needs the operator role");

        var revision = (number is int n
            ? await store.GetRevisionAsync(id, n, full: true, context.CancellationToken)
            : await store.GetLatestRevisionAsync(id, full: true, context.CancellationToken))
            ?? throw RpcErrors.NotFound("revision", request.Name);
        var name = ResourceNames.Revision(revision.DisclosureId, revision.Number);
        if (revision.ErrorCount > 0)
        {
            if (!request.Force)
                throw RpcErrors.FailedPrecondition("REVISION_HAS_ERRORS",
                    $"{name} has {revision.ErrorCount} error finding(s) and is not publishable; fix the source and import it again, or have an operator export with force",
                    new Dictionary<string, string> { ["revision"] = name, ["errors"] = revision.ErrorCount.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            Log.ForcedExport(logger, name, caller.KeyName());
        }

        var disclosure = store.ToDisclosure(revision);
        var meta = new PublicationMeta(revision.DisclosureId, revision.Number);
        var baseName = $"{revision.DisclosureId}-r{revision.Number}";
        return request.Format == ExportFormat.Csv
            ? new ExportRevisionResponse
            {
                Content = UnsafeByteOperations.UnsafeWrap(FlatCsv.ToUtf8Bytes(disclosure, meta)),
                ContentType = FlatCsv.ContentType,
                FileName = baseName + ".csv",
            }
            : new ExportRevisionResponse
            {
                Content = UnsafeByteOperations.UnsafeWrap(PublicationJson.ToUtf8Bytes(disclosure, meta)),
                ContentType = PublicationJson.ContentType,
                FileName = baseName + ".json",
            };
    }
}
