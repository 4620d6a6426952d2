using BudgetGrpc.Engine.Model;
using Xunit;
using static BudgetGrpc.Engine.Tests.Validation.Make;

namespace BudgetGrpc.Engine.Tests.Validation;

public class YearAndDisclosureRulesTests
{
    [Fact]
    public void BG401_fires_without_a_fiscal_year()
    {
        var f = Assert.Single(Run(Disclosure(CleanProject()) with { FiscalYear = null }).Of("BG401"));
        Assert.Equal(Severity.Error, f.Severity);
        Assert.Equal("未能从表格中确定预算年度（标题“测试局2024年部门预算项目支出绩效目标公开表”）", f.Message);
    }

    [Fact]
    public void BG401_is_silent_with_a_fiscal_year()
    {
        Assert.Empty(Run(Disclosure(CleanProject())).Of("BG401"));
    }

    [Fact]
    public void BG402_fires_on_another_year_in_the_project_name()
    {
        var f = Assert.Single(Run(CleanProject("7", "2023年促消费专项资金")).Of("BG402"));
        Assert.Equal("项目名称“2023年促消费专项资金”中的年份2023年与预算年度2024年不符", f.Message);
        Assert.Equal("7", f.ProjectCode);
        Assert.Single(Run(CleanProject("7", "2025年度项目前期经费")).Of("BG402"));
    }

    [Fact]
    public void BG402_accepts_the_fiscal_year_ranges_reaching_it_and_numbers_that_are_not_years()
    {
        Assert.Empty(Run(CleanProject("1", "2024年促消费专项资金")).Of("BG402"));
        Assert.Empty(Run(CleanProject("1", "2023-2025年乡村振兴衔接资金")).Of("BG402"));
        Assert.Empty(Run(CleanProject("1", "培训2000人次经费")).Of("BG402"));
        Assert.Empty(Run(CleanProject("1", "2023年结转促消费专项资金")).Of("BG402"));
        Assert.Empty(Run(Disclosure(CleanProject("7", "2023年促消费专项资金")) with { FiscalYear = null }).Of("BG402"));
    }

    [Fact]
    public void BG403_fires_on_an_earlier_year_in_an_objective()
    {
        var p = CleanProject("2", "冻猪肉应急储备") with
        {
            Objectives = ["完成2022年元旦、春节和“两会”等重要时间节点猪肉保供稳价工作", "保障供应"],
        };
        var f = Assert.Single(Run(p).Of("BG403"));
        Assert.Equal("项目“冻猪肉应急储备”的第1条绩效目标出现2022年，早于预算年度2024年", f.Message);
    }

    [Fact]
    public void BG403_accepts_later_years_ranges_and_periods_without_year_words()
    {
        var p = CleanProject() with
        {
            Objectives = ["到2025年实现全覆盖", "巩固2022-2024年建设成果", "执行期2023.07-2024.01", "2024年年内完成"],
        };
        Assert.Empty(Run(p).Of("BG403"));
    }

    [Fact]
    public void BG501_fires_without_a_department()
    {
        Assert.Equal(Severity.Warning, Assert.Single(Run(Disclosure(CleanProject()) with { Department = " " }).Of("BG501")).Severity);
    }

    [Fact]
    public void BG501_is_silent_with_a_department()
    {
        Assert.Empty(Run(Disclosure(CleanProject())).Of("BG501"));
    }

    [Fact]
    public void BG502_fires_on_a_repeated_project_code()
    {
        var d = Disclosure(CleanProject("1", "招商引资工作经费"), CleanProject("1", "冻猪肉应急储备"));
        var f = Assert.Single(Run(d).Of("BG502"));
        Assert.Equal(Severity.Error, f.Severity);
        Assert.Equal("项目编码“1”重复：“招商引资工作经费”与“冻猪肉应急储备”", f.Message);
        Assert.Equal("1", f.ProjectCode);
    }

    [Fact]
    public void BG502_accepts_distinct_codes_and_ignores_blank_ones()
    {
        Assert.Empty(Run(Disclosure(CleanProject("1"), CleanProject("2", "冻猪肉应急储备"))).Of("BG502"));
        Assert.Empty(Run(Disclosure(CleanProject(" "), CleanProject("", "冻猪肉应急储备"))).Of("BG502"));
    }

    [Fact]
    public void BG503_fires_on_a_repeated_name_within_the_same_unit()
    {
        var twice = Disclosure(CleanProject("1", "公用经费"), CleanProject("2", "公用经费"));
        Assert.Equal("2", Assert.Single(Run(twice).Of("BG503")).ProjectCode);
    }

    [Fact]
    public void BG503_accepts_the_same_name_under_different_units()
    {
        var twoUnits = Disclosure(CleanProject("1", "公用经费") with { Unit = "第一中学" }, CleanProject("2", "公用经费") with { Unit = "第二中学" });
        Assert.Empty(Run(twoUnits).Of("BG503"));
    }
}
