using Spectre.Console;

namespace BudgetGrpc.Tools;

/// <summary>Where commands write. Injected so that tests capture output instead of reading the real console.</summary>
public sealed class CliConsole(TextWriter output, TextWriter error, bool interactive)
{
    public static CliConsole System => new(Console.Out, Console.Error, !Console.IsOutputRedirected);

    public TextWriter Out { get; } = output;
    public TextWriter Error { get; } = error;

    /// <summary>True when a person watches a terminal: progress bars and colour make sense.</summary>
    public bool Interactive { get; } = interactive;

    /// <summary>Spectre.Console over <see cref="Out"/>, for tables and progress bars.</summary>
    public IAnsiConsole Ansi { get; } = AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(output),
        Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
        ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        Interactive = interactive ? InteractionSupport.Detect : InteractionSupport.No,
    });
}
