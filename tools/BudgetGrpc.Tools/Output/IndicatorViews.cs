using BudgetGrpc.Contracts.V1;
using Spectre.Console;
using static BudgetGrpc.Tools.Output.RemoteText;

namespace BudgetGrpc.Tools.Output;

/// <summary>Tables of indicator search hits and of revision diffs.</summary>
internal static class IndicatorViews
{
    public static void WriteHits(CliConsole console, IReadOnlyCollection<IndicatorHit> hits)
    {
        if (hits.Count == 0)
        {
            console.Out.WriteLine("no indicators match");
            return;
        }
        var table = NewTable(null, "revision", "department", "year", "project", "一级", "二级", "三级指标", "目标", "findings");
        foreach (var h in hits)
            table.AddRow(Cells(h.Revision, h.Department, Year(h.FiscalYear), $"{h.ProjectCode} {h.ProjectName}".Trim(),
                h.Indicator?.Level1 ?? "", h.Indicator?.Level2 ?? "", h.Indicator?.Name ?? "", Target(h.Indicator),
                h.FindingCount == 0 ? "" : h.FindingCount.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        console.Ansi.Write(table);
        console.Out.WriteLine($"{hits.Count} indicators");
    }

    public static void WriteDiff(CliConsole console, DiffRevisionsResponse diff)
    {
        console.Out.WriteLine($"{diff.BaseRevision} → {diff.TargetRevision}");
        if (diff.ProjectChanges.Count > 0)
        {
            var projects = NewTable("projects", "change", "code", "name", "before", "after");
            foreach (var p in diff.ProjectChanges)
                projects.AddRow(Cells(Name(p.Kind), p.Code, p.Name, p.BeforeAmount, p.AfterAmount));
            console.Ansi.Write(projects);
        }
        if (diff.IndicatorChanges.Count > 0)
        {
            var indicators = NewTable("indicators", "change", "project", "一级", "二级", "三级指标", "before", "after", "fields");
            foreach (var c in diff.IndicatorChanges)
                indicators.AddRow(Cells(Name(c.Kind), $"{c.ProjectCode} {c.ProjectName}".Trim(), c.Level1, c.Level2, c.Name,
                    Target(c.Before), Target(c.After), string.Join(", ", c.ChangedFields)));
            console.Ansi.Write(indicators);
        }
        console.Out.WriteLine($"{diff.Added} added, {diff.Removed} removed, {diff.Changed} changed; {diff.ProjectChanges.Count} project changes");
    }
}
