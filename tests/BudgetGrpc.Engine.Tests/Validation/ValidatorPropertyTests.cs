using BudgetGrpc.Engine.Model;
using BudgetGrpc.Engine.Validation;
using BudgetGrpc.Engine.Tests.Robustness;
using Xunit.Abstractions;
using Xunit;

namespace BudgetGrpc.Engine.Tests.Validation;

/// <summary>Whatever a reader produces, validation must finish: the engine turns a throw into an unreadable file.</summary>
public class ValidatorPropertyTests(ITestOutputHelper output)
{
    private static readonly string[] Level1s = ["产出指标", "效益指标", "满意度指标", "成本指标", ""];
    private static readonly string[] Level2s = ["数量指标", "质量指标", "时效指标", "成本指标", "经济成本指标", "社会效益指标", "服务对象满意度指标", ""];
    private static readonly string[] Names = ["", "项目资金金额", "每位人员慰问金额", "全年补贴总额", "满意度", "不满意率", "工作经费", "系数", "2023年任务", "慰问企业", "慰问企业户数"];
    private static readonly string[] Units = ["", "%", "元", "万元", "亿元", "千元", "元/亩", "万元/年", "家", "分"];
    private static readonly decimal[] Values = [0m, 1m, -5m, 0.005m, 19.80m, 100m, 292m, 1e20m, decimal.MaxValue, decimal.MinValue];

    [Fact]
    public void Validation_never_throws_and_only_reports_catalog_rules()
    {
        // 1000 fixed-seed disclosures, each saved as a text description when it fails (docs/testing.md). Not as
        // publication JSON: its computedTotal overflows on two amounts near decimal.MaxValue, which no table holds.
        var coverage = Fuzz.Run("validator", seed: 1601, cases: 1000, (_, random) => Generate(random),
            Describe, disclosure =>
            {
                var findings = new Validator().Validate(disclosure);
                Assert.All(findings, f => Assert.True(RuleCatalog.Find(f.RuleId) is not null && f.Message.Length > 0 && f.MessageEn.Length > 0, f.ToString()));
                return string.Join(",", findings.Select(f => f.RuleId).Distinct().Order(StringComparer.Ordinal));
            }, ".txt");
        output.WriteLine(coverage.ToString());
        Assert.True(coverage.DistinctInputs >= 950, coverage.ToString());
    }

    private static byte[] Describe(Disclosure d) => System.Text.Encoding.UTF8.GetBytes(
        $"year={d.FiscalYear} total={d.DeclaredTotal} unit={d.AmountUnit}\n" + string.Concat(d.Projects.Select(p =>
            $"project {p.Code} {p.Name} amount={p.Amount} objectives={p.Objectives.Count} headings={string.Join(";", p.Headings)}\n" +
            string.Concat(p.Indicators.Select(i =>
                $"  {i.Level1}|{i.Level2}|{i.Name}|{i.Comparator}|{i.Value}|{i.Unit}|{i.QualitativeValue}|{i.Flags}|{i.Direction}\n")))));

    private static Disclosure Generate(Random random)
    {
        T Pick<T>(T[] items) => items[random.Next(items.Length)];
        decimal? MaybeValue() => random.Next(4) == 0 ? null : Pick(Values);

        var projects = new List<Project>();
        for (var p = random.Next(4); p >= 0; p--)
        {
            var indicators = new List<Indicator>();
            for (var i = random.Next(8); i > 0; i--)
            {
                indicators.Add(new Indicator
                {
                    Level1 = Pick(Level1s),
                    Level2 = Pick(Level2s),
                    Name = Pick(Names),
                    Comparator = (Comparator)random.Next(7),
                    Value = MaybeValue(),
                    Unit = Pick(Units),
                    QualitativeValue = random.Next(2) == 0 ? "" : "提升",
                    Flags = (IndicatorFlags)random.Next(16),
                    Direction = random.Next(3) == 0 ? "反向" : "",
                    Text = "",
                    Source = SourceRef.None,
                });
            }
            projects.Add(new Project
            {
                Code = random.Next(3).ToString(),
                Name = Pick(Names),
                Amount = MaybeValue(),
                Objectives = random.Next(2) == 0 ? [] : ["完成2019-2023年目标", "2021年至今"],
                Indicators = indicators,
                Headings = random.Next(2) == 0 ? [] : [new IndicatorHeading(Pick(Level1s), Pick(Level2s), SourceRef.None)],
                Source = SourceRef.None,
            });
        }
        var disclosure = new Disclosure
        {
            Source = new SourceInfo("x", "", "", Layout.Wide),
            FiscalYear = random.Next(3) == 0 ? null : 2024,
            DeclaredTotal = MaybeValue(),
            AmountUnit = random.Next(2) == 0 ? "元" : "万元",
            Projects = projects,
        };
        return disclosure;
    }
}
