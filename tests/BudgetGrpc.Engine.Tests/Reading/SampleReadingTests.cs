using BudgetGrpc.Engine.Reading;
using Xunit;
using static BudgetGrpc.Engine.Tests.Reading.ReadingFixtures;

namespace BudgetGrpc.Engine.Tests.Reading;

public class SampleReadingTests
{
    [Theory]
    [InlineData("000_c21431a6439d21ac.txt", "tsv")]
    [InlineData("yangli-2025-agri.csv", "csv")]
    [InlineData("yangli-2025-agri.gb18030.csv", "csv")]
    [InlineData("yangli-2025-agri.html", "html")]
    [InlineData("yangli-2025-agri.xlsx", "xlsx")]
    [InlineData("yangli-2025-edu-form.docx", "docx")]
    [InlineData("yangli-2025-edu-form.html", "html")]
    [InlineData("yangli-2025-edu-form.xlsx", "xlsx")]
    public void Every_sample_is_read_as_its_format_with_one_table(string name, string format)
    {
        var content = ReadSample(name);
        Assert.Equal(format, content.Format);
        Assert.Single(content.Grids);
    }

    [Fact]
    public void Seed_tsv_rows_keep_their_physical_line_numbers()
    {
        var grid = Assert.Single(ReadSample("000_c21431a6439d21ac.txt").Grids);
        var lines = File.ReadAllLines(SamplePath("000_c21431a6439d21ac.txt"));

        Assert.Equal([3, 5, 6, 7, 8, 10, 11, 12, 14, 15, 16, 18, 19], Enumerable.Range(0, grid.RowCount).Select(grid.SourceRow));
        for (var r = 0; r < grid.RowCount; r++)
            Assert.Equal(lines[grid.SourceRow(r) - 1].Split('\t'), grid.Row(r));
        Assert.Equal("门源县工业商务和信息化局2024年部门预算项目支出绩效目标公开表", grid[0, 0].Trim());
        Assert.Single(grid.Row(0));
        Assert.Equal(["单位编码", "单位及项目名称", "金额(万元)", "绩效目标", "绩效指标"], grid.Row(1));
        Assert.StartsWith("<p>", grid[3, 3]); // HTML fragments stay raw for CellMarkup
        Assert.Equal("---", grid[grid.RowCount - 1, 0]); // the separator row is the layout's to drop
    }

    [Fact]
    public void Agri_csv_in_gb18030_reads_exactly_like_the_utf8_one()
    {
        var utf8 = Assert.Single(ReadSample("yangli-2025-agri.csv").Grids);
        var gb = Assert.Single(ReadSample("yangli-2025-agri.gb18030.csv").Grids);

        Assert.Equal(Dump(utf8), Dump(gb));
        Assert.Equal(["单位名称", "项目名称", "预算数", "年度目标", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "权重", "指标方向性"], gb.Row(2));
        Assert.Equal("12500000", gb[4, 2]);
        Assert.Equal("新建高标准农田1万亩，完善田间灌排和道路设施，提高粮食综合生产能力。", gb[4, 3]);
        Assert.Equal("", gb[5, 1]);
        Assert.Equal(28, gb.RowCount);
        Assert.Equal(28, gb.SourceRow(27));
    }

    [Fact]
    public void Agri_xlsx_fills_merged_project_cells_and_keeps_stored_amounts()
    {
        var grid = Assert.Single(ReadSample("yangli-2025-agri.xlsx").Grids);

        Assert.Equal("Sheet1", grid.Name);
        Assert.Equal(28, grid.RowCount);
        Assert.Equal("13930000", grid[3, 2]);
        Assert.Equal(["101001-样例县农业农村局", "高标准农田建设项目", "12500000"], grid.Row(4).Take(3));
        Assert.False(grid.IsMergedContinuation(4, 1));
        // B5:B13 is one merged cell: rows 6..13 carry the anchor's text, flagged as continuations.
        for (var r = 5; r <= 12; r++)
        {
            Assert.Equal("高标准农田建设项目", grid[r, 1]);
            Assert.True(grid.IsMergedContinuation(r, 1));
            Assert.Equal("12500000", grid[r, 2]);
        }
        Assert.Equal("农产品质量安全监测经费", grid[13, 1]);
        Assert.False(grid.IsMergedContinuation(13, 1));
        Assert.Equal("0.58", grid[10, 8]);
        Assert.Equal("437.5", grid[16, 8]);
        Assert.Equal("101001-样例县农业农村局", grid[27, 0]);
        Assert.True(grid.IsMergedContinuation(27, 0));
        Assert.Equal(1, grid.SourceRow(0));
        Assert.Equal(28, grid.SourceRow(27));
    }

