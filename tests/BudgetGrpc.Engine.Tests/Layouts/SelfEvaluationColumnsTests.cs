using BudgetGrpc.Engine.Indicators;
using BudgetGrpc.Engine.Layouts;
using BudgetGrpc.Engine.Model;
using BudgetGrpc.Engine.Reading;
using Xunit;

namespace BudgetGrpc.Engine.Tests.Layouts;

/// <summary>
/// A self-evaluation's own columns one piece at a time (issue 15: the mutation run of the layouts left most of
/// SelfEvaluationColumns unchecked): numbers in score cells and what counts as blank, an actual as written against its
/// target, the budget execution block from its rows or its source columns, and through whole tables the deviation reasons
/// that say nothing, the total row, the project's reason row and the rows under the table.
/// </summary>
public sealed class SelfEvaluationColumnsTests
{
    private static readonly System.Globalization.CultureInfo Inv = System.Globalization.CultureInfo.InvariantCulture;

    [Theory]
    [InlineData("9.85", "9.85")]
    [InlineData("98.50%", "98.50")]
    [InlineData("98.50％", "98.50")]
    [InlineData("1,250.00", "1250.00")]
    [InlineData("10分", "10")]
    [InlineData(" 10 ", "10")]
    [InlineData("<p>10</p>", "10")]
    [InlineData("—", null)]
    [InlineData("/", null)]
    [InlineData("", null)]
    [InlineData("十分", null)]
    [InlineData("10%分", null)]
    public void A_number_in_a_score_cell(string raw, string? number) =>
        Assert.Equal(number, SelfEvaluationNumbers.Read(raw)?.ToString(Inv));

    [Theory]
    [InlineData("—", true)]
    [InlineData("-", true)]
    [InlineData("/", true)]
    [InlineData("／", true)]
    [InlineData("－", true)]
    [InlineData("……", true)]
    [InlineData("...", true)]
    [InlineData(" \u3000", true)]
    [InlineData("__", true)]
    [InlineData("**", true)]
    [InlineData("——/", true)]
    [InlineData("", true)]
    [InlineData("0", false)]
    [InlineData("无", false)]
    [InlineData("-1", false)]
    public void A_cell_that_states_nothing(string text, bool blank) => Assert.Equal(blank, SelfEvaluationNumbers.IsBlank(text));

    [Theory]
    [InlineData("99.81999999999999", "99.82")]
    [InlineData("0.1000000000000000055", "0.1")]
    [InlineData("-99.81999999999999", "-99.82")]
    [InlineData("123456789012345.6", "123456789012346")]
    [InlineData("1234567890123456.7", "1234567890123456.7")]
    [InlineData("99.5", "99.5")]
    [InlineData("0", "0")]
    [InlineData("0.00", "0.00")]
    public void Excels_fifteen_digits(string value, string shown) =>
        Assert.Equal(shown, SelfEvaluationNumbers.Excel(decimal.Parse(value, Inv)).ToString(Inv));

    private static Indicator Target(string comparator, decimal? value, string unit, string qualitative = "") => new()
    {
        Level1 = "产出指标", Level2 = "数量指标", Name = "改造里程",
        Comparator = comparator switch { ">=" => Comparator.GreaterOrEqual, "=" => Comparator.Equal, _ => Comparator.Qualitative },
        Value = value, Unit = unit, QualitativeValue = qualitative, Text = "", Source = SourceRef.None,
    };

    private static (string? Value, string Unit, string Qualitative, string Text) Actual(string text, Indicator target, string unitCell = "")
    {
        var a = SelfEvaluationColumns.ReadActual(text, target, unitCell);
        return (a.Value?.ToString(Inv), a.Unit, a.QualitativeValue, a.Text);
    }

