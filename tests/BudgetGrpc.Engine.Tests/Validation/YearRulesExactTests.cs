using BudgetGrpc.Engine.Model;
using BudgetGrpc.Engine.Validation;
using Xunit;
using static BudgetGrpc.Engine.Tests.Validation.Make;

namespace BudgetGrpc.Engine.Tests.Validation;

/// <summary>The year rules (BG4xx) asserted whole, with ranges before, after and written backwards.</summary>
public class YearRulesExactTests
{
    private static readonly SourceRef Project1 = new(null, 5, 2, "单位及项目名称");

    [Fact]
    public void BG401_quotes_the_title_in_both_languages_and_leaves_out_an_empty_one()
    {
        var d = Disclosure(CleanProject()) with { FiscalYear = null };
        Expect.Single(Run(d), "BG401", Severity.Error,
            "未能从表格中确定预算年度（标题“测试局2024年部门预算项目支出绩效目标公开表”）",
            "The fiscal year could not be found in the table (title “测试局2024年部门预算项目支出绩效目标公开表”)", null, null, null);
        Expect.Single(Run(d with { Title = "" }), "BG401", Severity.Error,
            "未能从表格中确定预算年度", "The fiscal year could not be found in the table", null, null, null);
    }

    [Fact]
    public void BG402_lists_every_other_year_of_the_name()
    {
        Expect.Single(Run(CleanProject("1", "2022年和2023年度项目经费")), "BG402", Severity.Warning,
            "项目名称“2022年和2023年度项目经费”中的年份2022、2023年与预算年度2024年不符",
            "Project name “2022年和2023年度项目经费” names 2022, 2023, not the fiscal year 2024", "1", null, Project1);
    }

    [Theory]
    [InlineData("2020-2022年项目经费", "2022")]
    [InlineData("2025-2027年项目经费", "2025")]
    [InlineData("2026至2024年项目经费", "2026")]
    public void BG402_names_the_end_of_a_range_nearest_the_fiscal_year(string name, string year)
    {
        Assert.Equal($"项目名称“{name}”中的年份{year}年与预算年度2024年不符", Assert.Single(Run(CleanProject("1", name)).Of("BG402")).Message);
    }

    [Fact]
    public void BG403_numbers_the_objective_and_lists_its_earlier_years()
    {
        var p = CleanProject() with { Objectives = ["保障供应", "巩固2021年和2022年建设成果，完成2025年规划"] };
        Expect.Single(Run(p), "BG403", Severity.Warning,
            "项目“招商引资工作经费”的第2条绩效目标出现2021、2022年，早于预算年度2024年",
            "Objective 2 of project “招商引资工作经费” names 2021, 2022, before the fiscal year 2024", "1", null, Project1);
    }
}

/// <summary>The validator's own guards.</summary>
public class ValidatorGuardTests
{
    [Fact]
    public void Unknown_rule_ids_are_refused_with_the_ids_and_the_known_ones()
    {
        var options = new ValidationOptions { Rules = { ["BG999"] = new RuleOptions(), ["bg101"] = new RuleOptions(), ["XX1"] = new RuleOptions() } };
        var e = Assert.Throws<ArgumentException>(() => new Validator(options));
        var known = string.Join(", ", RuleCatalog.All.Select(r => r.Id));
        Assert.Equal($"Validation options name unknown rule id(s): BG999, XX1. Known ids: {known}. (Parameter 'options')", e.Message);
        Assert.Equal("options", e.ParamName);
    }

    [Fact]
    public void A_null_disclosure_is_refused()
    {
        Assert.Equal("disclosure", Assert.Throws<ArgumentNullException>(() => new Validator().Validate(null!)).ParamName);
    }

    [Fact]
    public void Zero_actuals_of_negative_indicators_get_full_marks_by_default()
    {
        Assert.True(new ScoringOptions().FullMarksForZeroNegativeActual);
    }
}
