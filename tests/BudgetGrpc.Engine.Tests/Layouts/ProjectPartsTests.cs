using BudgetGrpc.Engine.Layouts;
using BudgetGrpc.Engine.Model;
using BudgetGrpc.Engine.Reading;
using Xunit;

namespace BudgetGrpc.Engine.Tests.Layouts;

/// <summary>
/// Two small parts of a project's reading (issue 15: reached before only through whole forms): the money block laid out as a
/// list of sources under its label, and the project draft's headings, level weights and the group rows it leaves out.
/// </summary>
public sealed class ProjectPartsTests
{
    private static (decimal Amount, int LastRow)? List(params string[][] rows)
    {
        var grid = new CellGrid("t", [["年度资金总额", "金额（万元）"], .. rows]);
        return MoneyList.Read(grid, 0, 0, 1, grid.RowCount);
    }

    [Fact]
    public void A_list_of_sources_states_its_total_line()
    {
        Assert.Equal((7.5m, 4), List(["(一)财政拨款小计", "4.00"], ["(二)自有资金小计", "3.5"], ["合计", "7.5"], ["合计", "9"]));
    }

    [Fact]
    public void Without_a_total_line_the_top_level_items_are_added_up()
    {
        Assert.Equal((7.5m, 4), List(["(一)财政拨款小计", "4.00"], ["1、一般公共预算", "4.00"], ["（二）自有资金", "3.5"], ["2、其他", "3.5"]));
        Assert.Equal((6m, 2), List(["一、财政拨款", "4"], ["二、其他资金", "2"]));
    }

    [Fact]
    public void Without_top_level_items_every_item_is_added_up()
    {
        Assert.Equal((6m, 2), List(["1、一般公共预算", "4"], ["2、上年结转", "2"]));
        Assert.Equal((6m, 2), List(["财政拨款", "4"], ["其他资金", "2"]));
    }

    [Fact]
    public void The_list_ends_at_a_row_without_a_figure_or_a_word_that_is_no_source()
    {
        Assert.Equal((4m, 1), List(["财政拨款", "4"], ["年度绩效目标", "5"], ["其他资金", "2"]));
        Assert.Equal((4m, 1), List(["财政拨款", "4"], ["其他资金", "按实际"], ["上年结转", "2"]));
        Assert.Equal((4m, 1), List(["财政拨款", "4"], ["", "2"]));
        Assert.Null(List(["年度绩效目标", "完成改造"]));
        Assert.Null(List());
        // 一 alone, （一 cut short: too short to be a numbered item.
        Assert.Null(List(["一", "4"]));
        Assert.Null(List(["（一", "4"]));
        Assert.Equal((4m, 1), List(["（一）", "4"]));
        Assert.Equal((4m, 1), List(["九、其他", "4"]));
        Assert.Equal((4m, 1), List(["十、其他", "4"]));
    }

    private static Indicator Row(string name, Comparator comparator, decimal? value, decimal? weight = null, decimal? score = null,
        string level2 = "数量指标", IndicatorActual? actual = null, string qualitative = "") => new()
    {
        Level1 = "产出指标", Level2 = level2, Name = name, Comparator = comparator, Value = value, QualitativeValue = qualitative,
        Unit = "", Text = name, Source = SourceRef.None, Weight = weight, Score = score, Actual = actual,
    };

    private static string[] Built(params Indicator[] rows)
    {
        var draft = new ProjectDraft("1", "补贴", null, SourceRef.None);
        draft.Indicators.AddRange(rows);
        return draft.Build().Indicators.Select(i => i.Name).ToArray();
    }

    [Fact]
    public void A_row_with_a_weight_but_no_target_over_items_with_targets_is_their_group_not_an_indicator()
    {
        var group = Row("★补助各类作物种植面积", Comparator.None, null, weight: 10);
        var item = Row("红薯种植面积", Comparator.Equal, 5.5m);
        Assert.Equal(["红薯种植面积"], Built(group, item));
        Assert.Equal(["红薯种植面积"], Built(Row("★补助", Comparator.None, null, score: 10), item));
        Assert.Equal(["红薯种植面积", "★补助"], Built(item, Row("★补助", Comparator.None, null, weight: 10)));
        Assert.Equal(["红薯种植面积"], Built(item));
    }