    [Fact]
    public void An_actual_as_written_against_its_target()
    {
        var km = Target(">=", 36, "公里");
        Assert.Equal(("38", "公里", "", "38公里"), Actual("38公里", km));
        Assert.Equal(("38", "公里", "", "38"), Actual(" 38 ", km));
        Assert.Equal(("38", "米", "", "38米"), Actual("38米", km));
        Assert.Equal(("266", "米", "", "≥266米"), Actual("≥266米", km));
        // A unit column's unit: the actual's when the figure has none, shown after it once.
        Assert.Equal(("38", "千米", "", "38千米"), Actual("38", km, "千米"));
        Assert.Equal(("38", "千米", "", "38千米"), Actual("38千米", km, "千米"));
        Assert.Equal(("38", "米", "", "38米"), Actual("38米", km, "千米"));
        Assert.Equal((null, "", "", ""), Actual("", km));
        Assert.Equal(("", "", "", "—"), Actual("—", km) is var blank ? (blank.Value ?? "", blank.Unit, blank.Qualitative, blank.Text) : default);
        Assert.Equal((null, "", "已按期完成", "已按期完成。"), Actual("已按期完成。", km));
        Assert.Equal((null, "", "达成预期指标", "达成预期指标；"), Actual("达成预期指标；", km));
    }

    [Fact]
    public void A_qualitative_target_is_answered_in_words_or_by_the_share_done()
    {
        var timely = Target("定性", null, "", "按时限完成");
        Assert.Equal((null, "", "已于12月中旬完成", "已于12月中旬完成"), Actual("已于12月中旬完成", timely));
        Assert.Equal((null, "", "95", "95"), Actual("95", timely));
        Assert.Equal(("100", "%", "", "100%"), Actual("100%", timely));
        Assert.Equal((null, "", "≥100%", "≥100%"), Actual("≥100%", timely));
        // A quantitative target keeps a figure as a figure.
        var rate = Target("=", 100, "%");
        Assert.Equal(("95", "%", "", "95"), Actual("95", rate));
        // A qualitative target that carries a value is answered as figures too.
        var withValue = Target("定性", 1, "项");
        Assert.Equal(("1", "项", "", "1"), Actual("1", withValue));
    }

    private static CellGrid Grid(params string[][] rows) => new("t", rows);

    private static BudgetExecution? Budget(CellGrid grid, out int rowsTaken, out string? unit)
    {
        var block = new SelfEvaluationBudget();
        var reading = new TableReading();
        rowsTaken = 0;
        for (var r = 0; r < grid.RowCount && block.TryRead(grid, r, reading); r++) rowsTaken++;
        unit = reading.Title.AmountUnit;
        return block.Build();
    }

    [Fact]
    public void A_budget_block_reads_its_total_row()
    {
        var g = Grid(
            ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
            ["年度资金总额", "100", "120", "108", "10", "90%", "9"],
            ["其中：财政拨款", "100", "120", "108", "—", "90%", "—"],
            ["其他资金", "0", "0", "0", "—", "—", "—"],
            ["年度总体目标", "完成改造", "", "", "", "", ""]);
        var b = Budget(g, out var taken, out var unit);
        Assert.Equal(4, taken);
        Assert.Equal("万元", unit);
        Assert.NotNull(b);
        Assert.Equal((100m, 120m, 108m, 90m, false, 10m, 9m), (b.Initial, b.Adjusted, b.Executed, b.ExecutionRate, b.ExecutionRateComputed, b.Weight, b.Score));
        Assert.Equal(1, b.Source.Row);
    }

    [Fact]
    public void The_fiscal_row_stands_in_for_a_total_row_of_zeros_and_the_rate_is_computed_when_none_is_stated()
    {
        var g = Grid(
            ["预算执行情况(10分)", "年初预算数", "全年预算数", "全年执行数"],
            ["年度资金总额", "0", "0", "0"],
            ["其中：财政拨款", "80", "90", "60"],
            ["上年结转资金", "", "", ""]);
        var b = Budget(g, out var taken, out _);
        Assert.Equal(4, taken);
        Assert.NotNull(b);
        Assert.Equal((80m, 90m, 60m, 66.67m, true, 10m, (decimal?)null),
            (b.Initial, b.Adjusted, b.Executed, b.ExecutionRate, b.ExecutionRateComputed, b.Weight, b.Score));
    }

