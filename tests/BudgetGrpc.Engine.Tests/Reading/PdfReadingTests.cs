using BudgetGrpc.Engine.Model;
using BudgetGrpc.Engine.Reading;
using Xunit;
using Xunit.Abstractions;
using static BudgetGrpc.Engine.Tests.Reading.ReadingFixtures;

namespace BudgetGrpc.Engine.Tests.Reading;

/// <summary>
/// PDFs with a text layer (LibreOffice's prints of the samples, tools/make-legacy-samples.sh): tables rebuilt from
/// ruling lines read into the grids of the HTML/DOCX they were printed from.
/// </summary>
public class PdfReadingTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("yangli-2025-agri.html", "containers/yangli-2025-agri.html.pdf")]
    [InlineData("yangli-2025-edu-form.html", "containers/yangli-2025-edu-form.html.pdf")]
    public void A_printed_table_reads_into_the_grid_of_its_source(string source, string pdf)
    {
        var expected = ReadSample(source);
        var actual = ReadSample(pdf);
        Assert.Equal("pdf", actual.Format);
        output.WriteLine(Dump(actual.Grids[0]));
        // (A .docx printed to PDF is compared by its parse, in ContainerGoldTests: Word's grid keeps column
        // boundaries that no row draws, which a PDF cannot show.)
        Assert.Equal(expected.Grids.Count, actual.Grids.Count);
        for (var i = 0; i < expected.Grids.Count; i++)
            Assert.Equal(Dump(expected.Grids[i]), Dump(actual.Grids[i]));
    }

    [Fact]
    public void A_table_printed_over_ten_pages_reads_as_one_grid()
    {
        // The agri table's 24 indicator rows six times over, printed on ten landscape pages.
        var source = Assert.Single(ReadSample("yangli-2025-agri.html").Grids);
        var grid = Assert.Single(ReadSample("containers/yangli-2025-agri-long.html.pdf").Grids);
        Assert.Equal(4 + 24 * 6, grid.RowCount);
        for (var r = 4; r < grid.RowCount; r++)
            Assert.Equal(source.Row(4 + (r - 4) % 24), grid.Row(r));
    }
}

/// <summary>Tables drawn for the test: spans from missing rules, wrapped cells, pages, alignment, bad text layers.</summary>
public class SyntheticPdfTests
{
    private static CellGrid OnlyGrid(byte[] pdf) => Assert.Single(Read(pdf, "t.pdf").Grids);

    /// <summary>
    /// A 3×3 ruled table under a title line: row 1 spans columns 2–3 (no rule between them), column 1 spans rows
    /// 2–3 (no rule under its row-2 slot), and cell (2,2) wraps onto two lines.
    /// </summary>
    private static void SpannedTable(UglyToad.PdfPig.Writer.PdfPageBuilder page, UglyToad.PdfPig.Writer.PdfDocumentBuilder.AddedFont font)
    {
        SyntheticPdf.Text(page, font, "Budget title", 100, 760, 14);
        foreach (var y in new[] { 700d, 600d }) SyntheticPdf.HLine(page, y, 100, 400);
        SyntheticPdf.HLine(page, 670, 100, 400);
        SyntheticPdf.HLine(page, 630, 200, 400); // no rule under the first column's row-2 slot
        SyntheticPdf.VLine(page, 100, 600, 700);
        SyntheticPdf.VLine(page, 400, 600, 700);
        SyntheticPdf.VLine(page, 200, 600, 700);
        SyntheticPdf.VLine(page, 300, 600, 670); // no rule between columns 2 and 3 in row 1
        SyntheticPdf.Text(page, font, "Name", 105, 680);
        SyntheticPdf.Text(page, font, "Targets", 205, 680);
        SyntheticPdf.Text(page, font, "Farmland", 105, 650);
        SyntheticPdf.Text(page, font, "new area of farmland", 205, 655); // 93.9 pt of Helvetica 10: to the cell's edge
        SyntheticPdf.Text(page, font, "fields", 205, 642);
        SyntheticPdf.Text(page, font, "10000", 305, 650);
        SyntheticPdf.Text(page, font, "rate", 205, 610);
        SyntheticPdf.Text(page, font, "100", 305, 610);
    }

    [Fact]
    public void Missing_rules_make_spans_and_wrapped_lines_join()
    {
        var grid = OnlyGrid(SyntheticPdf.Build(SpannedTable));
        Assert.Equal(
            "1:|Name|Targets|^Targets\n2:|Farmland|new area of farmland fields|10000\n3:|^Farmland|rate|100\n",
            Dump(grid));
        Assert.Equal(["Budget title"], grid.Preamble);
    }

