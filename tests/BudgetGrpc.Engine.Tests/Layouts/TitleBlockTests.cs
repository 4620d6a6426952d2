using BudgetGrpc.Engine.Layouts;
using Xunit;

namespace BudgetGrpc.Engine.Tests.Layouts;

/// <summary>
/// The lines above a table one by one (issue 15: TitleBlock had no tests of its own; the layout tests reach it only through
/// whole tables): which line is the title, where the department and the years come from and which source wins, the
/// amount unit a line or the table states, and the helpers the layouts call on single cells. Lines written by us on the
/// model of the survey's title blocks.
/// </summary>
public sealed class TitleBlockTests
{
    private static TitleBlock Lines(params string[] lines)
    {
        var block = new TitleBlock();
        foreach (var line in lines) block.AddLine(line);
        return block;
    }

    [Fact]
    public void A_title_with_department_and_year_gives_both()
    {
        var t = Lines("  某县农业农村局2026年项目支出绩效目标表  ");
        Assert.Equal(("某县农业农村局2026年项目支出绩效目标表", "某县农业农村局", 2026), (t.Title, t.Department, t.FiscalYear));
        Assert.Null(t.AmountUnit);
    }

    [Theory]
    // A report's table of contents lists the tables with leader dots and a page number: an entry is no title.
    [InlineData("三、某县文化馆2025年项目支出绩效目标表……………………12")]
    [InlineData("附表4 项目支出绩效目标表 .................... 9")]
    [InlineData("附表4　部门整体支出绩效目标表·····························（15）")]
    [InlineData("四、2025年项目支出绩效目标表\t第18页")]
    public void A_table_of_contents_entry_is_no_title(string entry)
    {
        var t = Lines("目录", entry.Replace("\\t", "\t"), "某县文化和旅游局2025年项目支出绩效目标表");
        Assert.Equal(("某县文化和旅游局2025年项目支出绩效目标表", "某县文化和旅游局"), (t.Title, t.Department));
    }

    [Fact]
    public void A_notices_paragraph_that_speaks_of_performance_is_no_title()
    {
        // A 财政局 notice over the form it sends (round 14, #01): its paragraphs name 绩效 but are sentences.
        var t = Lines("某县财政局", "请各单位加强资金管理，做好绩效运行监控和绩效评价，抓紧开展绩效目标填报工作（详见附件1）。",
            "附件：", "乡村振兴补助资金绩效目标申报表");
        Assert.Equal("乡村振兴补助资金绩效目标申报表", t.Title);
    }

    [Fact]
    public void A_title_with_the_year_first_gives_the_department_after_it_when_it_ends_like_a_unit()
    {
        var t = Lines("2025年某区文化和旅游局项目绩效目标申报表");
        Assert.Equal(("某区文化和旅游局", 2025), (t.Department, t.FiscalYear));
        // Words after the year that name no unit (a place, a programme) are no department.
        var place = Lines("2025年某区项目绩效目标申报表");
        Assert.Equal(("", 2025), (place.Department, place.FiscalYear));
    }

    [Fact]
    public void A_title_without_a_year_gives_the_department_before_the_tables_words_when_it_ends_like_a_unit()
    {
        var t = Lines("某区人民法院项目支出绩效目标表", "（2023年）");
        Assert.Equal(("某区人民法院", 2023), (t.Department, t.FiscalYear));
        Assert.Equal("某县教育局", Lines("某县教育局部门整体支出绩效目标表").Department);
        // A place or a programme before the table's words is no department.
        Assert.Equal("", Lines("某区项目支出绩效目标表").Department);
        Assert.Equal("", Lines("乡村振兴衔接资金绩效目标表").Department);
    }

    [Fact]
    public void Blank_lines_change_nothing_and_short_lines_are_no_title()
    {
        var t = Lines("", "   ", "绩效目标表");
        Assert.Equal("", t.Title);
        Assert.Equal("某局绩效目标表", Lines("某局绩效目标表").Title);
        Assert.Equal("某绩效目标表", Lines("某绩效目标表").Title);
        Assert.Equal("", Lines("某绩效目标").Title);
    }

