using System.Text;
using BudgetGrpc.Engine.Model;
using BudgetGrpc.Engine.Publishing;
using Xunit;
using static BudgetGrpc.Engine.Tests.Layouts.LayoutChecks;

namespace BudgetGrpc.Engine.Tests.Layouts;

/// <summary>
/// The families of layouts that published tables show (docs/layout-survey.md), each pinned on a small page of ours:
/// split value headers, first levels written once or not at all, comparator columns under any header, rows that are no
/// indicator, labels glued to their values, tables with no project block, department-wide tables.
/// </summary>
public sealed class LayoutFamilyTests
{
    internal static Disclosure Parse(string html, string fileName = "t.html")
    {
        var result = new DisclosureEngine().Parse(Encoding.UTF8.GetBytes(html), fileName);
        Assert.True(result.Succeeded, result.Error?.ToString());
        return result.Disclosure!;
    }

    internal static string Page(string title, string rows) =>
        $"<html><body><p>{title}</p><table>{rows}</table></body></html>";

    internal static string Row(params string[] cells) => "<tr>" + string.Concat(cells.Select(c => c.StartsWith('<') ? c : $"<td>{c}</td>")) + "</tr>";

    internal const string Block =
        "<tr><td>项目名称</td><td colspan='5'>农机购置补贴</td></tr>" +
        "<tr><td>主管部门</td><td colspan='2'>某县农业局</td><td>实施单位</td><td colspan='2'>某县农机站</td></tr>" +
        "<tr><td>资金总额（万元）</td><td colspan='5'>80（含上年结转10）</td></tr>" +
        "<tr><td>年度目标</td><td colspan='5'>1.补贴农机具200台；2.提高机械化水平。</td></tr>";

    [Fact]
    public void A_value_header_split_in_two_reads_the_years_target_not_last_years_actual()
    {
        var d = Parse(Page("某县农业局2025年项目绩效目标表",
            Block +
            "<tr><td rowspan='2'>一级指标</td><td rowspan='2'>二级指标</td><td rowspan='2'>三级指标</td><td colspan='2'>指标值</td><td rowspan='2'>备注</td></tr>" +
            Row("上年实际完成值", "本年目标值") +
            Row("产出指标", "数量指标", "补贴农机具数量", "180台", "≥200台", "") +
            Row("", "时效指标", "补贴发放及时率", "95%", "≥98%", "按季度") +
            Row("满意度指标", "服务对象满意度指标", "购机户满意度", "90%", "≥92%", "")));
        var p = Assert.Single(d.Projects);
        Assert.Equal((80m, 2), (p.Amount, p.Objectives.Count));
        Assert.Equal(["产出指标/数量指标/补贴农机具数量 >= 200 台", "产出指标/时效指标/补贴发放及时率 >= 98 %",
            "满意度指标/服务对象满意度指标/购机户满意度 >= 92 %"], p.Indicators.Select(Ind));
    }

    [Fact]
    public void A_first_level_never_written_follows_from_the_second_level()
    {
        var d = Parse(Page("某县农业局2025年项目绩效目标表",
            Block +
            Row("二级指标", "三级指标", "指标值") +
            Row("数量指标", "补贴农机具数量", "≥200台") +
            Row("社会效益指标", "农业机械化率", "提高2个百分点") +
            Row("满意度指标", "购机户满意度", "≥90%")));
        Assert.Equal(["产出指标/数量指标/补贴农机具数量 >= 200 台", "效益指标/社会效益指标/农业机械化率 qualitative 提高2个百分点",
            "满意度指标/服务对象满意度指标/购机户满意度 >= 90 %"], d.Projects[0].Indicators.Select(Ind));
    }

    [Fact]
    public void A_first_level_written_once_per_block_without_a_merge_carries_down_and_a_new_family_starts_a_new_one()
    {
        var d = Parse(Page("某县农业局2025年项目绩效目标表",
            Block +
            Row("一级指标", "二级指标", "三级指标", "指标值") +
            Row("产出指标（50分）", "数量指标", "补贴农机具数量", "≥200台") +
            Row("", "质量指标", "农机具合格率", "100%") +
            Row("", "经济效益指标", "带动农户增收", "≥50万元") +
            Row("", "服务对象满意度", "购机户满意度", "≥90%")));
        Assert.Equal(["产出指标/数量指标/补贴农机具数量 >= 200 台", "产出指标/质量指标/农机具合格率 = 100 %",
            "效益指标/经济效益指标/带动农户增收 >= 50 万元", "满意度指标/服务对象满意度指标/购机户满意度 >= 90 %"],
            d.Projects[0].Indicators.Select(Ind));
    }

