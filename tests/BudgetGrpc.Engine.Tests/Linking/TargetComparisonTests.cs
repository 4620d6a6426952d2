using BudgetGrpc.Engine.Indicators;
using BudgetGrpc.Engine.Linking;
using BudgetGrpc.Engine.Model;
using BudgetGrpc.Engine.Tests.Samples;
using Xunit;

namespace BudgetGrpc.Engine.Tests.Linking;

/// <summary>A target table beside its self-evaluation: links with their confidence, and the gaps.</summary>
public class TargetComparisonTests
{
    [Theory]
    [InlineData("yangli-2025-agri.xlsx", "yangli-2025-agri-selfeval.xlsx")]
    [InlineData("yangli-2025-agri.html", "yangli-2025-agri-selfeval.html")]
    [InlineData("yangli-2025-agri.csv", "yangli-2025-agri-selfeval.html")]
    public void The_sample_links_every_target_and_reports_each_planted_miss(string targets, string evaluation)
    {
        var c = TargetComparison.Compare(SampleGoldTests.ParseSample(targets), SampleGoldTests.ParseSample(evaluation));
        Assert.Equal(3, c.Projects.Count);
        Assert.All(c.Projects, p => Assert.Equal(1.0, p.Confidence));
        Assert.Equal(24, c.Indicators.Count);
        Assert.All(c.Indicators, g => Assert.True(g.Approved is not null && g.Evaluated is not null && g.Confidence == 1.0, g.Name));
        var missed = c.Indicators.Where(g => g.Status == GapStatus.Missed).Select(g => g.Name).ToList();
        // The misses the gold's reasons name: 1 项目按期完成率, 带动农户务工就业; 2 群众满意度; 3 强制免疫畜禽数量, 病死畜禽无害化处理率.
        Assert.Equal(["项目按期完成率", "带动农户务工就业", "群众满意度", "强制免疫畜禽数量", "病死畜禽无害化处理率"], missed);
        Assert.Equal(19, c.Count(GapStatus.Met));
    }

    private static Disclosure Evaluation() => SampleGoldTests.ParseSample("yangli-2025-agri-selfeval.xlsx");

    private static Disclosure Targets() => SampleGoldTests.ParseSample("yangli-2025-agri.xlsx");

    [Fact]
    public void A_target_changed_after_approval_is_reported_and_still_judged_against_the_approved_one()
    {
        var e = Evaluation();
        var p = e.Projects[1];
        // The evaluation lowers 群众满意度 from ≥95% to ≥90%: 92% then "meets" its own target, not the approved one.
        var changed = p with { Indicators = [.. p.Indicators.Select(i => i.Name == "群众满意度" ? i with { Value = 90 } : i)] };
        var c = TargetComparison.Compare(Targets(), e with { Projects = [e.Projects[0], changed, e.Projects[2]] });
        var g = Assert.Single(c.Indicators, x => x.Name == "群众满意度");
        Assert.Equal(GapStatus.TargetChanged, g.Status);
        Assert.Equal(TargetOutcome.Missed, g.Outcome);
    }

    [Fact]
    public void Targets_not_evaluated_and_indicators_without_an_approved_target_stand_alone()
    {
        var e = Evaluation();
        var p = e.Projects[2];
        var extra = p.Indicators[0] with { Name = "村级防疫员培训人次", Level1 = "产出指标", Level2 = "数量指标", Value = 200, Unit = "人次" };
        var edited = p with { Indicators = [.. p.Indicators.Where(i => i.Name != "免疫密度"), extra] };
        var c = TargetComparison.Compare(Targets(), e with { Projects = [e.Projects[0], e.Projects[1], edited] });
        var notEvaluated = Assert.Single(c.Indicators, g => g.Status == GapStatus.NotEvaluated);
        Assert.Equal(("免疫密度", null), (notEvaluated.Name, notEvaluated.Evaluated));
        var unapproved = Assert.Single(c.Indicators, g => g.Status == GapStatus.WithoutApprovedTarget);
        Assert.Equal(("村级防疫员培训人次", null), (unapproved.Name, unapproved.Approved));
        Assert.Equal(0.0, unapproved.Confidence);
    }

    [Fact]
    public void Renamed_projects_and_indicators_link_with_less_confidence_and_strangers_do_not_link()
    {
        var e = Evaluation();
        var p = e.Projects[0];
        var renamed = p with
        {
            Name = "高标准农田建设项目（2025年）",
            Indicators = [.. p.Indicators.Select(i => i.Name == "亩均粮食产能提高" ? i with { Name = "亩均粮食产能提高量" } : i)],
        };
        var stranger = e.Projects[1] with { Name = "乡村振兴示范村建设" };
        var c = TargetComparison.Compare(Targets(), e with { Projects = [renamed, stranger, e.Projects[2]] });
        var link = Assert.Single(c.Projects, l => l.Approved?.Name == "高标准农田建设项目");
        Assert.Equal("高标准农田建设项目（2025年）", link.Evaluated?.Name);
        Assert.InRange(link.Confidence, 0.6, 0.99);
        var g = Assert.Single(c.Indicators, x => x.Name == "亩均粮食产能提高");
        Assert.Equal(GapStatus.Met, g.Status);
        Assert.True(g.Confidence < 1.0);
        Assert.Contains(c.Projects, l => l.Approved?.Name == "农产品质量安全监测经费" && l.Evaluated is null);
        Assert.Contains(c.Projects, l => l.Evaluated?.Name == "乡村振兴示范村建设" && l.Approved is null);
        Assert.Equal(7, c.Indicators.Count(x => x.Status == GapStatus.WithoutApprovedTarget));
    }

    [Theory]
    [InlineData("新建高标准农田面积", "新建高标准农田面积", 1.0)]
    [InlineData("新建高标准农田面积", "新建 高标准农田面积。", 1.0)]
    [InlineData("群众满意度", "受益群众满意度", 0.9)]
    [InlineData("疫苗采购成本", "区域性重大动物疫情发生数", 0.0)]
    public void Name_similarity(string a, string b, double expected) =>
        Assert.Equal(expected, TargetComparison.NameSimilarity(a, b), 2);
}
