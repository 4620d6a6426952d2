using BudgetGrpc.Engine.Model;
using BudgetGrpc.Engine.Validation;
using Xunit;
using static BudgetGrpc.Engine.Tests.Validation.SeedJudge;

namespace BudgetGrpc.Engine.Tests.Validation;

/// <summary>
/// Acceptance through the whole engine on the real samples: the seed's gold findings are raised on the right
/// projects, nothing else is raised that a reviewer would dispute (<see cref="SeedJudge.AlsoAgreed"/>), and the
/// clean samples carry no error.
/// </summary>
public class SeedFindingsTests
{
    [Fact]
    public void Seed_raises_every_expected_finding_on_its_project()
    {
        var findings = ParseSeed();
        var missing = NotRaised(findings, Gold());
        Assert.True(missing.Count == 0, "Not raised:\n" + string.Join("\n", missing) + "\nRaised:\n" + Describe(findings));
    }

    [Fact]
    public void Seed_raises_none_of_the_expected_no_findings()
    {
        var raised = Forbidden(ParseSeed(), Gold());
        Assert.True(raised.Count == 0, "Must not be raised:\n" + Describe(raised));
    }

    [Fact]
    public void Seed_raises_nothing_a_reviewer_would_dispute()
    {
        var unexplained = Unexplained(ParseSeed(), Gold());
        Assert.True(unexplained.Count == 0,
            "Findings on the seed that neither the gold nor SeedJudge.AlsoAgreed explains:\n" + Describe(unexplained));
    }

    [Fact]
    public void Seed_cost_breakdown_of_project_6_is_reported_with_both_figures()
    {
        var f = Assert.Single(ParseSeed(), f => f.RuleId == "BG103");
        Assert.Equal("6", f.ProjectCode);
        Assert.Equal("项目“电子商务服务中心运行经费”的成本指标合计20.00万元，与项目金额19.80万元不一致", f.Message);
    }

    [Fact]
    public void Seed_has_no_error_findings()
    {
        var errors = ParseSeed().Where(f => f.Severity == Severity.Error).ToList();
        Assert.True(errors.Count == 0, Describe(errors));
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
        var errors = Parse(file).Findings.Where(f => f.Severity == Severity.Error).ToList();
        Assert.True(errors.Count == 0, $"{file}:\n{Describe(errors)}");
    }

    // Only the catalog's findings are judged here; the parser's own notes are the extractor's business.
    private static List<Finding> ParseSeed() =>
        Parse(SeedFile).Findings.Where(f => RuleCatalog.Find(f.RuleId) is not null).ToList();

    private static Disclosure Parse(string file)
    {
        var result = new DisclosureEngine().Parse(File.ReadAllBytes(SamplePath(file)), file);
        Assert.True(result.Succeeded, $"{file} did not parse: {result.Error}");
        return result.Disclosure!;
    }
}
