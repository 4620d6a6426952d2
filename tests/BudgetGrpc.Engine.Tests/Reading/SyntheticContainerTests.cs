using System.Text;
using BudgetGrpc.Engine.Model;
using BudgetGrpc.Engine.Reading;
using Xunit;
using static BudgetGrpc.Engine.Tests.Reading.ReadingFixtures;
using static BudgetGrpc.Engine.Tests.Reading.SyntheticOoxml;
using S = DocumentFormat.OpenXml.Spreadsheet;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace BudgetGrpc.Engine.Tests.Reading;

public class SyntheticContainerTests
{
    [Fact]
    public void Xlsx_date_cells_become_dates_and_numbers_keep_their_stored_value()
    {
        var bytes = Workbook([new SheetSpec("预算", [
            Row(1, Text("A1", "日期"), Number("B1", "45306", style: 1)),
            Row(2, Text("A2", "时间"), Number("B2", "45306.5", style: 2)),
            Row(3, Text("A3", "时长"), Number("B3", "1.5", style: 3)),
            Row(4, Text("A4", "金额"), Number("B4", "12500000", style: 4), Number("C4", "0.57999999999999996"), Number("D4", "1E+15")),
        ])]);

        var grid = Assert.Single(Read(bytes, "dates.xlsx").Grids);

        Assert.Equal("预算", grid.Name);
        Assert.Equal("2024-01-15", grid[0, 1]);
        Assert.Equal("2024-01-15 12:00", grid[1, 1]);
        Assert.Equal("1.5", grid[2, 1]); // an elapsed-time format is a duration, not a date
        Assert.Equal(["金额", "12500000", "0.58", "1000000000000000"], grid.Row(3));
    }

    [Fact]
    public void Xlsx_text_typed_after_an_equals_sign_is_read_as_written_not_as_its_error()
    {
        // =8个 typed into a target cell: the spreadsheet stored a formula 8个 whose value is #NAME?.
        S.Cell Error(string reference, string formula, string value) =>
            new(new S.CellFormula(formula), new S.CellValue(value)) { CellReference = reference, DataType = S.CellValues.Error };
        var bytes = Workbook([new SheetSpec("S", [
            Row(1, Text("A1", "培训人数"), Error("B1", "8个", "#NAME?")),
            // A real formula's error stays what the spreadsheet shows; so does a long or ASCII formula.
            Row(2, Text("A2", "合计"), Error("B2", "SUM(C1:C3)", "#NAME?"), Error("C2", "1/0", "#DIV/0!")),
        ])]);
        var grid = Assert.Single(Read(bytes, "errors.xlsx").Grids);
        Assert.Equal("=8个", grid[0, 1]);
        Assert.Equal(["合计", "#NAME?", "#DIV/0!"], grid.Row(1));
    }

    [Fact]
    public void Xlsx_1904_workbooks_count_dates_from_1904()
    {
        // 43844 in the 1904 system is 2024-01-15 (1462 days less than in the 1900 system).
        var bytes = Workbook([new SheetSpec("S", [Row(1, Number("A1", "43844", style: 1))])], date1904: true);
        Assert.Equal("2024-01-15", Assert.Single(Read(bytes, "d.xlsx").Grids)[0, 0]);
    }