    [Fact]
    public void A_group_needs_no_target_no_actual_a_weight_and_items_of_its_levels_without_their_own_weight()
    {
        var item = Row("红薯种植面积", Comparator.Equal, 5.5m);
        // Rows that state a target, a qualitative value or an actual are indicators.
        Assert.Equal(2, Built(Row("甲", Comparator.GreaterOrEqual, 1, weight: 10), item).Length);
        Assert.Equal(2, Built(Row("甲", Comparator.None, 1, weight: 10), item).Length);
        Assert.Equal(2, Built(Row("甲", Comparator.None, null, weight: 10, qualitative: "好"), item).Length);
        Assert.Equal(2, Built(Row("甲", Comparator.None, null, weight: 10, actual: new IndicatorActual(3, "", "", "3")), item).Length);
        Assert.Equal(2, Built(Row("甲", Comparator.None, null, weight: 10, actual: new IndicatorActual(null, "", "已完成", "已完成")), item).Length);
        Assert.Single(Built(Row("甲", Comparator.None, null, weight: 10, actual: IndicatorActual.Empty), item));
        // No weight or score: a row without a target, kept for the rules to report.
        Assert.Equal(2, Built(Row("甲", Comparator.None, null), item).Length);
        // Items without a target, with their own weight or score, or of another level are no group's.
        Assert.Equal(2, Built(Row("甲", Comparator.None, null, weight: 10), Row("乙", Comparator.None, null)).Length);
        Assert.Equal(2, Built(Row("甲", Comparator.None, null, weight: 10), Row("乙", Comparator.Equal, 1, weight: 5)).Length);
        Assert.Equal(2, Built(Row("甲", Comparator.None, null, weight: 10), Row("乙", Comparator.Equal, 1, score: 5)).Length);
        Assert.Equal(2, Built(Row("甲", Comparator.None, null, weight: 10), Row("乙", Comparator.Equal, 1, level2: "质量指标")).Length);
    }

    [Fact]
    public void Headings_are_kept_once_each_in_order()
    {
        var draft = new ProjectDraft("1", "补贴", 10m, SourceRef.None);
        draft.AddHeading("产出指标", "数量指标", new SourceRef("t", 2, 1));
        draft.AddHeading("产出指标", "数量指标", new SourceRef("t", 3, 1));
        draft.AddHeading("产出指标", "质量指标", new SourceRef("t", 4, 1));
        draft.AddHeading("效益指标", "数量指标", new SourceRef("t", 5, 1));
        Assert.True(draft.HasHeading("产出指标", "质量指标"));
        Assert.False(draft.HasHeading("效益指标", "质量指标"));
        var p = draft.Build();
        Assert.Equal([("产出指标", "数量指标", 2), ("产出指标", "质量指标", 4), ("效益指标", "数量指标", 5)],
            p.Headings.Select(h => (h.Level1, h.Level2, h.Source.Row)));
        Assert.Equal(("1", "补贴", 10m), (p.Code, p.Name, p.Amount));
    }

    [Fact]
    public void Level_weights_are_kept_once_per_level()
    {
        var draft = new ProjectDraft("1", "补贴", null, SourceRef.None);
        draft.AddLevelWeights("产出指标", "数量指标", 50, 20, new SourceRef("t", 2, 1));
        draft.AddLevelWeights("产出指标", "数量指标", 50, 20, new SourceRef("t", 3, 1));
        draft.AddLevelWeights("产出指标", "质量指标", 50, 30, new SourceRef("t", 4, 1));
        draft.AddLevelWeights("满意度指标", "", null, 10, new SourceRef("t", 5, 1));
        draft.AddLevelWeights("效益指标", "社会效益指标", 30, null, new SourceRef("t", 6, 1));
        Assert.Equal([("产出指标", "", 50m, 2), ("产出指标", "数量指标", 20m, 2), ("产出指标", "质量指标", 30m, 4), ("效益指标", "", 30m, 6)],
            draft.Build().LevelWeights.Select(w => (w.Level1, w.Level2, w.Weight, w.Source.Row)));
    }
}
