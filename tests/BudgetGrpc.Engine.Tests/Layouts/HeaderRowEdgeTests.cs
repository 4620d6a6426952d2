using BudgetGrpc.Engine.Model;
using Xunit;
using static BudgetGrpc.Engine.Tests.Layouts.LayoutChecks;

namespace BudgetGrpc.Engine.Tests.Layouts;

/// <summary>
/// How a header is read (issue 15, the paths a mutation run of HeaderRow found unchecked): which sub-column of a split
/// value header holds the year's target, whatever its place. Tables written by us on the model of the county forms.
/// </summary>
public sealed class HeaderRowEdgeTests
{
    private static Disclosure Parse(string html) => LayoutChecks.Parse(html, "header.html");

    private static string Page(string header, string rows) => @"<html><body><p>某县卫生健康局2026年项目支出绩效目标表</p><table border=""1"">
<tr><td>项目名称</td><td colspan=""4"">基本公共卫生服务</td></tr>
<tr><td>主管部门</td><td colspan=""4"">某县卫生健康局</td></tr>
<tr><td>年度资金总额</td><td colspan=""4"">356</td></tr>
<tr><td>年度绩效目标</td><td colspan=""4"">为辖区居民免费提供基本公共卫生服务。</td></tr>
" + header + rows + "</table></body></html>";

