using BudgetGrpc.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace BudgetGrpc.Data;

/// <summary>
/// The projects, objectives, indicators and findings of a new revision, taken out of the entity graph so EF saves only
/// the revision, then written with <see cref="BulkInsert"/>; generated ids come back from SQLite's inserts, and are
/// read back by their natural keys elsewhere.
/// </summary>
internal sealed class RevisionChildren
{
    private List<ProjectEntity> _projectList = [];
    private readonly List<(ProjectEntity Project, List<ObjectiveEntity> Objectives, List<IndicatorEntity> Indicators)> _projects = [];
    private readonly List<(FindingEntity Finding, ProjectEntity? Project, IndicatorEntity? Indicator)> _findings = [];

    public static RevisionChildren Detach(RevisionEntity revision)
    {
        var children = new RevisionChildren { _projectList = revision.Projects };
        revision.Projects = [];
        foreach (var project in children._projectList)
        {
            project.Revision = null;
            children._projects.Add((project, project.Objectives, project.Indicators));
            project.Objectives = [];
            project.Indicators = [];
        }
        foreach (var finding in revision.Findings)
        {
            children._findings.Add((finding, finding.Project, finding.Indicator));
            finding.Project = null;
            finding.Indicator = null;
        }
        revision.Findings = [];
        return children;
    }

    public async Task InsertAsync(BudgetDbContext db, RevisionEntity revision, CancellationToken cancellationToken)
    {
        var revisionId = revision.Id;
        foreach (var project in _projectList) project.RevisionId = revisionId;
        var keysKnown = await BulkInsert.InsertAsync(db, _projectList, static (p, id) => p.Id = id, cancellationToken);
        if (!keysKnown && _projectList.Count > 0)
        {
            var projectIds = await db.Projects.AsNoTracking().Where(p => p.RevisionId == revisionId)
                .Select(p => new { p.Id, p.Ordinal })
                .ToDictionaryAsync(p => p.Ordinal, p => p.Id, cancellationToken);
            foreach (var project in _projectList) project.Id = projectIds[project.Ordinal];
        }

        var objectives = new List<ObjectiveEntity>();
        var indicators = new List<IndicatorEntity>();
        foreach (var (project, projectObjectives, projectIndicators) in _projects)
        {
            foreach (var objective in projectObjectives) objective.ProjectId = project.Id;
            foreach (var indicator in projectIndicators)
            {
                indicator.ProjectId = project.Id;
                indicator.RevisionId = revision.Id;
                indicator.Project = null;
                indicator.Revision = null;
            }
            objectives.AddRange(projectObjectives);
            indicators.AddRange(projectIndicators);
        }
        await BulkInsert.InsertAsync(db, objectives, null, cancellationToken);
        var needIds = _findings.Any(f => f.Indicator is not null);
        keysKnown = await BulkInsert.InsertAsync(db, indicators, needIds ? static (i, id) => i.Id = id : null, cancellationToken);

        if (needIds && !keysKnown)
        {
            // Read the generated ids back by (project, ordinal), which is unique, rather than trusting insert order.
            var ids = await db.Indicators.AsNoTracking().Where(i => i.RevisionId == revisionId)
                .Select(i => new { i.Id, i.ProjectId, i.Ordinal })
                .ToDictionaryAsync(i => (i.ProjectId, i.Ordinal), i => i.Id, cancellationToken);
            foreach (var indicator in indicators) indicator.Id = ids[(indicator.ProjectId, indicator.Ordinal)];
        }

        foreach (var (finding, project, indicator) in _findings)
        {
            finding.RevisionId = revision.Id;
            finding.ProjectId = project?.Id;
            finding.IndicatorId = indicator?.Id;
        }
        await BulkInsert.InsertAsync(db, _findings.Select(f => f.Finding).ToList(), null, cancellationToken);
    }

    /// <summary>Puts the children back so the caller gets the whole revision, as it would from a full read.</summary>
    public void Reattach(RevisionEntity revision)
    {
        revision.Projects = _projectList;
        foreach (var project in _projectList) project.Revision = revision;
        foreach (var (project, objectives, indicators) in _projects)
        {
            project.Objectives = objectives;
            project.Indicators = indicators;
            foreach (var indicator in indicators)
            {
                indicator.Project = project;
                indicator.Revision = revision;
            }
        }
        revision.Findings = [.. _findings.Select(f => f.Finding)];
        foreach (var (finding, project, indicator) in _findings)
        {
            finding.Project = project;
            finding.Indicator = indicator;
        }
    }
}
