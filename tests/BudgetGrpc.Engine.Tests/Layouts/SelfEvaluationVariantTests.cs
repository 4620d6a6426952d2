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
        var noWeights = family is Family.H or Family.H2;

        var b = Assert.IsType<BudgetExecution>(p.Budget);
        Assert.Equal((Adjusted, Executed, 95m, BudgetWeight, family == Family.H2 ? null : BudgetScore), (b.Adjusted, b.Executed, b.ExecutionRate, b.Weight, b.Score));
        Assert.Equal(family is Family.C or Family.H or Family.H2 ? null : Initial, b.Initial);

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
            Assert.Equal(noWeights ? null : expected.Weight, got.Weight);
            Assert.Equal(expected.Score, got.Score);
            Assert.Equal(noWeights ? "" : expected.Reason, got.DeviationReason);
            if (!noWeights) Assert.Equal(expected.Score, got.ComputedScore);
        }

        Assert.Equal(family switch { Family.B or Family.H2 => null, _ => Total }, p.StatedTotal?.Score);
        Assert.Equal(noWeights ? null : 100m, p.StatedTotal?.Weight);
        if (family is Family.C or Family.H or Family.H2 || levelWeights)
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

    private static string Html(params string[][] rows) =>
        "<html><body><table>" + string.Concat(rows.Select(r => "<tr>" + string.Concat(r.Select(c => c.StartsWith("<td", StringComparison.Ordinal) ? c : $"<td>{c}</td>")) + "</tr>")) + "</table></body></html>";

    [Fact]
    public void Family_F_keeps_its_scoring_method_column_apart_and_scores_the_budget_against_the_initial_budget()
    {
        var d = LayoutFamilyTests.Parse(Html(
            ["<td colspan=9>某街道2016年度项目支出绩效自评表</td>"],
            ["项目名称", "<td colspan=8>社区服务经费</td>"],
            ["<td rowspan=3>项目资金（万元）</td>", "", "年初预算数（A）", "全年执行数（B）", "分值（10分）", "执行率（B/A）", "得分", "<td colspan=2>得分计算方法</td>"],
            ["年度资金总额：", "50", "25", "10", "50%", "5", "<td colspan=2>执行率×10</td>"],
            ["其中：本年一般公共预算拨款", "50", "25", "", "", "", "<td colspan=2></td>"],
            ["一级指标", "二级指标", "三级指标", "分值", "年度指标值（A）", "全年实际值（B）", "得分计算方法", "得分", "未完成原因分析"],
            ["<td rowspan=2>产出指标（50分）</td>", "数量指标", "服务社区数", "30", "≥10个", "8个", "B/A×分值", "24", "两个社区合并"],
            ["时效指标", "完成及时率", "20", "100%", "100%", "B/A×分值", "20", ""],
            ["效益指标（40分）", "社会效益指标", "居民受益面", "40", "≥90%", "95%", "B/A×分值", "40", ""],
            ["<td colspan=7>总分</td>", "99", ""]));
        var p = Assert.Single(d.Projects);
        Assert.Equal((50m, null, 25m, 10m, 5m), (p.Budget!.Initial, p.Budget.Adjusted, p.Budget.Executed, p.Budget.Weight, p.Budget.ComputedScore));
        Assert.Equal([24m, 20m, 40m], p.Indicators.Select(i => i.Score!.Value));
        Assert.Equal([30m, 20m, 40m], p.Indicators.Select(i => i.Weight!.Value));
        Assert.Equal(89m, p.ComputedScore);
        // 5 + 24 + 20 + 40 = 89, not the 99 the total row states.
        Assert.Single(d.Findings, f => f.RuleId == "BG606");
    }

    [Fact]
    public void Family_H2_reads_its_name_column_its_own_score_and_the_total_stated_above_the_table()
    {
        var d = LayoutFamilyTests.Parse(Html(
            ["<td colspan=8>某市财政预算支出项目绩效目标自评表（2021年度）</td>"],
            ["<td colspan=8>自评总分：95</td>"],
            ["项目名称", "<td colspan=7>乡村道路维护</td>"],
            ["一级指标", "二级指标", "指标名称（三级指标）", "年初指标值", "年终完成值", "自评分", "复核分", "评价标准"],
            ["<td rowspan=2>产出指标 40分</td>", "数量指标 15 分", "维护道路里程", "300公里", "300公里", "15", "", "完成得满分"],
            ["质量指标 25 分", "路面合格率", "≥95%", "96%", "25", "", ""],
            ["效益指标 60分", "社会效益指标 60 分", "群众出行条件", "明显改善", "明显改善", "55", "", ""]));
        var p = Assert.Single(d.Projects);
        Assert.Equal(["维护道路里程", "路面合格率", "群众出行条件"], p.Indicators.Select(i => i.Name));
        Assert.Equal([15m, 25m, 55m], p.Indicators.Select(i => i.Score!.Value));
        Assert.Equal(95m, p.DeclaredScore);
        Assert.Equal([("产出指标", "", 40m), ("产出指标", "数量指标", 15m), ("产出指标", "质量指标", 25m), ("效益指标", "", 60m), ("效益指标", "社会效益指标", 60m)],
            p.LevelWeights.Select(w => (w.Level1, w.Level2, w.Weight)));
        Assert.Equal(2021, d.FiscalYear);
    }

    [Fact]
    public void Family_I_reads_comparators_in_words_directions_and_a_unit_after_the_actual()
    {
        var d = LayoutFamilyTests.Parse(Html(
            ["<td colspan=11>项目支出绩效自评表（2024年度）</td>"],
            ["项目名称", "<td colspan=10>自然资源业务支出</td>"],
            ["一级指标", "二级指标", "三级指标", "指标性质", "指标方向", "年度指标值", "实际完成值", "计量单位", "分值", "得分", "偏差原因分析及改进措施"],
            ["", "数量指标", "指标1：租车次数（次）", "正向", "大于等于", "10", "9", "次", "50", "45", "预算压减"],
            ["", "成本指标", "指标1：租车成本", "反向", "小于等于", "2", "2.5", "万元", "50", "40", "油价上涨"]));
        var p = Assert.Single(d.Projects);
        Assert.Equal([("产出指标", "数量指标", ">=", 10m, "次", 9m), ("产出指标", "成本指标", "<=", 2m, "万元", 2.5m)],
            p.Indicators.Select(i => (i.Level1, i.Level2, i.Comparator.ToWire(), i.Value!.Value, i.Unit, i.Actual!.Value!.Value)));
        Assert.DoesNotContain(p.Indicators, i => i.Name.StartsWith("指标1", StringComparison.Ordinal));
        Assert.Equal([45m, 40m], p.Indicators.Select(i => i.ComputedScore!.Value));
    }
}