    [Fact]
    public void The_first_title_stays_unless_a_later_one_names_a_performance_table_where_it_did_not()
    {
        var kept = Lines("某县财政局2026年项目支出绩效目标表", "某县财政局2025年项目支出绩效目标表");
        Assert.Equal(("某县财政局2026年项目支出绩效目标表", 2026), (kept.Title, kept.FiscalYear));

        var replaced = Lines("2026年专项资金分配表", "某县财政局2026年项目支出绩效目标表");
        Assert.Equal(("某县财政局2026年项目支出绩效目标表", "某县财政局"), (replaced.Title, replaced.Department));

        var notReplaced = Lines("2026年专项资金分配表", "2026年专项资金明细表");
        Assert.Equal("2026年专项资金分配表", notReplaced.Title);
    }

    [Fact]
    public void A_numbered_section_heading_gives_way_to_the_title_under_it_that_names_department_and_year()
    {
        var t = Lines("一、项目绩效目标表", "某县水利局2026年项目支出绩效目标表");
        Assert.Equal(("某县水利局2026年项目支出绩效目标表", "某县水利局", 2026), (t.Title, t.Department, t.FiscalYear));
        var bracketed = Lines("（三）项目绩效目标表", "某县水利局2026年项目支出绩效目标表");
        Assert.Equal("某县水利局2026年项目支出绩效目标表", bracketed.Title);
        // Under a title that is no section heading, a second title does not take over.
        var plain = Lines("项目绩效目标情况表", "某县水利局2026年项目支出绩效目标表");
        Assert.Equal("项目绩效目标情况表", plain.Title);
    }

    [Fact]
    public void A_numbered_paragraph_heading_gives_way_to_the_table_title_under_it()
    {
        // A project's description in numbered paragraphs, the last one heading the form whose own first row is the title.
        var arabic = Lines("(6)年度预算安排。某补助经费预算安排5万元", "(7)绩效目标。", "项目支出绩效目标表", "(2026年度)");
        Assert.Equal(("项目支出绩效目标表", 2026), (arabic.Title, arabic.FiscalYear));
        Assert.Equal("项目支出绩效目标表", Lines("3、绩效目标", "项目支出绩效目标表").Title);
        Assert.Equal("项目支出绩效目标表", Lines("二、项目绩效目标", "项目支出绩效目标表").Title);
        // A later numbered heading does not take over, nor does a line that names no table.
        Assert.Equal("（一）项目绩效目标", Lines("（一）项目绩效目标", "（二）项目支出绩效目标表").Title);
        Assert.Equal("（一）项目绩效目标表", Lines("（一）项目绩效目标表", "绩效目标的说明").Title);
    }

    [Fact]
    public void A_unit_stated_for_another_table_above_is_dropped_when_the_performance_title_comes()
    {
        var t = Lines("2026年专项资金分配表", "单位：万元", "某县财政局2026年项目支出绩效目标表");
        Assert.Null(t.AmountUnit);
        var own = Lines("某县财政局2026年项目支出绩效目标表", "单位：万元");
        Assert.Equal("万元", own.AmountUnit);
        // A unit line above the first title is the table's.
        Assert.Equal("万元", Lines("单位：万元", "某县财政局2026年项目支出绩效目标表").AmountUnit);
    }

    [Fact]
    public void Lines_under_another_tables_title_below_the_performance_title_state_no_unit_of_ours()
    {
        var t = Lines("某县财政局2026年项目支出绩效目标表", "2026年专项资金分配表", "单位：元");
        Assert.Null(t.AmountUnit);
        var back = Lines("某县财政局2026年项目支出绩效目标表", "2026年专项资金分配表", "单位：元", "附：项目绩效目标公开表", "单位：万元");
        Assert.Equal("万元", back.AmountUnit);
    }

