using Xunit;
using static BudgetGrpc.Engine.Tests.Layouts.LayoutChecks;

namespace BudgetGrpc.Engine.Tests.Layouts;

/// <summary>
/// Indicator headers a page break parted, said again or left at the foot of a page, in forms one under the other: found
/// by the generated variants at 9,000 a family (forms=oneTable with pageBreak=split or splitWithHeader, 19 of 45,000
/// imperfect, each read down to one of these). Tables written by us.
/// </summary>
public sealed class PageBreakHeaderTests
{
    private const string Form = "项目名称\t乡村医生岗位补助\t\t\t\n年度资金总额\t175\t\t\t\n年度目标\t按季度发放乡村医生岗位补助。\t\t\t\n";

    [Fact]
    public void A_header_whose_top_row_the_next_page_says_again_whole_is_read_there()
    {
        // Text export: the top row ended page 1 (a blank line for the break), page 2 says the header whole, then the second
        // row the first page never showed.
        var d = Parse("某市2026年项目支出绩效目标表\t\t\t\t\n" + Form + string.Join("\n",
            "三级指标\t指标方向\t指标值\t\t备注",
            "\t\t\t\t",
            "三级指标\t指标方向\t指标值\t\t备注",
            "\t\t中期目标值\t年度目标值\t",
            "\t\t中期目标值\t年度目标值\t",
            "产出指标-数量指标-补助乡村医生人数\t≥\t400人\t420人\t",
            "满意度指标-服务对象满意度指标-乡村医生满意度\t≥\t85%\t90%\t"), "form.tsv");
        Assert.Equal(["产出指标/数量指标/补助乡村医生人数 >= 420 人", "满意度指标/服务对象满意度指标/乡村医生满意度 >= 90 %"],
            Assert.Single(d.Projects).Indicators.Select(Ind));
    }

    [Fact]
    public void A_two_row_header_parted_by_blank_rows_reads_the_years_values()
    {
        var d = Parse("某市2026年项目支出绩效目标表\t\t\t\t\n" + Form + string.Join("\n",
            "三级指标\t指标方向\t指标值\t\t备注",
            "\t\t\t\t",
            "\t\t\t\t",
            "\t\t中期目标值\t年度目标值\t",
            "产出指标-数量指标-补助乡村医生人数\t≥\t400人\t420人\t",
            "满意度指标-服务对象满意度指标-乡村医生满意度\t≥\t85%\t90%\t"), "form.tsv");
        Assert.Equal(["产出指标/数量指标/补助乡村医生人数 >= 420 人", "满意度指标/服务对象满意度指标/乡村医生满意度 >= 90 %"],
            Assert.Single(d.Projects).Indicators.Select(Ind));
    }

    private const string Header = @"<tr><td rowspan=""2"">绩效指标表</td><td rowspan=""2"">一级指标</td><td rowspan=""2"">二级指标</td><td rowspan=""2"">指标内容</td><td rowspan=""2"">指标方向</td><td colspan=""2"">指标值</td></tr>
<tr><td>中期指标值</td><td>年度指标值</td></tr>";

