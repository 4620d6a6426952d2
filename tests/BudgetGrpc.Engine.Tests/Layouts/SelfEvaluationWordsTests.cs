using BudgetGrpc.Engine.Layouts;
using Xunit;

namespace BudgetGrpc.Engine.Tests.Layouts;

/// <summary>
/// The words of self-evaluation tables one cell at a time (issue 15: reached before only through whole tables): formula and
/// points marks after a column word, the budget block's columns, rows and group label, the objectives block's heads, the
/// total and reason rows, template placeholders and numbers, weights glued to a level name.
/// </summary>
public sealed class SelfEvaluationWordsTests
{
    [Theory]
    [InlineData("全年实际值(B)", "全年实际值")]
    [InlineData("执行率(B/A)", "执行率")]
    [InlineData("执行率(B÷A)", "执行率")]
    [InlineData("得分(20分执行率)", "得分")]
    [InlineData("分值(10分)", "分值")]
    [InlineData("分值(10.5分)", "分值")]
    [InlineData("执行数B)", "执行数")]
    [InlineData("年初目标值(A", "年初目标值")]
    [InlineData("(A)", "(A)")]
    [InlineData("全年实际值", "全年实际值")]
    [InlineData("全年实际值(B)(C)", "全年实际值(B)")]
    [InlineData("abcB)", "abcB)")]
    [InlineData("得分(满分)", "得分")]
    public void A_trailing_mark_is_taken_off(string key, string word) => Assert.Equal(word, SelfEvaluationWords.WithoutMark(key));

    [Theory]
    [InlineData("年初预算数", "Initial")]
    [InlineData("年初预算数（万元）", "Initial")]
    [InlineData("年初预算数(元)", "Initial")]
    [InlineData("年初预算数(A)", "Initial")]
    [InlineData("全年预算数（B）", "Adjusted")]
    [InlineData("全年执行数(C)", "Executed")]
    [InlineData("执行率（C/B）", "Rate")]
    [InlineData("分 值", "Weight")]
    [InlineData("得分", "Score")]
    [InlineData("得分(10分)", "Score")]
    [InlineData("", "None")]
    [InlineData("（万元）", "None")]
    [InlineData("指标值", "None")]
    public void A_budget_block_column(string text, string column) =>
        Assert.Equal(column, SelfEvaluationWords.BudgetColumnOf(text).ToString());

    [Fact]
    public void A_column_word_longer_than_thirty_characters_is_none() =>
        Assert.Equal(BudgetColumn.None, SelfEvaluationWords.BudgetColumnOf(new string('数', 31)));

    [Theory]
    [InlineData("年度资金总额", "Total")]
    [InlineData("年度资金总额：", "Total")]
    [InlineData("其中：财政拨款", "Fiscal")]
    [InlineData("  财政拨款", "Fiscal")]
    [InlineData("上年结转资金", "Other")]
    [InlineData("其他资金", "Other")]
    [InlineData("工资福利", "None")]
    public void A_budget_block_row(string text, string row) => Assert.Equal(row, SelfEvaluationWords.BudgetRowOf(text).ToString());

    [Theory]
    [InlineData("项目资金（万元）", true)]
    [InlineData("预算执行情况(10分)", true)]
    [InlineData("资金情况（万元）", true)]
    [InlineData("年度绩效目标", false)]
    public void A_budget_group_label(string text, bool group) => Assert.Equal(group, SelfEvaluationWords.IsBudgetGroupLabel(text));

    [Theory]
    [InlineData("预期目标", true, true)]
    [InlineData("年初设定目标", true, true)]
    [InlineData("实际完成情况", true, false)]
    [InlineData("年度总体目标完成情况", true, false)]
    [InlineData("目标实际完成情况", true, false)]
    [InlineData("三、目标完成情况", true, false)]
    [InlineData("总体完成率(%)", true, false)]
    [InlineData("完成农村公路36公里", false, false)]
    public void The_objectives_blocks_heads(string text, bool head, bool target)
    {
        Assert.Equal(head, SelfEvaluationWords.IsObjectivesSubHeader(text));
        Assert.Equal(target, SelfEvaluationWords.IsObjectivesTargetHeader(text));
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("指标1", true)]
    [InlineData("指标十", true)]
    [InlineData("指标", true)]
    [InlineData("……", true)]
    [InlineData("…", true)]
    [InlineData("...", true)]
    [InlineData("—", true)]
    [InlineData("0", true)]
    [InlineData("10", false)]
    [InlineData("指标1：改造里程", false)]
    [InlineData("改造里程", false)]
    public void A_placeholder_name(string name, bool placeholder) => Assert.Equal(placeholder, SelfEvaluationWords.IsPlaceholderName(name));

    [Theory]
    [InlineData("指标1：工程资金金额", "工程资金金额")]
    [InlineData("指标12、工程资金金额", "工程资金金额")]
    [InlineData("指标2 工程资金金额", "工程资金金额")]
    [InlineData("指标3.工程资金金额", "工程资金金额")]
    [InlineData("指标1：", "指标1：")]
    [InlineData("指标123：工程", "指标123：工程")]
    [InlineData("指标15天内", "指标15天内")]
    [InlineData("工程资金金额", "工程资金金额")]
    public void A_templates_number_before_a_name_is_dropped(string name, string without) =>
        Assert.Equal(without, SelfEvaluationWords.WithoutTemplateNumber(name));

    [Theory]
    [InlineData("总分", true, false, false)]
    [InlineData("自评总分", true, false, false)]
    [InlineData("偏差大或目标未完成原因分析", false, true, true)]
    [InlineData("评价结论", false, false, true)]
    [InlineData("存在问题及改进措施", false, false, true)]
    [InlineData("产出指标", false, false, false)]
    public void Total_reason_and_below_table_rows(string text, bool total, bool reason, bool below)
    {
        Assert.Equal(total, SelfEvaluationWords.IsTotalLabel(text));
        Assert.Equal(reason, SelfEvaluationWords.IsProjectReasonLabel(text));
        Assert.Equal(below, SelfEvaluationWords.IsBelowTableLabel(text));
    }

    [Theory]
    [InlineData("某县2025年度项目支出绩效自评表", true)]
    [InlineData("绩效目标自评表", true)]
    [InlineData("自评目标申报表", false)]
    [InlineData("项目支出绩效目标表", false)]
    public void A_title_that_names_a_self_evaluation(string title, bool self) =>
        Assert.Equal(self, SelfEvaluationWords.IsSelfEvaluationTitle(title));

    [Theory]
    [InlineData("产出指标(50分)", "产出指标", "50")]
    [InlineData("产出指标（50分）", "产出指标", "50")]
    [InlineData("产 出 指 标 (50分)", "产 出 指 标", "50")]
    [InlineData("产出指标 ( 50 分 ) ", "产出指标", "50")]
    [InlineData("产出指标 40分", "产出指标", "40")]
    [InlineData("产出指标40分", "产出指标", "40")]
    [InlineData("数量指标15.5分", "数量指标", "15.5")]
    [InlineData("(50分)", "", "50")]
    [InlineData("满意度40分", "满意度40分", null)]
    [InlineData("产出指标", "产出指标", null)]
    [InlineData("", "", null)]
    [InlineData("得分", "得分", null)]
    [InlineData("产出指标(50分)以上", "产出指标(50分)以上", null)]
    public void A_weight_glued_to_a_level_name(string text, string name, string? weight)
    {
        Assert.Equal(name, SelfEvaluationWords.WithoutLevelWeight(text, out var w));
        Assert.Equal(weight, w?.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
