using BudgetGrpc.Engine.Model;
using Xunit;

using static BudgetGrpc.Engine.Tests.Layouts.LayoutChecks;

namespace BudgetGrpc.Engine.Tests.Layouts;

/// <summary>
/// The families the eleventh blind round met that the engine misread (docs/engine.md): a budget system's
/// self-evaluation form with its own column words (单位(文字描述) holding %(百分比), 单项指标实际完成值, a blank 指标分值
/// beside 权重占比(%)), goal sub-labels that carry their period in brackets (实施周期总目标(2025年--2027年) | 年度目标), a long
/// export whose unit column is headed 项目单位, a department-wide table exported one indicator a row under 单位编码 |
/// 单位名称 | 资金总额 | 整体绩效目标. Tables written by us on the model of those families; each failed before.
/// </summary>
public sealed class Round11FamilyTests
{
    private const string BudgetSystemSelfEvaluation = """
        <html><body><p>样例县残联2025年度预算项目绩效自评表</p>
        <table border="1">
        <tr><td>一、基本情况</td><td>项目名称:</td><td colspan="3">残疾人两项补贴</td><td>是否为专项资金:</td><td></td><td colspan="2">实施(主管)单位</td><td colspan="3">203001-样例县残疾人联合会</td><td>金额单位:</td><td>万元</td></tr>
        <tr><td rowspan="4">二、预算执行情况</td><td colspan="4">预算安排情况(调整后)</td><td colspan="3">资金到位情况</td><td colspan="3">资金执行情况</td><td colspan="3">预算执行进度(%)</td></tr>
        <tr><td colspan="2">预算数</td><td colspan="2">52.80</td><td>到位数</td><td colspan="2">52.80</td><td>执行数</td><td colspan="2">50.16</td><td colspan="3" rowspan="3">95.00</td></tr>
        <tr><td colspan="2">其中:财政资金</td><td colspan="2">52.80</td><td>其中:财政资金</td><td colspan="2">52.80</td><td>其中:财政资金</td><td colspan="2">50.16</td></tr>
        <tr><td colspan="2">其他</td><td colspan="2">0.00</td><td>其他</td><td colspan="2">0.00</td><td>其他</td><td colspan="2">0.00</td></tr>
        <tr><td rowspan="3">三、目标完成情况</td><td colspan="6">年度预期目标</td><td colspan="5">具体完成情况</td><td colspan="2">总体完成率(%)</td></tr>
        <tr><td colspan="6">按月发放困难残疾人生活补贴和重度残疾人护理补贴。</td><td colspan="5">已按月足额发放。</td><td colspan="2" rowspan="2">100.00</td></tr>
        <tr><td colspan="6">改善困难残疾人生活条件。</td><td colspan="5">生活条件得到改善。</td></tr>
        <tr><td rowspan="7">四、年度绩效指标完成情况</td><td rowspan="2">一级指标</td><td rowspan="2">二级指标</td><td rowspan="2" colspan="2">三级指标</td><td rowspan="2">指标分值</td><td colspan="3">预期指标值</td><td rowspan="2">单项指标实际完成值</td><td rowspan="2">单项指标完成情况</td><td colspan="3">自评得分</td></tr>
        <tr><td>符号</td><td></td><td>单位(文字描述)</td><td>单项指标得分</td><td>权重占比(%)</td><td>单项指标折算得分</td></tr>
        <tr><td rowspan="2">产出指标</td><td>数量指标</td><td>补贴发放人数</td><td>领取补贴的残疾人人数</td><td></td><td>&gt;=</td><td>1200</td><td>人</td><td>1265人</td><td>完成</td><td>30.00</td><td>30.00</td><td>9.00</td></tr>
        <tr><td>时效指标</td><td>按月发放率</td><td>按月足额发放的比例(百分比)</td><td></td><td>&gt;=</td><td>95</td><td>%(百分比)</td><td>100%</td><td>完成</td><td>30.00</td><td>30.00</td><td>9.00</td></tr>
        <tr><td>效益指标</td><td>社会效益指标</td><td>困难残疾人生活改善率</td><td>生活得到改善的比例</td><td></td><td>&gt;=</td><td>90</td><td>%(百分比)</td><td>92%</td><td>完成</td><td>20.00</td><td>20.00</td><td>4.00</td></tr>
        <tr><td>满意度指标</td><td>服务对象满意度指标</td><td>残疾人满意度</td><td>补贴对象的满意程度</td><td></td><td>&gt;=</td><td>95</td><td>%(百分比)</td><td>97%</td><td>完成</td><td>10.00</td><td>10.00</td><td>1.00</td></tr>
        </table></body></html>
        """;

