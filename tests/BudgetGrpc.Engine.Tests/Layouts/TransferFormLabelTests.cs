using BudgetGrpc.Engine.Model;
using Xunit;

using static BudgetGrpc.Engine.Tests.Layouts.LayoutChecks;

namespace BudgetGrpc.Engine.Tests.Layouts;

/// <summary>
/// Families of the tenth round's unseen tables (docs/layout-survey.md, "Round 10 (issue 10, helper blind10a: project
/// tables)"): a department-wide self-evaluation whose department stands under a bare 部门 label; a transfer payment's
/// self-evaluation form (转移支付（项目）名称, 中央主管部门 above 地方主管部门 | 资金使用单位) under a page heading of its
/// own, its first-level cells left blank; a project self-evaluation whose one money row is 年度财政资金总额 under column heads
/// that lost a bracket (执行数B）, 年初目标值（A) and its budget block; a 其他需要说明事项 row under the indicators. Tables of ours on those models; each check
/// failed before.
/// </summary>
public sealed class TransferFormLabelTests
{
    [Fact]
    public void A_bare_department_label_names_the_department_of_a_department_wide_table()
    {
        var d = Parse("""
            <html><body><table border="1">
            <tr><td colspan="8">部门整体支出绩效自评表</td></tr>
            <tr><td colspan="8">（2024年度）</td></tr>
            <tr><td>部门</td><td colspan="7">某县城乡环境服务中心</td></tr>
            <tr><td rowspan="2">预算资金（万元）</td><td></td><td>年初预算数</td><td>全年预算数</td><td>全年执行数</td><td>分值</td><td>执行率</td><td>得分</td></tr>
            <tr><td>年度资金总额</td><td>212.40</td><td>212.40</td><td>209.10</td><td>10</td><td>98.45%</td><td>9.8</td></tr>
            <tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>年度指标值</td><td>实际完成值</td><td>分值</td><td>得分</td><td>偏差原因分析及改进措施</td></tr>
            <tr><td rowspan="2">产出指标</td><td>数量指标</td><td>指标1：改造公厕数量</td><td>≥30</td><td>32</td><td>20</td><td>20</td><td></td></tr>
            <tr><td>质量指标</td><td>指标1：公厕改造验收通过率</td><td>≥95%</td><td>100%</td><td>10</td><td>10</td><td></td></tr>
            </table></body></html>
            """);
        Assert.Equal(DisclosureKind.SelfEvaluation, d.Kind);
        Assert.Equal("某县城乡环境服务中心", d.Department);
        var p = Assert.Single(d.Projects);
        Assert.Equal("某县城乡环境服务中心", p.Name);
        Assert.Equal(212.40m, p.Amount);
        AssertIndicator(p, "产出指标", "数量指标", "改造公厕数量", ">=", "30", "");
    }

    [Fact]
    public void A_transfer_form_names_its_project_and_the_local_department_over_the_central_one()
    {
        var d = Parse("""
            <html><body><p>中央水利发展资金绩效目标自评表（农村供水）</p>
            <table border="1">
            <tr><td colspan="6">水利发展资金（农村供水工程维修养护）绩效目标自评</td></tr>
            <tr><td colspan="6">（2024年度）</td></tr>
            <tr><td>转移支付（项目）名称</td><td colspan="5">水利发展资金（农村供水工程维修养护）</td></tr>
            <tr><td>中央主管部门</td><td colspan="5">水利部</td></tr>
            <tr><td>地方主管部门</td><td>某县水务局</td><td>资金使用单位</td><td colspan="3">某县农村供水服务站</td></tr>
            <tr><td rowspan="2">项目资金（万元）</td><td></td><td>全年预算数（A）</td><td>全年执行数（B）</td><td colspan="2">预算执行率（B/A）</td></tr>
            <tr><td>年度资金总额：</td><td>860</td><td>845</td><td colspan="2">98.26%</td></tr>
            <tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td><td>全年实际完成值</td><td>未完成原因和改进措施</td></tr>
            <tr><td rowspan="2"></td><td>数量指标</td><td>维修养护供水工程处数</td><td>≥45处</td><td>47处</td><td></td></tr>
            <tr><td>时效指标</td><td>维修养护完成及时率</td><td>100%</td><td>100%</td><td></td></tr>
            <tr><td></td><td>社会效益指标</td><td>受益农村人口</td><td>≥3.2万人</td><td>3.4万人</td><td></td></tr>
            <tr><td>满意度指标</td><td>服务对象满意度指标</td><td>受益群众满意度</td><td>≥90%</td><td>95%</td><td></td></tr>
            </table></body></html>
            """);
        Assert.Equal(DisclosureKind.SelfEvaluation, d.Kind);
        Assert.Equal("某县水务局", d.Department);
        var p = Assert.Single(d.Projects);
        Assert.Equal("水利发展资金（农村供水工程维修养护）", p.Name);
        Assert.Equal(860m, p.Amount);
        AssertIndicator(p, "产出指标", "数量指标", "维修养护供水工程处数", ">=", "45", "处");
        AssertIndicator(p, "效益指标", "社会效益指标", "受益农村人口", ">=", "3.2", "万人");
        Assert.Equal(47m, p.Indicators.Single(i => i.Name == "维修养护供水工程处数").Actual!.Value);
    }

