using BudgetGrpc.Engine.Model;
using BudgetGrpc.Engine.Publishing;
using Xunit;
using Xunit.Abstractions;
using static BudgetGrpc.Engine.Tests.Layouts.SelfEvaluationForms;

namespace BudgetGrpc.Engine.Tests.Layouts;

/// <summary>
/// Generated self-evaluation forms of every surveyed family (column order, label spellings, glued or split targets,
/// merged, repeated or once-written first levels, weights in level labels, budget blocks, rows under the table), in
/// xlsx, html and csv, each read back field by field.
/// </summary>
public sealed class SelfEvaluationVariantTests(ITestOutputHelper output)
{
    public static TheoryData<Family, Levels, bool, bool, Render> Variants()
    {
        var data = new TheoryData<Family, Levels, bool, bool, Render>();
        foreach (var family in Enum.GetValues<Family>())
            foreach (var levels in Enum.GetValues<Levels>())
                foreach (var render in Enum.GetValues<Render>())
                {
                    data.Add(family, levels, false, false, render);
                    if (family is Family.A or Family.B or Family.Y) data.Add(family, levels, true, false, render);
                }
        foreach (var render in Enum.GetValues<Render>()) data.Add(Family.A, Levels.Merged, false, true, render);
        return data;
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void A_generated_self_evaluation_reads_back_whole(Family family, Levels levels, bool levelWeights, bool zeroTotalRow, Render render)
    {
        var bytes = Write(family, levels, levelWeights, zeroTotalRow, render, out var fileName);
        var result = new DisclosureEngine().Parse(bytes, fileName);
        Assert.True(result.Succeeded, result.Error?.ToString());
        var d = result.Disclosure!;
        output.WriteLine(System.Text.Encoding.UTF8.GetString(PublicationJson.ToUtf8Bytes(d)));

        Assert.Equal(DisclosureKind.SelfEvaluation, d.Kind);
        Assert.Equal(2024, d.FiscalYear);
        Assert.Equal(Department, d.Department);
        Assert.Equal("万元", d.AmountUnit);
        var p = Assert.Single(d.Projects);
        Assert.Equal(ProjectName, p.Name);
        Assert.Equal(Adjusted, p.Amount);
        Assert.Equal(family == Family.H ? 0 : 1, p.Objectives.Count);

        var b = Assert.IsType<BudgetExecution>(p.Budget);
        Assert.Equal((Adjusted, Executed, 95m, BudgetWeight, BudgetScore), (b.Adjusted, b.Executed, b.ExecutionRate, b.Weight, b.Score));
        Assert.Equal(family is Family.C or Family.H ? null : Initial, b.Initial);

        Assert.Equal(Items.Length, p.Indicators.Count);
        for (var k = 0; k < Items.Length; k++)
        {
            var (expected, got) = (Items[k], p.Indicators[k]);
            Assert.Equal((expected.Level1, expected.Level2, expected.Name), (got.Level1, got.Level2, got.Name));
            Assert.Equal(expected.Comparator, got.Comparator.ToWire());
            if (expected.Qualitative) Assert.Equal((null, expected.Value), (got.Value, got.QualitativeValue));
            else Assert.Equal((decimal.Parse(expected.Value), expected.Unit), (got.Value, got.Unit));
            var actual = Assert.IsType<IndicatorActual>(got.Actual);
            if (expected.Qualitative) Assert.Equal(expected.Actual, actual.QualitativeValue);
            else Assert.Equal((decimal.Parse(expected.Actual), expected.Unit), (actual.Value, actual.Unit));
            Assert.Equal(family == Family.H ? null : expected.Weight, got.Weight);
            Assert.Equal(expected.Score, got.Score);
            Assert.Equal(family == Family.H ? "" : expected.Reason, got.DeviationReason);
            if (family != Family.H) Assert.Equal(expected.Score, got.ComputedScore);
        }

        Assert.Equal(family switch { Family.B => null, _ => Total }, p.StatedTotal?.Score);
        Assert.Equal(family == Family.H ? null : 100m, p.StatedTotal?.Weight);
        if (family is Family.C or Family.H || levelWeights)
            Assert.Equal([50m, 30m, 10m], p.LevelWeights.Where(w => w.Level2.Length == 0).Select(w => w.Weight));
        Assert.Equal(Total, p.ComputedScore);
        Assert.Equal("优", p.Grade);
        var scoring = d.Findings.Where(f => f.RuleId.StartsWith("BG6", StringComparison.Ordinal) || f.Severity == Severity.Error).ToList();
        Assert.True(scoring.Count == 0, string.Join("\n", scoring.Select(f => $"{f.RuleId} {f.Message}")));
    }

    [Fact]
    public void A_target_form_with_a_weight_column_stays_a_target_table()
    {
        var d = LayoutFamilyTests.Parse(LayoutFamilyTests.Page("某县农业局2025年项目绩效目标表",
            LayoutFamilyTests.Block +
            LayoutFamilyTests.Row("一级指标", "二级指标", "三级指标", "指标值", "权重") +
            LayoutFamilyTests.Row("产出指标", "数量指标", "补贴农机具数量", "≥200台", "50") +
            LayoutFamilyTests.Row("满意度指标", "服务对象满意度指标", "购机户满意度", "≥90%", "50")));
        Assert.Equal(DisclosureKind.TargetTable, d.Kind);
        Assert.All(d.Projects[0].Indicators, i => Assert.Null(i.Actual));
        Assert.Null(d.Projects[0].ComputedScore);
    }
}
