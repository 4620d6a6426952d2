using BenchmarkDotNet.Attributes;
using BudgetGrpc.Engine;
using BudgetGrpc.Engine.Reading;

namespace BudgetGrpc.Benchmarks;

/// <summary>
/// Files per second and bytes allocated per file for the engine, beside a baseline that only reads the same
/// container and touches every cell, so the ratio shows what layout recognition, extraction and validation cost.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 15)]
public class EngineBenchmarks
{
    private readonly DisclosureEngine _engine = new();
    private readonly EngineLimits _limits = new();
    private readonly BudgetGrpc.Engine.Validation.Validator _validator = new();
    private byte[] _content = [];
    private BudgetGrpc.Engine.Model.Disclosure _parsed = null!;

    [Params("000_c21431a6439d21ac.txt", "yangli-2025-agri.xlsx", "yangli-2025-edu-form.xlsx")]
    public string File { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _content = System.IO.File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "samples", File));
        _parsed = _engine.ParseWithoutValidation(_content, File).Disclosure!;
    }

    /// <summary>Only the container: decode, unzip, read every cell and touch its text.</summary>
    [Benchmark(Baseline = true)]
    public int ReadContainerOnly() => ContainerTouch.ReadEveryCell(_content, File, _limits);

    [Benchmark]
    public int Parse() => _engine.ParseWithoutValidation(_content, File).Disclosure!.IndicatorCount;

    [Benchmark]
    public int ParseAndValidate() => _engine.Parse(_content, File).Disclosure!.Findings.Count;

    /// <summary>The rule catalog alone over the parsed disclosure: what validation adds to a parse.</summary>
    [Benchmark]
    public int ValidateOnly() => _validator.Validate(_parsed).Count;
}