    [Fact]
    public void Xlsx_reads_visible_non_empty_sheets_in_order_with_merges_filled()
    {
        S.SharedStringItem[] strings =
        [
            new(new S.Text("项目名称")),
            new(new S.Run(new S.Text("高标准")), new S.Run(new S.RunProperties(new S.Bold()), new S.Text("农田")),
                new S.PhoneticRun(new S.Text("こうひょうじゅん")) { BaseTextStartIndex = 0, EndingBaseIndex = 1 }),
        ];
        var bytes = Workbook(
        [
            new SheetSpec("第一", [
                Row(1, Shared("A1", 0), Text("B1", "指标")),
                Row(3, Shared("A3", 1), Text("B3", "面积")),
                Row(4, Text("B4", "质量")),
                Row(5, new S.Cell(new S.CellValue("1")) { CellReference = "A5", DataType = S.CellValues.Boolean },
                    new S.Cell(new S.CellFormula("1+1"), new S.CellValue("2")) { CellReference = "B5" }),
            ], Merges: ["A3:A4", "C1:C100"]),
            new SheetSpec("隐藏", [Row(1, Text("A1", "secret"))], Hidden: true),
            new SheetSpec("空", [Row(1, Text("A1", ""))]),
            new SheetSpec("第二", [Row(2, Text("B2", "x"))]),
        ], strings);

        var content = Read(bytes, "book.xlsx");

        Assert.Equal("xlsx", content.Format);
        Assert.Equal(["第一", "第二"], content.Grids.Select(g => g.Name));
        var first = content.Grids[0];
        Assert.Equal([1, 3, 4, 5], Enumerable.Range(0, first.RowCount).Select(first.SourceRow));
        Assert.Equal(["项目名称", "指标"], first.Row(0));
        Assert.Equal(["高标准农田", "面积"], first.Row(1));
        Assert.Equal(["高标准农田", "质量"], first.Row(2));
        Assert.True(first.IsMergedContinuation(2, 0));
        Assert.False(first.IsMergedContinuation(1, 0));
        Assert.Equal(["TRUE", "2"], first.Row(3));
        var second = content.Grids[1];
        Assert.Equal(["", "x"], second.Row(0));
        Assert.Equal(2, second.SourceRow(0));
    }

    [Fact]
    public void Docx_tables_fill_gridSpan_and_vMerge_and_carry_the_paragraphs_before_them()
    {
        var bytes = Document(
            Paragraph("XX局2025年项目支出绩效目标表"),
            Paragraph(""),
            Paragraph("单位：万元"),
            Table(
                TableRow(Cell("项目名称"), Cell("学生营养改善", gridSpan: 2)),
                TableRow(Cell("绩效指标", vMerge: W.MergedCellValues.Restart), Cell("产出指标"), Cell("≥9000人\n42所")),
                TableRow(Cell("", vMergeContinue: true), Cell("效益指标"), Cell("明显改善"))),
            Paragraph("第二张表"),
            Table(TableRow(Cell("a"), Cell("b"))));

        var content = Read(bytes, "form.docx");

        Assert.Equal("docx", content.Format);
        Assert.Equal(2, content.Grids.Count);
        var grid = content.Grids[0];
        Assert.Equal("table 1", grid.Name);
        Assert.Equal(["XX局2025年项目支出绩效目标表", "单位：万元"], grid.Preamble);
        Assert.Equal(["项目名称", "学生营养改善", "学生营养改善"], grid.Row(0));
        Assert.True(grid.IsMergedContinuation(0, 2));
        Assert.Equal(["绩效指标", "产出指标", "≥9000人\n42所"], grid.Row(1));
        Assert.Equal(["绩效指标", "效益指标", "明显改善"], grid.Row(2));
        Assert.True(grid.IsMergedContinuation(2, 0));
        Assert.False(grid.IsMergedContinuation(1, 0));
        Assert.Equal("table 2", content.Grids[1].Name);
        Assert.Equal(["第二张表"], content.Grids[1].Preamble);
    }

    [Fact]
    public void Docx_runs_keep_breaks_and_tabs_but_not_tab_stops_deleted_text_or_skipped_grid_columns()
    {
        var paragraph = new W.Paragraph(
            new W.ParagraphProperties(new W.Tabs(new W.TabStop { Val = W.TabStopValues.Left, Position = 720 })),
            new W.Run(new W.Text("≥9000"), new W.Break(), new W.Text("人"), new W.TabChar(), new W.Text("次")),
            new W.DeletedRun(new W.DeletedText("删除")));
        var shifted = new W.TableRow(new W.TableRowProperties(new W.GridBefore { Val = 1 }), Cell("右移"));
        var bytes = Document(Table(TableRow(new W.TableCell(paragraph), Cell("b")), shifted));

        var grid = Assert.Single(Read(bytes, "runs.docx").Grids);

        Assert.Equal(["≥9000\n人\t次", "b"], grid.Row(0));
        Assert.Equal(["", "右移"], grid.Row(1));
    }