    [Fact]
    public void A_table_continued_on_the_next_page_drops_its_repeated_header()
    {
        void Part(UglyToad.PdfPig.Writer.PdfPageBuilder page, UglyToad.PdfPig.Writer.PdfDocumentBuilder.AddedFont font, string[] rows, string pageNumber)
        {
            var top = 700.0;
            var all = new[] { "Name|Value" }.Concat(rows).ToArray();
            for (var i = 0; i <= all.Length; i++) SyntheticPdf.HLine(page, top - 20 * i, 100, 300);
            foreach (var x in new[] { 100d, 200d, 300d }) SyntheticPdf.VLine(page, x, top - 20 * all.Length, top);
            for (var i = 0; i < all.Length; i++)
            {
                var cells = all[i].Split('|');
                SyntheticPdf.Text(page, font, cells[0], 105, top - 20 * i - 14);
                SyntheticPdf.Text(page, font, cells[1], 205, top - 20 * i - 14);
            }
            SyntheticPdf.Text(page, font, pageNumber, 290, 30);
        }
        var pdf = SyntheticPdf.Build(
            (page, font) => Part(page, font, ["a|1", "b|2"], "1"),
            (page, font) => Part(page, font, ["c|3"], "2"));
        var grid = OnlyGrid(pdf);
        Assert.Equal("1:|Name|Value\n2:|a|1\n3:|b|2\n4:|c|3\n", Dump(grid));
    }

    [Fact]
    public void Tables_printed_one_under_the_other_part_where_their_edges_differ()
    {
        // Two forms printed back to back: the narrower second one touches the first (their rules join) and runs on to
        // the next page. Each is its own grid, and the second's rows on page 2 continue it.
        double[] wide = [100, 250, 400], narrow = [100, 200, 350];
        var pdf = SyntheticPdf.Build(
            (page, font) =>
            {
                SyntheticPdf.RuledRows(page, font, 700, wide, ["Name|A", "Note|x"]);
                SyntheticPdf.RuledRows(page, font, 660, narrow, ["Name|B"]);
            },
            (page, font) => SyntheticPdf.RuledRows(page, font, 780, narrow, ["k|1", "m|2"]));
        var content = Read(pdf, "t.pdf");
        Assert.Equal(["1:|Name|A\n2:|Note|x\n", "1:|Name|B\n2:|k|1\n3:|m|2\n"], content.Grids.Select(Dump));
    }

    [Fact]
    public void A_table_broken_by_a_blank_row_goes_on_under_it()
    {
        // A spreadsheet's blank row inside a table prints as a strip with no vertical rules; the rows under it, whose
        // merged cells leave out one of the table's column boundaries, still belong to the table, as in the sheet,
        // and the strip goes like a sheet's blank row.
        var pdf = SyntheticPdf.Build((page, font) =>
        {
            SyntheticPdf.RuledRows(page, font, 700, [100, 160, 220, 280, 340], ["Name|Code|Unit|Value", "a|1|x|10"]);
            SyntheticPdf.RuledRows(page, font, 653, [100, 160, 280, 340], ["b|2 y|20", "c|3 z|30"]);
        });
        var content = Read(pdf, "t.pdf");
        Assert.Equal(["1:|Name|Code|Unit|Value\n2:|a|1|x|10\n3:|b|2 y|^2 y|20\n4:|c|3 z|^3 z|30\n"], content.Grids.Select(Dump));
    }

    [Fact]
    public void Tables_of_two_sheets_printed_on_two_pages_stay_apart()
    {
        // A workbook's sheets each open a page; the next sheet's table has the same outer edges but columns of its own
        // widths, so it is another table, not the first one's continuation.
        var pdf = SyntheticPdf.Build(
            (page, font) => SyntheticPdf.RuledRows(page, font, 780, [100, 160, 220, 280, 340], ["Name|Code|Unit|Value", "a|1|x|10"]),
            (page, font) => SyntheticPdf.RuledRows(page, font, 780, [100, 180, 230, 300, 340], ["Name|Code|Unit|Value", "b|2|y|20"]));
        var content = Read(pdf, "t.pdf");
        Assert.Equal(["1:|Name|Code|Unit|Value\n2:|a|1|x|10\n", "1:|Name|Code|Unit|Value\n2:|b|2|y|20\n"], content.Grids.Select(Dump));
    }

