using System.CommandLine;
using System.Globalization;
using BudgetGrpc.Contracts.V1;
using BudgetGrpc.Tools.Output;
using BudgetGrpc.Tools.Remote;
using Spectre.Console;
using static BudgetGrpc.Tools.Output.RemoteText;

namespace BudgetGrpc.Tools.Commands;

/// <summary>
/// `budget gaps --department D --year Y [--format table|json]`: the server's comparison of a department-year's approved
/// targets with its self-evaluation (CompareSelfEvaluation) — the target revision the self-evaluation is linked to, each
/// link with its confidence, each target met, missed, undecided, not evaluated, evaluated without an approved target or
/// changed after approval. The offline counterpart on two files is `budget compare`.
/// </summary>
internal static class GapsCommand
{
    public static Command Create(CliConsole console)
    {
        var department = new Option<string>("--department", "-d") { Description = "Exact department name", Required = true };
        var year = new Option<int>("--year", "-y") { Description = "Fiscal year", Required = true };
        var format = OutputFormat.Create();
        var command = new Command("gaps", "Compare a department-year's targets with its self-evaluation, as the server links them")
        {
            department, year, format,
        };
        return command.WithRemoteAction(console, new RemoteOptions(), async (parse, connection, ct) =>
        {
            var request = new CompareSelfEvaluationRequest { Department = parse.GetValue(department)!, FiscalYear = parse.GetValue(year) };
            var comparison = await connection.Disclosures.CompareSelfEvaluationAsync(request, cancellationToken: ct);
            if (parse.IsJson(format)) ProtoJson.Write(console, comparison);
            else Write(console, comparison);
            return ExitCodes.Ok;
        });
    }

    private static string Confidence(double c) => c.ToString("0.00", CultureInfo.InvariantCulture);

    private static void Write(CliConsole console, CompareSelfEvaluationResponse c)
    {
        console.Out.WriteLine($"{c.Department} · {Year(c.FiscalYear)} · {c.SelfEvaluationRevision} ↔ {c.TargetRevision}");
        if (c.TargetsRevisedAfterLink)
            console.Out.WriteLine($"targets revised after the link: latest is {c.LatestTargetRevision}");

        var projects = NewTable("projects", "approved", "evaluated", "link", "总分", "computed", "grade");
        foreach (var p in c.Projects)
            projects.AddRow(Cells(p.ApprovedName, p.EvaluatedName, Confidence(p.Confidence), p.DeclaredScore, p.ComputedScore, p.Grade));
        console.Ansi.Write(projects);

        var indicators = NewTable("indicators", "project", "三级指标", "approved", "evaluated", "actual", "分值", "得分", "computed", "status", "link");
        foreach (var g in c.Indicators)
        {
            var approved = Target(g.Approved);
            if (g.TargetRevised) approved += $" → {(g.CurrentTarget is null ? "dropped" : Target(g.CurrentTarget))}";
            indicators.AddRow(Cells(g.Project, g.Name, approved, g.TargetRestated ? Target(g.Evaluated) : "",
                g.Evaluated?.Actual?.Text ?? "", g.Evaluated?.Weight ?? "", g.Evaluated?.Score ?? "", g.Evaluated?.ComputedScore ?? "",
                Name(g.Status), Confidence(g.Confidence)));
        }
        console.Ansi.Write(indicators);
        var n = c.Counts;
        console.Out.WriteLine($"{n.Met} met, {n.Missed} missed, {n.Undecided} undecided, {n.NotEvaluated} not evaluated, " +
            $"{n.WithoutApprovedTarget} without an approved target, {n.TargetChanged} target changed");
    }
}