    [Fact]
    public void A_budget_system_self_evaluation_reads_its_units_weights_and_actuals()
    {
        var d = Parse(BudgetSystemSelfEvaluation);
        Assert.Equal(DisclosureKind.SelfEvaluation, d.Kind);
        var p = Assert.Single(d.Projects);
        Assert.Equal("残疾人两项补贴", p.Name);
        // 预算数 | 52.80 | 到位数 | … | 执行数 | 50.16: each word with its figure beside it.
        Assert.Equal(52.80m, p.Amount);
        Assert.Equal((52.80m, 50.16m), (p.Budget?.Adjusted, p.Budget?.Executed));
        // One goal a row beside the section label merged down, under 年度预期目标 (not 具体完成情况 beside it).
        Assert.Equal(["按月发放困难残疾人生活补贴和重度残疾人护理补贴。", "改善困难残疾人生活条件。"], p.Objectives);
        AssertIndicator(p, "产出指标", "数量指标", "补贴发放人数", ">=", "1200", "人");
        AssertIndicator(p, "产出指标", "时效指标", "按月发放率", ">=", "95", "%");
        AssertIndicator(p, "效益指标", "社会效益指标", "困难残疾人生活改善率", ">=", "90", "%");
        AssertIndicator(p, "满意度指标", "服务对象满意度指标", "残疾人满意度", ">=", "95", "%");
        // The weight is under 权重占比(%), 指标分值 left blank; the score is 单项指标得分, not the 折算得分 after it.
        Assert.Equal([30m, 30m, 20m, 10m], p.Indicators.Select(i => i.Weight));
        Assert.Equal([30m, 30m, 20m, 10m], p.Indicators.Select(i => i.Score));
        Assert.Equal([1265m, 100m, 92m, 97m], p.Indicators.Select(i => i.Actual?.Value));
    }

    [Fact]
    public void Goal_sub_labels_that_carry_their_period_keep_the_long_term_goal_apart()
    {
        var d = Parse("""
            <html><body><p>样例市财政项目支出绩效目标表</p><p>预算单位:样例市图书馆</p>
            <table border="1">
            <tr><td>项目名称</td><td colspan="3">古籍数字化</td><td colspan="2">本年度申请市财政预算资金(万元)</td><td colspan="2">86.5</td></tr>
            <tr><td rowspan="2">总体目标</td><td colspan="4">实施周期总目标(2025年--2027年)</td><td colspan="3">年度目标</td></tr>
            <tr><td colspan="4">三年内完成馆藏古籍全部数字化并上线。</td><td colspan="3">完成馆藏古籍三分之一的数字化。</td></tr>
            <tr><td rowspan="3">绩效指标</td><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>实施周期指标值</td><td>二级指标</td><td>三级指标</td><td>当年度指标值</td></tr>
            <tr><td>产出指标</td><td>数量指标</td><td>数字化古籍册数</td><td>≥3000册</td><td>数量指标</td><td>数字化古籍册数</td><td>≥1000册</td></tr>
            <tr><td>满意度指标</td><td>服务对象满意度指标</td><td>读者满意度</td><td>≥90%</td><td>服务对象满意度指标</td><td>读者满意度</td><td>≥90%</td></tr>
            </table></body></html>
            """);
        var p = Assert.Single(d.Projects);
        Assert.Equal(["完成馆藏古籍三分之一的数字化。"], p.Objectives);
        Assert.Equal(86.5m, p.Amount);
        AssertIndicator(p, "产出指标", "数量指标", "数字化古籍册数", ">=", "1000", "册");
    }

