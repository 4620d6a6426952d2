using BudgetGrpc.Engine.Model;
using BudgetGrpc.Engine.Publishing;
using Xunit;

namespace BudgetGrpc.Engine.Tests.Layouts;

/// <summary>
/// What an indicator row's columns make of an indicator beyond its levels, name and target (issue 15: the mutation run of the
/// layouts found these unchecked): the text as the row writes it, a weight column, a value that repeats the name, a level
/// weight glued to a level cell, rows that name no indicator. Tables written by us in the long layout of the survey.
/// </summary>
public sealed class IndicatorColumnsTests
{
    private static Project Table(string header, string rows) => Assert.Single(Page(header, rows).Projects);

    private static Disclosure Page(string header, string rows) =>
        LayoutChecks.Parse($"<html><body><p>某县交通运输局2026年项目支出绩效目标表</p><table border=\"1\">{header}{rows}</table></body></html>");

    private const string Columns =
        "<tr><td>项目名称</td><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>计算符号</td><td>指标值</td><td>计量单位</td><td>权重</td></tr>";

    private static string Row(string name, string l1, string l2, string l3, string sign, string value, string unit, string weight) =>
        $"<tr><td>{name}</td><td>{l1}</td><td>{l2}</td><td>{l3}</td><td>{sign}</td><td>{value}</td><td>{unit}</td><td>{weight}</td></tr>";

    [Fact]
    public void The_text_is_the_rows_name_sign_value_and_unit_and_the_weight_its_column()
    {
        var p = Table(Columns,
            Row("农村公路提档升级", "产出指标", "数量指标", "改造农村公路里程", "≥", "36", "公里", "20")
            + Row("农村公路提档升级", "产出指标", "质量指标", "工程验收合格率", "＝", "100%", "%", "15.5")
            + Row("农村公路提档升级", "效益指标", "社会效益指标", "出行条件", "定性", "明显改善", "", "")
            + Row("农村公路提档升级", "效益指标", "社会效益指标", "通行时间缩短", "定量", "10", "分钟", "x"));
        Assert.Equal(["改造农村公路里程 ≥36公里", "工程验收合格率 ＝100%", "出行条件 明显改善", "通行时间缩短 10分钟"],
            p.Indicators.Select(i => i.Text));
        Assert.Equal([20m, 15.5m, null, null], p.Indicators.Select(i => i.Weight));
    }

    [Fact]
    public void A_value_that_repeats_the_name_before_its_figure_is_the_figure()
    {
        var p = Table(Columns,
            Row("学生资助", "产出指标", "数量指标", "当年在校学生数", "", "当年在校学生数4953", "人", "")
            + Row("学生资助", "产出指标", "数量指标", "资助人数", "≥", "资助人数：300", "人", "")
            + Row("学生资助", "产出指标", "数量指标", "数", "=", "数5", "个", ""));
        LayoutChecks.AssertIndicator(p, "产出指标", "数量指标", "当年在校学生数", "=", "4953", "人");
        LayoutChecks.AssertIndicator(p, "产出指标", "数量指标", "资助人数", ">=", "300", "人");
        // A name of one character is no prefix to take off.
        Assert.Equal("数 =数5个", p.Indicators.Single(i => i.Name == "数").Text);
    }

    [Fact]
    public void A_level_weight_glued_to_the_level_cells_is_the_levels()
    {
        var p = Table(Columns,
            Row("学生资助", "产出指标（50分）", "数量指标20分", "资助人数", "≥", "300", "人", "20")
            + Row("学生资助", "产出指标（50分）", "质量指标 30分", "资助准确率", "=", "100", "%", "30")
            + Row("学生资助", "满意度指标(50分)", "服务对象满意度指标（50分）", "学生满意度", "≥", "90", "%", "50"));
        Assert.Equal([("产出指标", "数量指标"), ("产出指标", "质量指标"), ("满意度指标", "服务对象满意度指标")],
            p.Indicators.Select(i => (i.Level1, i.Level2)));
        Assert.Equal(3, p.Indicators.Count);
    }

    [Fact]
    public void Rows_that_name_no_indicator_declare_a_heading_or_are_left_out()
    {
        var d = Page(Columns,
            Row("学生资助", "产出指标", "数量指标", "资助人数", "≥", "300", "人", "")
            + Row("学生资助", "效益指标", "经济效益指标", "经济效益指标", "", "", "", "")
            + Row("学生资助", "效益指标", "社会效益指标", "指标1", "", "", "", "")
            + Row("学生资助", "效益指标", "社会效益指标", "", "", "", "", "")
            + Row("学生资助", "满意度指标", "服务对象满意度指标", "", "≥", "90", "%", ""));
        var p = Assert.Single(d.Projects);
        Assert.Equal(["资助人数"], p.Indicators.Select(i => i.Name));
        Assert.Equal([("效益指标", "经济效益指标"), ("效益指标", "社会效益指标")],
            p.Headings.Where(h => h.Level1 == "效益指标").Select(h => (h.Level1, h.Level2)));
        var left = Assert.Single(d.UnreadRows);
        Assert.Equal((UnreadRowReason.NoIndicatorName, 6), (left.Reason, left.Source.Row));
    }

    [Fact]
    public void A_real_name_without_a_target_stays_an_indicator()
    {
        var p = Table(Columns,
            Row("学生资助", "产出指标", "数量指标", "资助人数", "", "", "", ""));
        var i = Assert.Single(p.Indicators);
        Assert.Equal(("资助人数", Comparator.None, (decimal?)null, "资助人数"), (i.Name, i.Comparator, i.Value, i.Text));
    }
}
