using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using BudgetGrpc.Engine.Linking;
using BudgetGrpc.Engine.Model;
using BudgetGrpc.Engine.Publishing;
using BudgetGrpc.Tools.Output;
using Spectre.Console;

namespace BudgetGrpc.Tools.Commands;

/// <summary>
/// `budget compare TARGETS SELF-EVALUATION [--format table|json]`, offline: a department-year's approved targets beside
/// its self-evaluation — each target linked (with its confidence) and judged met, missed, not evaluated, evaluated
/// without an approved target, or changed after approval. Exit 0, or 2 when a file cannot be read or is of the wrong kind.
/// </summary>
internal static class CompareCommand
{
    public static Command Create(CliConsole console)
    {
        var targets = new Argument<FileInfo>("targets") { Description = "The target table (项目支出绩效目标表)" };
        var evaluation = new Argument<FileInfo>("self-evaluation") { Description = "Its self-evaluation (项目支出绩效自评表)" };
        var format = new Option<string>("--format", "-f") { Description = "table or json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var command = new Command("compare", "Compare a target table with its self-evaluation (offline)") { targets, evaluation, format };
        command.SetAction(parse =>
        {
            var t = FileInput.Parse(parse.GetValue(targets)!, validate: false);
            if (t.Disclosure is not { } approved) return FileInput.ReportError(console, t.Error!);
            var e = FileInput.Parse(parse.GetValue(evaluation)!, validate: false);
            if (e.Disclosure is not { } evaluated) return FileInput.ReportError(console, e.Error!);
            if (evaluated.Kind != DisclosureKind.SelfEvaluation)
            {
                console.Error.WriteLine($"error: {evaluated.Source.FileName} is no self-evaluation (kind {PublicationJson.KindName(evaluated.Kind)})");
                return ExitCodes.Unreadable;
            }
            var comparison = TargetComparison.Compare(approved, evaluated);
            if (parse.GetValue(format) == "json") WriteJson(console, approved, evaluated, comparison);
            else WriteTable(console, approved, evaluated, comparison);
            return ExitCodes.Ok;
        });
        return command;
    }

    public static string StatusName(GapStatus status) => status switch
    {
        GapStatus.Met => "met",
        GapStatus.Missed => "missed",
        GapStatus.Undecided => "undecided",
        GapStatus.NotEvaluated => "notEvaluated",
        GapStatus.WithoutApprovedTarget => "withoutApprovedTarget",
        _ => "targetChanged",
    };

    private static string Target(Indicator? i) => i is null ? "" : i.Comparator == Comparator.Qualitative
        ? i.QualitativeValue
        : $"{i.Comparator.ToWire()}{(i.Value is { } v ? DecimalText.Normalized(v) : "")}{i.Unit}";

    private static string Confidence(double c) => c.ToString("0.00", CultureInfo.InvariantCulture);

    private static string? Dec(decimal? v) => v is { } x ? DecimalText.Normalized(x) : null;

    private static void WriteJson(CliConsole console, Disclosure approved, Disclosure evaluated, Comparison c)
    {
        var doc = new
        {
            targets = approved.Source.FileName,
            selfEvaluation = evaluated.Source.FileName,
            department = evaluated.Department,
            fiscalYear = evaluated.FiscalYear,
            summary = Enum.GetValues<GapStatus>().ToDictionary(StatusName, c.Count),
            projects = c.Projects.Select(p => new { approved = p.Approved?.Name, evaluated = p.Evaluated?.Name, confidence = Math.Round(p.Confidence, 2) }),
            indicators = c.Indicators.Select(g => new
            {
                project = (g.Project.Approved ?? g.Project.Evaluated)!.Name,
                level1 = g.Level1,
                level2 = g.Level2,
                name = g.Name,
                evaluatedName = g.Evaluated?.Name,
                status = StatusName(g.Status),
                confidence = Math.Round(g.Confidence, 2),
                approvedTarget = Target(g.Approved),
                evaluatedTarget = Target(g.Evaluated),
                actual = g.Evaluated?.Actual?.Text,
                weight = Dec(g.Evaluated?.Weight),
                score = Dec(g.Evaluated?.Score),
                computedScore = Dec(g.Evaluated?.ComputedScore),
                deviationReason = g.Evaluated?.DeviationReason,
            }),
        };
        console.Out.WriteLine(JsonSerializer.Serialize(doc, JsonOutput.Options));
    }

    private static void WriteTable(CliConsole console, Disclosure approved, Disclosure evaluated, Comparison c)
    {
        console.Out.WriteLine($"{evaluated.Department} · {evaluated.FiscalYear?.ToString(CultureInfo.InvariantCulture) ?? "?"} · " +
            $"{approved.Source.FileName} ↔ {evaluated.Source.FileName}");
        var table = new Table();
        table.AddColumns("project", "三级指标", "approved", "evaluated", "actual", "得分", "status", "link");
        foreach (var g in c.Indicators)
            table.AddRow(new[] { (g.Project.Approved ?? g.Project.Evaluated)!.Name, g.Name, Target(g.Approved), Target(g.Evaluated),
                g.Evaluated?.Actual?.Text ?? "", Dec(g.Evaluated?.Score) ?? "", StatusName(g.Status), Confidence(g.Confidence) }
                .Select(t => new Markup(Markup.Escape(t))).ToArray());
        console.Ansi.Write(table);
        console.Out.WriteLine(string.Join(", ", Enum.GetValues<GapStatus>().Select(s => $"{c.Count(s)} {StatusName(s)}")));
    }
}
