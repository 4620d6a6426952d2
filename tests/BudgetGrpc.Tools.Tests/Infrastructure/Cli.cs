using System.Text.Json;
using BudgetGrpc.Data.Tests.Infrastructure;

namespace BudgetGrpc.Tools.Tests.Infrastructure;

/// <summary>What one `budget` run printed and returned.</summary>
public sealed record CliRun(int ExitCode, string Out, string Error)
{
    public JsonElement Json() => JsonDocument.Parse(Out).RootElement;

    public override string ToString() => $"exit {ExitCode}\n--- out\n{Out}\n--- error\n{Error}";
}

public static class Cli
{
    /// <summary>tests/samples, copied next to the test assembly by the test kit.</summary>
    public static string SamplesFolder => Samples.Folder;

    public static string Sample(string name) => Samples.Path(name);

    /// <summary>Runs the command line in-process with captured, non-interactive output, as a pipe would see it.</summary>
    public static async Task<CliRun> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = new CliConsole(output, error, interactive: false);
        var exitCode = await BudgetCli.RunAsync(args, console);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }
}
