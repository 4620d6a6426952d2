using System.Globalization;
using BudgetGrpc.Contracts.V1;
using BudgetGrpc.Data.Entities;
using BudgetGrpc.Engine.Validation;
using Grpc.Core;
using Microsoft.Extensions.Options;
using Engine = BudgetGrpc.Engine;
using Store = BudgetGrpc.Data;

namespace BudgetGrpc.Server.Grpc;

public sealed partial class DisclosureGrpcService
{
    /// <summary>
    /// A department-year's targets beside its self-evaluation. Reader role, like every read: disclosures are public, and
    /// the request names the one department-year it reads.
    /// </summary>
    public override async Task<CompareSelfEvaluationResponse> CompareSelfEvaluation(CompareSelfEvaluationRequest request, ServerCallContext context)
    {
        if (string.IsNullOrWhiteSpace(request.Department))
            throw RpcErrors.InvalidArgument("department", "DEPARTMENT_REQUIRED", "department is required: the exact department name, as ListDisclosures shows it");
        if (request.FiscalYear <= 0)
            throw RpcErrors.InvalidArgument("fiscal_year", "FISCAL_YEAR_REQUIRED", "fiscal_year is required: the year the targets and the self-evaluation are for");
        var department = request.Department.Trim();
        // The scoring rules the import scored with (section Validation:Scoring), so the comparison judges alike.
        var scoring = context.GetHttpContext().RequestServices.GetRequiredService<IOptions<ValidationOptions>>().Value.Scoring;

        var result = await store.CompareSelfEvaluationAsync(department, request.FiscalYear, scoring, context.CancellationToken);
        var scope = new Dictionary<string, string>
        {
            ["department"] = department,
            ["fiscal_year"] = request.FiscalYear.ToString(CultureInfo.InvariantCulture),
        };
        switch (result.Status)
        {
            case Store.ComparisonStatus.NoSelfEvaluation:
                throw RpcErrors.Build(StatusCode.NotFound, "NO_SELF_EVALUATION",
                    $"{department} has no self-evaluation for {request.FiscalYear}", scope);
            case Store.ComparisonStatus.NoTargets:
                scope["self_evaluation"] = ResourceNames.Disclosure(result.SelfEvaluation!.Id);
                throw RpcErrors.Build(StatusCode.NotFound, "NO_TARGET_TABLE",
                    $"{department} has a self-evaluation for {request.FiscalYear} but no target table to link it to", scope);
        }
        return ToProto(result, department, request.FiscalYear);
    }

    private static CompareSelfEvaluationResponse ToProto(Store.TargetEvaluationComparison c, string department, int fiscalYear)
    {
        var response = new CompareSelfEvaluationResponse
        {
            Department = department,
            FiscalYear = fiscalYear,
            SelfEvaluationRevision = ResourceNames.Revision(c.EvaluationRevision!.DisclosureId, c.EvaluationRevision.Number),
            TargetRevision = ResourceNames.Revision(c.LinkedTargets!.DisclosureId, c.LinkedTargets.Number),
            LatestTargetRevision = ResourceNames.Revision(c.LatestTargets!.DisclosureId, c.LatestTargets.Number),
            TargetsRevisedAfterLink = c.Indicators!.Any(i => i.TargetRevised),
            Counts = new GapCounts(),
        };
        foreach (var p in c.Projects!)
        {
            var link = new ProjectLink
            {
                ApprovedCode = p.Approved?.Code ?? "",
                ApprovedName = p.Approved?.Name ?? "",
                EvaluatedCode = p.Evaluated?.Code ?? "",
                EvaluatedName = p.Evaluated?.Name ?? "",
                Confidence = Math.Round(p.Confidence, 3),
            };
            if (p.Evaluated is { } evaluated)
            {
                var (_, total) = Store.DisclosureMapper.EvaluationOf(evaluated);
                link.DeclaredScore = ProtoMapper.Decimal(total?.Score);
                link.ComputedScore = ProtoMapper.Decimal(evaluated.ComputedScore);
                link.Grade = evaluated.Grade;
            }
            response.Projects.Add(link);
        }
        foreach (var i in c.Indicators!)
        {
            var gap = new IndicatorGap
            {
                Project = (i.ApprovedProject ?? i.EvaluatedProject)?.Name ?? "",
                EvaluatedProject = i.EvaluatedProject?.Name ?? "",
                Level1 = i.Gap.Level1,
                Level2 = i.Gap.Level2,
                Name = i.Gap.Name,
                Approved = i.Approved is null ? null : ProtoMapper.ToProto(i.Approved),
                Evaluated = i.Evaluated is null ? null : ProtoMapper.ToProto(i.Evaluated),
                Confidence = Math.Round(i.Gap.Confidence, 3),
                Status = ToProto(i.Status),
                Outcome = i.Gap.Outcome switch
                {
                    Engine.Indicators.TargetOutcome.Met => TargetOutcome.Met,
                    Engine.Indicators.TargetOutcome.Missed => TargetOutcome.Missed,
                    Engine.Indicators.TargetOutcome.Undecided => TargetOutcome.Undecided,
                    _ => TargetOutcome.Unspecified,
                },
                TargetRestated = i.TargetRestated,
                TargetRevised = i.TargetRevised,
                CurrentTarget = i.CurrentTarget is null ? null : ProtoMapper.ToProto(i.CurrentTarget),
            };
            Count(response.Counts, gap.Status);
            response.Indicators.Add(gap);
        }
        return response;
    }

    private static GapStatus ToProto(Engine.Linking.GapStatus status) => status switch
    {
        Engine.Linking.GapStatus.Met => GapStatus.Met,
        Engine.Linking.GapStatus.Missed => GapStatus.Missed,
        Engine.Linking.GapStatus.Undecided => GapStatus.Undecided,
        Engine.Linking.GapStatus.NotEvaluated => GapStatus.NotEvaluated,
        Engine.Linking.GapStatus.WithoutApprovedTarget => GapStatus.WithoutApprovedTarget,
        Engine.Linking.GapStatus.TargetChanged => GapStatus.TargetChanged,
        _ => GapStatus.Unspecified,
    };

    private static void Count(GapCounts counts, GapStatus status)
    {
        switch (status)
        {
            case GapStatus.Met: counts.Met++; break;
            case GapStatus.Missed: counts.Missed++; break;
            case GapStatus.Undecided: counts.Undecided++; break;
            case GapStatus.NotEvaluated: counts.NotEvaluated++; break;
            case GapStatus.WithoutApprovedTarget: counts.WithoutApprovedTarget++; break;
            case GapStatus.TargetChanged: counts.TargetChanged++; break;
        }
    }
}
