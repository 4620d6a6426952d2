using BenchmarkDotNet.Attributes;
using BudgetGrpc.Engine.Indicators;
using BudgetGrpc.Engine.Model;
using BudgetGrpc.Engine.Reading;

namespace BudgetGrpc.Benchmarks;

/// <summary>
/// Step 3 of the engine on the seed's nine 绩效指标 cells: markup cleanup alone, and cleanup plus indicator
/// extraction. The brief's budget is well under 1 ms for the whole seed.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class IndicatorBenchmarks
{
    private string[] _cells = [];

    [GlobalSetup]
    public void Setup() => _cells = System.IO.File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "samples", "000_c21431a6439d21ac.txt"))
        .Select(line => line.Split('\t'))
        .Where(cells => cells.Length >= 5 && cells[0].Length > 0 && cells[0].All(char.IsAsciiDigit))
        .Select(cells => cells[4])
        .ToArray();

    [Benchmark(Baseline = true)]
    public int SeedMarkupOnly()
    {
        var lines = 0;
        foreach (var cell in _cells) lines += CellMarkup.ToLines(cell).Count;
        return lines;
    }

    [Benchmark]
    public int SeedExtract()
    {
        var indicators = 0;
        foreach (var cell in _cells) indicators += FreeTextIndicators.Extract(cell, SourceRef.None).Indicators.Count;
        return indicators;
    }
}
