using BudgetGrpc.Conversion;
using BudgetGrpc.Engine.Model;
using Xunit;
using Xunit.Abstractions;

namespace BudgetGrpc.Engine.Tests.Samples;

/// <summary>
/// Every shared sample rendered as .xls, .doc and PDF (tools/make-legacy-samples.sh) parses as its original does:
/// strict F1 against the gold within 0.02 of the original's, the same document fields and projects. Samples whose kind
/// the layouts do not read yet (department-wide, self-evaluation) are held to their original's result, whatever it is.
/// The .doc cases need LibreOffice, which tools/run-tests.sh installs.
/// </summary>
public sealed class ContainerGoldTests(ITestOutputHelper output)
{
    private static readonly LibreOfficeConverter Converter = new();
    private static readonly DisclosureEngine Engine = new(converter: Converter);

    private static ParseResult Parse(string name) =>
        Engine.Parse(File.ReadAllBytes(SampleGoldTests.SamplePath(name)), Path.GetFileName(name));

    [Theory]
    [InlineData("000_c21431a6439d21ac.txt", "containers/000_c21431a6439d21ac.txt.xls", "000_c21431a6439d21ac")]
    [InlineData("yangli-2025-agri.xlsx", "containers/yangli-2025-agri.xlsx.xls", "yangli-2025-agri")]
    [InlineData("yangli-2025-agri.html", "containers/yangli-2025-agri.html.pdf", "yangli-2025-agri")]
    [InlineData("yangli-2025-edu-form.xlsx", "containers/yangli-2025-edu-form.xlsx.xls", "yangli-2025-edu-form")]
    [InlineData("yangli-2025-edu-form.docx", "containers/yangli-2025-edu-form.docx.doc", "yangli-2025-edu-form")]
    [InlineData("yangli-2025-edu-form.docx", "containers/yangli-2025-edu-form.docx.pdf", "yangli-2025-edu-form")]
    [InlineData("yangli-2025-edu-form.html", "containers/yangli-2025-edu-form.html.pdf", "yangli-2025-edu-form")]
    public void A_target_table_in_a_legacy_container_scores_as_its_original(string original, string container, string gold)
    {
        if (container.EndsWith(".doc")) Assert.True(Converter.Executable is not null, "LibreOffice (soffice) is not installed; tools/run-tests.sh installs it");
        var expected = Score(Parse(original), gold);
        var actual = Score(Parse(container), gold);
        output.WriteLine($"{original}: strictF1={expected.F1:0.000} projects={expected.ProjectsOk}; {container}: strictF1={actual.F1:0.000} projects={actual.ProjectsOk}");
        Assert.True(actual.F1 >= expected.F1 - 0.02, $"strict F1 {actual.F1:0.000} against the original's {expected.F1:0.000}");
        Assert.Equal(expected.ProjectsOk, actual.ProjectsOk);
        Assert.Equal(expected.DocumentOk, actual.DocumentOk);
    }

    [Theory]
    [InlineData("yangli-2025-dept.xlsx", "containers/yangli-2025-dept.xlsx.xls")]
    [InlineData("yangli-2025-dept.docx", "containers/yangli-2025-dept.docx.doc")]
    [InlineData("yangli-2025-dept.docx", "containers/yangli-2025-dept.docx.pdf")]
    [InlineData("yangli-2025-agri-selfeval.xlsx", "containers/yangli-2025-agri-selfeval.xlsx.xls")]
    [InlineData("yangli-2025-agri-selfeval.html", "containers/yangli-2025-agri-selfeval.html.pdf")]
    public void Any_other_sample_in_a_legacy_container_parses_as_its_original(string original, string container)
    {
        if (container.EndsWith(".doc")) Assert.True(Converter.Executable is not null, "LibreOffice (soffice) is not installed; tools/run-tests.sh installs it");
        var expected = Parse(original);
        var actual = Parse(container);
        output.WriteLine($"{original}: {expected.Error?.Reason ?? "ok"}; {container}: {actual.Error?.Reason ?? "ok"}");
        Assert.Equal(expected.Error?.Reason, actual.Error?.Reason);
        if (expected.Disclosure is not { } e) return;
        var a = actual.Disclosure!;
        Assert.Equal(DocumentFields(e), DocumentFields(a));
        Assert.Equal(e.Projects.Select(p => (p.Name, p.Amount)), a.Projects.Select(p => (p.Name, p.Amount)));
        var expectedKeys = e.Projects.SelectMany(p => p.Indicators.Select(i => Key(p, i))).ToList();
        var actualKeys = a.Projects.SelectMany(p => p.Indicators.Select(i => Key(p, i))).ToList();
        var common = expectedKeys.Intersect(actualKeys).Count();
        var f1 = expectedKeys.Count + actualKeys.Count == 0 ? 1 : 2.0 * common / (expectedKeys.Count + actualKeys.Count);
        Assert.True(f1 >= 0.98, $"indicators agree at F1 {f1:0.000}: missing {string.Join("; ", expectedKeys.Except(actualKeys))}; extra {string.Join("; ", actualKeys.Except(expectedKeys))}");
    }

    private static string Key(Project p, Indicator i) => $"{p.Name}|{i.Level1}|{i.Level2}|{i.Name}|{i.Comparator}|{i.Value}|{i.QualitativeValue}";

    /// <summary>
    /// The document fields the scorer compares. (Not the title: a saved page's title is its &lt;title&gt;, which a print
    /// of the page does not show; the PDF's title is the heading printed above the table.)
    /// </summary>
    private static (string, int?, string) DocumentFields(Disclosure d) => (d.Department, d.FiscalYear, d.AmountUnit);

    /// <summary>The shared scorer's measures of the published JSON (one source of truth, see <see cref="SharedScorer"/>).</summary>
    private static (double F1, int ProjectsOk, int DocumentOk) Score(ParseResult result, string gold)
    {
        Assert.True(result.Succeeded, result.Error?.ToString());
        var json = BudgetGrpc.Engine.Publishing.PublicationJson.ToUtf8Bytes(result.Disclosure!);
        var score = SharedScorer.ScoreJson(SharedScorer.GoldPath($"{gold}.gold.json"), json, result.Disclosure!.Source.FileName);
        return (score.StrictF1, score.ProjectsOk, score.DocumentOk);
    }
}