    [Fact]
    public void Without_an_adjusted_budget_the_rate_is_computed_on_the_initial_one_and_never_on_zero()
    {
        var initial = Budget(Grid(["项目资金", "年初预算数", "执行数"], ["年度资金总额", "50", "25"]), out _, out _)
            ?? throw new Xunit.Sdk.XunitException("no block");
        Assert.Equal((50m, (decimal?)null, 25m, 50m, true), (initial.Initial, initial.Adjusted, initial.Executed, initial.ExecutionRate, initial.ExecutionRateComputed));
        var zero = Budget(Grid(["项目资金", "全年预算数", "执行数"], ["年度资金总额", "0", "0"]), out _, out _)
            ?? throw new Xunit.Sdk.XunitException("no block");
        Assert.Equal(((decimal?)null, false), (zero.ExecutionRate, zero.ExecutionRateComputed));
    }

    [Fact]
    public void A_budget_header_needs_two_columns_and_a_budget_or_an_execution()
    {
        Assert.Null(Budget(Grid(["全年预算数", "项目名称"], ["年度资金总额", "10"]), out var one, out _));
        Assert.Equal(0, one);
        Assert.Null(Budget(Grid(["年初预算数", "执行率"], ["年度资金总额", "10", "90%"]), out var noBudget, out _));
        Assert.Equal(0, noBudget);
        // The header alone: a block with no figures.
        Assert.Null(Budget(Grid(["全年预算数", "执行数"], ["评价结论", "良"]), out var header, out _));
        Assert.Equal(1, header);
    }

    [Fact]
    public void Sources_laid_in_columns_give_the_years_funds_from_their_total_or_their_sum()
    {
        var total = Budget(Grid(["资金来源", "中央", "本级", "合计", "执行数", "执行率"], ["", "50", "30", "85", "80", "94.12%"]), out var taken, out _)
            ?? throw new Xunit.Sdk.XunitException("no block");
        Assert.Equal(2, taken);
        Assert.Equal((85m, 80m, 94.12m), (total.Adjusted, total.Executed, total.ExecutionRate));
        var sum = Budget(Grid(["资金来源", "中央", "本级", "其他", "执行数", "执行率"], ["", "50", "30", "", "80", ""]), out _, out _)
            ?? throw new Xunit.Sdk.XunitException("no block");
        Assert.Equal((80m, 80m, 100m, true), (sum.Adjusted, sum.Executed, sum.ExecutionRate, sum.ExecutionRateComputed));
        // A stated budget beats the sources.
        var stated = Budget(Grid(["资金来源", "中央", "本级", "全年预算数", "执行数"], ["", "50", "30", "90", "80"]), out _, out _)
            ?? throw new Xunit.Sdk.XunitException("no block");
        Assert.Equal(90m, stated.Adjusted);
    }

    [Fact]
    public void The_weight_and_score_are_the_total_rows_and_the_labels_weight_stands_in()
    {
        var g = Grid(
            ["资金情况（元）(10分)", "全年预算数", "全年执行数", "分值", "得分"],
            ["年度资金总额", "0", "0", "", "8"],
            ["其中：财政拨款", "100", "90", "10", "9"]);
        var b = Budget(g, out _, out var unit);
        Assert.NotNull(b);
        Assert.Equal("元", unit);
        Assert.Equal((100m, 90m, 10m, 8m), (b.Adjusted, b.Executed, b.Weight, b.Score));
    }

    [Fact]
    public void The_first_total_and_fiscal_rows_count_and_a_total_with_any_figure_stays()
    {
        var g = Grid(
            ["项目资金", "年初预算数", "全年预算数", "全年执行数"],
            ["年度资金总额", "0", "100", "90"],
            ["年度资金总额", "1", "2", "3"],
            ["其中：财政拨款", "50", "60", "55"],
            ["其中：财政拨款", "7", "8", "9"]);
        var block = new SelfEvaluationBudget();
        var reading = new TableReading();
        for (var r = 0; r < g.RowCount; r++) Assert.True(block.TryRead(g, r, reading));
        var b = block.Build();
        Assert.NotNull(b);
        Assert.Equal((0m, 100m, 90m), (b.Initial, b.Adjusted, b.Executed));
        Assert.Equal(100m, block.Amount);

        // A total row of zeros with fiscal rows of zeros too: the zeros, read.
        var zeros = Budget(Grid(["项目资金", "全年预算数", "全年执行数"], ["其中：财政拨款", "0", "0"]), out _, out _);
        Assert.NotNull(zeros);
        Assert.Equal((0m, 0m), (zeros.Adjusted, zeros.Executed));
        // The amount is the adjusted budget, else the initial one.
        var initialOnly = new SelfEvaluationBudget();
        var ig = Grid(["项目资金", "年初预算数", "全年执行数"], ["年度资金总额", "40", "30"]);
        initialOnly.TryRead(ig, 0, reading);
        initialOnly.TryRead(ig, 1, reading);
        Assert.Equal(40m, initialOnly.Amount);
        Assert.Null(new SelfEvaluationBudget().Amount);
    }