    [Fact]
    public void A_column_of_signs_is_the_comparator_whatever_its_header_and_direction_and_unit_columns_are_read()
    {
        var d = Parse(Page("某县农业局2025年项目绩效目标表",
            Block +
            Row("一级指标", "二级指标", "三级指标", "指标值类别", "指标值", "计量单位", "指标方向性") +
            Row("产出指标", "数量指标", "补贴农机具数量", "≥", "200", "台", "正向指标") +
            Row("产出指标", "成本指标", "单台补贴标准", "≤", "4000", "元/台", "反向指标") +
            Row("效益指标", "社会效益指标", "机械化水平", "定性", "明显提高", "", "正向指标")));
        var p = d.Projects[0];
        Assert.Equal(["产出指标/数量指标/补贴农机具数量 >= 200 台", "产出指标/成本指标/单台补贴标准 <= 4000 元/台",
            "效益指标/社会效益指标/机械化水平 qualitative 明显提高"], p.Indicators.Select(Ind));
        Assert.Equal(["正向", "反向", "正向"], p.Indicators.Select(i => i.Direction));
    }

    [Fact]
    public void Rows_under_the_table_are_notes_not_indicators_and_the_label_glued_to_its_value_is_read()
    {
        var d = Parse(Page("某县农业局2025年项目绩效目标表",
            Row("项目名称：农机购置补贴", "主管部门：某县农业局") +
            Row("资金总额（万元）", "80") +
            Row("一级指标", "二级指标", "三级指标", "指标值") +
            Row("产出指标", "数量指标", "补贴农机具数量", "≥200台") +
            Row("满意度指标", "服务对象满意度指标", "购机户满意度", "≥90%") +
            "<tr><td colspan='4'>注：1.指标值为年度目标值。2.定性指标按完成情况评价。</td></tr>" +
            Row("填报人：张三", "联系电话：12345678", "审核意见：同意", "")));
        var p = Assert.Single(d.Projects);
        Assert.Equal(("农机购置补贴", 80m, "某县农业局"), (p.Name, p.Amount, d.Department));
        Assert.Equal(2, p.Indicators.Count);
        Assert.Empty(d.UnreadRows);
    }

    [Fact]
    public void An_indicator_table_with_no_project_block_takes_the_project_from_the_title()
    {
        var d = Parse(Page("某县农业局2025年农机购置补贴项目绩效目标表",
            Row("一级指标", "二级指标", "三级指标", "指标值") +
            Row("产出指标", "数量指标", "补贴农机具数量", "≥200台")));
        var p = Assert.Single(d.Projects);
        Assert.Equal(("农机购置补贴项目", "某县农业局", 2025), (p.Name, d.Department, d.FiscalYear));
    }

    [Fact]
    public void A_department_wide_table_is_its_own_kind_with_the_department_as_its_one_entry()
    {
        var d = Parse(Page("部门整体支出绩效目标表（2025年度）",
            Row("部门（单位）名称", "某县水利局", "", "") +
            "<tr><td rowspan='3'>年度预算（万元）</td><td>资金总额</td><td colspan='2'>560.5</td></tr>" +
            Row("财政拨款", "540.5", "") +
            Row("其他资金", "20", "") +
            "<tr><td rowspan='3'>年度主要任务</td><td>任务名称</td><td>主要内容</td><td>预算金额</td></tr>" +
            Row("河道治理", "治理中小河流12公里", "300") +
            Row("水库运行管护", "保障小型水库安全运行", "120") +
            Row("年度总体目标", "1.完成河道治理12公里；2.小型水库安全度汛。", "", "") +
            Row("一级指标", "二级指标", "三级指标", "指标值") +
            Row("产出指标", "数量指标", "治理河道长度", "≥12公里") +
            Row("效益指标", "社会效益指标", "水库安全运行率", "100%")));
        Assert.Equal((DisclosureKind.DepartmentTargets, "某县水利局", 2025, "万元"), (d.Kind, d.Department, d.FiscalYear, d.AmountUnit));
        var p = Assert.Single(d.Projects);
        Assert.Equal(("", "某县水利局", 560.5m), (p.Code, p.Name, p.Amount));
        Assert.Equal(4, p.Objectives.Count);
        Assert.Equal(2, p.Indicators.Count);
        Assert.Contains("\"kind\": \"departmentTargets\"", Encoding.UTF8.GetString(PublicationJson.ToUtf8Bytes(d)));
    }

