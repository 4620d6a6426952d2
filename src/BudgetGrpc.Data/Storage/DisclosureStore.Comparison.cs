using BudgetGrpc.Data.Entities;
using BudgetGrpc.Engine.Linking;
using BudgetGrpc.Engine.Model;
using BudgetGrpc.Engine.Validation;
using Microsoft.EntityFrameworkCore;

namespace BudgetGrpc.Data;

public enum ComparisonStatus
{
    Compared,
    /// <summary>The department-year has no self-evaluation.</summary>
    NoSelfEvaluation,
    /// <summary>The department-year has a self-evaluation but no target table to link it to.</summary>
    NoTargets,
}

/// <summary>A project of the linked target revision and the self-evaluated project linked to it (either may be null).</summary>
public sealed record ComparedProject(ProjectEntity? Approved, ProjectEntity? Evaluated, double Confidence);

/// <summary>
/// One line of a stored comparison: the engine's gap with the stored rows of either side, and whether the target table
/// changed the target after the linked revision (<see cref="CurrentTarget"/> then holds the latest revision's row, null
/// where that revision dropped it). <see cref="Status"/> is the engine's, or TargetChanged for a target revised after the link.
/// </summary>
public sealed record ComparedIndicator(
    IndicatorGap Gap,
    GapStatus Status,
    ProjectEntity? ApprovedProject,
    ProjectEntity? EvaluatedProject,
    IndicatorEntity? Approved,
    IndicatorEntity? Evaluated,
    bool TargetRestated,
    bool TargetRevised,
    IndicatorEntity? CurrentTarget);

public sealed record TargetEvaluationComparison(
    ComparisonStatus Status,
    DisclosureEntity? SelfEvaluation = null,
    RevisionEntity? EvaluationRevision = null,
    DisclosureEntity? Targets = null,
    RevisionEntity? LinkedTargets = null,
    RevisionEntity? LatestTargets = null,
    IReadOnlyList<ComparedProject>? Projects = null,
    IReadOnlyList<ComparedIndicator>? Indicators = null);

public sealed partial class DisclosureStore
{
    /// <summary>
    /// A department-year's self-evaluation beside the target table it answers, compared by the engine's
    /// <see cref="TargetComparison"/>. The self-evaluation is linked to the target revision that was the latest when it
    /// was last imported (a reprocess does not move the link; the first target revision where the targets arrived
    /// later); a newer target revision that changes a linked target marks that target as changed after approval.
    /// </summary>
    public async Task<TargetEvaluationComparison> CompareSelfEvaluationAsync(string department, int fiscalYear, ScoringOptions options,
        CancellationToken cancellationToken)
    {
        var disclosures = await db.Disclosures.AsNoTracking()
            .Where(d => d.Department == department && d.FiscalYear == fiscalYear
                && (d.Kind == DisclosureKind.SelfEvaluation || d.Kind == DisclosureKind.TargetTable))
            .ToListAsync(cancellationToken);
        var evaluation = disclosures.FirstOrDefault(d => d.Kind == DisclosureKind.SelfEvaluation);
        if (evaluation is null) return new(ComparisonStatus.NoSelfEvaluation);
        var targets = disclosures.FirstOrDefault(d => d.Kind == DisclosureKind.TargetTable);
        if (targets is null) return new(ComparisonStatus.NoTargets, evaluation);

        // Revision ids grow with every revision stored, across disclosures: they order imports exactly.
        var evaluationRevisions = await db.Revisions.AsNoTracking().Where(r => r.DisclosureId == evaluation.Id)
            .Select(r => new { r.Id, r.Origin }).ToListAsync(cancellationToken);
        var cut = evaluationRevisions.Where(r => r.Origin == RevisionOrigin.Import).Select(r => (long?)r.Id).Max()
            ?? evaluationRevisions.Max(r => r.Id);
        var targetRevisions = await db.Revisions.AsNoTracking().Where(r => r.DisclosureId == targets.Id)
            .Select(r => new { r.Id, r.Number }).ToListAsync(cancellationToken);
        var linkedNumber = targetRevisions.Where(r => r.Id < cut).MaxBy(r => r.Id)?.Number ?? targetRevisions.Min(r => r.Number);

        var evaluated = await GetRevisionAsync(evaluation.Id, evaluation.LatestRevision, full: true, cancellationToken);
        var linked = await GetRevisionAsync(targets.Id, linkedNumber, full: true, cancellationToken);
        var latest = linkedNumber == targets.LatestRevision ? linked
            : await GetRevisionAsync(targets.Id, targets.LatestRevision, full: true, cancellationToken);
        if (evaluated is null || linked is null || latest is null)
            throw new InvalidOperationException($"revisions of {evaluation.Id} or {targets.Id} vanished while comparing");

        var rows = new RowIndex();
        var approvedModel = rows.Add(linked);
        var evaluatedModel = rows.Add(evaluated);
        var comparison = TargetComparison.Compare(approvedModel, evaluatedModel, options);

        // The same matcher between the linked and the latest target revision tells which targets changed since.
        Dictionary<Indicator, Indicator?>? revised = null;
        if (!ReferenceEquals(latest, linked))
        {
            var latestModel = rows.Add(latest);
            revised = new(ReferenceEqualityComparer.Instance);
            foreach (var g in TargetComparison.Compare(approvedModel, latestModel, options).Indicators)
                if (g.Approved is { } before && (g.Evaluated is not { } after || !TargetComparison.SameTarget(before, after)))
                    revised[before] = g.Evaluated;
        }

        var projects = comparison.Projects
            .Select(p => new ComparedProject(rows.Project(p.Approved), rows.Project(p.Evaluated), p.Confidence)).ToList();
        var indicators = comparison.Indicators.Select(g =>
        {
            var restated = g.Approved is not null && g.Evaluated is not null && !TargetComparison.SameTarget(g.Approved, g.Evaluated);
            Indicator? current = null;
            var wasRevised = g.Approved is not null && revised is not null && revised.TryGetValue(g.Approved, out current);
            var status = wasRevised ? GapStatus.TargetChanged : g.Status;
            return new ComparedIndicator(g, status, rows.Project(g.Project.Approved), rows.Project(g.Project.Evaluated),
                rows.Indicator(g.Approved), rows.Indicator(g.Evaluated), restated, wasRevised, rows.Indicator(current));
        }).ToList();
        return new(ComparisonStatus.Compared, evaluation, evaluated, targets, linked, latest, projects, indicators);
    }

    /// <summary>The engine models of stored revisions, with the rows each project and indicator was read from.</summary>
    private sealed class RowIndex
    {
        private readonly Dictionary<object, object> _rows = new(ReferenceEqualityComparer.Instance);

        public Disclosure Add(RevisionEntity revision)
        {
            var model = DisclosureMapper.ToDisclosure(revision);
            // ToDisclosure keeps the projects and indicators in ordinal order.
            var projects = revision.Projects.OrderBy(p => p.Ordinal).ToList();
            for (var p = 0; p < projects.Count; p++)
            {
                _rows[model.Projects[p]] = projects[p];
                var indicators = projects[p].Indicators.OrderBy(i => i.Ordinal).ToList();
                for (var i = 0; i < indicators.Count; i++) _rows[model.Projects[p].Indicators[i]] = indicators[i];
            }
            return model;
        }

        public ProjectEntity? Project(Project? p) => p is null ? null : (ProjectEntity)_rows[p];

        public IndicatorEntity? Indicator(Indicator? i) => i is null ? null : (IndicatorEntity)_rows[i];
    }
}