    [Fact]
    public void Text_drawn_across_a_tables_bottom_rule_is_its_last_rows()
    {
        // A spreadsheet's merged cell cut by the page break has its text centred on the whole merged area, so the print
        // draws it across the page's last rule: it is the cell's text, not a line between the table and its next page.
        var pdf = SyntheticPdf.Build(
            (page, font) =>
            {
                SyntheticPdf.RuledRows(page, font, 700, [100, 200, 300], ["Name|Value", "|1"]);
                SyntheticPdf.Text(page, font, "Label", 105, 656);
            },
            (page, font) => SyntheticPdf.RuledRows(page, font, 780, [100, 200, 300], ["b|2"]));
        var content = Read(pdf, "t.pdf");
        Assert.Equal(["1:|Name|Value\n2:|Label|1\n3:|b|2\n"], content.Grids.Select(Dump));
    }

    /// <summary>A page's table (Name | Value, then 1 and 2) whose left column is merged down and left open at the page's bottom.</summary>
    private static void LeftColumnOpenAtTheBottom(UglyToad.PdfPig.Writer.PdfPageBuilder page, UglyToad.PdfPig.Writer.PdfDocumentBuilder.AddedFont font)
    {
        foreach (var y in new[] { 700.0, 680 }) SyntheticPdf.HLine(page, y, 100, 300);
        foreach (var y in new[] { 660.0, 640 }) SyntheticPdf.HLine(page, y, 200, 300);
        foreach (var x in new[] { 100.0, 200, 300 }) SyntheticPdf.VLine(page, x, 640, 700);
        SyntheticPdf.Text(page, font, "Name", 105, 686);
        SyntheticPdf.Text(page, font, "Value", 205, 686);
        SyntheticPdf.Text(page, font, "1", 205, 666);
        SyntheticPdf.Text(page, font, "2", 205, 646);
    }

    [Fact]
    public void Text_printed_under_a_column_the_page_left_open_is_its_last_cells()
    {
        // A merged cell the page break cuts has no rule under it on the page; a spreadsheet that centres the cell's
        // text on its whole area can print it anywhere under the table there, and again in the part on the next page.
        var pdf = SyntheticPdf.Build(
            (page, font) =>
            {
                LeftColumnOpenAtTheBottom(page, font);
                SyntheticPdf.Text(page, font, "Label", 105, 600);
            },
            (page, font) => SyntheticPdf.RuledRows(page, font, 780, [100, 200, 300], ["Label|3", "b|4"]));
        var content = Read(pdf, "t.pdf");
        // The next page prints the cell's text again in its part: the same merged cell, going on.
        Assert.Equal(["1:|Name|Value\n2:|Label|1\n3:|^Label|2\n4:|^Label|3\n5:|b|4\n"], content.Grids.Select(Dump));
    }

    [Fact]
    public void A_number_wrapped_by_a_narrow_cell_joins_without_a_space()
    {
        // Word and spreadsheets break a figure too long for a narrow column anywhere: its digits join again, while
        // Latin words wrapped at a space keep it.
        var pdf = SyntheticPdf.Build((page, font) =>
        {
            foreach (var y in new[] { 700.0, 680, 640 }) SyntheticPdf.HLine(page, y, 100, 200);
            foreach (var x in new[] { 100.0, 139, 200 }) SyntheticPdf.VLine(page, x, 640, 700);
            SyntheticPdf.Text(page, font, "Name", 102, 686);
            SyntheticPdf.Text(page, font, "Value", 141, 686);
            SyntheticPdf.Text(page, font, ">=1200", 102, 666);
            SyntheticPdf.Text(page, font, "0", 102, 654);
            SyntheticPdf.Text(page, font, "Sample", 141, 666);
            SyntheticPdf.Text(page, font, "text", 141, 654);
        });
        Assert.Equal("1:|Name|Value\n2:|>=12000|Sample text\n", Dump(OnlyGrid(pdf)));
    }

    [Fact]
    public void A_row_with_blank_cells_opening_the_next_page_is_a_row_of_its_own()
    {
        // Under a page break, a row that leaves its project and level cells blank has text in few columns, as the
        // wrapped rest of a cut row does; but its figures stand where the row above has figures of its own, in two
        // columns: it is the next row. (One figure under one can be a number a narrow column wrapped: 1 / 0 for 10.)
        double[] columns = [40, 100, 160, 220, 280, 340, 400, 460, 520];
        var pdf = SyntheticPdf.Build(
            (page, font) => SyntheticPdf.RuledRows(page, font, 700, columns, ["Unit|Project|Level1|Level2|Name|Value|Weight|Note", "u|p|out|qty|alpha|45|10|n"]),
            (page, font) => SyntheticPdf.RuledRows(page, font, 780, columns, ["||||beta|6|10|"]));
        Assert.Equal("1:|Unit|Project|Level1|Level2|Name|Value|Weight|Note\n2:|u|p|out|qty|alpha|45|10|n\n3:|||||beta|6|10|\n", Dump(OnlyGrid(pdf)));
    }

