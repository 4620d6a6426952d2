using BudgetGrpc.Engine.Model;
using Xunit;

using static BudgetGrpc.Engine.Tests.Layouts.LayoutChecks;

namespace BudgetGrpc.Engine.Tests.Layouts;

/// <summary>
/// The outline export of the seventh round's unseen tables (docs/layout-survey.md, "Round 7"): one column holds the unit, the
/// projects, their first and second levels and their indicators, indented row under row; only indicator rows carry a
/// value and only project rows an amount; second levels carry notes ((必填硬性指标)) and come in any order. Tables of
/// ours on that model; the engine before refused them (no 一级指标/二级指标 header).
/// </summary>
public sealed class OutlineLayoutTests
{
    [Fact]
    public void An_outline_of_levels_and_names_in_one_column_reads_each_project_with_its_levels()
    {
        var d = Parse(Outline);
        Assert.Equal((DisclosureKind.TargetTable, "某市动物疫病预防控制中心", 2025, "元"), (d.Kind, d.Department, d.FiscalYear, d.AmountUnit));
        Assert.Equal(["重大动物疫病强制免疫", "病死畜禽无害化处理"], d.Projects.Select(p => p.Name));
        Assert.Equal([1_250_000m, 480_000m], d.Projects.Select(p => p.Amount));
        var vaccine = d.Projects[0];
        Assert.Equal(6, vaccine.Indicators.Count);
        AssertIndicator(vaccine, "产出指标", "时效指标", "春防完成时间", "qualitative", null, "", "5月底前");
        AssertIndicator(vaccine, "产出指标", "数量指标", "免疫畜禽数量", ">=", "36", "万头");
        AssertIndicator(vaccine, "满意度指标", "服务对象满意度指标", "养殖户满意度", ">=", "90", "%");
        AssertIndicator(vaccine, "效益指标", "社会效益指标", "区域内重大动物疫情发生次数", "=", "0", "次");
        var disposal = d.Projects[1];
        Assert.Equal(3, disposal.Indicators.Count);
        AssertIndicator(disposal, "产出指标", "质量指标", "无害化处理率", "=", "100", "%");
        AssertIndicator(disposal, "效益指标", "生态效益指标", "病死畜禽乱丢弃现象", "qualitative", null, "", "明显减少");
    }

    [Fact]
    public void A_flat_list_with_level_words_on_rows_of_their_own_files_its_names_under_them()
    {
        var d = Parse(FlatListWithHeadingRows);
        var p = Assert.Single(d.Projects);
        Assert.Equal(3, p.Indicators.Count);
        AssertIndicator(p, "产出指标", "成本指标", "单次培训费用", "<=", "2", "万元");
        AssertIndicator(p, "效益指标", "可持续影响指标", "培训成果转化", "qualitative", null, "", "长期");
    }

    private const string Outline = @"<html><body>
<p>某市动物疫病预防控制中心2025年项目绩效目标批复表</p>
<table border=""1"">
<tr><td colspan=""3"">单位：元</td></tr>
<tr><td>项目</td><td>指标值</td><td>绩效金额</td></tr>
<tr><td>&nbsp;某市动物疫病预防控制中心</td><td></td><td></td></tr>
<tr><td>&nbsp;&nbsp;重大动物疫病强制免疫</td><td></td><td>1250000</td></tr>
<tr><td>&nbsp;&nbsp;&nbsp;产出指标</td><td></td><td></td></tr>
<tr><td>&nbsp;&nbsp;&nbsp;&nbsp;时效指标(必填)</td><td></td><td></td></tr>
<tr><td>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;春防完成时间</td><td>5月底前</td><td></td></tr>
<tr><td>&nbsp;&nbsp;&nbsp;&nbsp;数量指标(必填硬性指标)</td><td></td><td></td></tr>
<tr><td>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;免疫畜禽数量</td><td>≥36万头</td><td></td></tr>
<tr><td>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;免疫密度</td><td>≥90%</td><td></td></tr>
<tr><td>&nbsp;&nbsp;&nbsp;满意度指标</td><td></td><td></td></tr>
<tr><td>&nbsp;&nbsp;&nbsp;&nbsp;服务对象满意度指标(必填)</td><td></td><td></td></tr>
<tr><td>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;养殖户满意度</td><td>≥90%</td><td></td></tr>
<tr><td>&nbsp;&nbsp;&nbsp;效益指标</td><td></td><td></td></tr>
<tr><td>&nbsp;&nbsp;&nbsp;&nbsp;社会效益指标(必填)</td><td></td><td></td></tr>
<tr><td>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;区域内重大动物疫情发生次数</td><td>0次</td><td></td></tr>
<tr><td>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;免疫抗体合格率</td><td>≥70%</td><td></td></tr>
<tr><td>&nbsp;&nbsp;病死畜禽无害化处理</td><td></td><td>480000</td></tr>
<tr><td>&nbsp;&nbsp;&nbsp;产出指标</td><td></td><td></td></tr>
<tr><td>&nbsp;&nbsp;&nbsp;&nbsp;质量指标(必填)</td><td></td><td></td></tr>
<tr><td>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;无害化处理率</td><td>100%</td><td></td></tr>
<tr><td>&nbsp;&nbsp;&nbsp;&nbsp;数量指标(必填硬性指标)</td><td></td><td></td></tr>
<tr><td>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;处理病死畜禽数量</td><td>≥1.2万头</td><td></td></tr>
<tr><td>&nbsp;&nbsp;&nbsp;效益指标</td><td></td><td></td></tr>
<tr><td>&nbsp;&nbsp;&nbsp;&nbsp;生态效益指标</td><td></td><td></td></tr>
<tr><td>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;病死畜禽乱丢弃现象</td><td>明显减少</td><td></td></tr>
</table></body></html>
";

    private const string FlatListWithHeadingRows = @"<html><body>
<p>某县人力资源和社会保障局2025年职业技能培训项目绩效目标表</p>
<table border=""1"">
<tr><td>指标名称</td><td>计量单位</td><td>指标值</td></tr>
<tr><td>产出指标</td><td></td><td></td></tr>
<tr><td>成本指标</td><td></td><td></td></tr>
<tr><td>单次培训费用</td><td>万元</td><td>≤2</td></tr>
<tr><td>数量指标</td><td></td><td></td></tr>
<tr><td>培训人数</td><td>人</td><td>≥300</td></tr>
<tr><td>效益指标</td><td></td><td></td></tr>
<tr><td>可持续影响指标</td><td></td><td></td></tr>
<tr><td>培训成果转化</td><td></td><td>长期</td></tr>
</table></body></html>
";
}
