using BudgetGrpc.Engine.Model;
using Xunit;
using static BudgetGrpc.Engine.Tests.Validation.Make;

namespace BudgetGrpc.Engine.Tests.Validation;

public class StructureRulesTests
{
    [Fact]
    public void BG201_fires_once_per_missing_first_level()
    {
        var p = CleanProject().WithIndicators([.. CleanProject().Indicators.Where(i => i.Level1 == "产出指标")]);
        var findings = Run(p).Of("BG201");
        Assert.Equal(["项目“招商引资工作经费”缺少效益指标", "项目“招商引资工作经费”缺少满意度指标"], findings.Select(f => f.Message));
        Assert.All(findings, f => Assert.Equal(Severity.Warning, f.Severity));
    }

    [Fact]
    public void BG201_is_silent_for_a_complete_project_and_for_one_without_indicators()
    {
        Assert.Empty(Run(CleanProject()).Of("BG201"));
        Assert.Empty(Run(CleanProject().WithIndicators()).Of("BG201"));
    }

    [Fact]
    public void BG202_fires_on_a_declared_heading_with_nothing_under_it()
    {
        // Seed project 9: （二）可持续影响指标： followed directly by 三、满意度指标.
        var clean = CleanProject("9", "编外人员生活补助");
        var empty = new IndicatorHeading("效益指标", "可持续影响指标", new SourceRef(null, 13, 5, "绩效指标"));
        var p = clean with { Headings = [.. clean.Headings, empty, empty] };
        var f = Assert.Single(Run(p).Of("BG202"));
        Assert.Equal("项目“编外人员生活补助”的“可持续影响指标”下没有具体指标", f.Message);
        Assert.Equal(empty.Source, f.Source);
        Assert.Equal("9", f.ProjectCode);
    }

    [Fact]
    public void BG202_accepts_level1_headings_and_headings_with_indicators()
    {
        Assert.Empty(Run(CleanProject()).Of("BG202"));
    }

    [Fact]
    public void BG203_fires_when_output_lacks_a_standard_second_level()
    {
        // Seed project 6 has no 时效指标.
        var p = CleanProject("6", "电子商务服务中心运行经费").Without("时效指标");
        var f = Assert.Single(Run(p).Of("BG203"));
        Assert.Equal("项目“电子商务服务中心运行经费”的产出指标缺少时效指标", f.Message);
        Assert.Contains("成本指标", Assert.Single(Run(CleanProject().Without("成本指标")).Of("BG203")).Message);
    }

    [Fact]
    public void BG203_accepts_cost_as_its_own_first_level_and_leaves_empty_headings_to_BG202()
    {
        var clean = CleanProject();
        var ownCostLevel = clean.Without("成本指标").Adding(Ind("成本指标", "经济成本指标", "疫苗采购成本", Comparator.LessOrEqual, 8, "万元"));
        Assert.Empty(Run(ownCostLevel).Of("BG203"));

        var declaredButEmpty = clean.Without("时效指标") with
        {
            Headings = [.. clean.Without("时效指标").Headings, new IndicatorHeading("产出指标", "时效指标", SourceRef.None)],
        };
        var findings = Run(declaredButEmpty);
        Assert.Empty(findings.Of("BG203"));
        Assert.Single(findings.Of("BG202"));
    }

    [Fact]
    public void BG204_fires_on_a_project_without_indicators()
    {
        var f = Assert.Single(Run(CleanProject().WithIndicators()).Of("BG204"));
        Assert.Equal(Severity.Error, f.Severity);
        Assert.Equal("项目“招商引资工作经费”没有绩效指标", f.Message);
    }

    [Fact]
    public void BG204_accepts_a_single_indicator()
    {
        Assert.Empty(Run(CleanProject().WithIndicators(Quality("验收合格率", 100))).Of("BG204"));
    }

    [Fact]
    public void BG205_fires_on_a_project_without_objectives()
    {
        Assert.Single(Run(CleanProject() with { Objectives = [" "] }).Of("BG205"));
        Assert.Single(Run(CleanProject() with { Objectives = [] }).Of("BG205"));
    }

    [Fact]
    public void BG205_accepts_one_objective_among_blank_ones()
    {
        Assert.Empty(Run(CleanProject() with { Objectives = ["", "完成年度任务"] }).Of("BG205"));
    }

    [Fact]
    public void BG206_fires_on_the_same_target_under_a_similar_name()
    {
        // Seed project 3: 慰问企业≥3家 (数量) and 慰问企业户数≥3家 (成本).
        var p = CleanProject("3", "两节慰问工作经费").Adding(
            Quantity("慰问企业", Comparator.GreaterOrEqual, 3, "家"),
            Cost("慰问企业户数", Comparator.GreaterOrEqual, 3, "家"));
        var f = Assert.Single(Run(p).Of("BG206"));
        Assert.Equal(Severity.Info, f.Severity);
        Assert.Equal(7, f.IndicatorIndex);
        Assert.Equal("项目“两节慰问工作经费”的指标“慰问企业户数”≥3家与“慰问企业”≥3家重复", f.Message);
    }

    [Fact]
    public void BG206_ignores_same_names_with_different_targets_and_different_names_with_same_targets()
    {
        var p = CleanProject().Adding(
            Quantity("物业管理费", Comparator.GreaterOrEqual, 12, "次"),
            Cost("物业管理费", Comparator.Equal, 1, "万元"),
            Ind("效益指标", "经济效益指标", "确保猪肉市场价格稳定", Comparator.Equal, 98, "%"),
            Ind("效益指标", "社会效益指标", "猪肉市场供应有保障", Comparator.Equal, 98, "%"));
        Assert.Empty(Run(p).Of("BG206"));
    }
}