    [Fact]
    public void A_file_with_no_indicator_table_is_refused_naming_the_header_words_seen_and_expected()
    {
        var result = new DisclosureEngine().Parse(Encoding.UTF8.GetBytes(Page("某县2025年预算表",
            Row("项目名称", "预算数", "资金来源") + Row("春耕补贴", "20", "财政"))), "t.html");
        Assert.Equal(DisclosureErrorCode.UnrecognisedLayout, result.Error!.Code);
        Assert.Contains("项目名称 | 预算数", result.Error.Message);
        Assert.Contains("一级指标", result.Error.Message);
    }

    [Fact]
    public void Parallel_long_term_and_annual_columns_read_the_annual_ones()
    {
        var d = Parse(Page("某区教育局2024年项目绩效目标表",
            Block +
            Row("一级指标", "二级指标（长期）", "三级指标（长期）", "指标值（长期）", "二级指标（年度）", "三级指标（年度）", "指标值（年度）") +
            Row("产出指标", "数量指标", "", "", "数量指标", "新建教室数量", "6间") +
            Row("产出指标", "质量指标", "", "", "质量指标", "工程验收合格率", "100%")));
        Assert.Equal(["产出指标/数量指标/新建教室数量 = 6 间", "产出指标/质量指标/工程验收合格率 = 100 %"], d.Projects[0].Indicators.Select(Ind));
    }

    [Fact]
    public void Names_carry_their_unit_or_a_templates_sign_and_first_levels_go_by_other_names()
    {
        var d = Parse(Page("某县林业局2024年项目绩效目标表",
            Block +
            Row("一级指标", "二级指标", "三级指标", "指标值") +
            Row("项目完成指标", "数量指标（必填）", "指标1：造林面积（亩）", "8000") +
            Row("项目完成指标", "质量指标（必填）", "苗木成活率（≥**%）", "85") +
            Row("项目效益指标", "社会效益指标（选填）", "受益农户（户）", "120") +
            Row("效益指标", "社会公众或服务对象满意度指标", "农户满意度", "≥90%")));
        Assert.Equal(["产出指标/数量指标/造林面积 = 8000 亩", "产出指标/质量指标/苗木成活率 >= 85 %",
            "效益指标/社会效益指标/受益农户 = 120 户", "满意度指标/服务对象满意度指标/农户满意度 >= 90 %"], d.Projects[0].Indicators.Select(Ind));
    }

    [Fact]
    public void Times_in_words_serial_dates_dash_units_and_a_mistyped_equals_are_read_as_meant()
    {
        var d = Parse(Page("某县商务局2024年项目绩效目标表",
            Block +
            Row("一级指标", "二级指标", "三级指标", "指标值", "度量单位") +
            Row("产出指标", "时效指标", "资金拨付时间", "12月底到位", "-") +
            Row("产出指标", "时效指标", "项目完成时间", "2024年底", "-") +
            Row("产出指标", "时效指标", "资金到位时间", "45657", "") +
            Row("产出指标", "质量指标", "资金使用率", "二100百分比", "-") +
            Row("产出指标", "数量指标", "培训人次", "95%以上", "—")));
        Assert.Equal(["产出指标/时效指标/资金拨付时间 qualitative 12月底到位", "产出指标/时效指标/项目完成时间 qualitative 2024年底",
            "产出指标/时效指标/资金到位时间 qualitative 2024-12-31", "产出指标/质量指标/资金使用率 = 100 %",
            "产出指标/数量指标/培训人次 >= 95 %"], d.Projects[0].Indicators.Select(Ind));
    }

    [Fact]
    public void Columns_whose_headers_swap_direction_and_sign_are_read_by_their_cells()
    {
        var d = Parse(Page("某市供销社2024年项目绩效目标表",
            Block +
            Row("一级指标", "二级指标", "三级指标", "指标性质", "指标方向", "目标值", "计量单位", "分值") +
            Row("产出指标", "数量指标", "出差人次", "正向", "≥", "24", "人次", "4") +
            Row("产出指标", "成本指标", "出差总成本", "反向", "≤", "1", "万元", "4")));
        var p = d.Projects[0];
        Assert.Equal(["产出指标/数量指标/出差人次 >= 24 人次", "产出指标/成本指标/出差总成本 <= 1 万元"], p.Indicators.Select(Ind));
        Assert.Equal(["正向", "反向"], p.Indicators.Select(i => i.Direction));
        Assert.Equal([4m, 4m], p.Indicators.Select(i => i.Weight!.Value));
    }