    [Fact]
    public void A_line_opening_with_a_numbered_indicator_or_a_bracketed_heading_starts_a_paragraph()
    {
        // 指标2： and 【heading】 open an item wherever the line above ended, even at the cell's edge; 1. and (1) only
        // after a sentence's end or a line broken short, as a wrapped figure (12.5万元) can open a line too.
        static List<Glyph> Line(string text, double y, double x = 100) =>
            [.. text.Select((ch, i) => new Glyph(ch.ToString(), x + 10 * i, x + 10 * i + 10, y - 2, y + 8, y, 10))];
        var right = 100 + 10 * 12;
        Assert.Equal("指标1：送戏下乡演出场次\n指标2：广场12个", PdfText.CellText([.. Line("指标1：送戏下乡演出场次", 700), .. Line("指标2：广场12个", 688)], right));
        Assert.Equal("目标1：完成项目验收\n【产出指标】", PdfText.CellText([.. Line("目标1：完成项目验收", 700), .. Line("【产出指标】", 688)], 100 + 10 * 10));
        Assert.Equal("资金总额合计达到12.5万元", PdfText.CellText([.. Line("资金总额合计达到", 700), .. Line("12.5万元", 688)], 100 + 10 * 8));
    }

    [Fact]
    public void A_row_cut_by_the_page_with_a_figure_wrapped_in_a_narrow_column_joins_again()
    {
        // Word breaks a row across pages: its rest on the next page holds the tails of the cells that wrapped, here the
        // 0 of a weight 10 too wide for its column, under the 1.
        double[] columns = [40, 100, 160, 280, 300, 400];
        var pdf = SyntheticPdf.Build(
            (page, font) => SyntheticPdf.RuledRows(page, font, 700, columns, ["Unit|Project|Name|W|Note", "u|p|alpha|1|note"]),
            (page, font) => SyntheticPdf.RuledRows(page, font, 780, columns, ["||gamma|0|"]));
        Assert.Equal("1:|Unit|Project|Name|W|Note\n2:|u|p|alpha gamma|10|note\n", Dump(OnlyGrid(pdf)));
    }

    [Fact]
    public void A_row_cut_by_the_page_whose_every_text_cell_wrapped_joins_again()
    {
        // Narrow columns wrap nearly every word of a row, so its rest on the next page has text in most of the columns
        // that have text above; but none where the row above has its figures (a target is not wrapped so short): the
        // rest of the row, not the next one (blind round 16, two column sets of a department-wide table printed by Word).
        double[] columns = [40, 100, 160, 220, 280, 340, 400, 460];
        var pdf = SyntheticPdf.Build(
            (page, font) => SyntheticPdf.RuledRows(page, font, 700, columns, ["L1|Mid2|MidName|Mid|Year2|YearName|Year", "sat|servi|bene|>=90%|servic|benef|>=92%"]),
            (page, font) => SyntheticPdf.RuledRows(page, font, 780, columns, ["isf|ce|fit||e|it|"]));
        Assert.Equal("1:|L1|Mid2|MidName|Mid|Year2|YearName|Year\n2:|sat isf|servi ce|bene fit|>=90%|servic e|benef it|>=92%\n", Dump(OnlyGrid(pdf)));
    }

    [Fact]
    public void A_line_wrapped_at_a_space_the_text_layer_writes_keeps_it()
    {
        // The writer wraps "45 60" at its space and writes the space at the end of the first line: the two stay apart,
        // where a figure wrapped anywhere (">=1200" / "0") joins.
        var pdf = SyntheticPdf.Build((page, font) =>
        {
            foreach (var y in new[] { 700.0, 680, 640 }) SyntheticPdf.HLine(page, y, 100, 200);
            foreach (var x in new[] { 100.0, 139, 200 }) SyntheticPdf.VLine(page, x, 640, 700);
            SyntheticPdf.Text(page, font, "Name", 102, 686);
            SyntheticPdf.Text(page, font, "Value", 141, 686);
            SyntheticPdf.Text(page, font, "1245 ", 102, 666);
            SyntheticPdf.Text(page, font, "60", 102, 654);
        });
        Assert.Equal("1:|Name|Value\n2:|1245 60|\n", Dump(OnlyGrid(pdf)));
    }

