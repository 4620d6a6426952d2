using BudgetGrpc.Engine.Layouts;
using BudgetGrpc.Engine.Reading;
using Xunit;
using Xunit.Abstractions;
namespace BudgetGrpc.Engine.Tests.Layouts;
public sealed class ScratchDiag(ITestOutputHelper output)
{
    [Fact]
    public void Scratch_diag()
    {
        var path = Environment.GetEnvironmentVariable("SCRATCH_FILE")!;
        var content = ContainerReader.Read(File.ReadAllBytes(path), Path.GetFileName(path), new EngineLimits());
        var g = 0;
        foreach (var grid in content.Grids)
        {
            output.WriteLine($"grid {g++} rows {grid.RowCount}");
            for (var r = 0; r < grid.RowCount; r++)
                output.WriteLine($"  {r}: " + string.Join(" | ", Enumerable.Range(0, grid.ColumnCount).Select(c => (grid.IsMergedContinuation(r, c) ? "^" : "") + grid[r, c].Replace("\n", "⏎"))));
            for (var r = 0; r < grid.RowCount; r++)
            {
                if (HeaderRow.CountRoles(grid, r) < 2) continue;
                var h = HeaderRow.Read(grid, r);
                if (h is null) { output.WriteLine($"row {r}: null"); continue; }
                var roles = string.Join(" ", Enum.GetValues<ColumnRole>().Where(h.Has).Select(x => $"{x}={h[x]}"));
                output.WriteLine($"row {r}: last {h.LastRow} table {h.IsIndicatorTable} {roles}");
            }
        }
    }
}
