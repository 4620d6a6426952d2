using BudgetGrpc.Engine.Model;
using Xunit;
using static BudgetGrpc.Engine.Tests.Validation.Make;

namespace BudgetGrpc.Engine.Tests.Validation;

public class TotalsRulesTests
{
    [Fact]
    public void BG101_fires_when_the_declared_total_differs_from_the_project_sum()
    {
        var d = Disclosure(CleanProject("1", amount: 18.00m), CleanProject("2", "冻猪肉应急储备", 90.79m)) with { DeclaredTotal = 108.80m };
        var f = Assert.Single(Run(d).Of("BG101"));
        Assert.Equal(Severity.Error, f.Severity);
        Assert.Null(f.ProjectCode);
        Assert.Equal(4, f.Source?.Row);
        Assert.Equal("合计108.80万元，与2个项目金额之和108.79万元不一致", f.Message);
        Assert.Contains("108.79", f.MessageEn);
    }

    [Fact]
    public void BG101_tolerates_rounding_of_the_last_declared_decimal()
    {
        // 18.00 + 90.79 = 108.79; a total written with one decimal (108.8) is the same figure rounded.
        var d = Disclosure(CleanProject("1", amount: 18.00m), CleanProject("2", "冻猪肉应急储备", 90.79m)) with { DeclaredTotal = 108.8m };
        Assert.Empty(Run(d).Of("BG101"));
        Assert.Empty(Run(d with { DeclaredTotal = null }).Of("BG101"));
    }

    [Fact]
    public void BG101_counts_a_project_without_amount_as_zero_and_BG102_names_it()
    {
        var withoutAmount = CleanProject("2", "冻猪肉应急储备", 90.79m) with { Amount = null };
        // The 合计 of both projects as written elsewhere: 18.00 + nothing is 18.00, not 108.79.
        var mismatch = Disclosure(CleanProject("1", amount: 18.00m), withoutAmount) with { DeclaredTotal = 108.79m };
        var findings = Run(mismatch);
        Assert.Equal("合计108.79万元，与2个项目金额之和18.00万元不一致", Assert.Single(findings.Of("BG101")).Message);
        Assert.Equal("2", Assert.Single(findings.Of("BG102")).ProjectCode);

        // A 合计 that is the sum of the amounts given is no mismatch; the missing amount is BG102's alone.
        var matching = mismatch with { DeclaredTotal = 18.00m };
        Assert.Empty(Run(matching).Of("BG101"));
        Assert.Single(Run(matching).Of("BG102"));

        // No project has an amount: the 合计 differs from zero.
        var none = Disclosure(CleanProject("1", amount: 18.00m) with { Amount = null }, withoutAmount) with { DeclaredTotal = 108.79m };
        Assert.Equal("合计108.79万元，与2个项目金额之和0.00万元不一致", Assert.Single(Run(none).Of("BG101")).Message);
    }

    [Fact]
    public void BG102_fires_on_a_missing_or_non_positive_amount()
    {
        var missing = Run(CleanProject() with { Amount = null }).Of("BG102");
        Assert.Equal("项目“招商引资工作经费”未填写项目金额", Assert.Single(missing).Message);
        var zero = Run(CleanProject() with { Amount = 0m }).Of("BG102");
        Assert.Equal(Severity.Error, Assert.Single(zero).Severity);
        Assert.Single(Run(CleanProject() with { Amount = -1m }).Of("BG102"));
    }

    [Fact]
    public void BG102_accepts_a_small_positive_amount()
    {
        Assert.Empty(Run(CleanProject() with { Amount = 0.27m }).Of("BG102"));
    }

