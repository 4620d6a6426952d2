using BudgetGrpc.Engine.Model;
using Xunit;
using static BudgetGrpc.Engine.Tests.Validation.Make;

namespace BudgetGrpc.Engine.Tests.Validation;

/// <summary>The totals and amount rules (BG1xx) asserted whole, at the edges of their tolerances and units.</summary>
public class TotalsRulesExactTests
{
    private static readonly SourceRef Project1 = new(null, 5, 2, "单位及项目名称");

    [Fact]
    public void BG101_names_the_total_the_count_and_the_sum_at_the_total_row()
    {
        var d = Disclosure(CleanProject("1", amount: 10.00m), CleanProject("2", "冻猪肉应急储备", 5.50m)) with { DeclaredTotal = 15.40m };
        Expect.Single(Run(d), "BG101", Severity.Error,
            "合计15.40万元，与2个项目金额之和15.50万元不一致",
            "The declared total 15.40 万元 differs from the sum of the 2 project amounts, 15.50 万元",
            null, null, new SourceRef(null, 4, 3, "金额(万元)"));
    }

    [Fact]
    public void BG101_accepts_a_difference_of_exactly_half_the_last_written_decimal()
    {
        var d = Disclosure(CleanProject("1", amount: 10.00m), CleanProject("2", "冻猪肉应急储备", 5.55m));
        Assert.Empty(Run(d with { DeclaredTotal = 15.5m }).Of("BG101"));
        Assert.Single(Run(d with { DeclaredTotal = 15.4m }).Of("BG101"));
    }

    [Fact]
    public void BG101_checks_a_total_at_the_largest_comparable_amount_and_skips_sums_that_overflow()
    {
        Assert.Single(Run(Disclosure(CleanProject()) with { DeclaredTotal = 1e15m }).Of("BG101"));
        Assert.Empty(Run(Disclosure(CleanProject()) with { DeclaredTotal = 1e15m + 1 }).Of("BG101"));
        var huge = Disclosure(CleanProject()) with { Projects = [CleanProject("1", amount: 5e28m), CleanProject("2", "冻猪肉应急储备", 5e28m)], DeclaredTotal = 10m };
        Assert.Empty(Run(huge).Of("BG101"));
    }

    [Fact]
    public void BG102_names_a_missing_amount()
    {
        Expect.Single(Run(CleanProject("1", amount: 0m) with { Amount = null }), "BG102", Severity.Error,
            "项目“招商引资工作经费”未填写项目金额", "Project “招商引资工作经费” has no amount", "1", null, Project1);
    }

    [Fact]
    public void BG102_names_a_negative_and_a_zero_amount_as_written()
    {
        Expect.Single(Run(CleanProject("1", amount: -3.50m)), "BG102", Severity.Error,
            "项目“招商引资工作经费”的金额为-3.5万元，应为正数",
            "Project “招商引资工作经费” has an amount of -3.5 万元; it must be positive", "1", null, Project1);
        Assert.Equal("项目“招商引资工作经费”的金额为0万元，应为正数", Assert.Single(Run(CleanProject("1", amount: 0m)).Of("BG102")).Message);
        Assert.Empty(Run(CleanProject("1", amount: 0.01m)).Of("BG102"));
    }

    [Fact]
    public void BG103_counts_only_items_with_an_amount()
    {
        // One real part (6 of 10 万元) and an item without a value, or with a bare number on a name that is not money.
        var noValue = CleanProject().Adding(Cost("设备购置费", Comparator.Equal, 6, "万元"), Cost("其他费用", Comparator.Equal, null, "万元"));
        Assert.Empty(Run(noValue).Of("BG103"));
        var bareNumber = CleanProject().Adding(Cost("设备购置费", Comparator.Equal, 6, "万元"), Cost("检测次数", Comparator.Equal, 7, ""));
        Assert.Empty(Run(bareNumber).Of("BG103"));
        var twoParts = CleanProject().Adding(Cost("设备购置费", Comparator.Equal, 6, "万元"), Cost("检测费", Comparator.Equal, 7, ""));
        Assert.Single(Run(twoParts).Of("BG103"));
    }

    [Fact]
    public void BG104_names_an_amount_above_the_project_at_the_indicator()
    {
        var p = CleanProject().Adding(Cost("设备购置费", Comparator.Equal, 120, "千元"));
        Expect.Single(Run(p), "BG104", Severity.Warning,
            "项目“招商引资工作经费”的指标“设备购置费”120千元，高于项目金额10.00万元",
            "Indicator “设备购置费” of project “招商引资工作经费” states 120千元, above the project amount 10.00 万元",
            "1", 6, p.Indicators[6].Source);
    }

