using System.CommandLine;
using BudgetGrpc.Engine.Validation;

namespace BudgetGrpc.Tools.Commands;

/// <summary>`budget rules`: the validation rule catalog as Markdown (the text of docs/rules.md).</summary>
internal static class RulesCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("rules", "Print the validation rule catalog (Markdown, as docs/rules.md)");
        command.SetAction(_ =>
        {
            console.Out.Write(RuleCatalog.ToMarkdown());
            return ExitCodes.Ok;
        });
        return command;
    }
}