    [Fact]
    public void The_year_comes_from_the_table_not_from_the_pages_publishing_date_and_department_codes_are_dropped()
    {
        var html = "<html><body><p>发布时间：2025年03月01日</p><table>" +
            Row("项目绩效目标表", "", "", "") + Row("（2024年）", "", "", "") +
            Row("项目名称", "农资补贴", "", "") + Row("主管部门", "(433)某市供销合作社(部门)", "", "") +
            Row("一级指标", "二级指标", "三级指标", "指标值") + Row("产出指标", "数量指标", "补贴户数", "≥100户") +
            "</table></body></html>";
        var d = Parse(html);
        Assert.Equal((2024, "某市供销合作社"), (d.FiscalYear, d.Department));
    }

    [Fact]
    public void Approval_rows_beside_a_side_label_merged_down_the_table_are_notes()
    {
        var d = Parse(Page("某区农业农村局2024年项目绩效目标表",
            Block +
            "<tr><td rowspan='5'>绩效指标</td><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>" +
            Row("产出指标", "数量指标", "流转土地", "≥60亩") +
            Row("满意度指标", "服务对象满意度指标", "游客满意度", "≥90%") +
            "<tr><td>财政部门初审意见</td><td colspan='3'>（盖章）</td></tr>" +
            "<tr><td>主管部门审核意见</td><td colspan='3'>（盖章）</td></tr>"));
        Assert.Equal(2, d.Projects[0].Indicators.Count);
    }

    [Fact]
    public void Values_under_no_value_header_are_found_by_their_figures_and_levels_cut_to_one_character_are_known()
    {
        var d = Parse(Page("某县水利局2024年水利发展资金绩效目标表",
            Row("资金名称", "水利发展资金", "", "") +
            Row("年度金额（万元）", "300", "", "") +
            Row("总体目标", "为完成以下目标：1.治理河道；2.改善灌溉。", "", "") +
            Row("一级指标", "二级指标", "三级指标", "甲镇") +
            Row("产", "数量指标", "治理河道长度（公里）", "12") +
            Row("效", "社会效益指标", "受益人口（人）", "3000")));
        var p = Assert.Single(d.Projects);
        Assert.Equal(("水利发展资金", 300m, 2), (p.Name, p.Amount, p.Objectives.Count));
        Assert.Equal(["产出指标/数量指标/治理河道长度 = 12 公里", "效益指标/社会效益指标/受益人口 = 3000 人"], p.Indicators.Select(Ind));
    }

    [Fact]
    public void A_value_header_over_one_column_per_region_reads_the_total()
    {
        var d = Parse(Page("某市2024年专项转移支付绩效目标表",
            Block +
            "<tr><td rowspan='2'>一级指标</td><td rowspan='2'>二级指标</td><td rowspan='2'>三级指标</td><td colspan='3'>区域目标值</td></tr>" +
            Row("甲县", "乙县", "合计") +
            Row("产出指标", "数量指标", "改造农户数", "100户", "80户", "180户")));
        Assert.Equal(["产出指标/数量指标/改造农户数 = 180 户"], d.Projects[0].Indicators.Select(Ind));
    }

    [Fact]
    public void A_label_block_and_its_indicator_table_in_two_tables_make_one_project()
    {
        var html = "<html><body><p>某县农业局2025年项目绩效目标表</p><table>" + Block + "</table><p>绩效指标</p><table>" +
            Row("一级指标", "二级指标", "三级指标", "指标值") + Row("产出指标", "数量指标", "补贴农机具数量", "≥200台") +
            "</table></body></html>";
        var p = Assert.Single(Parse(html).Projects);
        Assert.Equal(("农机购置补贴", 1), (p.Name, p.Indicators.Count));
    }