    [Fact]
    public void A_two_row_header_cut_by_the_page_keeps_its_second_row()
    {
        // The page breaks between a header's rows: Value over two columns closes page 1, Mid | Year opens page 2. Two
        // cells under one merged cell are a row of their own, not the wrapped rest of the cell above.
        var pdf = SyntheticPdf.Build(
            (page, font) =>
            {
                foreach (var y in new[] { 700.0, 680 }) SyntheticPdf.HLine(page, y, 100, 450);
                foreach (var x in new[] { 100.0, 150, 200, 400, 450 }) SyntheticPdf.VLine(page, x, 680, 700);
                foreach (var (text, x) in new[] { ("Unit", 105.0), ("Name", 155), ("Value", 205), ("Note", 405) })
                    SyntheticPdf.Text(page, font, text, x, 686);
            },
            (page, font) => SyntheticPdf.RuledRows(page, font, 780, [100, 150, 200, 300, 400, 450], ["||Mid|Year|", "u|a|1|2|n"]));
        Assert.Equal("1:|Unit|Name|Value|^Value|Note\n2:|||Mid|Year|\n3:|u|a|1|2|n\n", Dump(OnlyGrid(pdf)));
    }

    [Theory]
    [InlineData("2026年示例局项目绩效目标表", "2026年示例局项目绩效目标表")]
    [InlineData("Microsoft Word - form.docx", null)]
    public void The_documents_title_opens_the_preamble_when_the_page_does_not_print_it(string title, string? preamble)
    {
        // A web page printed to PDF keeps its <title> in the document information even where the print lost the
        // page's first line; a title of no Chinese words (a file name) says nothing about the table.
        var pdf = SyntheticPdf.Titled(title, (page, font) => SyntheticPdf.RuledRows(page, font, 700, [100, 200, 300], ["Name|Value", "a|1"]));
        var grid = OnlyGrid(pdf);
        Assert.Equal(preamble is null ? [] : [preamble], grid.Preamble);
    }

    [Fact]
    public void Text_printed_over_a_column_the_next_page_leaves_open_is_its_first_cells()
    {
        // The same merged cell on the next page: no rule over it there, its text printed above the table's top.
        var pdf = SyntheticPdf.Build(
            LeftColumnOpenAtTheBottom,
            (page, font) =>
            {
                SyntheticPdf.HLine(page, 780, 200, 300);
                foreach (var y in new[] { 760.0, 740 }) SyntheticPdf.HLine(page, y, 100, 300);
                foreach (var x in new[] { 100.0, 200, 300 }) SyntheticPdf.VLine(page, x, 740, 780);
                SyntheticPdf.Text(page, font, "Label", 105, 800);
                SyntheticPdf.Text(page, font, "3", 205, 766);
                SyntheticPdf.Text(page, font, "b", 105, 746);
                SyntheticPdf.Text(page, font, "4", 205, 746);
            });
        var content = Read(pdf, "t.pdf");
        Assert.Equal(["1:|Name|Value\n2:||1\n3:|^|2\n4:|Label|3\n5:|b|4\n"], content.Grids.Select(Dump));
    }

    [Fact]
    public void A_row_repeating_the_project_cells_opening_the_next_page_is_a_row_of_its_own()
    {
        // Project cells written again on each row, and an indicator row without a name: few cells, all under cells of
        // the row above, but the same texts again are the next row's, not the rest of the row the page cut.
        double[] columns = [40, 100, 160, 220, 280, 340, 400, 460, 520];
        var pdf = SyntheticPdf.Build(
            (page, font) => SyntheticPdf.RuledRows(page, font, 700, columns, ["Project|Amount|Level1|Level2|Name|Value|Weight|Note", "road|95|out|qty|alpha|45|10|n"]),
            (page, font) => SyntheticPdf.RuledRows(page, font, 780, columns, ["road|95|out||||"]));
        Assert.Equal("1:|Project|Amount|Level1|Level2|Name|Value|Weight|Note\n2:|road|95|out|qty|alpha|45|10|n\n3:|road|95|out|||||\n", Dump(OnlyGrid(pdf)));
    }

    [Fact]
    public void The_next_numbered_indicator_opening_the_next_page_is_a_row_of_its_own()
    {
        // Word breaks a row across pages; a row of its own that opens the next page with 指标2： under 指标1：… (a cell
        // of one item), its unit under a unit and one figure under a figure, is still the next row.
        static PdfCell[] Row(int row, params string[] texts) => [.. texts.Select((t, c) => new PdfCell(t, false, row, c))];
        double[] columns = [40, 80, 120, 160, 200, 300, 360, 420, 480];
        var assembler = new PdfTableAssembler(new ReadContext("t.pdf", new EngineLimits()));
        assembler.AddPage(1, 842, [new PdfTable(700, 640, columns, [
            Row(0, "单位", "项目", "金额", "二级", "三级指标", "指标值", "符号", "单位"),
            Row(1, "文旅局", "非遗保护", "30", "数量", "指标1：传承人补助人数", "45", "等于", "人")])]);
        assembler.AddPage(2, 842, [new PdfTable(780, 760, columns, [Row(0, "", "", "", "", "指标2：展演活动", "6", "大于等于", "次")])]);
        var grid = Assert.Single(assembler.Finish());
        Assert.Equal("1:|单位|项目|金额|二级|三级指标|指标值|符号|单位\n2:|文旅局|非遗保护|30|数量|指标1：传承人补助人数|45|等于|人\n3:|||||指标2：展演活动|6|大于等于|次\n", Dump(grid));
    }