    [Fact]
    public void The_year_comes_from_any_line_but_a_publishing_line()
    {
        Assert.Equal(2026, Lines("（2026年度）").FiscalYear);
        Assert.Null(Lines("发布时间：2025年3月1日").FiscalYear);
        Assert.Null(Lines("更新日期：2025年3月1日").FiscalYear);
        Assert.Equal(2024, Lines("浏览次数：12", "预算年度：2024年").FiscalYear);
        Assert.Equal(2024, Lines("预算年度：2024年", "2025年").FiscalYear);
        Assert.Null(Lines("编号 20250301").FiscalYear);
    }

    [Fact]
    public void The_evaluated_year_is_read_alone_in_brackets_or_in_a_self_evaluation_title()
    {
        Assert.Equal(2022, Lines("（2022年度）").EvaluationYear);
        Assert.Equal(2022, Lines("(2022年)").EvaluationYear);
        Assert.Equal(2023, Lines("某县教育局2023年度项目支出绩效自评表").EvaluationYear);
        Assert.Null(Lines("某县教育局2023年度项目支出绩效目标表").EvaluationYear);
        Assert.Null(Lines("某县教育局2023年项目支出绩效自评表").EvaluationYear);
        Assert.Equal(2021, Lines("（2021年度）", "某县教育局2023年度项目支出绩效自评表").EvaluationYear);
    }

    [Theory]
    [InlineData("自评总分：95", "95")]
    [InlineData("自评总分:95.5分", "95.5")]
    [InlineData("项目总得分99分", "99")]
    [InlineData("自评得分 88.25", "88.25")]
    [InlineData("自评分数：100", "100")]
    public void A_stated_self_evaluation_total_is_read(string line, string score) =>
        Assert.Equal(decimal.Parse(score, System.Globalization.CultureInfo.InvariantCulture), Lines(line).StatedScore);

    [Fact]
    public void Only_the_first_stated_total_counts()
    {
        Assert.Equal(90m, Lines("自评总分：90", "自评总分：80").StatedScore);
        Assert.Null(Lines("总分：90").StatedScore);
    }

    [Theory]
    [InlineData("填报单位：某县卫生健康局", "某县卫生健康局")]
    [InlineData("预算单位（盖章）：某县卫生健康局", "某县卫生健康局")]
    [InlineData("部门：某县卫生健康局 单位：万元", "某县卫生健康局")]
    [InlineData("主管部门： [015001]某县卫生健康局", "某县卫生健康局")]
    [InlineData("单位名称:某县卫生健康局,联系人:张某", "某县卫生健康局")]
    public void A_label_line_names_the_department(string line, string department) =>
        Assert.Equal(department, Lines(line).Department);

    [Fact]
    public void A_label_followed_by_the_next_label_names_no_department()
    {
        Assert.Equal("", Lines("填报单位（盖章）：单位负责人：").Department);
        Assert.Equal("", Lines("填报单位：联系人：张某").Department);
    }

    [Fact]
    public void A_publisher_is_taken_only_where_nothing_surer_names_one()
    {
        Assert.Equal("某县财政局", Lines("发布机构：某县财政局").Department);
        Assert.Equal("某县财政局", Lines("发文单位：某县财政局").Department);
        Assert.Equal("", Lines("发布机构：联系人：").Department);
        Assert.Equal("某县教育局", Lines("发布机构：某县财政局", "填报单位：某县教育局").Department);
        Assert.Equal("某县教育局", Lines("填报单位：某县教育局", "发布机构：某县财政局").Department);
        // A title's department beats the publisher, a label line beats the title.
        Assert.Equal("某县教育局", Lines("发布机构：某县财政局", "某县教育局2026年项目支出绩效目标表").Department);
        Assert.Equal("某县第一中学", Lines("某县教育局2026年项目支出绩效目标表", "填报单位：某县第一中学").Department);
    }