    [Fact]
    public void A_central_department_names_the_department_where_the_form_names_no_other()
    {
        var d = Parse("""
            <html><body><table border="1">
            <tr><td colspan="5">区域绩效目标表</td></tr>
            <tr><td colspan="5">（2024年度）</td></tr>
            <tr><td>专项名称</td><td colspan="4">某某补助资金</td></tr>
            <tr><td>省级主管部门</td><td colspan="4">某省某厅</td></tr>
            <tr><td>年度资金总额</td><td colspan="4">1200</td></tr>
            <tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td colspan="2">指标值</td></tr>
            <tr><td>产出指标</td><td>数量指标</td><td>补助对象人数</td><td colspan="2">≥800人</td></tr>
            </table></body></html>
            """);
        Assert.Equal("某省某厅", d.Department);
    }

    [Fact]
    public void A_fiscal_funds_total_row_gives_a_self_evaluation_its_amount()
    {
        var d = Parse("""
            <html><body><table border="1">
            <tr><td colspan="6">2024年度课桌椅更新项目自评表</td></tr>
            <tr><td>项目名称</td><td colspan="5">课桌椅更新</td></tr>
            <tr><td>主管部门</td><td colspan="5">某市教育局</td></tr>
            <tr><td rowspan="2">预算执行情况（万元）（20分）</td><td colspan="2"></td><td>预算数（A）</td><td>执行数B）</td><td>执行率B/A）</td></tr>
            <tr><td colspan="2">年度财政资金总额</td><td>65万元</td><td>63万元</td><td>96.92%</td></tr>
            <tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td colspan="2">年初目标值（A</td><td>实际完成值（B</td></tr>
            <tr><td>产出指标</td><td>数量指标</td><td>更新课桌椅套数</td><td colspan="2">≥600套</td><td>620套</td></tr>
            <tr><td>满意度指标</td><td>具体指标</td><td>学生满意度</td><td colspan="2">≥90%</td><td>96%</td></tr>
            </table></body></html>
            """);
        Assert.Equal(DisclosureKind.SelfEvaluation, d.Kind);
        var p = Assert.Single(d.Projects);
        Assert.Equal(65m, p.Amount);
        Assert.Equal((65m, 63m), (p.Budget!.Adjusted, p.Budget.Executed));
        AssertIndicator(p, "产出指标", "数量指标", "更新课桌椅套数", ">=", "600", "套");
        Assert.Equal(620m, p.Indicators.Single(i => i.Name == "更新课桌椅套数").Actual!.Value);
    }

    [Fact]
    public void A_row_of_other_matters_to_explain_under_the_indicators_is_no_indicator()
    {
        var d = Parse("""
            <html><body><table border="1">
            <tr><td colspan="10">2023年度项目支出绩效自评表</td></tr>
            <tr><td>项目名称</td><td colspan="9">学生资助专项资金</td></tr>
            <tr><td>主管部门</td><td colspan="9">某县教育体育局</td></tr>
            <tr><td rowspan="5">绩效指标</td><td rowspan="2">一级指标</td><td rowspan="2">二级指标</td><td rowspan="2">三级指标</td><td colspan="3">年度指标值</td><td rowspan="2">实际完成值</td><td rowspan="2">分值</td><td rowspan="2">得分</td></tr>
            <tr><td>指标性质</td><td>指标值</td><td>度量单位</td></tr>
            <tr><td>产出指标</td><td>数量指标</td><td>受助学生人数</td><td>≧</td><td>420</td><td>人</td><td>431</td><td>50</td><td>50</td></tr>
            <tr><td>满意度指标</td><td>服务对象满意度指标</td><td>家长满意度</td><td>═</td><td>95</td><td>%</td><td>97%</td><td>50</td><td>50</td></tr>
            <tr><td colspan="3">其他需要说明事项</td><td colspan="6">无</td></tr>
            <tr><td colspan="4">总分</td><td colspan="3">100</td><td colspan="3">100</td></tr>
            </table></body></html>
            """);
        var p = Assert.Single(d.Projects);
        Assert.Equal(2, p.Indicators.Count);
        AssertIndicator(p, "满意度指标", "服务对象满意度指标", "家长满意度", "=", "95", "%");
    }
}