    [Fact]
    public void A_long_export_names_its_department_in_a_column_headed_project_unit()
    {
        var d = Parse("""
            <html><body><p>表11</p><p>项目绩效目标表</p><p>单位:元</p>
            <table border="1">
            <tr><td>项目名称</td><td>项目单位</td><td>预算数</td><td>年度绩效目标</td><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标方向</td><td>目标值</td><td>计量单位</td></tr>
            <tr><td rowspan="2">诉讼服务经费</td><td rowspan="2">508001-样例县人民法院</td><td rowspan="2">520,000.00</td><td rowspan="2">保障诉讼服务中心运转。</td><td>产出指标</td><td>数量指标</td><td>接待来访人次</td><td>大于等于</td><td>3000</td><td>人次</td></tr>
            <tr><td>满意度指标</td><td>服务对象满意度</td><td>当事人满意度</td><td>大于等于</td><td>90</td><td>%</td></tr>
            </table></body></html>
            """);
        Assert.Equal("样例县人民法院", d.Department);
        Assert.Equal(AmountUnits.Yuan, d.AmountUnit);
        var p = Assert.Single(d.Projects);
        AssertIndicator(p, "产出指标", "数量指标", "接待来访人次", ">=", "3000", "人次");
    }

    [Fact]
    public void A_department_wide_export_with_the_units_cells_merged_down_is_one_department_table()
    {
        var d = Parse("""
            <html><body><p>样例市救助站2026年部门预算公开</p><p>整体支出绩效目标表</p><p>金额单位:万元</p>
            <table border="1">
            <tr><td rowspan="2">单位编码</td><td rowspan="2">单位名称</td><td rowspan="2">资金总额</td><td colspan="2">按收入性质分</td><td colspan="2">按支出性质分</td><td rowspan="2">整体绩效目标</td><td colspan="6">部门整体支出年度绩效目标</td></tr>
            <tr><td>一般公共预算</td><td>其他资金</td><td>基本支出</td><td>项目支出</td><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值类型</td><td>指标值</td><td>计量单位</td></tr>
            <tr><td rowspan="3">061002</td><td rowspan="3">样例市救助站</td><td rowspan="3">412.50</td><td rowspan="3">402.50</td><td rowspan="3">10</td><td rowspan="3">300.20</td><td rowspan="3">112.30</td><td rowspan="3">1、及时救助生活无着人员;2、保障站内设施安全运行。</td>
            <td rowspan="2">产出指标</td><td>数量指标</td><td>救助生活无着人员人次</td><td>≥</td><td>600</td><td>人次</td></tr>
            <tr><td>质量指标</td><td>安全事故发生率</td><td>=</td><td>0</td><td>%</td></tr>
            <tr><td>满意度指标</td><td>服务对象满意度指标</td><td>受助人员满意度</td><td>≥</td><td>90</td><td>%</td></tr>
            </table></body></html>
            """);
        Assert.Equal(DisclosureKind.DepartmentTargets, d.Kind);
        Assert.Equal("样例市救助站", d.Department);
        var p = Assert.Single(d.Projects);
        Assert.Equal(412.50m, p.Amount);
        Assert.Equal(["及时救助生活无着人员", "保障站内设施安全运行。"], p.Objectives);
        Assert.Equal(3, p.Indicators.Count);
        AssertIndicator(p, "产出指标", "数量指标", "救助生活无着人员人次", ">=", "600", "人次");
        AssertIndicator(p, "产出指标", "质量指标", "安全事故发生率", "=", "0", "%");
        AssertIndicator(p, "满意度指标", "服务对象满意度指标", "受助人员满意度", ">=", "90", "%");
    }

    [Fact]
    public void Rows_a_budget_system_left_blank_with_zeros_are_left_out_with_a_finding()
    {
        var d = Parse("""
            <html><body><p>样例县水利局2026年项目支出绩效目标审批表</p>
            <table border="1">
            <tr><td>项目名称</td><td colspan="4">小型水库安全运行</td></tr>
            <tr><td>年度资金总额</td><td colspan="4">36</td></tr>
            <tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td><td>分值</td></tr>
            <tr><td rowspan="2">成本指标(0-20)分</td><td>经济成本指标</td><td>0</td><td>0.00%</td><td>0</td></tr>
            <tr><td>社会成本指标</td><td>0</td><td>0.00%</td><td>0</td></tr>
            <tr><td>产出指标</td><td>数量指标</td><td>巡查水库座数</td><td>≥12座</td><td>30</td></tr>
            </table></body></html>
            """);
        var p = Assert.Single(d.Projects);
        var only = Assert.Single(p.Indicators);
        Assert.Equal("巡查水库座数", only.Name);
        Assert.Equal(2, d.UnreadRows.Count(u => u.Reason == UnreadRowReason.NoIndicatorName));
    }