    [Fact]
    public void A_table_printed_in_two_parts_one_under_the_other_reads_as_two_tables()
    {
        // A table split in two, each part with its header and its own column widths, printed touching on one page:
        // two grids with their own columns, not one grid whose columns are cut twice.
        var pdf = SyntheticPdf.Build((page, font) =>
        {
            SyntheticPdf.RuledRows(page, font, 700, [100, 160, 220, 280, 340, 400], ["Name|Code|Unit|Value|Note", "a|1|x|10|n", "b|2|y|20|n"]);
            SyntheticPdf.RuledRows(page, font, 640, [100, 170, 240, 300, 350, 400], ["Name|Code|Unit|Value|Note", "c|3|z|30|n"]);
        });
        var content = Read(pdf, "t.pdf");
        Assert.Equal(["1:|Name|Code|Unit|Value|Note\n2:|a|1|x|10|n\n3:|b|2|y|20|n\n", "1:|Name|Code|Unit|Value|Note\n2:|c|3|z|30|n\n"],
            content.Grids.Select(Dump));
    }

    [Fact]
    public void A_rowspan_that_ends_on_the_first_row_of_the_next_page_continues_there()
    {
        // "P" spans three rows; the page break leaves its last row, empty in that column, at the top of page 2.
        var pdf = SyntheticPdf.Build(
            (page, font) =>
            {
                foreach (var y in new[] { 700d, 680d, 640d }) SyntheticPdf.HLine(page, y, 100, 300);
                SyntheticPdf.HLine(page, 660, 200, 300); // no rule under P's first row: it spans on
                foreach (var x in new[] { 100d, 200d, 300d }) SyntheticPdf.VLine(page, x, 640, 700);
                SyntheticPdf.Text(page, font, "Name", 105, 686);
                SyntheticPdf.Text(page, font, "Item", 205, 686);
                SyntheticPdf.Text(page, font, "P", 105, 666);
                SyntheticPdf.Text(page, font, "a", 205, 666);
                SyntheticPdf.Text(page, font, "b", 205, 646);
            },
            (page, font) =>
            {
                foreach (var y in new[] { 780d, 760d, 740d }) SyntheticPdf.HLine(page, y, 100, 300);
                foreach (var x in new[] { 100d, 200d, 300d }) SyntheticPdf.VLine(page, x, 740, 780);
                SyntheticPdf.Text(page, font, "c", 205, 766);
                SyntheticPdf.Text(page, font, "Q", 105, 746);
                SyntheticPdf.Text(page, font, "d", 205, 746);
            });
        Assert.Equal("1:|Name|Item\n2:|P|a\n3:|^P|b\n4:|^P|c\n5:|Q|d\n", Dump(OnlyGrid(pdf)));
    }

    [Fact]
    public void Lines_broken_short_of_the_cells_edge_before_an_item_are_paragraphs()
    {
        // "(1) Build roads" ends far from the cell's right rule and "(2) …" starts an item: the writer broke the line, as
        // the <br> of the source; "new area of … its" / "fields" wraps a sentence at the cell's edge and joins.
        var pdf = SyntheticPdf.Build((page, font) =>
        {
            foreach (var y in new[] { 700d, 650d, 610d }) SyntheticPdf.HLine(page, y, 100, 400);
            foreach (var x in new[] { 100d, 200d, 400d }) SyntheticPdf.VLine(page, x, 610, 700);
            SyntheticPdf.Text(page, font, "Goals", 105, 680);
            SyntheticPdf.Text(page, font, "(1) Build roads", 205, 685);
            SyntheticPdf.Text(page, font, "(2) Repair bridges", 205, 670);
            SyntheticPdf.Text(page, font, "Area", 105, 630);
            SyntheticPdf.Text(page, font, "new area of farmland and pasture with its", 205, 635); // 182.9 pt: to the edge
            SyntheticPdf.Text(page, font, "fields", 205, 622);
        });
        Assert.Equal("1:|Goals|(1) Build roads\n(2) Repair bridges\n2:|Area|new area of farmland and pasture with its fields\n", Dump(OnlyGrid(pdf)));
    }

