using System.Text.Json;
using BudgetGrpc.Engine.Model;
using BudgetGrpc.Engine.Validation;
using Xunit;

namespace BudgetGrpc.Engine.Tests.Validation;

/// <summary>
/// Acceptance on the real samples: the seed's gold findings are raised on the right projects, nothing else is
/// raised that a reviewer would dispute, and the clean samples carry no error.
/// </summary>
public class SeedFindingsTests
{
    private const string Seed = "000_c21431a6439d21ac.txt";

    /// <summary>
    /// Findings on the seed beyond the gold's expectedFindings, each with why a reviewer agrees. A finding the
    /// engine raises on the seed that is neither expected by the gold nor listed here fails the test.
    /// </summary>
    private static readonly (string RuleId, string Project, string Why)[] AlsoAgreed =
    [
        ("BG206", "3", "慰问企业≥3家 (数量) and 慰问企业户数≥3家 (成本) are the same target; the framework lists it as its example"),
        ("BG303", "7", "消费券发放时效 定性 15天 is a number after 定性, the same misuse as project 9's"),
    ];

    [Fact]
    public void Seed_raises_every_expected_finding_on_its_project()
    {
        var (findings, gold) = ParseSeed();
        var missing = new List<string>();
        foreach (var expected in gold.GetProperty("expectedFindings").EnumerateArray())
        {
            var project = expected.GetProperty("project").GetString()!;
            var kind = expected.GetProperty("kind").GetString()!;
            if (!findings.Any(f => f.ProjectCode == project && KindOf(f) == kind))
                missing.Add($"{kind} on project {project} ({expected.GetProperty("note").GetString()})");
        }
        Assert.True(missing.Count == 0, "Not raised:\n" + string.Join("\n", missing) + "\nRaised:\n" + Describe(findings));
    }

    [Fact]
    public void Seed_raises_none_of_the_expected_no_findings()
    {
        var (findings, gold) = ParseSeed();
        foreach (var unexpected in gold.GetProperty("expectedNoFindings").EnumerateArray())
        {
            var kind = unexpected.GetProperty("kind").GetString()!;
            var project = unexpected.TryGetProperty("project", out var p) ? p.GetString() : null;
            var raised = findings.Where(f => KindOf(f) == kind && (project is null || f.ProjectCode == project)).ToList();
            Assert.True(raised.Count == 0, $"{kind} must not be raised ({unexpected.GetProperty("note").GetString()}):\n{Describe(raised)}");
        }
    }

    [Fact]
    public void Seed_raises_nothing_a_reviewer_would_dispute()
    {
        var (findings, gold) = ParseSeed();
        var expected = gold.GetProperty("expectedFindings").EnumerateArray()
            .Select(e => (Project: e.GetProperty("project").GetString(), Kind: e.GetProperty("kind").GetString()))
            .ToHashSet();
        var unexplained = findings
            .Where(f => !expected.Contains((f.ProjectCode, KindOf(f))))
            .Where(f => !AlsoAgreed.Any(a => a.RuleId == f.RuleId && a.Project == f.ProjectCode))
            .ToList();
        Assert.True(unexplained.Count == 0,
            "Findings on the seed that neither the gold nor the agreed list explains:\n" + Describe(unexplained));
    }

    [Fact]
    public void Seed_cost_breakdown_of_project_6_is_reported_with_both_figures()
    {
        var (findings, _) = ParseSeed();
        var f = Assert.Single(findings, f => f.RuleId == "BG103");
        Assert.Equal("6", f.ProjectCode);
        Assert.Equal("项目“电子商务服务中心运行经费”的成本指标合计20.00万元，与项目金额19.80万元不一致", f.Message);
    }

    [Fact]
    public void Seed_has_no_error_findings()
    {
        var (findings, _) = ParseSeed();
        Assert.True(!findings.Any(f => f.Severity == Severity.Error), Describe(findings.Where(f => f.Severity == Severity.Error)));
    }

    [Theory]
    [InlineData("yangli-2025-agri.csv")]
    [InlineData("yangli-2025-agri.gb18030.csv")]
    [InlineData("yangli-2025-agri.html")]
    [InlineData("yangli-2025-agri.xlsx")]
    [InlineData("yangli-2025-edu-form.docx")]
    [InlineData("yangli-2025-edu-form.html")]
    [InlineData("yangli-2025-edu-form.xlsx")]
    public void Other_samples_have_no_error_findings(string file)
    {
        var disclosure = Parse(file);
        var errors = disclosure.Findings.Where(f => f.Severity == Severity.Error).ToList();
        Assert.True(errors.Count == 0, $"{file}:\n{Describe(errors)}");
    }

    private static string? KindOf(Finding f) => RuleCatalog.Find(f.RuleId)?.Kind;

    private static (IReadOnlyList<Finding> Findings, JsonElement Gold) ParseSeed()
    {
        var disclosure = Parse(Seed);
        using var doc = JsonDocument.Parse(File.ReadAllBytes(SamplePath("expected", "000_c21431a6439d21ac.gold.json")));
        // Only the catalog's findings are judged here; the parser's own notes are the extractor's business.
        var findings = disclosure.Findings.Where(f => RuleCatalog.Find(f.RuleId) is not null).ToList();
        return (findings, doc.RootElement.Clone());
    }

    private static Disclosure Parse(string file)
    {
        var result = new DisclosureEngine().Parse(File.ReadAllBytes(SamplePath(file)), file);
        Assert.True(result.Succeeded, $"{file} did not parse: {result.Error}");
        return result.Disclosure!;
    }

    private static string SamplePath(params string[] parts) =>
        Path.Combine([AppContext.BaseDirectory, "samples", .. parts]);

    private static string Describe(IEnumerable<Finding> findings) =>
        string.Join("\n", findings.Select(f => $"  {f.RuleId} {f.Severity} project {f.ProjectCode ?? "-"} #{f.IndicatorIndex}: {f.Message}"));
}