    [Fact]
    public void A_header_said_again_whose_merge_the_break_cut_still_tells_a_sign_column_by_its_rows()
    {
        // 指标方向 heads the ≥ signs. The second form has one indicator row before the break; the header said again on the
        // next page lost its first cell's merge (a blank cell under 绩效指标表), and the rows under it tell the column.
        var d = Parse(@"<html><body><p>某县2026年项目支出绩效目标表</p><table border=""1"">
<tr><td>项目名称</td><td colspan=""6"">春耕农资补贴</td></tr>
<tr><td>年度资金总额</td><td colspan=""6"">80</td></tr>
" + Header + @"
<tr><td></td><td>产出指标</td><td>数量指标</td><td>补贴农户</td><td>>=</td><td>900户</td><td>1000户</td></tr>
<tr><td></td><td>满意度指标</td><td>服务对象满意度指标</td><td>农户满意度</td><td>>=</td><td>85%</td><td>90%</td></tr>
<tr><td>项目名称</td><td colspan=""6"">秸秆还田补助</td></tr>
<tr><td>年度资金总额</td><td colspan=""6"">40</td></tr>
" + Header + @"
<tr><td></td><td>产出指标</td><td>数量指标</td><td>秸秆还田面积</td><td>>=</td><td>7200亩</td><td>8000亩</td></tr>
<tr><td>绩效指标表</td><td rowspan=""2"">一级指标</td><td rowspan=""2"">二级指标</td><td rowspan=""2"">指标内容</td><td rowspan=""2"">指标方向</td><td colspan=""2"">指标值</td></tr>
<tr><td></td><td>中期指标值</td><td>年度指标值</td></tr>
<tr><td></td><td></td><td></td><td>补助农户</td><td>>=</td><td>585户</td><td>650户</td></tr>
<tr><td></td><td>效益指标</td><td>经济效益指标</td><td>户均增收</td><td>>=</td><td>720元</td><td>800元</td></tr>
</table></body></html>");
        Assert.Equal(["春耕农资补贴", "秸秆还田补助"], d.Projects.Select(p => p.Name));
        Assert.Equal(["产出指标/数量指标/秸秆还田面积 >= 8000 亩", "产出指标/数量指标/补助农户 >= 650 户", "效益指标/经济效益指标/户均增收 >= 800 元"],
            d.Projects[1].Indicators.Select(Ind));
    }

    [Fact]
    public void A_header_that_ended_its_page_tells_its_columns_by_the_next_pages_rows()
    {
        // The page broke right under the header: nothing under it told 指标方向 as the signs' column on page 1.
        var d = Parse(@"<html><body><p>某县2026年项目支出绩效目标表</p><table border=""1"">
<tr><td>项目名称</td><td colspan=""6"">秸秆还田补助</td></tr>
<tr><td>年度资金总额</td><td colspan=""6"">40</td></tr>
" + Header + @"
</table><table border=""1"">
<tr><td></td><td>产出指标</td><td>数量指标</td><td>秸秆还田面积</td><td>≧</td><td>7200亩</td><td>8000亩</td></tr>
<tr><td></td><td>效益指标</td><td>经济效益指标</td><td>户均增收</td><td>≧</td><td>720元</td><td>800元</td></tr>
</table></body></html>");
        Assert.Equal(["产出指标/数量指标/秸秆还田面积 >= 8000 亩", "效益指标/经济效益指标/户均增收 >= 800 元"],
            Assert.Single(d.Projects).Indicators.Select(Ind));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)] // with the group row 绩效指标 | 年度绩效指标 over the header, its merge cut by the break on the first
    public void A_form_cut_after_its_money_reads_its_goals_under_a_repeated_header_whose_columns_only_its_rows_tell(bool groupRow)
    {
        // 指标名称 holds the second levels and 指标描述 the names: only the rows under the header said again after the goals
        // tell them; the header the break repeated over the goals has none under it.
        string Group(bool cut) => !groupRow ? "" : cut
            ? @"<tr><td>绩效指标</td><td colspan=""4"">年度绩效指标</td></tr>"
            : @"<tr><td rowspan=""5"">绩效指标</td><td colspan=""4"">年度绩效指标</td></tr>";
        var lead = groupRow ? "<td></td>" : "";
        var d = Parse(@"<html><body><p>某县2025年项目支出绩效目标表</p><table border=""1"">
<tr><td>项目名称</td><td colspan=""" + (groupRow ? 4 : 3) + @""">河道保洁</td></tr>
<tr><td>年度资金总额</td><td colspan=""" + (groupRow ? 4 : 3) + @""">65.5</td></tr>
</table><table border=""1"">
" + Group(cut: true) + "<tr>" + lead + @"<td>一级指标</td><td>指标名称</td><td>指标值</td><td>指标描述</td></tr>
<tr><td>年度目标</td><td colspan=""" + (groupRow ? 4 : 3) + @""">保持河道整洁畅通。</td></tr>
" + Group(cut: false) + "<tr>" + @"<td>一级指标</td><td>指标名称</td><td>指标值</td><td>指标描述</td></tr>
<tr><td>产出指标</td><td>数量指标</td><td>≥86公里</td><td>河道保洁长度</td></tr>
<tr><td></td><td>质量指标</td><td>≥90%</td><td>河道保洁达标率</td></tr>
<tr><td>满意度指标</td><td>服务对象满意度指标</td><td>≥85%</td><td>沿河群众满意度</td></tr>
</table></body></html>");
        var p = Assert.Single(d.Projects);
        Assert.Equal(65.5m, p.Amount);
        Assert.Equal(["保持河道整洁畅通。"], p.Objectives);
        Assert.Equal(["产出指标/数量指标/河道保洁长度 >= 86 公里", "产出指标/质量指标/河道保洁达标率 >= 90 %", "满意度指标/服务对象满意度指标/沿河群众满意度 >= 85 %"],
            p.Indicators.Select(Ind));
    }

    [Fact]
    public void A_row_without_figures_whose_name_spans_like_its_head_is_no_second_header_row()
    {
        // 指标描述 spans two columns and so does each name under it. Page 2 says the header again; its first row is a
        // qualitative one with its first level left blank: no figure, but no header words either.
        const string header = @"<tr><td>一级指标</td><td>指标名称</td><td>指标值类型</td><td>指标值</td><td colspan=""2"">指标描述</td><td>指标性质</td></tr>";
        var d = Parse(@"<html><body><p>某县水利局2025年部门整体支出绩效目标表</p><table border=""1"">
<tr><td>部门名称</td><td colspan=""6"">某县水利局</td></tr>
<tr><td>年度预算数</td><td colspan=""6"">2740</td></tr>
<tr><td>年度总体目标</td><td colspan=""6"">保障农村供水安全。</td></tr>
" + header + @"
<tr><td>产出指标</td><td>数量指标</td><td>≧</td><td>120公里</td><td colspan=""2"">新建供水管网长度</td><td>正向</td></tr>
<tr><td>效益指标</td><td>社会效益指标</td><td>≧</td><td>92%</td><td colspan=""2"">农村自来水普及率</td><td>正向</td></tr>
</table><table border=""1"">
" + header + @"
<tr><td></td><td>可持续影响指标</td><td>定性</td><td>逐步健全</td><td colspan=""2"">工程长效管护机制</td><td>正向</td></tr>
<tr><td>满意度指标</td><td>服务对象满意度指标</td><td>≧</td><td>90%</td><td colspan=""2"">群众满意度</td><td>正向</td></tr>
</table></body></html>");
        Assert.Equal(["产出指标/数量指标/新建供水管网长度 >= 120 公里", "效益指标/社会效益指标/农村自来水普及率 >= 92 %",
                "效益指标/可持续影响指标/工程长效管护机制 qualitative 逐步健全", "满意度指标/服务对象满意度指标/群众满意度 >= 90 %"],
            Assert.Single(d.Projects).Indicators.Select(Ind));
    }

    [Fact]
    public void A_header_repeated_with_its_group_row_amid_the_labels_leaves_the_form_going_on()
    {
        // Text export: the break fell after the name; the page repeats the group row and the header, then the rest of the
        // labels (项目执行单位 first), and the header again over the indicators.
        var d = Parse(string.Join("\n",
            "某市2026年项目支出绩效目标表\t\t\t",
            "项目名称\t重大传染病防控\t\t",
            "\t\t\t",
            "年度绩效指标\t\t\t",
            "三级指标\t指标方向\t指标值\t单位",
            "项目执行单位\t某市疾病预防控制中心\t项目负责人\t王某",
            "年度资金总额\t88.6\t\t",
            "年度目标\t做好重大传染病监测和应急处置。\t\t",
            "年度绩效指标\t\t\t",
            "三级指标\t指标方向\t指标值\t单位",
            "产出指标-数量指标-传染病监测点数量\t≥\t15\t个",
            "满意度指标-服务对象满意度指标-社会公众满意度\t≥\t85\t%"), "form.tsv");
        var p = Assert.Single(d.Projects);
        Assert.Equal(88.6m, p.Amount);
        Assert.Equal(["做好重大传染病监测和应急处置。"], p.Objectives);
        Assert.Equal(["产出指标/数量指标/传染病监测点数量 >= 15 个", "满意度指标/服务对象满意度指标/社会公众满意度 >= 85 %"], p.Indicators.Select(Ind));
    }

    private const string DirectionHeader = @"<tr><td>本年度绩效指标</td><td>一级</td><td>二级指标</td><td>三级指标</td><td>指标方向</td><td>年度目标值</td></tr>";

    [Fact]
    public void A_header_said_again_after_a_page_that_ended_with_it_reads_its_columns_from_its_own_rows()
    {
        // Page 1 ends with the header and no row under it; page 2 says it again over the rows, whose ≥ words make 指标方向
        // the comparator column: the rows are read with page 2's reading of the header, not page 1's.
        var d = Parse(@"<html><body><p>某县2025年项目支出绩效目标表</p><table border=""1"">
<tr><td>项目名称</td><td colspan=""5"">饲草种植补贴</td></tr>
<tr><td>年度资金总额</td><td colspan=""5"">56</td></tr>
" + DirectionHeader + @"
</table><table border=""1"">
" + DirectionHeader + @"
<tr><td></td><td>产出指标</td><td>数量指标</td><td>饲草种植面积</td><td>大于等于</td><td>8000亩</td></tr>
<tr><td></td><td>效益指标</td><td>经济效益指标</td><td>户均增收</td><td>大于等于</td><td>800元</td></tr>
</table></body></html>");
        Assert.Equal(["产出指标/数量指标/饲草种植面积 >= 8000 亩", "效益指标/经济效益指标/户均增收 >= 800 元"],
            Assert.Single(d.Projects).Indicators.Select(Ind));
    }

    [Fact]
    public void A_single_row_under_a_header_tells_a_comparator_column_by_its_sign_words()
    {
        // One indicator row before the break: 大于等于 under 指标方向 is a comparator, never a direction (正向 / 反向).
        var d = Parse(@"<html><body><p>某县2025年项目支出绩效目标表</p><table border=""1"">
<tr><td>项目名称</td><td colspan=""5"">饲草种植补贴</td></tr>
<tr><td>年度资金总额</td><td colspan=""5"">56</td></tr>
" + DirectionHeader + @"
<tr><td></td><td>产出指标</td><td>数量指标</td><td>饲草种植面积</td><td>大于等于</td><td>8000亩</td></tr>
</table><table border=""1"">
" + DirectionHeader + @"
<tr><td></td><td>效益指标</td><td>经济效益指标</td><td>户均增收</td><td>大于等于</td><td>800元</td></tr>
<tr><td></td><td>满意度指标</td><td>服务对象满意度指标</td><td>受益农户满意度</td><td>大于等于</td><td>92%</td></tr>
</table></body></html>");
        Assert.Equal(["产出指标/数量指标/饲草种植面积 >= 8000 亩", "效益指标/经济效益指标/户均增收 >= 800 元", "满意度指标/服务对象满意度指标/受益农户满意度 >= 92 %"],
            Assert.Single(d.Projects).Indicators.Select(Ind));
    }
}
