using Xunit;

using static BudgetGrpc.Engine.Tests.Layouts.LayoutChecks;

namespace BudgetGrpc.Engine.Tests.Layouts;

/// <summary>
/// What blind round 18 missed (docs/layout-survey.md, round 18), on probes of ours: a 申报表 whose indicator header names
/// only the first level and the indicators' content (一级指标 | 指标内容), each first level's indicators written as numbered
/// sentences in one cell; worded targets of reduction glued to the name in a free-text list (…发生率逐年下降); and a
/// target column whose header names the unit of the bare figures under it (指标值（%）); a listed cell with one item
/// that states no target; and a long-term indicator table stacked over the year's (长期绩效指标 / 年度绩效指标).
/// Tables written by us; each assertion failed before.
/// </summary>
public sealed class Round18FamilyTests
{
    private const string ListedContent = """
        <table border="1">
        <tr><td colspan="3">2026年度项目支出绩效目标申报表</td></tr>
        <tr><td>项目名称</td><td colspan="2">乡村阅读推广项目</td></tr>
        <tr><td>项目资金（万元）</td><td colspan="2">86.00</td></tr>
        <tr><td>年度绩效目标</td><td colspan="2">开展阅读推广活动，新增馆藏图书。</td></tr>
        <tr><td rowspan="4">年度绩效指标</td><td>一级指标</td><td>指标内容</td></tr>
        <tr><td>产出指标</td><td>1.开展阅读推广活动场次≥48场；2.新增馆藏图书≥6000册；3.项目总成本≤86万元。</td></tr>
        <tr><td>效益指标</td><td>1.农村居民年人均到馆次数≥1.2次；2.农村群众阅读氛围明显改善。</td></tr>
        <tr><td>满意度指标</td><td>读者满意度≥90%</td></tr>
        </table>
        """;

    [Fact]
    public void Numbered_sentences_in_one_content_cell_per_first_level_are_its_indicators()
    {
        var p = Assert.Single(Parse(ListedContent).Projects);
        Assert.Equal(6, p.Indicators.Count);
        AssertIndicator(p, "产出指标", "数量指标", "开展阅读推广活动场次", ">=", "48", "场");
        AssertIndicator(p, "产出指标", "数量指标", "新增馆藏图书", ">=", "6000", "册");
        AssertIndicator(p, "产出指标", "成本指标", "项目总成本", "<=", "86", "万元");
        AssertIndicator(p, "效益指标", "社会效益指标", "农村居民年人均到馆次数", ">=", "1.2", "次");
        AssertIndicator(p, "效益指标", "社会效益指标", "农村群众阅读氛围", "qualitative", null, "", "明显改善");
        AssertIndicator(p, "满意度指标", "服务对象满意度指标", "读者满意度", ">=", "90", "%");
    }

    [Fact]
    public void A_content_cell_without_a_target_stays_one_named_indicator()
    {
        var p = Assert.Single(Parse(ListedContent.Replace("读者满意度≥90%", "读者满意度调查")).Projects);
        var i = Assert.Single(p.Indicators, x => x.Level1 == "满意度指标");
        Assert.Equal("读者满意度调查", i.Name);
        Assert.Null(i.Value);
    }

    [Fact]
    public void A_worded_reduction_glued_to_the_name_in_a_free_text_column_is_the_target()
    {
        const string wide = """
            <table border="1">
            <tr><td colspan="5">2026年部门预算项目绩效目标表</td></tr>
            <tr><td>序号</td><td>项目名称</td><td>项目金额</td><td>产出指标</td><td>效益指标</td></tr>
            <tr><td>1</td><td>农村公路安全生命防护工程</td><td>450.00</td><td>新建波形护栏≥18公里</td><td>农村道路交通事故发生率逐年下降</td></tr>
            <tr><td>2</td><td>农村客运班线运营补贴</td><td>128.50</td><td>补贴客运班线≥32条</td><td>群众出行成本有所降低</td></tr>
            </table>
            """;
        var d = Parse(wide);
        Assert.Equal(2, d.Projects.Count);
        AssertIndicator(d.Projects[0], "效益指标", "社会效益指标", "农村道路交通事故发生率", "qualitative", null, "", "逐年下降");
        AssertIndicator(d.Projects[1], "效益指标", "社会效益指标", "群众出行成本", "qualitative", null, "", "有所降低");
    }