    [Fact]
    public void BG103_fires_when_cost_items_exceed_the_project_amount()
    {
        // Seed project 6: 3 + 2.6 + 0.4 + 1.5 + 1 + 0.5 + 5 (no unit) + 6 = 20.0 against 19.80.
        var p = CleanProject("6", "电子商务服务中心运行经费", 19.80m).Without("成本指标").Adding(
            Cost("网络经费", Comparator.Equal, 3, "万元"), Cost("取暖费", Comparator.Equal, 2.6m, "万元"),
            Cost("水费", Comparator.Equal, 0.4m, "万元"), Cost("电费", Comparator.Equal, 1.5m, "万元"),
            Cost("物业管理费", Comparator.Equal, 1, "万元"), Cost("维修维护费", Comparator.Equal, 0.5m, "万元"),
            Cost("工作经费", Comparator.Equal, 5, ""), Cost("人员工资", Comparator.Equal, 6, "万元"));
        var f = Assert.Single(Run(p).Of("BG103"));
        Assert.Equal("项目“电子商务服务中心运行经费”的成本指标合计20.00万元，与项目金额19.80万元不一致", f.Message);
        Assert.Equal("The cost items of project “电子商务服务中心运行经费” add up to 20.00 万元, which differs from the project amount 19.80 万元", f.MessageEn);
        Assert.Equal("6", f.ProjectCode);
        Assert.Equal(Severity.Warning, f.Severity);
    }

    [Fact]
    public void BG103_converts_yuan_and_fires_on_an_exact_breakdown_that_falls_short()
    {
        var p = CleanProject(amount: 10.00m).Without("成本指标").Adding(
            Cost("宣传费", Comparator.Equal, 40000, "元"), Cost("会议费", Comparator.Equal, 5, "万元"));
        Assert.Contains("合计9.00万元", Assert.Single(Run(p).Of("BG103")).Message);
    }

    [Fact]
    public void BG103_stays_silent_on_rates_per_unit_items_totals_caps_and_rounding()
    {
        // Seed project 9: three yearly subsidies (13.631) plus their restated total against 13.63.
        var seed9 = CleanProject("9", "编外人员生活补助", 13.63m).Without("成本指标").Adding(
            Cost("就业公益性岗位每年补助金", Comparator.Qualitative, 3.375m, "万元"),
            Cost("财政公益性岗位每年补助金额", Comparator.Qualitative, 7.026m, "万元"),
            Cost("见习岗位每年补助金额", Comparator.Qualitative, 3.23m, "万元"),
            Cost("全年补贴总额", Comparator.Equal, 13.63m, "万元"));
        Assert.Empty(Run(seed9).Of("BG103"));

        // Seed projects 2, 4 and 8: rates, prices and a per-person amount are not parts of the budget.
        var rates = CleanProject(amount: 124.10m).Without("成本指标").Adding(
            Cost("储备费用", Comparator.Equal, 4.1m, "万元/年"), Cost("补贴入储价格：牛肉", Comparator.Equal, 60, "元/公斤"),
            Cost("每位退休人员慰问金额", Comparator.Equal, 300, "元"), Cost("储备牛胴体", Comparator.Equal, 20, "吨"));
        Assert.Empty(Run(rates).Of("BG103"));

        // Two caps that stay below the amount are limits, not a breakdown.
        var caps = CleanProject(amount: 108m).Without("成本指标").Adding(
            Cost("疫苗采购成本", Comparator.LessOrEqual, 86, "万元"), Cost("运输费", Comparator.LessOrEqual, 2, "万元"));
        Assert.Empty(Run(caps).Of("BG103"));

        // A single item is a headline figure, left to BG104.
        var single = CleanProject(amount: 30m).Without("成本指标").Adding(Cost("宣传推介会议费", Comparator.GreaterOrEqual, 30, "万元"));
        Assert.Empty(Run(single).Of("BG103"));
    }

    [Fact]
    public void BG104_fires_when_an_output_amount_lies_above_the_project_amount()
    {
        var p = CleanProject("1", "招商引资工作经费", 18.00m).Adding(Quantity("项目资金金额", Comparator.GreaterOrEqual, 30, "万元"));
        var f = Assert.Single(Run(p).Of("BG104"));
        Assert.Equal("项目“招商引资工作经费”的指标“项目资金金额”≥30万元，高于项目金额18.00万元", f.Message);
        Assert.Equal(6, f.IndicatorIndex);
        Assert.Equal(p.Indicators[6].Source, f.Source);
    }