    [Fact]
    public void A_row_of_no_budget_kind_ends_the_block()
    {
        var g = Grid(
            ["项目资金", "全年预算数", "全年执行数"],
            ["年度资金总额", "100", "90"],
            ["年度总体目标", "完成改造", ""],
            ["其中：财政拨款", "7", "8"]);
        var b = Budget(g, out var taken, out _);
        Assert.Equal(2, taken);
        Assert.Equal(100m, b!.Adjusted);
    }

    private static string Objectives(string head, string achieved) => $@"<html><body><p>某县交通运输局2025年度项目支出绩效自评表</p><table>
<tr><td>项目名称</td><td colspan=""6"">农村公路提档升级</td></tr>
<tr><td rowspan=""2"">年度总体目标</td><td colspan=""3"">{head}</td><td colspan=""3"">{achieved}</td></tr>
<tr><td colspan=""3"">完成农村公路改造36公里。</td><td colspan=""3"">完成改造38公里。</td></tr>
<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td><td>实际完成值</td><td>分值</td><td>得分</td></tr>
<tr><td>产出指标</td><td>数量指标</td><td>改造里程</td><td>≥36公里</td><td>38公里</td><td>100</td><td>95</td></tr>
</table></body></html>";

    [Theory]
    [InlineData("预期目标", "实际完成情况")]
    [InlineData("年初设定目标", "年度总体目标完成情况综述")]
    [InlineData("年度目标", "年度总体目标完成情况")]
    public void The_objectives_block_gives_the_goal_under_its_target_head_not_the_achievement(string head, string achieved)
    {
        var d = LayoutChecks.Parse(Objectives(head, achieved));
        var p = Assert.Single(d.Projects);
        Assert.Equal(["完成农村公路改造36公里。"], p.Objectives);
        Assert.Equal(["改造里程"], p.Indicators.Select(i => i.Name));
    }

    // Whole tables: a project's self-evaluation in the long layout of the survey.
    private const string Head =
        "<tr><td>项目名称</td><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>年度指标值</td><td>实际完成值</td><td>分值</td><td>得分</td><td>偏差原因分析及改进措施</td></tr>";

    private static string Row(string l1, string l2, string name, string target, string actual, string weight, string score, string reason) =>
        $"<tr><td>农村公路提档升级</td><td>{l1}</td><td>{l2}</td><td>{name}</td><td>{target}</td><td>{actual}</td><td>{weight}</td><td>{score}</td><td>{reason}</td></tr>";

    private static Disclosure SelfEvaluation(string rows) =>
        LayoutChecks.Parse($"<html><body><p>某县交通运输局2025年度项目支出绩效自评表</p><table border=\"1\">{Head}{rows}</table></body></html>");

    [Fact]
    public void Reasons_that_say_nothing_are_none()
    {
        var reasons = new[] { "无", "暂无", "0", "无偏差", "无。", "—", " ", "工期延误，已督促施工单位加快进度" };
        var d = SelfEvaluation(string.Concat(reasons.Select((r, k) => Row("产出指标", "数量指标", "指标名" + (char)('甲' + k), "≥10公里", "10公里", "5", "5", r))));
        Assert.Equal(DisclosureKind.SelfEvaluation, d.Kind);
        var p = Assert.Single(d.Projects);
        Assert.Equal(["", "", "", "", "", "", "", "工期延误，已督促施工单位加快进度"], p.Indicators.Select(i => i.DeviationReason));
        Assert.All(p.Indicators, i => Assert.Equal((5m, 5m, 10m), (i.Weight, i.Score, i.Actual!.Value)));
    }