    [Fact]
    public void A_two_row_header_repeated_amid_a_project_list_in_a_text_export_is_no_indicator()
    {
        // The lower header row keeps one word (具体指标 under 绩效目标指标); repeated by a page break, it is header again.
        const string header = "序号,项目名称,资金总额（万元）,年度目标,绩效目标指标,指标值,计量单位,计算符号\n,,,,具体指标,,,\n";
        var csv = "某县2026年项目支出绩效目标表\n" + header
            + "1,乡村道路养护,120,完成乡村道路养护。,产出指标-数量指标-养护里程,260,公里,>=\n"
            + "1,乡村道路养护,120,完成乡村道路养护。,满意度指标-服务对象满意度指标-群众满意度,88,%,>=\n"
            + "2,农村饮水设施维修,45,维修农村饮水设施。,产出指标-数量指标-维修供水点,32,处,>=\n"
            + header
            + "2,农村饮水设施维修,45,维修农村饮水设施。,效益指标-社会效益指标-饮水安全保障,明显提升,,定性\n";
        var d = Parse(csv, "list.csv");
        Assert.Equal(["乡村道路养护", "农村饮水设施维修"], d.Projects.Select(p => p.Name));
        Assert.Equal(["养护里程", "群众满意度", "维修供水点", "饮水安全保障"], d.Projects.SelectMany(p => p.Indicators).Select(i => i.Name));
    }

    [Fact]
    public void A_table_broken_by_a_page_continues_in_the_next_grid_with_its_levels_carried_on()
    {
        var html = "<html><body><p>某县农业局2025年项目绩效目标表</p><table>" + Block +
            Row("一级指标", "二级指标", "三级指标", "指标值") + Row("产出指标", "数量指标", "补贴农机具数量", "≥200台") +
            "</table><p>第2页</p><table>" +
            Row("", "质量指标", "农机具合格率", "100%") + Row("满意度指标", "服务对象满意度指标", "购机户满意度", "≥90%") +
            "</table><table>" + Row("乡镇", "分配金额", "备注", "") + Row("甲镇", "40", "", "") + "</table></body></html>";
        var p = Assert.Single(Parse(html).Projects);
        Assert.Equal(["产出指标/数量指标/补贴农机具数量 >= 200 台", "产出指标/质量指标/农机具合格率 = 100 %",
            "满意度指标/服务对象满意度指标/购机户满意度 >= 90 %"], p.Indicators.Select(Ind));
    }

    [Fact]
    public void Tolerances_sentence_stops_names_repeated_in_values_and_levels_written_together_are_read()
    {
        var d = Parse(Page("某市交通局2024年项目绩效目标表",
            Block +
            Row("评价内容", "指标名称", "目标值") +
            Row("产出数量指标", "在校学生数", "在校学生数4953") +
            Row("质量指标", "工程造价偏差率", "±3%以内") +
            Row("时效指标", "资金支付率", "95%以上。") +
            Row("总分", "", "100")));
        Assert.Equal(["产出指标/数量指标/在校学生数 = 4953", "产出指标/质量指标/工程造价偏差率 <= 3 %", "产出指标/时效指标/资金支付率 >= 95 %"],
            d.Projects[0].Indicators.Select(Ind));
    }

    [Fact]
    public void A_value_header_whose_span_a_text_export_lost_still_reads_the_years_target()
    {
        var md = "某市2022年项目绩效目标表\n\n| 项目名称 | 党校培训 | | |\n|---|---|---|---|\n| 一级指标 | 三级指标 | 指标值 | |\n" +
            "| | | 2021年实际实现值 | 预期2022年实现值 |\n| 产出指标 | 培训班次 | | 40期 |\n| 产出指标 | 培训人次 | | 3000人次 |\n";
        var result = new DisclosureEngine().Parse(Encoding.UTF8.GetBytes(md), "t.md");
        Assert.True(result.Succeeded, result.Error?.ToString());
        Assert.Equal(["产出指标/数量指标/培训班次 = 40 期", "产出指标/数量指标/培训人次 = 3000 人次"], result.Disclosure!.Projects[0].Indicators.Select(Ind));
    }

    [Fact]
    public void A_forms_own_department_label_beats_the_title_and_a_code_after_the_name_is_dropped()
    {
        var d = Parse(Page("某市第二十一小学2019年项目绩效目标表",
            Row("项目名称", "义务教育经费", "", "") +
            Row("主管部门及其编码", "某市教育局 308001", "实施单位", "某市第二十二小学") +
            Row("一级指标", "二级指标", "三级指标", "指标值") + Row("产出指标", "数量指标", "在校学生数", "≥900人")));
        Assert.Equal("某市教育局", d.Department);
    }