    [Fact]
    public void Html_page_with_navigation_scripts_and_a_nested_table_yields_the_outer_table()
    {
        const string page = """
            <!DOCTYPE html><html><head><title> 绩效目标 </title><style>td{color:red}</style>
            <script>var x = "<table><tr><td>no</td></tr></table>";</script></head>
            <body><nav><a href="/">首页</a> <a href="/x">公开</a></nav>
            <h1>XX局2025年项目支出绩效目标表</h1><p>单位：<b>万元</b></p>
            <table><caption>表一</caption>
              <thead><tr><th rowspan="2">项目</th><th colspan="2">指标</th></tr>
              <tr><th>名称</th><th>值</th></tr></thead>
              <tbody><tr><td>农田<br>建设</td><td><p>面积</p><p>  新建   农田 </p></td>
                  <td><table><tr><td>内层</td></tr></table></td></tr>
              <tr><td colspan="5000">合计</td></tr></tbody>
            </table>
            <div>说明</div><table><tr><td>第二</td></tr></table>
            <script>document.write('x')</script></body></html>
            """;

        var content = ReadText(page, "page.html");

        Assert.Equal("html", content.Format);
        Assert.Equal(["table 1", "table 2"], content.Grids.Select(g => g.Name));
        var grid = content.Grids[0];
        Assert.Equal(["绩效目标", "首页 公开", "XX局2025年项目支出绩效目标表", "单位：万元", "表一"], grid.Preamble);
        Assert.Equal(["项目", "指标", "指标"], grid.Row(0));
        Assert.True(grid.IsMergedContinuation(0, 2));
        Assert.Equal(["项目", "名称", "值"], grid.Row(1));
        Assert.True(grid.IsMergedContinuation(1, 0));
        Assert.Equal(["农田\n建设", "面积\n新建 农田", "内层"], grid.Row(2));
        Assert.Equal(1000, grid.Row(3).Count); // colspan is clamped as browsers do
        Assert.Equal(["绩效目标", "说明"], content.Grids[1].Preamble);
    }

    [Fact]
    public void Html_in_gbk_is_decoded_by_its_meta_charset()
    {
        var html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head><body><table><tr><td>项目名称</td></tr></table></body></html>";
        var bytes = TextDecoding.Gb18030.GetBytes(html);

        var grid = Assert.Single(Read(bytes, "gbk.htm").Grids);

        Assert.Equal("项目名称", grid[0, 0]);
    }

    [Fact]
    public void Markdown_pipe_tables_are_grids_with_header_first_and_source_lines()
    {
        const string text = "# XX局绩效目标\n\n单位：万元\n\n| 项目 | 金额 |\n|---|---:|\n| 农田 | 12.5 |\n| 监测 <br> 经费 | 3 |\n\n说明\n\n| a | b |\n| - | - |\n| 1 | 2 |\n";

        var content = ReadText(text, "table.md");

        Assert.Equal("md", content.Format);
        Assert.Equal(2, content.Grids.Count);
        var grid = content.Grids[0];
        Assert.Equal(["XX局绩效目标", "单位：万元"], grid.Preamble);
        Assert.Equal(["项目", "金额"], grid.Row(0));
        Assert.Equal(["农田", "12.5"], grid.Row(1));
        Assert.Equal(["监测 <br> 经费", "3"], grid.Row(2));
        Assert.Equal([5, 7, 8], Enumerable.Range(0, grid.RowCount).Select(grid.SourceRow));
        Assert.Equal(["说明"], content.Grids[1].Preamble);
    }

    [Fact]
    public void Markdown_is_recognised_by_content_whatever_the_extension()
    {
        var content = ReadText("| 项目 | 金额 |\n| --- | --- |\n| 农田 | 1 |\n", "upload.txt");
        Assert.Equal("md", content.Format);
    }

