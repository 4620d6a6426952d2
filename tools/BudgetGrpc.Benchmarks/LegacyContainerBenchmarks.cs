using BenchmarkDotNet.Attributes;
using BudgetGrpc.Engine;
using BudgetGrpc.Engine.Reading;
using ExcelDataReader;
using UglyToad.PdfPig;

namespace BudgetGrpc.Benchmarks;

/// <summary>
/// The legacy containers: a one-page PDF form, a ten-page PDF table, an .xls. The baseline is the library alone
/// (PdfPig's letters and paths of every page; ExcelDataReader's cells of every sheet); ReadContainerOnly adds the
/// engine's table rebuilding, Parse the layout and extraction, ParseAndValidate the rule catalog.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 15)]
public class LegacyContainerBenchmarks
{
    private readonly DisclosureEngine _engine = new();
    private readonly EngineLimits _limits = new();
    private byte[] _content = [];

    [Params("yangli-2025-edu-form.html.pdf", "yangli-2025-agri-long.html.pdf", "yangli-2025-agri.xlsx.xls")]
    public string File { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _content = System.IO.File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "samples", "containers", File));
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
    }

    /// <summary>The library alone: every PDF page's letters and paths, or every cell of every sheet.</summary>
    [Benchmark(Baseline = true)]
    public int LibraryOnly()
    {
        var count = 0;
        if (File.EndsWith(".pdf", StringComparison.Ordinal))
        {
            using var document = PdfDocument.Open(_content);
            foreach (var page in document.GetPages())
            {
                foreach (var letter in page.Letters) count += letter.Value.Length;
                count += page.Paths.Count;
            }
            return count;
        }
        using var stream = new MemoryStream(_content, writable: false);
        using var reader = ExcelReaderFactory.CreateBinaryReader(stream);
        do
        {
            while (reader.Read())
                for (var c = 0; c < reader.FieldCount; c++)
                    count += reader.GetValue(c) is null ? 0 : 1;
        }
        while (reader.NextResult());
        return count;
    }

    /// <summary>The engine's container step: tables rebuilt, every cell's text touched.</summary>
    [Benchmark]
    public int ReadContainerOnly() => ContainerTouch.ReadEveryCell(_content, File, _limits);

    [Benchmark]
    public int Parse() => _engine.ParseWithoutValidation(_content, File).Disclosure!.IndicatorCount;

    [Benchmark]
    public int ParseAndValidate() => _engine.Parse(_content, File).Disclosure!.Findings.Count;
}
