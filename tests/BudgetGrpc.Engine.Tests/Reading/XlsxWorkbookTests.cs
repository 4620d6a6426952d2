using BudgetGrpc.Engine.Model;
using BudgetGrpc.Engine.Reading;
using Xunit;
using static BudgetGrpc.Engine.Tests.Reading.RawOoxml;
using static BudgetGrpc.Engine.Tests.Reading.ReadingFixtures;

namespace BudgetGrpc.Engine.Tests.Reading;

/// <summary>
/// What the workbook part says about its sheets (names, states, relationship ids, the 1904 date system) and how the
/// workbook's shared strings, styles and sheets are found, each package written part by part (<see cref="RawOoxml"/>).
/// </summary>
public class XlsxWorkbookTests
{
    private static string Cells(params string[] texts) =>
        SheetXml("<row r=\"1\">" + string.Concat(texts.Select((t, i) => $"<c r=\"{(char)('A' + i)}1\" t=\"inlineStr\"><is><t>{t}</t></is></c>")) + "</row>");

    [Fact]
    public void Sheets_without_a_name_are_numbered_among_the_grids_read_and_only_hidden_states_are_skipped()
    {
        var bytes = Workbook(
            "<sheets><sheet name=\"甲\" state=\"visible\" r:id=\"s1\" id=\"bogus\"/><sheet r:id=\"s2\"/>"
            + "<sheet name=\"藏\" state=\"veryHidden\" r:id=\"s3\"/><sheet r:id=\"s4\"/></sheets>",
            [Cells("一"), Cells("二"), Cells("三"), Cells("四")]);

        var grids = Read(bytes, "names.xlsx").Grids;

        Assert.Equal(["甲", "sheet 2", "sheet 3"], grids.Select(g => g.Name));
        Assert.Equal(["一", "二", "四"], grids.Select(g => g[0, 0]));
    }

    [Theory]
    [InlineData("<workbookPr date1904=\"true\"></workbookPr>", "2024-01-15")]
    [InlineData("<workbookPr date1904=\"1\"/>", "2024-01-15")]
    [InlineData("<workbookPr date1904=\"false\"/>", "2020-01-14")]
    [InlineData("<workbookPr/>", "2020-01-14")]
    public void The_1904_date_system_is_taken_from_the_workbook_properties(string properties, string date)
    {
        var bytes = Workbook(properties + "<sheets><sheet name=\"S\" r:id=\"s1\"/></sheets>",
            [SheetXml("<row r=\"1\"><c r=\"A1\" s=\"1\"><v>43844</v></c></row>")], styles: CellXfs(0, 14));

        Assert.Equal(date, Assert.Single(Read(bytes, "d.xlsx").Grids)[0, 0]);
    }

    [Fact]
    public void Shared_strings_and_styles_whose_parts_are_missing_are_passed_over()
    {
        var bytes = Zip(
            ("_rels/.rels", Rels(("rId1", Rel + "/officeDocument", "xl/workbook.xml"))),
            ("xl/workbook.xml", $"<workbook xmlns=\"{Main}\" xmlns:r=\"{Rel}\"><sheets><sheet name=\"S\" r:id=\"s1\"/></sheets></workbook>"),
            ("xl/_rels/workbook.xml.rels", Rels(
                ("strings", Rel + "/sharedStrings", "sharedStrings.xml"),
                ("styles", Rel + "/styles", "styles.xml"),
                ("s1", Rel + "/worksheet", "worksheets/s1.xml"))),
            ("xl/worksheets/s1.xml", SheetXml("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>项目</t></is></c><c r=\"B1\" s=\"1\"><v>45306</v></c></row>")));

        Assert.Equal(["项目", "45306"], Assert.Single(Read(bytes, "missing.xlsx").Grids).Row(0));
    }

    [Fact]
    public void A_relationship_type_is_a_worksheet_only_when_its_last_segment_says_so()
    {
        var bytes = Zip(
            ("_rels/.rels", Rels(("rId1", Rel + "/officeDocument", "xl/workbook.xml"))),
            ("xl/workbook.xml", $"<workbook xmlns=\"{Main}\" xmlns:r=\"{Rel}\"><sheets>"
                + "<sheet name=\"别的\" r:id=\"s1\"/><sheet name=\"表\" r:id=\"s2\"/></sheets></workbook>"),
            ("xl/_rels/workbook.xml.rels", Rels(
                ("s1", "http://example.com/relationships/customworksheet", "worksheets/s1.xml"),
                ("s2", Rel + "/worksheet", "worksheets/s2.xml"))),
            ("xl/worksheets/s1.xml", Cells("自定义")),
            ("xl/worksheets/s2.xml", Cells("项目")));

        var grid = Assert.Single(Read(bytes, "types.xlsx").Grids);

        Assert.Equal("表", grid.Name);
    }

    [Fact]
    public void As_many_shared_strings_as_the_cell_limit_are_read_and_one_more_is_too_large()
    {
        var limits = new EngineLimits { MaxCells = 10 };
        string Strings(int count) => string.Concat(Enumerable.Range(0, count).Select(i => $"<si><t>s{i}</t></si>"));
        var sheet = "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>9</v></c></row>";

        var grid = Assert.Single(Read(Sheet(sheet, Strings(10)), "ten.xlsx", limits).Grids);
        var error = Assert.Throws<DisclosureException>(() => Read(Sheet(sheet, Strings(11)), "eleven.xlsx", limits)).Error;

        Assert.Equal("s9", grid[0, 0]);
        Assert.Equal(DisclosureErrorCode.TooLarge, error.Code);
        Assert.Equal("the workbook holds more than 10 shared strings, more than the cells the engine reads", error.Message);
    }

    [Fact]
    public void A_workbook_whose_visible_sheets_are_empty_says_so()
    {
        var bytes = Workbook("<sheets><sheet name=\"空\" r:id=\"s1\"/><sheet name=\"藏\" state=\"hidden\" r:id=\"s2\"/></sheets>",
            [SheetXml(""), Cells("项目")]);

        var error = Assert.Throws<DisclosureException>(() => Read(bytes, "empty.xlsx")).Error;

        Assert.Equal(DisclosureErrorCode.NoTable, error.Code);
        Assert.Equal("no table found in the workbook: every visible sheet is empty", error.Message);
    }
}