    [Fact]
    public void A_value_header_split_by_years_reads_the_later_year()
    {
        var d = Parse(Page(@"<tr><td rowspan=""2"">一级指标</td><td rowspan=""2"">二级指标</td><td rowspan=""2"">三级指标</td><td colspan=""2"">指标值</td></tr>
<tr><td>2025年</td><td>2026年</td></tr>", @"
<tr><td>产出指标</td><td>数量指标</td><td>老年人健康管理人数</td><td>≥9000人</td><td>≥9500人</td></tr>
<tr><td>满意度指标</td><td>服务对象满意度指标</td><td>居民满意度</td><td>≥85%</td><td>≥90%</td></tr>"));
        Assert.Equal(["产出指标/数量指标/老年人健康管理人数 >= 9500 人", "满意度指标/服务对象满意度指标/居民满意度 >= 90 %"],
            Assert.Single(d.Projects).Indicators.Select(Ind));
    }

    [Fact]
    public void Of_three_columns_headed_as_comparators_the_one_whose_cells_are_signs_bounds_the_targets()
    {
        // 指标性质 holds 正向/反向 and 指标值类型 定量/定性: both words also head comparator columns elsewhere, but only the
        // signs under 计算符号 bound the values.
        var d = Parse(Page(@"<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标性质</td><td>指标值类型</td><td>指标值</td><td>计算符号</td></tr>", @"
<tr><td>产出指标</td><td>数量指标</td><td>老年人健康管理人数</td><td>正向</td><td>定量</td><td>9500人</td><td>≥</td></tr>
<tr><td>产出指标</td><td>成本指标</td><td>人均服务成本</td><td>反向</td><td>定量</td><td>89元</td><td>≤</td></tr>
<tr><td>效益指标</td><td>社会效益指标</td><td>居民健康水平</td><td>正向</td><td>定性</td><td>稳步提高</td><td>定性</td></tr>
<tr><td>满意度指标</td><td>服务对象满意度指标</td><td>居民满意度</td><td>正向</td><td>定量</td><td>90%</td><td>≥</td></tr>"));
        var p = Assert.Single(d.Projects);
        Assert.Equal(["产出指标/数量指标/老年人健康管理人数 >= 9500 人", "产出指标/成本指标/人均服务成本 <= 89 元",
            "效益指标/社会效益指标/居民健康水平 qualitative 稳步提高", "满意度指标/服务对象满意度指标/居民满意度 >= 90 %"], p.Indicators.Select(Ind));
        Assert.Equal(["正向", "反向", "正向", "正向"], p.Indicators.Select(i => i.Direction));
    }

    [Fact]
    public void A_value_header_split_with_the_years_target_first_reads_it_not_last_years_actual()
    {
        var d = Parse(Page(@"<tr><td rowspan=""2"">一级指标</td><td rowspan=""2"">二级指标</td><td rowspan=""2"">三级指标</td><td colspan=""2"">指标值</td></tr>
<tr><td>本年目标值</td><td>上年实际值</td></tr>", @"
<tr><td>产出指标</td><td>数量指标</td><td>老年人健康管理人数</td><td>≥9500人</td><td>9012人</td></tr>
<tr><td>满意度指标</td><td>服务对象满意度指标</td><td>居民满意度</td><td>≥90%</td><td>88%</td></tr>"));
        Assert.Equal(["产出指标/数量指标/老年人健康管理人数 >= 9500 人", "满意度指标/服务对象满意度指标/居民满意度 >= 90 %"],
            Assert.Single(d.Projects).Indicators.Select(Ind));
    }

    [Fact]
    public void A_split_value_header_whose_span_a_text_export_lost_still_reads_the_years_target()
    {
        // 指标值 stands over its first sub-column only, the other cells of the upper row left blank.
        var d = Parse(Page(@"<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td><td></td></tr>
<tr><td></td><td></td><td></td><td>中长期</td><td>年度</td></tr>", @"
<tr><td>产出指标</td><td>数量指标</td><td>老年人健康管理人数</td><td>≥30000人</td><td>≥9500人</td></tr>
<tr><td>满意度指标</td><td>服务对象满意度指标</td><td>居民满意度</td><td>≥95%</td><td>≥90%</td></tr>"));
        Assert.Equal(["产出指标/数量指标/老年人健康管理人数 >= 9500 人", "满意度指标/服务对象满意度指标/居民满意度 >= 90 %"],
            Assert.Single(d.Projects).Indicators.Select(Ind));
    }

    [Fact]
    public void A_bare_unit_column_right_of_the_values_is_the_unit_of_measure()
    {
        var d = Parse(Page(@"<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td><td>单位</td></tr>", @"
<tr><td>产出指标</td><td>数量指标</td><td>老年人健康管理人数</td><td>≥9500</td><td>人</td></tr>
<tr><td>满意度指标</td><td>服务对象满意度指标</td><td>居民满意度</td><td>≥90</td><td>%</td></tr>"));
        var p = Assert.Single(d.Projects);
        Assert.Equal(["产出指标/数量指标/老年人健康管理人数 >= 9500 人", "满意度指标/服务对象满意度指标/居民满意度 >= 90 %"], p.Indicators.Select(Ind));
        Assert.Equal(("基本公共卫生服务", ""), (p.Name, p.Unit));
    }

    [Fact]
    public void Targets_set_per_township_under_no_value_word_are_read_from_the_first_column_of_figures()
    {
        var d = Parse(Page(@"<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>城关镇</td><td>河口镇</td></tr>", @"
<tr><td>产出指标</td><td>数量指标</td><td>老年人健康管理人数</td><td>≥5200人</td><td>≥4300人</td></tr>
<tr><td>满意度指标</td><td>服务对象满意度指标</td><td>居民满意度</td><td>≥90%</td><td>≥88%</td></tr>"));
        Assert.Equal(["产出指标/数量指标/老年人健康管理人数 >= 5200 人", "满意度指标/服务对象满意度指标/居民满意度 >= 90 %"],
            Assert.Single(d.Projects).Indicators.Select(Ind));
    }

    [Fact]
    public void A_value_column_headed_as_the_years_goal_right_of_the_names_holds_the_targets()
    {
        var d = Parse(Page(@"<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>年度目标</td></tr>", @"
<tr><td>产出指标</td><td>数量指标</td><td>老年人健康管理人数</td><td>≥9500人</td></tr>
<tr><td>满意度指标</td><td>服务对象满意度指标</td><td>居民满意度</td><td>≥90%</td></tr>"));
        var p = Assert.Single(d.Projects);
        Assert.Equal(["产出指标/数量指标/老年人健康管理人数 >= 9500 人", "满意度指标/服务对象满意度指标/居民满意度 >= 90 %"], p.Indicators.Select(Ind));
        Assert.Equal(["为辖区居民免费提供基本公共卫生服务。"], p.Objectives);
    }

    [Fact]
    public void A_refused_table_names_each_header_word_once_though_a_merge_spreads_it_over_columns()
    {
        var result = new DisclosureEngine().Parse(System.Text.Encoding.UTF8.GetBytes(@"<html><body><p>某县2026年预算表</p><table border=""1"">
<tr><td colspan=""2"">项目名称</td><td>预算数</td><td>资金来源</td></tr>
<tr><td>1</td><td>春耕补贴</td><td>20</td><td>财政</td></tr></table></body></html>"), "header.html");
        Assert.Equal(DisclosureErrorCode.UnrecognisedLayout, result.Error!.Code);
        Assert.Contains("项目名称 | 预算数", result.Error.Message);
        Assert.DoesNotContain("项目名称 | 项目名称", result.Error.Message);
    }

    [Fact]
    public void A_flat_list_of_names_with_a_comparator_column_is_an_indicator_table()
    {
        var d = Parse(Page(@"<tr><td>指标名称</td><td>指标性质</td><td>指标值</td><td>计量单位</td></tr>", @"
<tr><td>老年人健康管理人数</td><td>≥</td><td>9500</td><td>人</td></tr>
<tr><td>居民满意度</td><td>≥</td><td>90</td><td>%</td></tr>"));
        var p = Assert.Single(d.Projects);
        Assert.Equal(["老年人健康管理人数 >= 9500 人", "居民满意度 >= 90 %"], p.Indicators.Select(i => $"{i.Name} {i.Comparator.ToWire()} {i.Value} {i.Unit}"));
    }

    [Fact]
    public void A_header_of_names_and_values_only_reads_the_levels_written_before_each_name()
    {
        var d = Parse(Page(@"<tr><td colspan=""3"">指标名称</td><td colspan=""2"">指标值</td></tr>", @"
<tr><td colspan=""3"">产出指标-数量指标-老年人健康管理人数</td><td colspan=""2"">≥9500人</td></tr>
<tr><td colspan=""3"">满意度指标-服务对象满意度指标-居民满意度</td><td colspan=""2"">≥90%</td></tr>"));
        Assert.Equal(["产出指标/数量指标/老年人健康管理人数 >= 9500 人", "满意度指标/服务对象满意度指标/居民满意度 >= 90 %"],
            Assert.Single(d.Projects).Indicators.Select(Ind));
    }

    [Fact]
    public void A_name_column_headed_like_a_goal_between_the_levels_and_the_values_holds_the_names()
    {
        var d = Parse(Page(@"<tr><td>一级指标</td><td>二级指标</td><td>绩效目标内容</td><td colspan=""2"">目标值</td></tr>", @"
<tr><td>产出指标</td><td>数量指标</td><td>老年人健康管理人数</td><td colspan=""2"">≥9500人</td></tr>
<tr><td>满意度指标</td><td>服务对象满意度指标</td><td>居民满意度</td><td colspan=""2"">≥90%</td></tr>"));
        var p = Assert.Single(d.Projects);
        Assert.Equal(["产出指标/数量指标/老年人健康管理人数 >= 9500 人", "满意度指标/服务对象满意度指标/居民满意度 >= 90 %"], p.Indicators.Select(Ind));
        Assert.Equal(["为辖区居民免费提供基本公共卫生服务。"], p.Objectives);
    }

    [Fact]
    public void A_name_with_its_levels_under_a_header_cell_merged_across_is_an_indicator_not_a_second_header_row()
    {
        // 三级指标 merged over two columns; the first row's target is words, so nothing but its levels tells it from header words.
        var d = Parse(Page(@"<tr><td colspan=""2"">三级指标</td><td>指标值</td><td>计算符号</td><td>评分标准</td></tr>", @"
<tr><td colspan=""2"">效益指标-生态效益指标-水源地保护</td><td>持续改善</td><td>定性</td><td>达到目标值得满分</td></tr>
<tr><td colspan=""2"">满意度指标-服务对象满意度指标-受益群众满意度</td><td>90％</td><td>&gt;=</td><td>未达指标值酌情扣分</td></tr>"));
        Assert.Equal(["效益指标/生态效益指标/水源地保护 qualitative 持续改善", "满意度指标/服务对象满意度指标/受益群众满意度 >= 90 %"],
            Assert.Single(d.Projects).Indicators.Select(Ind));
    }

    [Fact]
    public void The_next_forms_name_row_under_the_header_a_page_break_repeated_is_no_second_header_row()
    {
        // The first form ends its page; the next page repeats its header (under 年度绩效指标, a group word) over the next form.
        var header = @"<tr><td>年度绩效指标</td><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>";
        var d = Parse(Page(header, @"
<tr><td></td><td>产出指标</td><td>数量指标</td><td>老年人健康管理人数</td><td>≥9500人</td></tr>" + header + @"
<tr><td>项目名称</td><td colspan=""4"">重大传染病防控</td></tr>
<tr><td>年度资金总额</td><td colspan=""4"">88.6</td></tr>
<tr><td>年度绩效目标</td><td colspan=""4"">做好重大传染病监测和应急处置。</td></tr>" + header + @"
<tr><td></td><td>产出指标</td><td>数量指标</td><td>传染病监测点数量</td><td>≥15个</td></tr>"));
        Assert.Equal([("基本公共卫生服务", 356m, 1), ("重大传染病防控", 88.6m, 1)], d.Projects.Select(p => (p.Name, p.Amount, p.Indicators.Count)));
    }
}