    [Theory]
    // The title and the implementing unit name the same school: the school publishes its own table under its bureau.
    [InlineData("某市第二十一小学2019年项目绩效目标表", "某市第二十一小学", "某市第二十一小学")]
    [InlineData("某市第二十一小学2019年项目支出绩效自评表", "某市第二十一小学（本级）", "某市第二十一小学")]
    // The title names the bureau, or names nobody the form names: the supervising department.
    [InlineData("某市教育局2019年项目绩效目标表", "某市第二十一小学", "某市教育局")]
    [InlineData("2019年项目绩效目标表", "某市第二十一小学", "某市教育局")]
    public void A_title_and_an_implementing_unit_that_name_one_body_beat_the_supervising_department(string title, string unit, string expected)
    {
        var d = Parse(Page(title,
            Row("项目名称", "义务教育经费", "", "") +
            Row("主管部门", "某市教育局", "实施单位", unit) +
            Row("一级指标", "二级指标", "三级指标", "指标值") + Row("产出指标", "数量指标", "在校学生数", "≥900人")));
        Assert.Equal(expected, d.Department);
    }
    [Fact]
    public void A_single_indicator_row_under_a_spanned_value_header_is_data_not_a_second_header_row()
    {
        // The only indicator row has short text without figures under 指标值 spanning three columns.
        var d = Parse(Page("某市教育局2023年度预算项目绩效目标公开表",
            Row("项目名称", "<td colspan='5'>合作办学补贴</td>") +
            Row("项目主管部门", "<td colspan='2'>某市教育局</td>", "项目实施单位", "<td colspan='2'>某市教育局</td>") +
            Row("年度绩效目标", "<td colspan='5'>确保协议履约。</td>") +
            Row("<td rowspan='2'>项目年度绩效目标衡量指标</td>", "一级指标", "二级指标", "指标内容", "<td colspan='2'>指标值</td>") +
            Row("产出指标", "产出数量指标", "新增学位", "<td colspan='2'>以实际招生人数为准</td>")));
        Assert.Equal(["产出指标/数量指标/新增学位 qualitative 以实际招生人数为准"], d.Projects[0].Indicators.Select(Ind));
    }

    [Fact]
    public void A_grouping_first_level_hands_over_to_the_level_named_in_the_second_level_column()
    {
        // 中央预算内投资计划绩效目标表: 实施效果指标 over 产出/效益/满意度 written as second levels; 过程管理指标 rows are output.
        var d = Parse(Page("中央预算内投资计划绩效目标表（2023年度）",
            Row("专项名称", "<td colspan='3'>某县以工代赈示范工程</td>") +
            Row("下达地方或单位", "<td colspan='3'>某县发展改革委</td>") +
            Row("本次下达中央预算内投资（万元）", "<td colspan='3'>853</td>") +
            Row("一级指标", "二级指标", "三级指标", "指标值") +
            Row("<td rowspan='3'>实施效果指标</td>", "产出指标", "劳务报酬占中央投资比例", "≥32%") +
            Row("效益指标", "项目区农村基础设施条件", "持续改善") +
            Row("满意度指标", "参与工程建设的群众满意度", "≥90%") +
            Row("<td rowspan='2'>过程管理指标</td>", "资金管理指标", "中央预算内投资支付率", "≥95%") +
            Row("项目管理指标", "项目开工率", "≥95%")));
        var p = Assert.Single(d.Projects);
        Assert.Equal(("某县发展改革委", 853m), (d.Department, p.Amount));
        Assert.Equal(["产出指标", "效益指标", "满意度指标", "产出指标", "产出指标"], p.Indicators.Select(i => i.Level1));
        Assert.DoesNotContain(p.Indicators, i => i.Level2 is "产出指标" or "效益指标" or "");
        Assert.Equal("服务对象满意度指标", p.Indicators[2].Level2);
    }
    [Fact]
    public void A_flat_target_list_in_a_report_reads_qualitative_targets_slid_into_the_comparator_column()
    {
        // 指标名称 | 计量单位 | 指标性质 | 指标值 with 定性 in the unit column and the words one cell left of 指标值.
        var d = Parse("<html><body><p>某县公安局2022年度辅警人员经费绩效自评工作报告</p><p>（三）绩效目标。</p><table>" +
            Row("指标名称", "计量单位", "指标性质", "指标值") + Row("辅警人员", "人", "=", "512") +
            Row("促进社会和谐稳定", "定性", "好", "") + Row("节约招录民警资金支出", "万元", "≥", "1500") +
            "</table></body></html>");
        var p = Assert.Single(d.Projects);
        Assert.Equal("辅警人员经费", p.Name);
        Assert.Equal(["产出指标/数量指标/辅警人员 = 512 人", "效益指标/社会效益指标/促进社会和谐稳定 qualitative 好",
            "效益指标/经济效益指标/节约招录民警资金支出 >= 1500 万元"], p.Indicators.Select(Ind));
    }
}