    [Theory]
    // One pair beside the block's label, the next pair down the row under it; the rate left to compute.
    [InlineData("""
        <tr><td rowspan="2">资金情况(万元)</td><td>转移支付预算数(A)</td><td>58.6万</td><td rowspan="2">预算执行率(B/A)</td></tr>
        <tr><td>转移支付执行数(B)</td><td>56.2万</td></tr>
        """, null, null)]
    // Two pairs a row: the rate and the score beside the figures.
    [InlineData("""
        <tr><td rowspan="2">资金情况(万元)</td><td>转移支付预算数(A)</td><td>58.6万</td><td>预算执行率(B/A)</td><td>95.9%</td></tr>
        <tr><td>转移支付执行数(B)</td><td>56.2万</td><td>得分</td><td>9.59</td></tr>
        """, "95.9", "9.59")]
    public void Funds_written_as_word_figure_pairs_down_the_rows_give_the_amount(string funds, string? rate, string? score)
    {
        var d = Parse($$"""
            <html><body><p>样例区2025年度转移支付区域绩效自评表</p>
            <table border="1">
            <tr><td>转移支付名称</td><td colspan="4">农村综合改革转移支付</td></tr>
            {{funds}}
            <tr><td>年度总体目标</td><td colspan="4">完成村级公益事业奖补项目12个。</td></tr>
            <tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>年度指标值</td><td>实际完成值</td></tr>
            <tr><td>产出指标</td><td>数量指标</td><td>奖补项目个数</td><td>≥12个</td><td>12个</td></tr>
            </table></body></html>
            """);
        var p = Assert.Single(d.Projects);
        Assert.Equal(58.6m, p.Amount);
        Assert.Equal((58.6m, 56.2m), (p.Budget?.Adjusted, p.Budget?.Executed));
        Assert.Equal(rate is null ? 95.9m : decimal.Parse(rate), p.Budget?.ExecutionRate);
        Assert.Equal(rate is null, p.Budget?.ExecutionRateComputed);
        Assert.Equal(score is null ? null : decimal.Parse(score), p.Budget?.Score);
    }

    [Fact]
    public void A_funds_grid_of_budget_disbursement_and_balance_gives_the_budget_subtotal()
    {
        var d = Parse("""
            <html><body><p>样例市地震局2025年度部门整体支出绩效自评表</p>
            <table border="1">
            <tr><td>部门名称</td><td colspan="6">样例市地震局</td></tr>
            <tr><td rowspan="3">资金情况(万元)</td><td colspan="3">预算安排</td><td>拨付情况</td><td>结余情况</td><td rowspan="3"></td></tr>
            <tr><td>年初部门预算安排金额①</td><td>年中追加金额②</td><td>小计③=①+②</td><td>实际拨付金额④</td><td>结余金额⑤=③-④</td></tr>
            <tr><td>320.5</td><td>40</td><td>360.5</td><td>351.2</td><td>9.3</td></tr>
            <tr><td>年度总体目标</td><td colspan="6">完成地震监测台网运维。</td></tr>
            <tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>年度指标值</td><td>实际完成值</td><td>分值</td><td>得分</td></tr>
            <tr><td>产出目标</td><td>数量目标</td><td>监测台站运行数</td><td>≥15个</td><td>15个</td><td>20</td><td>20</td></tr>
            </table></body></html>
            """);
        var p = Assert.Single(d.Projects);
        // 小计③=①+② under 预算安排 is the year's budget; the first figure (年初 ①) is not.
        Assert.Equal(360.5m, p.Amount);
        Assert.Equal((320.5m, 360.5m), (p.Budget?.Initial, p.Budget?.Adjusted));
    }
}
