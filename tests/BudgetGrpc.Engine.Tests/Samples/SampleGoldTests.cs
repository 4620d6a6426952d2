using Xunit;
using BudgetGrpc.Engine.Model;
using BudgetGrpc.Engine.Publishing;
using Xunit.Abstractions;

namespace BudgetGrpc.Engine.Tests.Samples;

/// <summary>
/// Every shared sample parsed, published as publication JSON v1 (what downstream receives) and scored against its
/// hand-labelled gold by the shared scorer itself: each measure must be full, strict and loose F1 1.000 and every
/// project, document field and actual right.
/// </summary>
public sealed class SampleGoldTests(ITestOutputHelper output)
{
    /// <summary>A sample of tests/samples.</summary>
    public static string SamplePath(string name) => global::BudgetGrpc.Data.Tests.Infrastructure.Samples.Path(name);

    public static Disclosure ParseSample(string name)
    {
        var result = new DisclosureEngine().Parse(File.ReadAllBytes(SamplePath(name)), name);
        Assert.True(result.Succeeded, result.Error?.ToString());
        return result.Disclosure!;
    }

    [Theory]
    [InlineData("000_c21431a6439d21ac.txt", "000_c21431a6439d21ac")]
    [InlineData("yangli-2025-agri.xlsx", "yangli-2025-agri")]
    [InlineData("yangli-2025-agri.csv", "yangli-2025-agri")]
    [InlineData("yangli-2025-agri.gb18030.csv", "yangli-2025-agri")]
    [InlineData("yangli-2025-agri.html", "yangli-2025-agri")]
    [InlineData("yangli-2025-edu-form.xlsx", "yangli-2025-edu-form")]
    [InlineData("yangli-2025-edu-form.docx", "yangli-2025-edu-form")]
    [InlineData("yangli-2025-edu-form.html", "yangli-2025-edu-form")]
    [InlineData("yangli-2025-agri-selfeval.xlsx", "yangli-2025-agri-selfeval")]
    [InlineData("yangli-2025-agri-selfeval.html", "yangli-2025-agri-selfeval")]
    [InlineData("yangli-2025-dept.docx", "yangli-2025-dept")]
    [InlineData("yangli-2025-dept.xlsx", "yangli-2025-dept")]
    public void Published_json_scores_full_marks_with_the_shared_scorer(string file, string gold)
    {
        var json = PublicationJson.ToUtf8Bytes(ParseSample(file));
        var score = SharedScorer.ScoreJson(SharedScorer.GoldPath($"{gold}.gold.json"), json, file);
        output.WriteLine(score.Output);
        Assert.True(score.Perfect, $"{file}: {score.Summary}\n{score.Output}");
    }

    /// <summary>
    /// The repository's copies are the shared samples and golds byte for byte, and every shared sample with a gold is
    /// a case of the scoring theory above, so that a sample added to the shared folder cannot go unscored.
    /// </summary>
    [Fact]
    public void Every_shared_sample_is_copied_here_and_scored()
    {
        var shared = Path.Combine(SharedScorer.SharedDirectory, "samples");
        var cases = typeof(SampleGoldTests).GetMethod(nameof(Published_json_scores_full_marks_with_the_shared_scorer))!
            .GetCustomAttributes(typeof(InlineDataAttribute), false).Cast<InlineDataAttribute>()
            .Select(a => (string)a.GetData(null!).Single()[0])
            .ToHashSet();
        var withGold = Directory.GetFiles(shared).Select(Path.GetFileName)
            .Where(f => File.Exists(Path.Combine(shared, "expected", f![..f!.IndexOf('.')] + ".gold.json")))
            .ToList();
        Assert.NotEmpty(withGold);
        foreach (var file in withGold)
        {
            Assert.True(cases.Contains(file!), $"{file} has a gold file but no scoring case");
            Assert.True(File.ReadAllBytes(Path.Combine(shared, file!)).AsSpan().SequenceEqual(File.ReadAllBytes(SamplePath(file!))),
                $"tests/samples holds another {file} than the shared folder");
        }
        foreach (var gold in Directory.GetFiles(Path.Combine(shared, "expected")))
            Assert.True(File.ReadAllBytes(gold).AsSpan().SequenceEqual(File.ReadAllBytes(SharedScorer.GoldPath(Path.GetFileName(gold)))),
                $"tests/samples/expected holds another {Path.GetFileName(gold)} than the shared folder");
    }

    [Theory]
    [InlineData("000_c21431a6439d21ac.txt", "门源县工业商务和信息化局", 2024, "万元", "347.79", Layout.Wide)]
    [InlineData("yangli-2025-agri.xlsx", "样例县农业农村局", 2025, "元", "13930000", Layout.Long)]
    [InlineData("yangli-2025-agri.csv", "样例县农业农村局", 2025, "元", "13930000", Layout.Long)]
    [InlineData("yangli-2025-agri.html", "样例县农业农村局", 2025, "元", "13930000.00", Layout.Long)]
    [InlineData("yangli-2025-edu-form.xlsx", "样例县教育局", 2025, "万元", null, Layout.Form)]
    [InlineData("yangli-2025-edu-form.docx", "样例县教育局", 2025, "万元", null, Layout.Form)]
    [InlineData("yangli-2025-edu-form.html", "样例县教育局", 2025, "万元", null, Layout.Form)]
    public void Title_block_gives_department_year_unit_and_total(string file, string department, int year, string unit, string? total, Layout layout)
    {
        var d = ParseSample(file);
        Assert.Equal(department, d.Department);
        Assert.Equal(year, d.FiscalYear);
        Assert.Equal(unit, d.AmountUnit);
        Assert.Equal(total, d.DeclaredTotal?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(layout, d.Source.Layout);
    }

    [Fact]
    public void Seed_total_adds_up_and_every_indicator_keeps_its_source()
    {
        var d = ParseSample("000_c21431a6439d21ac.txt");
        Assert.Equal(d.DeclaredTotal, d.ComputedTotal);
        Assert.All(d.Projects.SelectMany(p => p.Indicators), i =>
        {
            Assert.False(string.IsNullOrWhiteSpace(i.Text));
            Assert.True(i.Source.Row > 0);
        });
    }
}
