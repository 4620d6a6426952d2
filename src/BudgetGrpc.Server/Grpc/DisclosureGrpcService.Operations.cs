using BudgetGrpc.Contracts;
using BudgetGrpc.Contracts.V1;
using BudgetGrpc.Server.Auth;
using BudgetGrpc.Server.Observability;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Store = BudgetGrpc.Data;

namespace BudgetGrpc.Server.Grpc;

public sealed partial class DisclosureGrpcService
{
    [Authorize(Policy = Policies.Operator)]
    public override async Task<ReprocessRevisionsResponse> ReprocessRevisions(ReprocessRevisionsRequest request, ServerCallContext context)
    {
        var scope = await ToScopeAsync(request, context.CancellationToken);
        var result = await reprocessing.ReprocessAsync(scope, context.CancellationToken);
        Log.Reprocessed(logger, context.GetHttpContext().User.KeyName(), result.Examined, result.NewRevisions, result.Unchanged, result.Failed);
        var response = new ReprocessRevisionsResponse
        {
            Examined = result.Examined,
            NewRevisions = result.NewRevisions,
            Unchanged = result.Unchanged,
            Failed = result.Failed,
        };
        response.Created.Add(result.Created.Select(r => ResourceNames.Revision(r.DisclosureId, r.Number)));
        response.Failures.Add(result.Failures.Select(f => new ReprocessFailure
        {
            Revision = ResourceNames.Revision(f.DisclosureId, f.RevisionNumber),
            Reason = f.Reason,
            Message = f.Message,
        }));
        return response;
    }

    /// <summary>Exactly one kind of scope; a single revision only when it is the latest, since the result becomes the newest revision.</summary>
    private async Task<Import.ReprocessScope> ToScopeAsync(ReprocessRevisionsRequest request, CancellationToken cancellationToken)
    {
        var kinds = (request.Revision.Length > 0 ? 1 : 0) + (request.Disclosure.Length > 0 ? 1 : 0)
            + (request.Department.Length > 0 || request.FiscalYear != 0 ? 1 : 0) + (request.All ? 1 : 0);
        if (kinds != 1)
            throw RpcErrors.InvalidArgument("revision", ErrorReasons.InvalidReprocessScope,
                "give exactly one scope: revision, disclosure, department and/or fiscal_year, or all");
        if (request.All) return new Import.ReprocessScope(All: true);
        if (request.Disclosure.Length > 0)
        {
            var id = ResourceNames.ParseDisclosure(request.Disclosure, "disclosure");
            _ = await store.GetDisclosureAsync(id, cancellationToken) ?? throw RpcErrors.NotFound("disclosure", request.Disclosure);
            return new Import.ReprocessScope(DisclosureId: id);
        }
        if (request.Revision.Length > 0)
        {
            var (id, number) = ResourceNames.ParseRevision(request.Revision, "revision");
            var disclosure = await store.GetDisclosureAsync(id, cancellationToken) ?? throw RpcErrors.NotFound("revision", request.Revision);
            if (number is int n && n != disclosure.LatestRevision)
                throw RpcErrors.FailedPrecondition(ErrorReasons.NotLatestRevision,
                    $"{request.Revision} is not the latest revision ({ResourceNames.Revision(id, disclosure.LatestRevision)}); only the latest can be reprocessed");
            return new Import.ReprocessScope(DisclosureId: id);
        }
        return new Import.ReprocessScope(
            Department: NullIfBlank(request.Department),
            FiscalYear: request.FiscalYear > 0 ? request.FiscalYear : null);
    }

    public override async Task<DiffRevisionsResponse> DiffRevisions(DiffRevisionsRequest request, ServerCallContext context)
    {
        var (baseId, baseNumber) = ResourceNames.ParseRevision(request.BaseRevision, "base_revision");
        var (targetId, targetNumber) = ResourceNames.ParseRevision(request.TargetRevision, "target_revision");
        if (baseId != targetId)
            throw RpcErrors.InvalidArgument("target_revision", ErrorReasons.DifferentDisclosures,
                "base_revision and target_revision must be revisions of the same disclosure");
        var disclosure = await store.GetDisclosureAsync(baseId, context.CancellationToken)
            ?? throw RpcErrors.NotFound("disclosure", ResourceNames.Disclosure(baseId));
        var from = baseNumber ?? disclosure.LatestRevision;
        var to = targetNumber ?? disclosure.LatestRevision;
        var diff = await store.DiffAsync(baseId, from, to, context.CancellationToken)
            ?? throw RpcErrors.NotFound("revision", from > disclosure.LatestRevision ? request.BaseRevision : request.TargetRevision);

        var response = new DiffRevisionsResponse
        {
            BaseRevision = ResourceNames.Revision(baseId, from),
            TargetRevision = ResourceNames.Revision(baseId, to),
            Added = diff.Indicators.Count(c => c.Kind == Store.ChangeKind.Added),
            Removed = diff.Indicators.Count(c => c.Kind == Store.ChangeKind.Removed),
            Changed = diff.Indicators.Count(c => c.Kind == Store.ChangeKind.Changed),
        };
        response.IndicatorChanges.Add(diff.Indicators.Select(ToProto));
        response.ProjectChanges.Add(diff.Projects.Select(p => new ProjectChange
        {
            Kind = ToProto(p.Kind),
            Code = p.Code,
            Name = p.Name,
            BeforeAmount = ProtoMapper.Decimal(p.AmountBefore),
            AfterAmount = ProtoMapper.Decimal(p.AmountAfter),
        }));
        return response;
    }

    private static IndicatorChange ToProto(Store.IndicatorChange change)
    {
        var proto = new IndicatorChange
        {
            Kind = ToProto(change.Kind),
            ProjectCode = change.ProjectCode,
            ProjectName = change.ProjectName,
            Level1 = change.Level1,
            Level2 = change.Level2,
            Name = change.Name,
            Before = change.Before is null ? null : ProtoMapper.ToProto(change.Before),
            After = change.After is null ? null : ProtoMapper.ToProto(change.After),
        };
        proto.ChangedFields.Add(change.ChangedFields);
        return proto;
    }

    private static ChangeKind ToProto(Store.ChangeKind kind) => kind switch
    {
        Store.ChangeKind.Added => ChangeKind.Added,
        Store.ChangeKind.Removed => ChangeKind.Removed,
        Store.ChangeKind.Changed => ChangeKind.Changed,
        _ => ChangeKind.Unspecified,
    };

    [Authorize(Policy = Policies.Operator)]
    public override async Task<ListUploadsResponse> ListUploads(ListUploadsRequest request, ServerCallContext context)
    {
        IReadOnlyCollection<BudgetGrpc.Data.Entities.UploadOutcome> outcomes = request.Refused
            ? [BudgetGrpc.Data.Entities.UploadOutcome.Rejected, BudgetGrpc.Data.Entities.UploadOutcome.Forbidden]
            : ProtoMapper.ToData(request.Outcome) is { } one ? [one] : [];
        var page = await store.ListUploadsAsync(outcomes, RpcErrors.CheckedPageSize(request.PageSize), request.PageToken, context.CancellationToken);
        var response = new ListUploadsResponse { NextPageToken = page.NextPageToken };
        response.Uploads.Add(page.Items.Select(ProtoMapper.ToProto));
        return response;
    }
}
