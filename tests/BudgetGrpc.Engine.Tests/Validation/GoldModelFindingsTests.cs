using System.Text.Json;
using BudgetGrpc.Engine.Model;
using BudgetGrpc.Engine.Validation;
using Xunit;
using static BudgetGrpc.Engine.Tests.Validation.SeedJudge;

namespace BudgetGrpc.Engine.Tests.Validation;

/// <summary>
/// The rules on the reviewed models of the samples (their gold files), independent of the readers and the
/// extractor: if these pass and <see cref="SeedFindingsTests"/> fail, the difference is in extraction.
/// </summary>
public class GoldModelFindingsTests
{
    [Fact]
    public void Seed_model_raises_every_expected_finding_and_nothing_disputed()
    {
        var gold = Gold();
        var findings = new Validator().Validate(SeedModel(gold));
        var missing = NotRaised(findings, gold);
        Assert.True(missing.Count == 0, "Not raised:\n" + string.Join("\n", missing) + "\nRaised:\n" + Describe(findings));
        Assert.Empty(Forbidden(findings, gold));
        var unexplained = Unexplained(findings, gold);
        Assert.True(unexplained.Count == 0, Describe(unexplained));
    }

    [Theory]
    [InlineData("yangli-2025-agri")]
    [InlineData("yangli-2025-edu-form")]
    public void Clean_sample_models_raise_nothing(string name)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(SamplePath("expected", name + ".gold.json")));
        var findings = new Validator().Validate(Model(doc.RootElement, (_, p) => p));
        Assert.True(findings.Count == 0, Describe(findings));
    }

    /// <summary>
    /// The seed's gold model plus the facts the gold file records only as counts or not at all: the text of
    /// project 2's objective, the empty 可持续影响指标 heading of project 9, and the 定性 misuse on its cost items.
    /// </summary>
    private static Disclosure SeedModel(JsonElement gold) => Model(gold, (code, p) => code switch
    {
        "2" => p with { Objectives = ["完成2022年元旦、春节和“两会”等重要时间节点猪肉保供稳价工作"] },
        "9" => p with
        {
            Headings = [.. p.Headings, new IndicatorHeading("效益指标", "可持续影响指标", p.Source)],
            Indicators = [.. p.Indicators.Select(i => i.Level2 == "成本指标" && i.Name != "全年补贴总额"
                ? i with { Flags = IndicatorFlags.QualitativeWithNumber } : i)],
        },
        _ => p,
    });

    private static Disclosure Model(JsonElement gold, Func<string, Project, Project> amend)
    {
        var projects = new List<Project>();
        var row = 5;
        foreach (var p in gold.GetProperty("projects").EnumerateArray())
        {
            var indicators = new List<Indicator>();
            foreach (var i in p.GetProperty("indicators").EnumerateArray())
            {
                indicators.Add(new Indicator
                {
                    Level1 = i.GetProperty("level1").GetString()!,
                    Level2 = i.GetProperty("level2").GetString()!,
                    Name = i.GetProperty("name").GetString()!,
                    Comparator = ComparatorExtensions.FromWire(i.GetProperty("comparator").GetString()),
                    Value = DecimalOrNull(i.GetProperty("value")),
                    Unit = i.GetProperty("unit").GetString()!,
                    QualitativeValue = i.GetProperty("qualitativeValue").GetString()!,
                    Text = i.GetProperty("name").GetString()!,
                    Source = new SourceRef(null, row, 5, "绩效指标"),
                });
            }
            var code = p.GetProperty("code").GetString()!;
            var project = new Project
            {
                Code = code,
                Name = p.GetProperty("name").GetString()!,
                Amount = DecimalOrNull(p.GetProperty("amount")),
                Objectives = [.. Enumerable.Range(1, p.GetProperty("objectives").GetInt32()).Select(n => $"目标{n}")],
                Indicators = indicators,
                Headings = Make.HeadingsOf(indicators),
                Source = new SourceRef(null, row++, 2, "单位及项目名称"),
            };
            projects.Add(amend(code, project));
        }
        return new Disclosure
        {
            Source = new SourceInfo(gold.GetProperty("file").GetString()!, "", "", Layout.Wide),
            Title = gold.TryGetProperty("title", out var t) ? t.GetString()! : "",
            Department = gold.GetProperty("department").GetString()!,
            FiscalYear = gold.GetProperty("fiscalYear").GetInt32(),
            AmountUnit = gold.GetProperty("amountUnit").GetString()!,
            DeclaredTotal = DecimalOrNull(gold.GetProperty("declaredTotal")),
            Projects = projects,
        };
    }

    private static decimal? DecimalOrNull(JsonElement e) => e.ValueKind == JsonValueKind.Number ? e.GetDecimal() : null;
}
