using System.Globalization;
using BudgetGrpc.Contracts.V1;
using Spectre.Console;
using static BudgetGrpc.Tools.Output.RemoteText;

namespace BudgetGrpc.Tools.Output;

/// <summary>Tables of disclosures and revisions as the server returns them.</summary>
internal static class DisclosureViews
{
    public static void WriteList(CliConsole console, IReadOnlyCollection<Disclosure> disclosures)
    {
        if (disclosures.Count == 0)
        {
            console.Out.WriteLine("no disclosures");
            return;
        }
        var table = NewTable(null, "name", "department", "year", "title", "latest", "status", "updated");
        foreach (var d in disclosures)
            table.AddRow(Cells(d.Name, d.Department, Year(d.FiscalYear), d.Title, $"{d.LatestRevision}/{d.RevisionCount}", Name(d.Status), Time(d.UpdateTime)));
        console.Ansi.Write(table);
    }

    public static void WriteDisclosure(CliConsole console, Disclosure d, IReadOnlyCollection<Revision> revisions)
    {
        console.Out.WriteLine($"{d.Name}  {d.Title}");
        console.Out.WriteLine($"{d.Department} · {Year(d.FiscalYear)} · {Name(d.Kind)} · latest {d.LatestRevisionName} · {Name(d.Status)} · created {Time(d.CreateTime)} · updated {Time(d.UpdateTime)}");
        var table = NewTable("revisions", "name", "origin", "file", "projects", "indicators", "findings", "status", "created");
        foreach (var r in revisions)
            table.AddRow(Cells(r.Name, Name(r.Origin), r.Source?.FileName ?? "", Number(r.ProjectCount), Number(r.IndicatorCount),
                Counts(r.FindingCounts), Name(r.Status), Time(r.CreateTime)));
        console.Ansi.Write(table);
    }

    public static void WriteRevision(CliConsole console, Revision r)
    {
        console.Out.WriteLine($"{r.Name}  {r.Title}");
        console.Out.WriteLine($"{r.Department} · {Year(r.FiscalYear)} · {r.AmountUnit} · {r.Source?.FileName} ({r.Source?.Format}, {r.Source?.Layout}) · " +
            $"{r.ProjectCount} projects · {r.IndicatorCount} indicators · 合计 {(r.DeclaredTotal.Length > 0 ? r.DeclaredTotal : "—")} / {r.ComputedTotal} · " +
            $"{Name(r.Status)} · engine {r.EngineVersion} · {Name(r.Origin)} {Time(r.CreateTime)}");
        console.Out.WriteLine($"sha256 {r.Source?.Sha256}");
        foreach (var p in r.Projects)
        {
            var title = $"{p.Code} {p.Name}  {(p.Amount.Length > 0 ? p.Amount : "?")} {r.AmountUnit}";
            var table = NewTable(title, "#", "一级", "二级", "三级指标", "目标", "来源");
            foreach (var i in p.Indicators)
                table.AddRow(Cells(Number(i.Index), i.Level1, i.Level2, i.Name, Target(i), i.SourceRef));
            console.Ansi.Write(table);
        }
        WriteFindings(console, r.Findings, r.FindingCounts);
    }

    public static void WriteFindings(CliConsole console, IReadOnlyCollection<Finding> findings, FindingCounts? counts)
    {
        if (findings.Count > 0)
        {
            var table = NewTable("findings", "rule", "severity", "project", "indicator", "message", "where");
            foreach (var f in findings)
                table.AddRow(Cells(f.RuleId, Name(f.Severity), f.ProjectCode, f.HasIndicatorIndex ? Number(f.IndicatorIndex) : "",
                    f.MessageEn.Length > 0 ? $"{f.Message}\n{f.MessageEn}" : f.Message, f.SourceRef));
            console.Ansi.Write(table);
        }
        console.Out.WriteLine(counts is null ? $"{findings.Count} findings" : $"{counts.Errors} errors, {counts.Warnings} warnings, {counts.Infos} infos");
    }

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
}