    [Fact]
    public void Sources_rank_from_unit_to_department_form_and_an_equal_source_does_not_replace()
    {
        var t = new TitleBlock();
        t.Offer("甲局", TitleBlock.DepartmentSource.Unit);
        t.Offer("乙局", TitleBlock.DepartmentSource.Unit);
        Assert.Equal("甲局", t.Department);
        t.Offer("丙局", TitleBlock.DepartmentSource.Title);
        Assert.Equal("丙局", t.Department);
        t.Offer("丁局", TitleBlock.DepartmentSource.SupervisorLabel);
        t.Offer("戊局", TitleBlock.DepartmentSource.UpperLevelLabel);
        Assert.Equal("丁局", t.Department);
        t.Offer("己局", TitleBlock.DepartmentSource.LabelLine);
        t.Offer("庚局", TitleBlock.DepartmentSource.FormLabel);
        Assert.Equal("庚局", t.Department);
        t.Offer("   ", TitleBlock.DepartmentSource.DepartmentForm);
        Assert.Equal("庚局", t.Department);
        t.SetDepartment("辛局");
        Assert.Equal("辛局", t.Department);
        t.Offer("壬局", TitleBlock.DepartmentSource.DepartmentForm);
        Assert.Equal("辛局", t.Department);
        Assert.Equal("", new TitleBlock { }.Department);
        var none = new TitleBlock();
        none.Offer("某局", TitleBlock.DepartmentSource.None);
        Assert.Equal("", none.Department);
    }

    [Theory]
    [InlineData("[015001]某区教育局", "某区教育局")]
    [InlineData("(433)某市供销社(部门)", "某市供销社")]
    [InlineData("505_某州教育局", "某州教育局")]
    [InlineData("某局　　　　金额单位：万元", "某局")]
    [InlineData("某局  金额单位：万元", "某局")]
    [InlineData("某局 单位：万元", "某局")]
    [InlineData("某县 发展和改革局", "某县 发展和改革局")]
    [InlineData("某县教育局 015001", "某县教育局")]
    [InlineData("某县教育局【015001】", "某县教育局")]
    [InlineData("某县教育局12", "某县教育局12")]
    [InlineData("青神县发展和改革局本级", "青神县发展和改革局")]
    [InlineData("某县教育局（本级）", "某县教育局")]
    [InlineData("某县教育局(盖章)", "某县教育局")]
    [InlineData("某县本级", "某县本级")]
    [InlineData("某县司法局部门", "某县司法局")]
    [InlineData("某县教育局小计", "某县教育局")]
    [InlineData("小计", "")]
    [InlineData("某县委宣传部部门", "某县委宣传部")]
    [InlineData("某县财政部门", "某县财政部门")]
    [InlineData("  某县教育局  ", "某县教育局")]
    public void A_department_name_is_cleaned_of_codes_notes_and_what_follows_a_gap(string text, string name) =>
        Assert.Equal(name, TitleBlock.CleanDepartment(text));

    [Fact]
    public void A_listed_departments_own_row_replaces_a_title_that_names_only_its_place()
    {
        var t = Lines("某市2026年项目支出绩效目标表");
        Assert.Equal("某市", t.Department);
        t.OfferListedDepartment("某市数据资源管理局");
        Assert.Equal("某市数据资源管理局", t.Department);
        // Not another place's unit, not a shorter name, not over a label.
        var other = Lines("某市2026年项目支出绩效目标表");
        other.OfferListedDepartment("另市数据资源管理局");
        Assert.Equal("某市", other.Department);
        var unit = Lines("某市财政局2026年项目支出绩效目标表");
        unit.OfferListedDepartment("某市财政局机关服务中心");
        Assert.Equal("某市财政局", unit.Department);
        var label = Lines("填报单位：某市");
        label.OfferListedDepartment("某市数据资源管理局");
        Assert.Equal("某市", label.Department);
        var empty = new TitleBlock();
        empty.OfferListedDepartment("[001]");
        Assert.Equal("", empty.Department);
        // Nothing listed, nothing taken: the weakest source still takes its name.
        var unitAfter = new TitleBlock();
        unitAfter.OfferListedDepartment("[001]");
        unitAfter.Offer("某局", TitleBlock.DepartmentSource.Unit);
        Assert.Equal("某局", unitAfter.Department);
        empty.OfferListedDepartment("某市数据资源管理局");
        Assert.Equal("某市数据资源管理局", empty.Department);
        // Once listed, a title (a surer source) still replaces it.
        empty.Offer("某市财政局", TitleBlock.DepartmentSource.Title);
        Assert.Equal("某市财政局", empty.Department);
    }

