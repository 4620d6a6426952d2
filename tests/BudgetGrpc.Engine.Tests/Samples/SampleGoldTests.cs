using Xunit;
using BudgetGrpc.Engine.Model;
using Xunit.Abstractions;

namespace BudgetGrpc.Engine.Tests.Samples;

/// <summary>Every shared sample parsed and scored against its hand-labelled gold file, with the acceptance thresholds.</summary>
public sealed class SampleGoldTests(ITestOutputHelper output)
{
    public static string SamplePath(string name) => Path.Combine(AppContext.BaseDirectory, "samples", name);

    public static Disclosure ParseSample(string name)
    {
        var result = new DisclosureEngine().Parse(File.ReadAllBytes(SamplePath(name)), name);
        Assert.True(result.Succeeded, result.Error?.ToString());
        return result.Disclosure!;
    }

    [Theory]
    [InlineData("000_c21431a6439d21ac.txt", "000_c21431a6439d21ac", 0.95, 9)]
    [InlineData("yangli-2025-agri.xlsx", "yangli-2025-agri", 0.98, 3)]
    [InlineData("yangli-2025-agri.csv", "yangli-2025-agri", 0.98, 3)]
    [InlineData("yangli-2025-agri.gb18030.csv", "yangli-2025-agri", 0.98, 3)]
    [InlineData("yangli-2025-agri.html", "yangli-2025-agri", 0.98, 3)]
    [InlineData("yangli-2025-edu-form.xlsx", "yangli-2025-edu-form", 0.95, 1)]
    [InlineData("yangli-2025-edu-form.docx", "yangli-2025-edu-form", 0.95, 1)]
    [InlineData("yangli-2025-edu-form.html", "yangli-2025-edu-form", 0.95, 1)]
    public void Sample_scores_at_least_the_acceptance_threshold(string file, string gold, double minStrictF1, int projects)
    {
        var disclosure = ParseSample(file);
        var results = new List<GoldScorer.Result>();
        var projectsOk = 0;
        foreach (var g in GoldScorer.LoadGold($"{gold}.gold.json").GetProperty("projects").EnumerateArray())
        {
            var name = g.GetProperty("name").GetString()!;
            var code = g.GetProperty("code").GetString()!;
            // The scorer's project matching: same name, else same code, else a similar name.
            var p = disclosure.Projects.FirstOrDefault(x => x.Name == name)
                ?? disclosure.Projects.FirstOrDefault(x => x.Code == code)
                ?? disclosure.Projects.FirstOrDefault(x => GoldScorer.NameOk(name, x.Name));
            if (p is null)
            {
                results.Add(GoldScorer.Score(GoldScorer.Indicators(g), [], code));
                continue;
            }
            if (p.Name == name && p.Amount == g.GetProperty("amount").GetDecimal() && p.Objectives.Count == g.GetProperty("objectives").GetInt32())
                projectsOk++;
            else
                output.WriteLine($"project fields differ {code}: {p.Name} {p.Amount} {p.Objectives.Count}");
            results.Add(GoldScorer.Score(GoldScorer.Indicators(g), p.Indicators, code));
        }
        var total = GoldScorer.Sum(results);
        output.WriteLine($"strictF1={total.StrictF1:0.000} looseF1={total.LooseF1:0.000} projects={projectsOk}/{projects}");
        foreach (var miss in total.Misses) output.WriteLine(miss);
        Assert.True(total.StrictF1 >= minStrictF1, $"strict F1 {total.StrictF1:0.000} < {minStrictF1}\n{string.Join("\n", total.Misses)}");
        Assert.Equal(projects, projectsOk);
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
