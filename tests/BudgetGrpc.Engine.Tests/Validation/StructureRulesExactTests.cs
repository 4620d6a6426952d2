using BudgetGrpc.Engine.Model;
using Xunit;
using static BudgetGrpc.Engine.Tests.Validation.Make;

namespace BudgetGrpc.Engine.Tests.Validation;

/// <summary>The structure rules (BG2xx) asserted whole, with the edge cases of their name and level matching.</summary>
public class StructureRulesExactTests
{
    private static readonly SourceRef Project1 = new(null, 5, 2, "单位及项目名称");

    [Fact]
    public void BG201_names_each_missing_first_level()
    {
        var p = CleanProject().WithIndicators(Quantity("开展招商活动", Comparator.GreaterOrEqual, 5, "次"));
        var found = Run(p).Of("BG201");
        Assert.Equal(2, found.Count);
        Expect.Finding(found[0], "BG201", Severity.Warning, "项目“招商引资工作经费”缺少效益指标",
            "Project “招商引资工作经费” has no 效益指标 (first-level indicator)", "1", null, Project1);
        Expect.Finding(found[1], "BG201", Severity.Warning, "项目“招商引资工作经费”缺少满意度指标",
            "Project “招商引资工作经费” has no 满意度指标 (first-level indicator)", "1", null, Project1);
    }

    [Fact]
    public void BG202_names_an_empty_first_level_heading_by_its_first_level_and_a_second_level_one_by_its_second()
    {
        var clean = CleanProject();
        var benefit = new IndicatorHeading("效益指标", "", new SourceRef(null, 40, 1, "一级指标"));
        var quantity = new IndicatorHeading("产出指标", "数量指标", new SourceRef(null, 41, 2, "二级指标"));
        var p = clean.Without("社会效益指标") with { Headings = [.. HeadingsOf(clean.Without("社会效益指标").Indicators), benefit] };
        Expect.Single(Run(p), "BG202", Severity.Warning, "项目“招商引资工作经费”的“效益指标”下没有具体指标",
            "Project “招商引资工作经费” declares the heading 效益指标 but has no indicator under it", "1", null, benefit.Source);
        var q = clean.Without("数量指标") with { Headings = [.. HeadingsOf(clean.Without("数量指标").Indicators), quantity] };
        Expect.Single(Run(q), "BG202", Severity.Warning, "项目“招商引资工作经费”的“数量指标”下没有具体指标",
            "Project “招商引资工作经费” declares the heading 数量指标 but has no indicator under it", "1", null, quantity.Source);
    }

    [Fact]
    public void BG203_names_a_missing_standard_second_level()
    {
        var p = CleanProject().Without("时效指标");
        Expect.Single(Run(p), "BG203", Severity.Warning, "项目“招商引资工作经费”的产出指标缺少时效指标",
            "The output indicators of project “招商引资工作经费” have no 时效指标", "1", null, Project1);
    }

    [Fact]
    public void BG203_stays_silent_on_a_project_without_output_indicators()
    {
        var p = CleanProject().WithIndicators(Social("带动企业发展", "效果明显"), Satisfaction("服务对象满意度", Comparator.GreaterOrEqual, 90));
        Assert.Empty(Run(p).Of("BG203"));
    }

    [Fact]
    public void BG203_finds_cost_in_any_of_several_cost_indicators_or_in_a_cost_heading_alone()
    {
        var c = CleanProject();
        // Two cost indicators and no headings recorded: cost is present whatever the count.
        var twoCosts = c.WithIndicators([.. c.Indicators, Cost("设备购置费", Comparator.LessOrEqual, 3, "万元")]) with { Headings = [] };
        Assert.Empty(Run(twoCosts).Of("BG203"));
        var oneCost = c with { Headings = [] };
        Assert.Empty(Run(oneCost).Of("BG203"));
        // No cost indicator, but the table declares 成本指标 under 产出 (BG202 names the empty heading).
        var noCost = c.Without("成本指标");
        var heading = noCost with { Headings = [.. noCost.Headings, new IndicatorHeading("产出指标", "成本指标", SourceRef.None)] };
        Assert.Empty(Run(heading).Of("BG203"));
        Assert.Single(Run(noCost).Of("BG203"));
    }

    [Fact]
    public void BG204_and_BG205_name_the_project()
    {
        var p = CleanProject().WithIndicators() with { Objectives = [" ", ""] };
        var findings = Run(p);
        Expect.Single(findings, "BG204", Severity.Error, "项目“招商引资工作经费”没有绩效指标",
            "Project “招商引资工作经费” has no performance indicators", "1", null, Project1);
        Expect.Single(findings, "BG205", Severity.Warning, "项目“招商引资工作经费”未填写绩效目标",
            "Project “招商引资工作经费” states no objectives", "1", null, Project1);
    }