    [Fact]
    public void A_department_is_set_if_unknown_only()
    {
        var t = new TitleBlock();
        t.SetDepartmentIfUnknown("  ");
        Assert.Equal("", t.Department);
        var blankThenUnit = new TitleBlock();
        blankThenUnit.SetDepartmentIfUnknown("  ");
        blankThenUnit.Offer("某局", TitleBlock.DepartmentSource.Unit);
        Assert.Equal("某局", blankThenUnit.Department);
        t.SetDepartmentIfUnknown("[015001]某局");
        Assert.Equal("某局", t.Department);
        t.SetDepartmentIfUnknown("另局");
        Assert.Equal("某局", t.Department);
        // Set that way it is the weakest source.
        t.Offer("某县财政局", TitleBlock.DepartmentSource.Title);
        Assert.Equal("某县财政局", t.Department);
    }

    [Theory]
    [InlineData("金额单位：元", "元")]
    [InlineData("单位：万元", "万元")]
    [InlineData("单位:元", "元")]
    [InlineData("金额(万元)", "万元")]
    [InlineData("项目资金（万元）", "万元")]
    [InlineData("资金情况（元）", "元")]
    [InlineData("预算数（万元）", "万元")]
    [InlineData("预算金额单位：万元", "万元")]
    [InlineData("资 金 情 况（元）", "元")]
    [InlineData("项\n目\n金\n额（元）", "元")]
    [InlineData("项<br>目资金（万元）", "万元")]
    [InlineData("计量单位：元", null)]
    [InlineData("度量单位：万元", null)]
    [InlineData("指标值单位：元", null)]
    [InlineData("单位：个", null)]
    [InlineData("单位：亿元", null)]
    [InlineData("资金来源及使用情况说明（万元）", null)]
    [InlineData("实施单位：某局", null)]
    public void The_amount_unit_a_label_or_line_states(string text, string? unit) =>
        Assert.Equal(unit, TitleBlock.FindAmountUnit(text));

    [Theory]
    [InlineData("金额（万元）", "万元")]
    [InlineData("申报数(元)", "元")]
    [InlineData("年度预算数（ 万元 ）", "万元")]
    [InlineData("合计(元)", "元")]
    [InlineData("合计", null)]
    [InlineData("人数（人）", null)]
    public void The_amount_unit_an_amount_header_names(string header, string? unit) =>
        Assert.Equal(unit, TitleBlock.AmountHeaderUnit(header));

    [Theory]
    [InlineData("1500000.00元", "元")]
    [InlineData("150万元", "万元")]
    [InlineData(" 150 万元 ", null)]
    [InlineData("32,605,000.00元（其中上级资金3260500元）", "元")]
    [InlineData("32605000元(含结转)", "元")]
    [InlineData("150万", null)]
    [InlineData("150", null)]
    [InlineData("元", null)]
    [InlineData("万元", null)]
    [InlineData("约元", null)]
    [InlineData("（上级资金150万元）", null)]
    public void The_unit_glued_to_an_amount(string text, string? unit) =>
        Assert.Equal(unit, TitleBlock.GluedAmountUnit(text));

    [Theory]
    [InlineData("样例县2025年春耕补贴项目绩效目标表", "春耕补贴项目")]
    [InlineData("样例县2025年度春耕补贴项目绩效目标表", "春耕补贴项目")]
    [InlineData("某某项目绩效目标", "某某项目")]
    [InlineData("“农村公路养护”项目支出绩效目标申报表", "农村公路养护")]
    [InlineData("样例县2025年《春耕补贴》项目绩效自评表", "春耕补贴》项目")]
    [InlineData("春耕补贴—绩效目标批复表", "春耕补贴")]
    [InlineData("春耕补贴项目绩效评价指标表", "春耕补贴项目")]
    [InlineData("春耕补贴项目绩效自评工作报告", "春耕补贴项目")]
    [InlineData("春耕补贴审核表", "春耕补贴")]
    [InlineData("春耕补贴（项目支出绩效公开表）", "春耕补贴")]
    [InlineData("春耕补贴(绩效目标表)", "春耕补贴")]
    [InlineData("春耕补贴（一期）", "春耕补贴（一期）")]
    public void The_project_a_title_names(string title, string name) =>
        Assert.Equal(name, TitleBlock.ProjectNameOf(title));

