using BudgetGrpc.Data.Entities;

namespace BudgetGrpc.Data;

public sealed partial class DisclosureStore
{
    /// <summary>
    /// Indicator-level differences from one revision to another. Indicators are matched by project code and name plus
    /// level 1, level 2 and indicator name (repeats matched in order); projects by code and name. Null when either
    /// revision does not exist.
    /// </summary>
    public async Task<RevisionDiff?> DiffAsync(string disclosureId, int fromNumber, int toNumber, CancellationToken cancellationToken)
    {
        var from = await GetRevisionAsync(disclosureId, fromNumber, full: true, cancellationToken);
        var to = await GetRevisionAsync(disclosureId, toNumber, full: true, cancellationToken);
        if (from is null || to is null) return null;
        return new RevisionDiff(disclosureId, fromNumber, toNumber, DiffIndicators(from, to), DiffProjects(from, to));
    }

    private readonly record struct IndicatorKey(string ProjectCode, string ProjectName, string Level1, string Level2, string Name, int Occurrence);

    private static Dictionary<IndicatorKey, (ProjectEntity Project, IndicatorEntity Indicator)> KeyIndicators(RevisionEntity revision)
    {
        var keyed = new Dictionary<IndicatorKey, (ProjectEntity, IndicatorEntity)>();
        var seen = new Dictionary<(string, string, string, string, string), int>();
        foreach (var project in revision.Projects.OrderBy(p => p.Ordinal))
        foreach (var indicator in project.Indicators.OrderBy(i => i.Ordinal))
        {
            var bare = (project.Code, project.Name, indicator.Level1, indicator.Level2, indicator.Name);
            var occurrence = seen.GetValueOrDefault(bare);
            seen[bare] = occurrence + 1;
            keyed[new IndicatorKey(project.Code, project.Name, indicator.Level1, indicator.Level2, indicator.Name, occurrence)] = (project, indicator);
        }
        return keyed;
    }

    private static List<IndicatorChange> DiffIndicators(RevisionEntity from, RevisionEntity to)
    {
        var before = KeyIndicators(from);
        var after = KeyIndicators(to);
        var changes = new List<IndicatorChange>();
        foreach (var (key, (_, old)) in before)
        {
            if (!after.TryGetValue(key, out var now))
            {
                changes.Add(new IndicatorChange(ChangeKind.Removed, key.ProjectCode, key.ProjectName, key.Level1, key.Level2, key.Name, old, null, []));
                continue;
            }
            var fields = new List<string>();
            if (old.Comparator != now.Indicator.Comparator) fields.Add("comparator");
            if (old.Value != now.Indicator.Value) fields.Add("value");
            if (old.Unit != now.Indicator.Unit) fields.Add("unit");
            if (old.QualitativeValue != now.Indicator.QualitativeValue) fields.Add("qualitative_value");
            if (fields.Count > 0)
                changes.Add(new IndicatorChange(ChangeKind.Changed, key.ProjectCode, key.ProjectName, key.Level1, key.Level2, key.Name, old, now.Indicator, fields));
        }
        foreach (var (key, (_, added)) in after)
        {
            if (!before.ContainsKey(key))
                changes.Add(new IndicatorChange(ChangeKind.Added, key.ProjectCode, key.ProjectName, key.Level1, key.Level2, key.Name, null, added, []));
        }
        return changes;
    }

    private static List<ProjectChange> DiffProjects(RevisionEntity from, RevisionEntity to)
    {
        static Dictionary<(string, string), ProjectEntity> Key(RevisionEntity r)
        {
            var keyed = new Dictionary<(string, string), ProjectEntity>();
            foreach (var p in r.Projects.OrderBy(p => p.Ordinal)) keyed.TryAdd((p.Code, p.Name), p);
            return keyed;
        }
        var before = Key(from);
        var after = Key(to);
        var changes = new List<ProjectChange>();
        foreach (var (key, old) in before)
        {
            if (!after.TryGetValue(key, out var now))
                changes.Add(new ProjectChange(ChangeKind.Removed, key.Item1, key.Item2, old.Amount, null));
            else if (old.Amount != now.Amount)
                changes.Add(new ProjectChange(ChangeKind.Changed, key.Item1, key.Item2, old.Amount, now.Amount));
        }
        foreach (var (key, added) in after)
        {
            if (!before.ContainsKey(key))
                changes.Add(new ProjectChange(ChangeKind.Added, key.Item1, key.Item2, null, added.Amount));
        }
        return changes;
    }
}