    [Fact]
    public void BG206_names_the_repeat_once_at_the_later_indicator()
    {
        var p = CleanProject().Adding(
            Quantity("开展招商活动", Comparator.GreaterOrEqual, 5, "次"),
            Quantity("开展招商活动", Comparator.GreaterOrEqual, 5, "次"));
        var found = Run(p).Of("BG206");
        Assert.Equal([6, 7], found.Select(f => f.IndicatorIndex));
        Expect.Finding(found[0], "BG206", Severity.Info,
            "项目“招商引资工作经费”的指标“开展招商活动”≥5次与“开展招商活动”≥5次重复",
            "Indicator “开展招商活动” (≥5次) of project “招商引资工作经费” repeats “开展招商活动” (≥5次)", "1", 6, p.Indicators[6].Source);
    }

    [Fact]
    public void BG206_quotes_upper_bounds_strict_bounds_and_words()
    {
        string Message(Indicator i) => Assert.Single(Run(CleanProject().WithIndicators(i, i with { Source = SourceRef.None })).Of("BG206")).Message;
        Assert.Equal("项目“招商引资工作经费”的指标“差错数”≤2次与“差错数”≤2次重复", Message(Quantity("差错数", Comparator.LessOrEqual, 2, "次")));
        Assert.Equal("项目“招商引资工作经费”的指标“差错数”＜2次与“差错数”＜2次重复", Message(Quantity("差错数", Comparator.Less, 2, "次")));
        Assert.Equal("项目“招商引资工作经费”的指标“受益人数”＞2人与“受益人数”＞2人重复", Message(Quantity("受益人数", Comparator.Greater, 2, "人")));
        Assert.Equal("项目“招商引资工作经费”的指标“带动企业发展”定性 效果明显与“带动企业发展”定性 效果明显重复", Message(Social("带动企业发展", "效果明显")));
    }

    [Fact]
    public void BG206_needs_the_same_value_in_the_same_unit_or_the_same_words()
    {
        var c = CleanProject();
        Assert.Empty(Run(c.WithIndicators(Quantity("开展活动", Comparator.Equal, 5, "次"), Quantity("开展活动", Comparator.Equal, 5, "场"))).Of("BG206"));
        var noTarget = Ind("产出指标", "数量指标", "开展活动");
        Assert.Empty(Run(c.WithIndicators(noTarget, Quantity("开展活动", Comparator.Equal, 5, "次"))).Of("BG206"));
        Assert.Empty(Run(c.WithIndicators(noTarget, noTarget with { Source = SourceRef.None })).Of("BG206"));
        Assert.Empty(Run(c.WithIndicators(Social("带动企业发展", "效果明显"), Social("带动企业发展", "明显"))).Of("BG206"));
    }

    [Fact]
    public void BG206_compares_names_by_containment_from_three_characters()
    {
        var c = CleanProject();
        Assert.Single(Run(c.WithIndicators(Quantity("举办培训班", Comparator.Equal, 5, "期"), Quantity("培训班", Comparator.Equal, 5, "期"))).Of("BG206"));
        Assert.Single(Run(c.WithIndicators(Quantity("培训班", Comparator.Equal, 5, "期"), Quantity("举办培训班", Comparator.Equal, 5, "期"))).Of("BG206"));
        Assert.Empty(Run(c.WithIndicators(Quantity("培训", Comparator.Equal, 5, "期"), Quantity("举办培训", Comparator.Equal, 5, "期"))).Of("BG206"));
        Assert.Empty(Run(c.WithIndicators(Quantity("", Comparator.Equal, 5, "期"), Quantity("", Comparator.Equal, 5, "期"))).Of("BG206"));
    }

    [Fact]
    public void BG207_names_each_reason_and_shortens_long_rows()
    {
        var row60 = new string('甲', 60);
        var row61 = new string('乙', 61);
        var d = Disclosure(CleanProject()) with
        {
            UnreadRows =
            [
                new UnreadRow(new SourceRef(null, 20, 4, null), "≥95%", "1", UnreadRowReason.NoIndicatorName),
                new UnreadRow(new SourceRef(null, 3, 1, null), row60, null, UnreadRowReason.NoProject),
                new UnreadRow(new SourceRef(null, 21, 9, null), row61, "99", UnreadRowReason.OutsideKnownColumns),
            ],
        };
        var found = Run(d).Of("BG207");
        Assert.Equal(3, found.Count);
        Expect.Finding(found[0], "BG207", Severity.Warning, "表格中未能识别的行（有指标值而无指标名称）：≥95%",
            "Table row not read (a value without an indicator name): ≥95%", "1", null, new SourceRef(null, 20, 4, null));
        Expect.Finding(found[1], "BG207", Severity.Warning, $"表格中未能识别的行（指标行之前没有项目）：{row60}",
            $"Table row not read (indicator cells before any project): {row60}", null, null, new SourceRef(null, 3, 1, null));
        var shortened = new string('乙', 60) + "…";
        Expect.Finding(found[2], "BG207", Severity.Warning, $"表格中未能识别的行（文字不在表头所列的列中）：{shortened}",
            $"Table row not read (text only in columns the header does not name): {shortened}", null, null, new SourceRef(null, 21, 9, null));
    }

    [Fact]
    public void BG503_ignores_projects_without_a_name()
    {
        Assert.Empty(Run(Disclosure(CleanProject("1", " "), CleanProject("2", ""))).Of("BG503"));
    }
}