    [Fact]
    public void A_unit_named_in_the_target_header_is_the_unit_of_bare_figures()
    {
        const string rates = """
            <table border="1">
            <tr><td colspan="5">项目支出绩效目标表</td></tr>
            <tr><td>项目名称</td><td colspan="2">食品安全抽检监测</td><td>主管部门</td><td>某县市场监督管理局</td></tr>
            <tr><td>年度资金总额（万元）</td><td colspan="4">58.60</td></tr>
            <tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>计算符号</td><td>指标值（%）</td></tr>
            <tr><td>产出指标</td><td>数量指标</td><td>食品安全抽检覆盖率</td><td>≥</td><td>100</td></tr>
            <tr><td>效益指标</td><td>社会效益指标</td><td>食品安全抽检合格率</td><td>≥</td><td>97</td></tr>
            <tr><td>满意度指标</td><td>服务对象满意度指标</td><td>公众满意度</td><td>≥</td><td>85%</td></tr>
            </table>
            """;
        var p = Assert.Single(Parse(rates).Projects);
        AssertIndicator(p, "产出指标", "数量指标", "食品安全抽检覆盖率", ">=", "100", "%");
        AssertIndicator(p, "效益指标", "社会效益指标", "食品安全抽检合格率", ">=", "97", "%");
        AssertIndicator(p, "满意度指标", "服务对象满意度指标", "公众满意度", ">=", "85", "%");
    }

    [Fact]
    public void A_period_in_the_target_header_is_no_unit()
    {
        const string annual = """
            <table border="1">
            <tr><td colspan="4">项目支出绩效目标表</td></tr>
            <tr><td>项目名称</td><td colspan="3">道路养护</td></tr>
            <tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值（年度）</td></tr>
            <tr><td>产出指标</td><td>数量指标</td><td>养护里程</td><td>120</td></tr>
            </table>
            """;
        var p = Assert.Single(Parse(annual).Projects);
        AssertIndicator(p, "产出指标", "数量指标", "养护里程", "=", "120", "");
    }

    [Fact]
    public void A_listed_cell_keeps_an_item_without_a_target_beside_the_others()
    {
        const string listed = """
            <table border="1">
            <tr><td colspan="3">项目支出绩效目标申报表</td></tr>
            <tr><td>项目名称</td><td colspan="2">安全生产监管执法</td></tr>
            <tr><td>一级指标</td><td>二级指标</td><td>指标内容</td></tr>
            <tr><td>产出指标</td><td>数量指标</td><td>执法检查企业≥260家<br>开展专项整治行动≥4次<br>建立执法检查台账</td></tr>
            <tr><td>满意度指标</td><td>服务对象满意度指标</td><td>被检查企业满意度≥85%</td></tr>
            </table>
            """;
        var p = Assert.Single(Parse(listed).Projects);
        AssertIndicator(p, "产出指标", "数量指标", "执法检查企业", ">=", "260", "家");
        AssertIndicator(p, "产出指标", "数量指标", "开展专项整治行动", ">=", "4", "次");
        var untargeted = Assert.Single(p.Indicators, i => i.Name == "建立执法检查台账");
        Assert.Null(untargeted.Value);
        Assert.Equal(4, p.Indicators.Count);
    }

    private const string Stacked = """
        <table border="1">
        <tr><td colspan="4">项目支出绩效目标表</td></tr>
        <tr><td>项目名称</td><td>普法宣传</td><td>主管部门</td><td>某县司法局</td></tr>
        <tr><td>长期目标</td><td colspan="3">全面完成普法规划任务。</td></tr>
        <tr><td>年度目标</td><td colspan="3">开展宣讲活动40场。</td></tr>
        <tr><td colspan="4">长期绩效指标</td></tr>
        <tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>
        <tr><td>产出指标</td><td>数量指标</td><td>普法宣传覆盖村</td><td>≥120个</td></tr>
        <tr><td>效益指标</td><td>社会效益指标</td><td>群众法治意识</td><td>持续提升</td></tr>
        <tr><td colspan="4">年度绩效指标</td></tr>
        <tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>
        <tr><td>产出指标</td><td>数量指标</td><td>宣讲活动场次</td><td>≥40场</td></tr>
        <tr><td>满意度指标</td><td>服务对象满意度指标</td><td>群众满意度</td><td>≥90%</td></tr>
        </table>
        """;

    [Fact]
    public void A_long_term_indicator_table_stacked_over_the_years_gives_way_to_it()
    {
        var p = Assert.Single(Parse(Stacked).Projects);
        Assert.Equal(["宣讲活动场次", "群众满意度"], p.Indicators.Select(i => i.Name));
    }

    [Fact]
    public void A_long_term_indicator_table_alone_is_read()
    {
        var alone = Stacked[..Stacked.IndexOf("<tr><td colspan=\"4\">年度绩效指标", StringComparison.Ordinal)] + "</table>";
        var p = Assert.Single(Parse(alone).Projects);
        Assert.Equal(["普法宣传覆盖村", "群众法治意识"], p.Indicators.Select(i => i.Name));
    }
}