    [Fact]
    public void The_total_row_is_the_stated_total_and_closes_the_project_until_the_next_one()
    {
        var d = SelfEvaluation(
            Row("产出指标", "数量指标", "改造里程", "≥36公里", "38公里", "50", "50", "")
            + Row("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "95%", "40", "38", "")
            + "<tr><td>总分</td><td></td><td></td><td></td><td></td><td></td><td>90</td><td>88</td><td>良</td></tr>"
            + "<tr><td></td><td>产出指标</td><td>数量指标</td><td>不是指标</td><td>≥1个</td><td>1个</td><td>5</td><td>5</td><td></td></tr>"
            + Row("产出指标", "数量指标", "改造里程", "≥36公里", "38公里", "50", "50", "").Replace("农村公路提档升级", "桥梁维修"));
        Assert.Equal(2, d.Projects.Count);
        var p = d.Projects[0];
        Assert.Equal(["改造里程", "群众满意度"], p.Indicators.Select(i => i.Name));
        Assert.NotNull(p.StatedTotal);
        Assert.Equal((90m, 88m), (p.StatedTotal.Weight, p.StatedTotal.Score));
        Assert.Equal((4, 8), (p.StatedTotal.Source.Row, p.StatedTotal.Source.Column));
        Assert.Null(d.DeclaredTotal);
        // The next project opens again what the total closed.
        Assert.Equal("桥梁维修", d.Projects[1].Name);
        Assert.Equal(["改造里程"], d.Projects[1].Indicators.Select(i => i.Name));
    }

    [Fact]
    public void A_total_label_in_the_weight_or_score_column_is_no_figure()
    {
        var d = SelfEvaluation(
            Row("产出指标", "数量指标", "改造里程", "≥36公里", "38公里", "90", "88", "")
            + "<tr><td>农村公路提档升级</td><td></td><td></td><td>合计</td><td></td><td></td><td>总分</td><td>88</td><td></td></tr>");
        var p = Assert.Single(d.Projects);
        Assert.NotNull(p.StatedTotal);
        Assert.Equal(((decimal?)null, 88m), (p.StatedTotal.Weight, p.StatedTotal.Score));
    }

    [Fact]
    public void The_projects_reason_row_is_an_attribute_and_rows_under_the_table_are_not_indicators()
    {
        var d = SelfEvaluation(
            Row("产出指标", "数量指标", "改造里程", "≥36公里", "38公里", "50", "50", "")
            + "<tr><td>偏差大或目标未完成原因分析</td><td colspan=\"8\">雨季影响工期</td></tr>"
            + Row("产出指标", "数量指标", "不是指标", "≥1个", "1个", "5", "5", ""));
        var p = Assert.Single(d.Projects);
        Assert.Equal(["改造里程"], p.Indicators.Select(i => i.Name));
        Assert.Equal("雨季影响工期", p.Attributes["偏差大或目标未完成原因分析"]);

        var below = SelfEvaluation(
            Row("产出指标", "数量指标", "改造里程", "≥36公里", "38公里", "50", "50", "")
            + "<tr><td>评价结论</td><td colspan=\"8\">良</td></tr>"
            + Row("产出指标", "数量指标", "不是指标", "≥1个", "1个", "5", "5", ""));
        Assert.Equal(["改造里程"], Assert.Single(below.Projects).Indicators.Select(i => i.Name));
    }

    [Fact]
    public void Template_rows_left_unfilled_are_passed_over_and_a_named_row_without_figures_is_kept()
    {
        var d = SelfEvaluation(
            Row("产出指标", "数量指标", "改造里程", "≥36公里", "38公里", "50", "50", "")
            + Row("产出指标", "质量指标", "指标2", "", "", "", "—", "")
            + Row("产出指标", "质量指标", "……", "/", "/", "", "", "")
            + Row("产出指标", "时效指标", "完成时间", "", "", "", "", ""));
        var p = Assert.Single(d.Projects);
        Assert.Equal(["改造里程", "完成时间"], p.Indicators.Select(i => i.Name));
        Assert.Empty(d.UnreadRows);
    }
}
