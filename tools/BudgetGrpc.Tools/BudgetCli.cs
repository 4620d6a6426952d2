using System.CommandLine;
using BudgetGrpc.Tools.Commands;

namespace BudgetGrpc.Tools;

/// <summary>The `budget` command line: one file per command under Commands/, each with a static Create().</summary>
public static class BudgetCli
{
    public static RootCommand Create(CliConsole console) => new("budget: parse, validate and manage budget performance disclosures")
    {
        ParseCommand.Create(console),
        GridCommand.Create(console),
        ValidateCommand.Create(console),
        CompareCommand.Create(console),
        RulesCommand.Create(console),
        ImportCommand.Create(console),
        ListCommand.Create(console),
        ShowCommand.Create(console),
        SearchCommand.Create(console),
        GapsCommand.Create(console),
        ReprocessCommand.Create(console),
        DiffCommand.Create(console),
        ExportCommand.Create(console),
        UploadsCommand.Create(console),
        WorkerCommand.Create(console),
        ReimportCommand.Create(console),
        DeliveriesCommand.Create(console),
    };

    public static async Task<int> RunAsync(string[] args, CliConsole console)
    {
        var parse = Create(console).Parse(args);
        var code = await parse.InvokeAsync(new InvocationConfiguration
        {
            Output = console.Out,
            Error = console.Error,
            // Ctrl+C cancels the action's token; an offline parse that ignores it is ended after this grace.
            ProcessTerminationTimeout = TimeSpan.FromSeconds(2),
        });
        // System.CommandLine answers a wrong command line with 1; ours is documented as 2.
        return parse.Errors.Count > 0 ? ExitCodes.Unreadable : code;
    }
}
