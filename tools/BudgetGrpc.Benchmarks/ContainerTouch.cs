using BudgetGrpc.Engine;
using BudgetGrpc.Engine.Reading;

namespace BudgetGrpc.Benchmarks;

/// <summary>The container step every benchmark class measures alone: decode, rebuild the tables, touch every cell's text.</summary>
internal static class ContainerTouch
{
    public static int ReadEveryCell(byte[] content, string fileName, EngineLimits limits)
    {
        var read = ContainerReader.Read(content, fileName, limits);
        var chars = 0;
        foreach (var grid in read.Grids)
            for (var r = 0; r < grid.RowCount; r++)
                for (var c = 0; c < grid.ColumnCount; c++)
                    chars += grid[r, c].Length;
        return chars;
    }
}