    [Fact]
    public void A_row_without_its_outer_rule_stays_in_its_table()
    {
        // The last row's right-hand rule is missing: its edge falls on an inner column boundary, so it is the same
        // table with one frame rule left out, not another table.
        var pdf = SyntheticPdf.Build((page, font) =>
        {
            foreach (var y in new[] { 700d, 680d, 660d }) SyntheticPdf.HLine(page, y, 100, 400);
            SyntheticPdf.VLine(page, 100, 660, 700);
            SyntheticPdf.VLine(page, 250, 660, 700);
            SyntheticPdf.VLine(page, 400, 680, 700);
            SyntheticPdf.Text(page, font, "Name", 105, 686);
            SyntheticPdf.Text(page, font, "A", 255, 686);
            SyntheticPdf.Text(page, font, "Note", 105, 666);
            SyntheticPdf.Text(page, font, "x", 255, 666);
        });
        Assert.Equal("1:|Name|A\n2:|Note|x\n", Dump(OnlyGrid(pdf)));
    }

    [Fact]
    public void Running_headers_are_dropped_but_a_title_in_the_top_margin_stays()
    {
        void Page(UglyToad.PdfPig.Writer.PdfPageBuilder page, UglyToad.PdfPig.Writer.PdfDocumentBuilder.AddedFont font, string? title, string cell)
        {
            SyntheticPdf.Text(page, font, "County finance bureau", 100, 825, 8); // running header on every page
            if (title is not null) SyntheticPdf.Text(page, font, title, 100, 805, 14); // only page 1, inside the top 6 %
            SyntheticPdf.Text(page, font, "Heading", 100, 760);
            foreach (var y in new[] { 700d, 680d }) SyntheticPdf.HLine(page, y, 100, 300);
            foreach (var x in new[] { 100d, 200d, 300d }) SyntheticPdf.VLine(page, x, 680, 700);
            SyntheticPdf.Text(page, font, cell, 105, 686);
            SyntheticPdf.Text(page, font, "x", 205, 686);
        }
        var content = Read(SyntheticPdf.Build((p, f) => Page(p, f, "Budget 2025", "a"), (p, f) => Page(p, f, null, "b")), "t.pdf");
        Assert.Equal(2, content.Grids.Count); // text between the tables: two tables, not one continued
        Assert.Equal(["Budget 2025", "Heading"], content.Grids[0].Preamble);
        Assert.Equal(["Heading"], content.Grids[1].Preamble);
    }

    [Fact]
    public void A_running_header_printed_two_centimetres_down_a_landscape_page_does_not_part_a_table_from_its_rest()
    {
        // A spreadsheet printed landscape by LibreOffice: the sheet's name as a header 56 pt down every page (below the top
        // 6 % of a 595 pt page) and Page N at the foot. The table goes on on page 2, its merged cell leaving out a column
        // boundary there.
        void Furniture(UglyToad.PdfPig.Writer.PdfPageBuilder page, UglyToad.PdfPig.Writer.PdfDocumentBuilder.AddedFont font, string number)
        {
            SyntheticPdf.Text(page, font, "Sheet1", 400, 531); // its top 57 pt below the edge, as printed
            SyntheticPdf.Text(page, font, "Page " + number, 400, 60);
        }
        var pdf = SyntheticPdf.Landscape(
            (page, font) =>
            {
                Furniture(page, font, "1");
                SyntheticPdf.RuledRows(page, font, 515, [60, 160, 260, 360, 460], ["Name|Code|Unit|Value", "a|1|x|10"]);
            },
            (page, font) =>
            {
                Furniture(page, font, "2");
                SyntheticPdf.RuledRows(page, font, 515, [60, 160, 360, 460], ["b|2 y|20"]);
            });
        var content = Read(pdf, "t.pdf");
        Assert.Equal(["1:|Name|Code|Unit|Value\n2:|a|1|x|10\n3:|b|2 y|^2 y|20\n"], content.Grids.Select(Dump));
        Assert.Equal(["Sheet1"], content.Grids[0].Preamble);
    }

    [Fact]
    public void A_table_without_rules_is_read_by_column_alignment()
    {
        var pdf = SyntheticPdf.Build((page, font) =>
        {
            SyntheticPdf.Text(page, font, "Unit: yuan", 100, 760);
            string[][] rows = [["Project", "Amount", "Target"], ["Roads", "12500", ">= 10 km"], ["Schools", "800", "42"]];
            for (var r = 0; r < rows.Length; r++)
                for (var c = 0; c < 3; c++)
                    SyntheticPdf.Text(page, font, rows[r][c], 100 + 150 * c, 720 - 20 * r);
        });
        var grid = OnlyGrid(pdf);
        Assert.Equal("1:|Project|Amount|Target\n2:|Roads|12500|>= 10 km\n3:|Schools|800|42\n", Dump(grid));
        Assert.Equal(["Unit: yuan"], grid.Preamble);
    }