    [Theory]
    [InlineData("某县2026年项目支出绩效目标表", true, false)]
    [InlineData("2026年专项资金分配表", false, true)]
    [InlineData("项目支出预算明细表", false, true)]
    [InlineData("绩效目标表", false, false)]
    [InlineData("备注：绩效指标按要求填报", false, false)]
    [InlineData("某县农业局项目公开表", false, true)]
    [InlineData("春耕补贴项目申报表", false, true)]
    [InlineData("春耕补贴项目的说明", false, false)]
    public void Titles_of_performance_tables_and_of_other_tables(string line, bool performance, bool other)
    {
        Assert.Equal(performance, TitleBlock.IsPerformanceTitle(line));
        Assert.Equal(other, TitleBlock.IsTitleOfAnotherTable(line));
    }

    [Theory]
    [InlineData("某县教育局部门整体支出绩效目标表", true)]
    [InlineData("某县教育局整体支出绩效目标表", true)]
    [InlineData("某县教育局2025年度整体绩效目标", true)]
    [InlineData("某中学单位整体支出绩效自评表", true)]
    [InlineData("某县教育局项目支出绩效目标表", false)]
    [InlineData("整体", false)]
    public void A_line_says_the_table_is_department_wide(string line, bool wide) =>
        Assert.Equal(wide, TitleBlock.SaysDepartmentWide(line));

    [Theory]
    [InlineData("2025年", 2025)]
    [InlineData("（2025年度）", 2025)]
    [InlineData("预算年度：2024 年", 2024)]
    [InlineData("1999年", 1999)]
    [InlineData("1899年", null)]
    [InlineData("2025", null)]
    [InlineData("12025年", 2025)]
    public void A_year_written_as_a_year(string line, int? year) => Assert.Equal(year, TitleBlock.FindYear(line));

    [Fact]
    public void A_unit_the_table_states_beats_a_line_and_the_first_one_the_table_states_stays()
    {
        var t = Lines("单位：万元");
        t.SetAmountUnitStatedByTable(null);
        Assert.Equal("万元", t.AmountUnit);
        t.SetAmountUnitStatedByTable("元");
        Assert.Equal("元", t.AmountUnit);
        t.SetAmountUnitStatedByTable("万元");
        Assert.Equal("元", t.AmountUnit);
        Assert.Equal(("元", false), t.AmountUnitState);
        // A line after the table stated one does not change it.
        t.AddLine("单位：万元");
        Assert.Equal("元", t.AmountUnit);
    }

    [Fact]
    public void A_unit_set_if_unknown_does_not_replace_one_known()
    {
        var t = new TitleBlock();
        t.SetAmountUnitIfUnknown(null);
        Assert.Null(t.AmountUnit);
        t.SetAmountUnitIfUnknown("元");
        t.SetAmountUnitIfUnknown("万元");
        Assert.Equal("元", t.AmountUnit);
    }

    [Fact]
    public void A_unit_a_line_stated_since_a_point_is_withdrawn_to_what_was_known_then()
    {
        var t = new TitleBlock();
        var before = t.AmountUnitState;
        Assert.Equal((null, false), before);
        t.AddLine("单位：元");
        Assert.Equal(("元", true), t.AmountUnitState);
        t.WithdrawLineUnit(before);
        Assert.Equal((null, false), t.AmountUnitState);

        // A unit the table stated is never withdrawn, nor is one that was already known at the point.
        var table = new TitleBlock();
        var start = table.AmountUnitState;
        table.SetAmountUnitStatedByTable("万元");
        table.WithdrawLineUnit(start);
        Assert.Equal("万元", table.AmountUnit);
        var same = Lines("单位：元");
        var known = same.AmountUnitState;
        same.WithdrawLineUnit(known);
        Assert.Equal(("元", true), same.AmountUnitState);
    }
}
