using BudgetGrpc.Engine.Model;
using BudgetGrpc.Engine.Reading;
using Xunit;
using static BudgetGrpc.Engine.Tests.Reading.RawOoxml;
using static BudgetGrpc.Engine.Tests.Reading.ReadingFixtures;

namespace BudgetGrpc.Engine.Tests.Reading;

/// <summary>
/// One worksheet's cells as other generators than Excel write them: rows and cells without references, odd references,
/// every cell type, pretty-printed XML, merges in any corner order and merges that name nothing. Each sheet is written as
/// XML text (<see cref="RawOoxml"/>) and read through the container reader.
/// </summary>
public class XlsxSheetReaderTests
{
    private static CellGrid ReadSheet(string sheetData, string? sharedStrings = null, string? styles = null, params string[] merges) =>
        Assert.Single(Read(Sheet(sheetData, sharedStrings, styles, merges), "sheet.xlsx").Grids);

    private static string Inline(string reference, string text) =>
        $"<c{(reference.Length > 0 ? $" r=\"{reference}\"" : "")} t=\"inlineStr\"><is><t>{text}</t></is></c>";

    [Fact]
    public void Rows_and_cells_without_references_continue_from_the_previous_ones()
    {
        var grid = ReadSheet(
            "<row r=\"2\">" + Inline("", "甲") + Inline("", "乙") + "</row>"
            + "<row><c r=\"C\"><v>1</v></c><c><v>2</v></c></row>" // row 3; C without a row number is in the current row
            + "<row r=\"0\"><c><v>3</v></c></row>" // no row 0: the next one, 4
            + "<row r=\"1048577\"><c r=\"12\"><v>4</v></c></row>" // past the last row: 5; a reference without letters
            + "<row r=\"1048576\"><c><v>5</v></c></row>"); // the last row a sheet has

        Assert.Equal("2:|甲|乙\n3:|||1|2\n4:|3\n5:|4\n1048576:|5\n", Dump(grid));
    }

    [Fact]
    public void Cell_references_in_lower_case_past_the_last_column_or_row_or_with_odd_digits_keep_to_the_row()
    {
        var grid = ReadSheet(
            "<row r=\"1\"><c r=\"b1\"><v>1</v></c>"
            + "<c r=\"XFE1\"><v>2</v></c>" // past the last column (XFD): the next column, C
            + "<c r=\"A0\"><v>3</v></c>" // no row 0: the row's own
            + "<c r=\"D1048577\"><v>4</v></c>"
            + "<c r=\"E9x\"><v>5</v></c></row>"
            + "<row r=\"2\"><c r=\"XFD2\"><v>6</v></c></row>"
            // A reference naming another row puts the cell there, the last row of a sheet included.
            + "<row r=\"3\"><c r=\"AA3\"><v>7</v></c><c r=\"ZZZZ3\"><v>10</v></c><c r=\"F1\"><v>8</v></c><c r=\"B1048576\"><v>9</v></c></row>");

        Assert.Equal(["3", "1", "2", "4", "5", "8"], grid.Row(0));
        Assert.Equal(16_384, grid.Row(1).Count);
        Assert.Equal("6", grid[1, 16_383]);
        Assert.Equal(28, grid.Row(2).Count);
        Assert.Equal("7", grid[2, 26]);
        Assert.Equal("10", grid[2, 27]);
        Assert.Equal(["", "9"], grid.Row(3));
        Assert.Equal([1, 2, 3, 1_048_576], Enumerable.Range(0, grid.RowCount).Select(grid.SourceRow));
    }

    [Fact]
    public void Cells_of_every_type_read_as_their_stored_text()
    {
        var grid = ReadSheet(
            "<row r=\"1\"><c r=\"A1\" t=\"b\"><v>0</v></c><c r=\"B1\" t=\"b\"><v>true</v></c><c r=\"C1\" t=\"b\"><v> 1 </v></c></row>"
            + "<row r=\"2\"><c r=\"A2\" t=\"d\"><v>2024-01-15T00:00:00</v></c><c r=\"B2\" t=\"d\"><v>2024-01-15T18:30:00</v></c>"
            + "<c r=\"C2\" t=\"d\"><v>2024-01-15T18:30:05</v></c><c r=\"D2\" t=\"d\"><v>下周</v></c></row>"
            + "<row r=\"3\"><c r=\"A3\" t=\"str\"><v>007</v></c><c r=\"B3\" t=\"e\"><v>#N/A</v></c><c r=\"C3\"><v>007</v></c>"
            + "<c r=\"D3\" t=\"inlineStr\"><v> 直接写值 </v></c><c r=\"E3\"><is><t>没有类型</t></is></c>"
            + "<c r=\"F3\" t=\"str\"><v>12<![CDATA[34]]></v></c></row>");

        Assert.Equal(["FALSE", "TRUE", "TRUE"], grid.Row(0));
        Assert.Equal(["2024-01-15", "2024-01-15 18:30", "2024-01-15 18:30:05", "下周"], grid.Row(1));
        Assert.Equal(["007", "#N/A", "7", " 直接写值 ", "没有类型", "1234"], grid.Row(2));
    }

    [Fact]
    public void Numbers_are_dates_only_under_a_date_style_that_the_workbook_has_and_a_valid_serial()
    {
        var grid = ReadSheet(
            "<row r=\"1\"><c r=\"A1\" s=\"1\"><v>45306</v></c><c r=\"B1\" s=\"2\"><v>45306</v></c>"
            + "<c r=\"C1\" s=\"1\"><v>-1</v></c><c r=\"D1\" s=\"x\"><v>45306</v></c><c r=\"E1\" s=\"0\"><v>45306</v></c></row>",
            styles: CellXfs(0, 14));

        Assert.Equal(["2024-01-15", "45306", "-1", "45306", "45306"], grid.Row(0));
    }

    [Fact]
    public void Pretty_printed_cells_read_without_the_whitespace_between_their_elements()
    {
        var grid = ReadSheet(
            "\n  <row r=\"1\">\n    <c r=\"A1\" t=\"str\">\n      <f>\"甲\"</f>\n      <v>甲</v>\n    </c>\n"
            + "    <c r=\"B1\" t=\"s\">\n      <v>0</v>\n    </c>\n"
            + "    <c r=\"C1\">\n      <f>1+1</f>\n      <v>2</v>\n    </c>\n"
            // An extension's elements are not the cell's value, even one named v.
            + "    <c r=\"D1\"><v>3</v><extLst><ext uri=\"{x}\"><x:v xmlns:x=\"urn:example\">9</x:v></ext></extLst></c>\n  </row>\n",
            sharedStrings: "\n  <si>\n    <r>\n      <t>高标准</t>\n    </r>\n    <r><t>农田</t></r>\n  </si>\n");

        Assert.Equal(["甲", "高标准农田", "2", "3"], grid.Row(0));
    }

    [Fact]
    public void Cells_and_rows_with_nothing_in_them_do_not_enter_the_grid()
    {
        var grid = ReadSheet(
            "<row r=\"1\"><c r=\"A1\" s=\"1\"/><c r=\"B1\"><v>5</v></c></row>"
            + "<row r=\"2\">" + Inline("A2", "") + "<c r=\"B2\" s=\"1\"/></row>"
            + "<row r=\"3\"><c r=\"A3\"><v/></c><c r=\"B3\" t=\"s\"><v></v></c><c r=\"C3\"><is/></c></row>"
            + "<row r=\"4\"><c r=\"A4\"><v>1</v></c></row>",
            sharedStrings: "<si><t>甲</t></si>");

        Assert.Equal("1:||5\n4:|1\n", Dump(grid));
    }

    [Fact]
    public void Shared_strings_read_without_phonetic_guides_empty_items_or_the_whitespace_between_runs()
    {
        var grid = ReadSheet(
            "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"C1\" t=\"s\"><v>2</v></c>"
            + "<c r=\"D1\" t=\"s\"><v>3</v></c><c r=\"E1\" t=\"s\"><v>4</v></c></row>",
            sharedStrings: "<si/>"
                + "<si><r><t>高</t></r><rPh sb=\"0\" eb=\"1\"><t>こう</t></rPh><r><t>标准</t></r></si>"
                + "<si><t>甲</t><rPh sb=\"0\" eb=\"1\"/><r><t/></r>\n<r><t>乙</t></r></si>"
                + "<si><r><t>甲</t></r><r><t xml:space=\"preserve\"> </t></r><r><t> </t></r><r><t><![CDATA[乙]]></t></r></si>"
                + "<si><t>项目名称</t></si>");

        Assert.Equal(["", "高标准", "甲乙", "甲  乙", "项目名称"], grid.Row(0));
    }

    [Theory]
    [InlineData("AB7", "2", 28)]
    [InlineData("Z7", "-1", 26)]
    [InlineData("A7", " 1", 1)]
    public void A_cell_pointing_past_the_shared_strings_is_unreadable_at_its_cell(string reference, string raw, int column)
    {
        var bytes = Sheet($"<row r=\"7\"><c r=\"{reference}\" t=\"s\"><v>{raw}</v></c></row>", sharedStrings: "<si><t>甲</t></si><si><t>乙</t></si>");

        var error = Assert.Throws<DisclosureException>(() => Read(bytes, "strings.xlsx")).Error;

        Assert.Equal(DisclosureErrorCode.Unreadable, error.Code);
        Assert.Equal($"cell {reference} points to shared string {raw}, which the workbook does not have", error.Message);
        Assert.Equal(new SourceRef("S", 7, column), error.Location);
    }

    [Fact]
    public void The_last_shared_string_is_read()
    {
        var grid = ReadSheet("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>1</v></c></row>", sharedStrings: "<si><t>甲</t></si><si><t>乙</t></si>");
        Assert.Equal("乙", grid[0, 0]);
    }

    [Theory]
    [InlineData("甲乙丙丁戊己庚辛壬癸甲乙丙丁戊己庚辛壬癸甲乙丙丁戊己庚辛壬癸甲乙丙丁戊己庚辛壬癸", "#NAME?", "=甲乙丙丁戊己庚辛壬癸甲乙丙丁戊己庚辛壬癸甲乙丙丁戊己庚辛壬癸甲乙丙丁戊己庚辛壬癸")]
    [InlineData("甲乙丙丁戊己庚辛壬癸甲乙丙丁戊己庚辛壬癸甲乙丙丁戊己庚辛壬癸甲乙丙丁戊己庚辛壬癸子", "#NAME?", "#NAME?")]
    [InlineData("8个", "#REF!", "#REF!")]
    public void Text_typed_after_an_equals_sign_is_restored_only_from_a_short_non_ascii_name_error(string formula, string value, string expected)
    {
        var grid = ReadSheet($"<row r=\"1\"><c r=\"A1\" t=\"e\"><f>{formula}</f><v>{value}</v></c>"
            + $"<c r=\"B1\" t=\"str\"><f>{formula}</f><v>{value}</v></c><c r=\"C1\" t=\"e\"><f/><v>{value}</v></c></row>");

        Assert.Equal([expected, value, value], grid.Row(0));
    }

    [Fact]
    public void Merges_named_from_any_corner_fill_up_to_the_last_row_and_column_with_data_and_add_rows_in_order()
    {
        var grid = ReadSheet(
            "<row r=\"1\">" + Inline("A1", "甲") + Inline("B1", "乙") + "</row><row r=\"3\">" + Inline("C3", "丙") + "</row>",
            merges: ["C1:B1", "A1:A3"]);

        // Row 2 holds no cell of its own: the merge brings it in, between rows 1 and 3.
        Assert.Equal("1:|甲|乙|^乙\n2:|^甲\n3:|^甲||丙\n", Dump(grid));
    }

    [Fact]
    public void Merges_without_two_cells_to_name_or_without_text_at_their_anchor_fill_nothing()
    {
        var grid = ReadSheet(
            "<row r=\"1\">" + Inline("A1", "甲") + Inline("B1", "乙") + "</row><row r=\"2\">" + Inline("B2", "丁") + "</row>",
            merges: ["A1", ":B2", "1:B2", "A1:", "1:2", "A2:B2", "A9:B10", "A1:XFE2"]);

        Assert.Equal("1:|甲|乙\n2:||丁\n", Dump(grid));
    }

    [Fact]
    public void Exactly_the_cell_limit_is_read_and_one_cell_more_is_too_large_at_its_row()
    {
        var bytes = Sheet("<row r=\"1\">" + Inline("A1", "甲") + Inline("B1", "乙") + "</row><row r=\"5\">" + Inline("A5", "丙") + Inline("B5", "丁") + "</row>");

        var grid = Assert.Single(Read(bytes, "four.xlsx", new EngineLimits { MaxCells = 4 }).Grids);
        var error = Assert.Throws<DisclosureException>(() => Read(bytes, "three.xlsx", new EngineLimits { MaxCells = 3 })).Error;

        Assert.Equal("1:|甲|乙\n5:|丙|丁\n", Dump(grid));
        Assert.Equal(DisclosureErrorCode.TooLarge, error.Code);
        Assert.Equal(new SourceRef("S", 5, 0), error.Location); // the sheet's row, not the grid's second
    }

    [Fact]
    public void A_damaged_sheet_is_unreadable_naming_the_sheet_and_keeping_the_cause()
    {
        var bytes = Workbook("<sheets><sheet name=\"坏表\" sheetId=\"1\" r:id=\"s1\"/></sheets>",
            [$"<worksheet xmlns=\"{Main}\"><sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></row></sheetData></worksheet>"]);

        var error = Assert.Throws<DisclosureException>(() => Read(bytes, "damaged.xlsx")).Error;

        Assert.Equal(DisclosureErrorCode.Unreadable, error.Code);
        Assert.StartsWith("sheet '坏表' of the workbook is damaged and could not be read (XmlException: ", error.Message);
        Assert.Equal("坏表", error.Location?.Sheet);
        Assert.IsType<System.Xml.XmlException>(error.Cause);
    }
}
