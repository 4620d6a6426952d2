using System.CommandLine;

namespace BudgetGrpc.Tools.Commands;

/// <summary>
/// `budget grid FILE`: the file's tables as the engine's readers grid them, before any layout is recognised: each
/// table's name, the lines above it, and its rows with their source row numbers, cells split by " | ", a cell that only
/// continues a merged one marked "^". What an operator looks at when a file reads wrong.
/// </summary>
internal static class GridCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<FileInfo>("file") { Description = "A file of any container the engine reads" };
        var command = new Command("grid", "Print the tables of a file as the engine's readers grid them (exit 2 when it cannot be read)") { file };
        command.SetAction(parse =>
        {
            var (content, error) = FileInput.Grids(parse.GetValue(file)!);
            if (content is null) return FileInput.ReportError(console, error!);
            console.Out.WriteLine($"{content.Format}: {content.Grids.Count} table(s)");
            foreach (var grid in content.Grids)
            {
                console.Out.WriteLine($"== {grid.Name ?? "table"}: {grid.RowCount} rows x {grid.ColumnCount} columns");
                foreach (var line in grid.Preamble) console.Out.WriteLine($"  above: {line}");
                for (var r = 0; r < grid.RowCount; r++)
                {
                    var cells = Enumerable.Range(0, grid.ColumnCount)
                        .Select(c => grid.IsMergedContinuation(r, c) ? "^" : grid[r, c].Replace("\n", " / ", StringComparison.Ordinal));
                    console.Out.WriteLine($"  row {grid.SourceRow(r)}: {string.Join(" | ", cells)}");
                }
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
