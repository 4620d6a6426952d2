using System.CommandLine;
using System.Text.Json;
using BudgetGrpc.Engine.Model;
using BudgetGrpc.Engine.Publishing;
using BudgetGrpc.Tools.Output;

namespace BudgetGrpc.Tools.Commands;

/// <summary>
/// `budget validate FILE [--format table|json]`: the findings of the rule catalog.
/// Exit 0 when clean or warnings only, 1 on error findings, 2 when the file cannot be read.
/// </summary>
internal static class ValidateCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<FileInfo>("file") { Description = "A disclosure file" };
        var format = new Option<string>("--format", "-f") { Description = "table or json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var command = new Command("validate", "Validate a file: exit 0 clean or warnings only, 1 errors, 2 unreadable") { file, format };
        command.SetAction(parse =>
        {
            var result = FileInput.Parse(parse.GetValue(file)!, validate: true);
            if (result.Disclosure is not { } disclosure)
            {
                if (parse.GetValue(format) == "json") WriteErrorJson(console, result.Error!);
                return FileInput.ReportError(console, result.Error!);
            }
            if (parse.GetValue(format) == "json") WriteJson(console, disclosure);
            else DisclosureTable.WriteFindings(console, disclosure);
            return disclosure.Findings.Any(f => f.Severity == Severity.Error) ? ExitCodes.Findings : ExitCodes.Ok;
        });
        return command;
    }

    private static void WriteJson(CliConsole console, Disclosure d)
    {
        var doc = new
        {
            file = d.Source.FileName,
            layout = PublicationJson.LayoutName(d.Source.Layout),
            projects = d.Projects.Count,
            indicators = d.IndicatorCount,
            errors = d.Findings.Count(f => f.Severity == Severity.Error),
            warnings = d.Findings.Count(f => f.Severity == Severity.Warning),
            infos = d.Findings.Count(f => f.Severity == Severity.Info),
            findings = d.Findings.Select(f => new
            {
                ruleId = f.RuleId,
                severity = PublicationJson.SeverityName(f.Severity),
                projectCode = f.ProjectCode,
                indicatorIndex = f.IndicatorIndex,
                message = f.Message,
                messageEn = f.MessageEn,
                sourceRef = f.Source?.ToString(),
            }),
        };
        console.Out.WriteLine(JsonSerializer.Serialize(doc, JsonOutput.Options));
    }

    private static void WriteErrorJson(CliConsole console, DisclosureError error) =>
        console.Out.WriteLine(JsonSerializer.Serialize(new
        {
            file = error.FileName,
            error = error.Reason,
            message = error.Message,
            location = error.Location?.ToString(),
        }, JsonOutput.Options));
}