    [Fact]
    public void Agri_html_fills_rowspans_from_their_anchor()
    {
        var grid = Assert.Single(ReadSample("yangli-2025-agri.html").Grids);

        Assert.Equal("table 1", grid.Name);
        Assert.Equal(["样例县农业农村局2025年部门预算项目绩效目标申报表"], grid.Preamble);
        Assert.Equal(28, grid.RowCount);
        Assert.Equal(12, grid.ColumnCount);
        Assert.Equal("12,500,000.00", grid[4, 2]); // HTML shows display text; the layout parses amounts
        Assert.Equal("动物防疫补助经费", grid[27, 1]);
        Assert.True(grid.IsMergedContinuation(27, 1));
        Assert.Equal("101001-样例县农业农村局", grid[27, 0]);
        // Cells after a rowspan shift right: row 6's first own cell lands in the 二级指标 column.
        Assert.Equal(["质量指标", "工程验收合格率", "＝", "100", "%", "10", "正向指标"], grid.Row(5).Skip(5));
        Assert.Equal("产出指标", grid[5, 4]);
        Assert.True(grid.IsMergedContinuation(5, 4));
    }

    [Theory]
    [InlineData("yangli-2025-edu-form.xlsx")]
    [InlineData("yangli-2025-edu-form.docx")]
    [InlineData("yangli-2025-edu-form.html")]
    public void Edu_form_reads_as_the_same_form_grid_in_every_container(string name)
    {
        var grid = Assert.Single(ReadSample(name).Grids);

        Assert.Equal(18, grid.RowCount);
        Assert.Equal(6, grid.ColumnCount);
        Assert.Equal("项目支出绩效目标表", grid[0, 0]);
        Assert.Equal(["项目名称", "学生营养改善计划补助资金", "学生营养改善计划补助资金", "主管部门", "样例县教育局", "样例县教育局"], grid.Row(3));
        Assert.True(grid.IsMergedContinuation(3, 2));
        Assert.Equal("年度资金总额", grid[5, 1]);
        Assert.Equal("项目资金（万元）", grid[7, 0]);
        Assert.True(grid.IsMergedContinuation(7, 0));
        Assert.StartsWith("1.为全县义务教育阶段农村学生提供营养膳食补助", grid[8, 1]);
        Assert.Equal(["绩效指标", "一级指标", "二级指标", "三级指标", "三级指标", "指标值"], grid.Row(9));
        Assert.Equal(["绩效指标", "产出指标", "数量指标", "受益学生人数", "受益学生人数", "≥9000人"], grid.Row(10));
        Assert.Equal(["绩效指标", "产出指标", "数量指标", "覆盖学校数", "覆盖学校数", "42所"], grid.Row(11));
        Assert.Equal(["绩效指标", "满意度指标", "服务对象满意度指标", "学生及家长满意度", "学生及家长满意度", "不低于90%"], grid.Row(17));
    }

    [Fact]
    public void Edu_form_grids_agree_across_containers_cell_for_cell()
    {
        var xlsx = Assert.Single(ReadSample("yangli-2025-edu-form.xlsx").Grids);
        var docx = Assert.Single(ReadSample("yangli-2025-edu-form.docx").Grids);
        var html = Assert.Single(ReadSample("yangli-2025-edu-form.html").Grids);

        for (var r = 0; r < xlsx.RowCount; r++)
        {
            // The xlsx amount cells are numbers ("486"), the others display text ("486.00").
            if (r is >= 5 and <= 7) continue;
            Assert.Equal(docx.Row(r), html.Row(r));
            Assert.Equal(html.Row(r), xlsx.Row(r));
        }
    }
}