    [Fact]
    public void BG104_compares_working_funds_even_when_named_after_investment_promotion()
    {
        var p = CleanProject("1", "招商引资工作经费", 18.00m).Adding(Quantity("招商引资工作经费", Comparator.Equal, 30, "万元"));
        Assert.Single(Run(p).Of("BG104"));
    }

    [Fact]
    public void BG104_fires_when_a_named_total_differs_from_the_project_amount()
    {
        var p = CleanProject(amount: 13.63m).Adding(Cost("全年补贴总额", Comparator.Equal, 12.00m, "万元"));
        Assert.Contains("不等于项目金额13.63万元", Assert.Single(Run(p).Of("BG104")).Message);
    }

    [Fact]
    public void BG104_ignores_outcomes_caps_prices_and_amounts_within_the_budget()
    {
        var p = CleanProject(amount: 30.00m).Adding(
            Ind("效益指标", "经济效益指标", "签订金额", Comparator.Equal, 4.87m, "亿元"),
            Cost("年内安排专项资金", Comparator.LessOrEqual, 50, "万元"),
            Cost("亩均建设成本", Comparator.LessOrEqual, 1250, "元/亩"),
            Quantity("安排专项经费", Comparator.GreaterOrEqual, 30, "万元"),
            Quantity("猪肉储备金额", Comparator.Equal, 30.004m, ""),
            Quantity("发放创业担保贷款", Comparator.GreaterOrEqual, 1000, "万元"),
            Quantity("带动社会资本投入", Comparator.GreaterOrEqual, 2, "亿元"));
        Assert.Empty(Run(p).Of("BG104"));
    }

    [Fact]
    public void BG105_fires_on_a_money_cost_item_with_a_lower_bound()
    {
        var p = CleanProject("5", "青洽会专项经费", 30m).Adding(Cost("宣传推介会议费", Comparator.GreaterOrEqual, 30, "万元"));
        var f = Assert.Single(Run(p).Of("BG105"));
        Assert.Equal("项目“青洽会专项经费”的成本指标“宣传推介会议费”为≥30万元，成本指标应设上限（≤）而非下限", f.Message);
    }

    [Fact]
    public void BG105_ignores_caps_and_cost_items_counted_in_other_units()
    {
        var p = CleanProject().Adding(Cost("慰问企业户数", Comparator.GreaterOrEqual, 3, "家"), Cost("宣传费", Comparator.LessOrEqual, 3, "万元"));
        Assert.Empty(Run(p).Of("BG105"));
    }
}

public class FundingRulesTests
{
    private static Project Form(decimal amount, params (string Label, string Value)[] fields) =>
        Make.CleanProject("1", "学生营养改善计划补助资金", amount) with
        {
            Attributes = fields.ToDictionary(f => f.Label, f => f.Value),
        };

    [Fact]
    public void BG106_fires_when_the_funding_sources_do_not_add_up()
    {
        var p = Form(486.00m, ("主管部门", "样例县教育局"), ("其中：财政拨款", "400.00"), ("其他资金", "50"));
        var f = Assert.Single(Make.Run(p).Of("BG106"));
        Assert.Equal("项目“学生营养改善计划补助资金”的资金来源（财政拨款400、其他资金50）合计450.00万元，与项目金额486.00万元不一致", f.Message);
        Assert.Single(Make.Run(Form(486.00m, ("其中：财政拨款", "500万元"))).Of("BG106"));
    }

    [Fact]
    public void BG106_accepts_matching_sources_a_lone_partial_source_and_tables_without_sources()
    {
        // The edu-form sample: 年度资金总额 486.00 = 财政拨款 486.00 + 其他资金 0.
        Assert.Empty(Make.Run(Form(486.00m, ("其中：财政拨款", "486.00"), ("其他资金", "0"), ("其中：中央财政拨款", "300"))).Of("BG106"));
        Assert.Empty(Make.Run(Form(486.00m, ("其中：财政拨款", "400.00"))).Of("BG106"));
        Assert.Empty(Make.Run(Form(486.00m, ("项目属性", "经常性项目"))).Of("BG106"));
    }
}