    [Fact]
    public void BG104_names_a_total_that_is_not_the_project_amount()
    {
        var p = CleanProject().Adding(Quantity("资金总额", Comparator.Equal, 8, "万元"));
        Expect.Single(Run(p), "BG104", Severity.Warning,
            "项目“招商引资工作经费”的指标“资金总额”8万元，不等于项目金额10.00万元",
            "Indicator “资金总额” of project “招商引资工作经费” states 8万元, not equal to the project amount 10.00 万元",
            "1", 6, p.Indicators[6].Source);
    }

    [Fact]
    public void BG104_converts_yi_yuan_and_tolerates_exactly_half_the_last_decimal()
    {
        Assert.Equal("项目“招商引资工作经费”的指标“资金”0.002亿元，高于项目金额10.00万元",
            Assert.Single(Run(CleanProject().Adding(Quantity("资金", Comparator.Equal, 0.002m, "亿元"))).Of("BG104")).Message);
        Assert.Empty(Run(CleanProject().Adding(Quantity("拨付资金", Comparator.GreaterOrEqual, 10.005m, "万元"))).Of("BG104"));
        Assert.Single(Run(CleanProject().Adding(Quantity("拨付资金", Comparator.GreaterOrEqual, 10.006m, "万元"))).Of("BG104"));
        Assert.Empty(Run(CleanProject().Adding(Quantity("项目总金额", Comparator.Equal, 9.995m, "万元"))).Of("BG104"));
        Assert.Single(Run(CleanProject().Adding(Quantity("项目总金额", Comparator.Equal, 9.994m, "万元"))).Of("BG104"));
    }

    [Fact]
    public void BG104_leaves_a_bare_figure_under_quality_or_timeliness_a_rate_whatever_its_name()
    {
        // 完成安可产品购买并按要求支付资金 | 100 with no unit under 质量指标 (blind round 13): 100 %, not 100万元.
        Assert.Empty(Run(CleanProject().Adding(Quality("按要求支付资金", 100, ""))).Of("BG104"));
        Assert.Empty(Run(CleanProject().Adding(Ind("产出指标", "时效指标", "补助资金拨付", Comparator.Equal, 100, ""))).Of("BG104"));
        // The same bare figure under 数量指标 is money of the table's unit, and a stated unit counts under 质量指标 too.
        Assert.Single(Run(CleanProject().Adding(Quantity("按要求支付资金", Comparator.Equal, 100, ""))).Of("BG104"));
        Assert.Single(Run(CleanProject().Adding(Quality("按要求支付资金", 100, "万元"))).Of("BG104"));
    }

    [Fact]
    public void BG105_names_a_money_floor_without_a_unit()
    {
        var p = CleanProject().Adding(Cost("培训经费", Comparator.GreaterOrEqual, 3, ""));
        Expect.Single(Run(p), "BG105", Severity.Warning,
            "项目“招商引资工作经费”的成本指标“培训经费”为≥3，成本指标应设上限（≤）而非下限",
            "Cost indicator “培训经费” of project “招商引资工作经费” is ≥3: cost should be capped (≤), not bounded from below",
            "1", 6, p.Indicators[6].Source);
    }

    [Fact]
    public void BG105_leaves_floors_in_units_that_are_not_money()
    {
        Assert.Empty(Run(CleanProject().Adding(Cost("培训经费覆盖人数", Comparator.GreaterOrEqual, 3, "人"))).Of("BG105"));
        Assert.Empty(Run(CleanProject().Adding(Cost("处理能力", Comparator.GreaterOrEqual, 5, "吨/日"))).Of("BG105"));
        Assert.Single(Run(CleanProject().Adding(Cost("亩均补贴", Comparator.GreaterOrEqual, 5, "元/亩"))).Of("BG105"));
    }

    [Fact]
    public void BG106_reads_sources_written_with_thousands_separators_and_skips_absurd_ones()
    {
        var p = CleanProject("1", amount: 10000m) with
        {
            Attributes = new Dictionary<string, string> { ["其中：财政拨款"] = "6,000", ["其他资金"] = "4，000" },
        };
        Assert.Empty(Run(p).Of("BG106"));
        var over = p with { Attributes = new Dictionary<string, string> { ["其中：财政拨款"] = "6,000", ["其他资金"] = "5，000" } };
        Assert.Single(Run(over).Of("BG106"));
        var absurd = p with { Attributes = new Dictionary<string, string> { ["其中：财政拨款"] = "100000000000000000000" } };
        Assert.Empty(Run(absurd).Of("BG106"));
    }
}