    [Fact]
    public void Csv_quoted_fields_may_span_lines_and_rows_keep_their_first_line()
    {
        var content = ReadText("\"项目\nA\",金额\n\n\"农田\",\"1,5\"\n\"多\n行\",\"说\"\"明\"\"\"\n", "x.csv");

        Assert.Equal("csv", content.Format);
        var grid = Assert.Single(content.Grids);
        Assert.Equal([1, 4, 5], Enumerable.Range(0, grid.RowCount).Select(grid.SourceRow));
        Assert.Equal(["项目\nA", "金额"], grid.Row(0));
        Assert.Equal(["农田", "1,5"], grid.Row(1));
        Assert.Equal(["多\n行", "说\"明\""], grid.Row(2));
    }

    [Fact]
    public void Semicolon_separated_text_is_detected()
    {
        var grid = Assert.Single(ReadText("项目;金额;备注\n农田;1,5;a\n监测;2;b\n", "x.csv").Grids);
        Assert.Equal(["农田", "1,5", "a"], grid.Row(1));
    }

    [Fact]
    public void Tsv_with_stray_quotes_inside_html_attributes_is_not_read_as_quoted()
    {
        var grid = Assert.Single(ReadText("a\tb\n1\t<ol style=\"x\">甲</ol>\n2\t<p class=\"y>乙\n3\t丙\n", "ocr.txt").Grids);
        Assert.Equal(4, grid.RowCount);
        Assert.Equal("<p class=\"y>乙", grid[2, 1]);
        Assert.Equal(["3", "丙"], grid.Row(3));
    }

    [Fact]
    public void A_field_that_merely_starts_with_a_quote_keeps_its_quotes()
    {
        var grid = Assert.Single(ReadText("序号\t项目\n3\t\"两节\"期间慰问\t1.20\n4\t牛羊肉\t124.10\n", "ocr.txt").Grids);
        Assert.Equal(["3", "\"两节\"期间慰问", "1.20"], grid.Row(1));
        Assert.Equal(["4", "牛羊肉", "124.10"], grid.Row(2));
    }

    [Fact]
    public void Utf16_text_with_bom_is_decoded()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("项目\t金额\n农田\t1\n")).ToArray();
        var content = Read(bytes, "unicode.txt");
        Assert.Equal("tsv", content.Format);
        Assert.Equal(["农田", "1"], content.Grids[0].Row(1));
    }

    [Fact]
    public void A_compound_file_header_without_a_directory_is_unreadable()
    {
        var bytes = new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0 };
        var error = Assert.Throws<DisclosureException>(() => Read(bytes, "old.xls")).Error;
        Assert.Equal(DisclosureErrorCode.Unreadable, error.Code);
        Assert.Contains("OLE2 compound file", error.Message);
        Assert.Equal("old.xls", error.FileName);
    }

    [Fact]
    public void A_zip_that_is_no_office_package_is_unsupported()
    {
        using var stream = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
            using (var writer = new StreamWriter(zip.CreateEntry("readme.txt").Open())) writer.Write("hello");
        var error = Assert.Throws<DisclosureException>(() => Read(stream.ToArray(), "x.xlsx")).Error;
        Assert.Equal(DisclosureErrorCode.UnsupportedFormat, error.Code);
    }

    [Theory]
    [InlineData("<html><body><p>没有表格</p></body></html>", "x.html")]
    [InlineData("# 标题\n\n只有段落\n", "x.md")]
    [InlineData("\n\n   \n", "x.txt")]
    public void Readable_containers_without_a_table_say_so(string text, string name)
    {
        var error = Assert.Throws<DisclosureException>(() => ReadText(text, name)).Error;
        Assert.Equal(DisclosureErrorCode.NoTable, error.Code);
        Assert.Contains("no table found", error.Message);
    }

    [Fact]
    public void A_docx_without_tables_has_no_table()
    {
        var error = Assert.Throws<DisclosureException>(() => Read(Document(Paragraph("只有文字")), "x.docx")).Error;
        Assert.Equal(DisclosureErrorCode.NoTable, error.Code);
    }

    [Fact]
    public void A_workbook_whose_sheets_are_all_empty_has_no_table()
    {
        var error = Assert.Throws<DisclosureException>(() => Read(Workbook([new SheetSpec("空", [])]), "x.xlsx")).Error;
        Assert.Equal(DisclosureErrorCode.NoTable, error.Code);
    }
}