    [Fact]
    public void Pages_without_text_need_ocr()
    {
        var pdf = SyntheticPdf.Build((page, _) =>
        {
            SyntheticPdf.HLine(page, 700, 100, 300);
            SyntheticPdf.HLine(page, 600, 100, 300);
        });
        var error = Assert.Throws<DisclosureException>(() => Read(pdf, "scan.pdf")).Error;
        Assert.Equal("NO_TEXT_LAYER", error.Reason);
        Assert.Contains("OCR", error.Message);
    }

    [Fact]
    public void Text_that_maps_to_no_readable_characters_needs_ocr()
    {
        // A font whose codes reach the reader as private-use and control characters, as unmapped CID fonts do.
        var pdf = SyntheticPdf.Raw(
            SyntheticPdf.Ascii("<< /Type /Catalog /Pages 2 0 R >>"),
            SyntheticPdf.Ascii("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
            SyntheticPdf.Ascii("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>"),
            SyntheticPdf.FlateStream(SyntheticPdf.Ascii("BT /F1 12 Tf 100 700 Td <0102030405060708090A0B0C0D0E0F10> Tj ET")),
            SyntheticPdf.Ascii("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Differences [1 /uniE001 /uniE002 /uniE003 /uniE004 /uniE005 /uniE006 /uniE007 /uniE008 /uniE009 /uniE00A /uniE00B /uniE00C /uniE00D /uniE00E /uniE00F /uniE010] >> >>"));
        var error = Assert.Throws<DisclosureException>(() => Read(pdf, "unmapped.pdf")).Error;
        Assert.Equal("NO_TEXT_LAYER", error.Reason);
        Assert.Contains("map to no readable text", error.Message);
    }

    [Fact]
    public void Cjk_text_through_a_predefined_cmap_without_to_unicode_is_read()
    {
        // A non-embedded STSong-Light with the predefined UniGB-UCS2-H CMap, as older Chinese generators write.
        var content = "0.5 w 100 700 m 300 700 l S 100 670 m 300 670 l S 100 670 m 100 700 l S 200 670 m 200 700 l S " +
            "300 670 m 300 700 l S BT /F1 12 Tf 105 680 Td <987976EE540D79F0> Tj ET BT /F1 12 Tf 205 680 Td <91D1989D> Tj ET";
        var pdf = SyntheticPdf.Raw(
            SyntheticPdf.Ascii("<< /Type /Catalog /Pages 2 0 R >>"),
            SyntheticPdf.Ascii("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
            SyntheticPdf.Ascii("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>"),
            SyntheticPdf.FlateStream(SyntheticPdf.Ascii(content)),
            SyntheticPdf.Ascii("<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>"),
            SyntheticPdf.Ascii("<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 7 0 R /DW 1000 >>"),
            SyntheticPdf.Ascii("<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 80 >>"));
        Assert.Equal("1:|项目名称|金额\n", Dump(OnlyGrid(pdf)));
    }

    [Fact]
    public void A_space_the_text_layer_writes_is_kept_however_narrow()
    {
        // Condensed type (-1.5 Tc): the space glyph between "time" and "2024" leaves a gap narrower than a quarter of the
        // type size, but it is written, so the words stay apart (项目完成时间 2024年12月31日前 in the tables).
        var content = "0.5 w 100 700 m 300 700 l S 100 670 m 300 670 l S 100 670 m 100 700 l S 200 670 m 200 700 l S " +
            "300 670 m 300 700 l S BT /F1 10 Tf 105 680 Td (Done) Tj ET BT /F1 10 Tf -1.5 Tc 205 680 Td (time 2024) Tj ET";
        var pdf = SyntheticPdf.Raw(
            SyntheticPdf.Ascii("<< /Type /Catalog /Pages 2 0 R >>"),
            SyntheticPdf.Ascii("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
            SyntheticPdf.Ascii("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>"),
            SyntheticPdf.FlateStream(SyntheticPdf.Ascii(content)),
            SyntheticPdf.Ascii("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"));
        Assert.Equal("1:|Done|time 2024\n", Dump(OnlyGrid(pdf)));
    }

    [Fact]
    public void Readable_text_is_cjk_ascii_and_the_symbols_tables_use()
    {
        Assert.True(PdfText.IsUsable("项目≥90%（万元）①×μ"));
        Assert.False(PdfText.IsUsable("\uE001"));
        Assert.False(PdfText.IsUsable("\u0001"));
        Assert.False(PdfText.IsUsable("\uFFFD"));
    }
}
