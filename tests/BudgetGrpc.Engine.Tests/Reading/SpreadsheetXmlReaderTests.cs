using System.Text;
using BudgetGrpc.Engine.Model;
using BudgetGrpc.Engine.Reading;
using Xunit;
using static BudgetGrpc.Engine.Tests.Reading.ReadingFixtures;

namespace BudgetGrpc.Engine.Tests.Reading;

/// <summary>
/// XML Spreadsheet 2003 workbooks (what Excel saves as "XML Spreadsheet 2003" and budgeting systems export under .xls)
/// read into the grids of the same sheets as .xlsx.
/// </summary>
public class SpreadsheetXmlReaderTests
{
    public static TheoryData<string, bool> Workbooks()
    {
        var data = new TheoryData<string, bool>();
        foreach (var name in new[] { "yangli-2025-agri.xlsx", "yangli-2025-edu-form.xlsx", "yangli-2025-dept.xlsx", "yangli-2025-agri-selfeval.xlsx", "containers/synthetic-sheets.xlsx" })
        {
            data.Add(name, true);
            data.Add(name, false);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Workbooks))]
    public void An_xml_spreadsheet_reads_into_the_grids_of_the_same_sheets_as_xlsx(string original, bool indexAfterMerges)
    {
        var expected = ReadSample(original);
        var xml = SyntheticSpreadsheetXml.Write(expected.Grids, indexAfterMerges, "隐藏表");
        var actual = ReadText(xml, Path.GetFileNameWithoutExtension(original) + ".xls");
        Assert.Equal("xmlss", actual.Format);
        Assert.Equal(expected.Grids.Select(g => g.Name), actual.Grids.Select(g => g.Name)); // the hidden sheet left out
        for (var i = 0; i < expected.Grids.Count; i++)
            Assert.Equal(Dump(expected.Grids[i]), Dump(actual.Grids[i]));
    }

    [Theory]
    [InlineData("yangli-2025-agri")]
    [InlineData("yangli-2025-edu-form")]
    [InlineData("yangli-2025-dept")]
    [InlineData("yangli-2025-agri-selfeval")]
    public void A_sample_saved_as_an_xml_spreadsheet_parses_as_its_xlsx(string sample)
    {
        var xlsx = new DisclosureEngine().Parse(Sample(sample + ".xlsx"), sample + ".xlsx").Disclosure!;
        var xml = SyntheticSpreadsheetXml.Write(ReadSample(sample + ".xlsx").Grids, indexAfterMerges: false);
        var parsed = new DisclosureEngine().Parse(Encoding.UTF8.GetBytes(xml), sample + ".xls");
        var disclosure = Assert.IsType<Disclosure>(parsed.Disclosure);
        Assert.Equal("xmlss", disclosure.Source.Format);
        Assert.Equal(BudgetGrpc.Engine.Publishing.PublicationJson.ToUtf8Bytes(xlsx with { Source = disclosure.Source }), BudgetGrpc.Engine.Publishing.PublicationJson.ToUtf8Bytes(disclosure));
    }

    private const string Head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<?mso-application progid=\"Excel.Sheet\"?>\n"
        + "<Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\" xmlns:ss=\"urn:schemas-microsoft-com:office:spreadsheet\""
        + " xmlns:x=\"urn:schemas-microsoft-com:office:excel\" xmlns:html=\"http://www.w3.org/TR/REC-html40\">";

    private static CellGrid Single(string sheets, string name = "book.xls") => Assert.Single(ReadText(Head + sheets + "</Workbook>", name).Grids);

    [Fact]
    public void Cells_are_typed_placed_by_their_index_and_merged_from_their_anchor()
    {
        var grid = Single("""
            <Worksheet ss:Name="预算"><Table>
             <Row><Cell ss:MergeAcross="2"><Data ss:Type="String">项目支出绩效目标表</Data></Cell></Row>
             <Row ss:Index="3"><Cell ss:MergeDown="1"><Data ss:Type="String">项目名称</Data></Cell><Cell><Data ss:Type="Number">12500000</Data></Cell><Cell><Data ss:Type="Number">0.57999999999999996</Data></Cell></Row>
             <Row><Cell ss:Index="2"><Data ss:Type="DateTime">2024-01-15T00:00:00.000</Data></Cell><Cell><Data ss:Type="DateTime">2024-01-15T12:30:00.000</Data></Cell></Row>
             <Row><Cell><Data ss:Type="Boolean">1</Data></Cell><Cell><Comment><Data>批注</Data></Comment></Cell><Cell ss:Index="3"><Data ss:Type="String">第一行&#10;第二行</Data></Cell></Row>
             <Row><Cell><ss:Data ss:Type="String" xmlns="http://www.w3.org/TR/REC-html40"><Font html:Face="宋体">新建高标准农田</Font><Font html:Face="Times New Roman">1</Font><B>万亩</B></ss:Data></Cell></Row>
            </Table></Worksheet>
            """);
        Assert.Equal("预算", grid.Name);
        Assert.Equal("1:|项目支出绩效目标表|^项目支出绩效目标表|^项目支出绩效目标表\n3:|项目名称|12500000|0.58\n4:|^项目名称|2024-01-15|2024-01-15 12:30\n"
            + "5:|TRUE||第一行\n第二行\n6:|新建高标准农田1万亩\n", Dump(grid));
    }

    [Fact]
    public void A_cell_written_without_its_index_goes_past_the_columns_merges_from_above_cover()
    {
        // LibreOffice writes no ss:Index after covered columns; Excel reads the cell into the first free column.
        var grid = Single("""
            <Worksheet ss:Name="Sheet1"><Table>
             <Row><Cell ss:MergeDown="2"><Data ss:Type="String">产出指标</Data></Cell><Cell ss:MergeDown="1" ss:MergeAcross="1"><Data ss:Type="String">数量指标</Data></Cell><Cell><Data ss:Type="String">补贴农户</Data></Cell></Row>
             <Row><Cell><Data ss:Type="String">培训人次</Data></Cell></Row>
             <Row><Cell><Data ss:Type="String">质量指标</Data></Cell><Cell ss:Index="4"><Data ss:Type="String">合格率</Data></Cell></Row>
            </Table></Worksheet>
            """);
        Assert.Equal("1:|产出指标|数量指标|^数量指标|补贴农户\n2:|^产出指标|^数量指标|^数量指标|培训人次\n3:|^产出指标|质量指标||合格率\n", Dump(grid));
    }

    [Fact]
    public void Hidden_and_empty_worksheets_are_left_out_and_a_workbook_of_none_is_no_table()
    {
        var grid = Single("""
            <Worksheet ss:Name="空"><Table/></Worksheet>
            <Worksheet ss:Name="隐藏"><Table><Row><Cell><Data ss:Type="String">x</Data></Cell></Row></Table>
             <WorksheetOptions xmlns="urn:schemas-microsoft-com:office:excel"><Visible>SheetVeryHidden</Visible></WorksheetOptions></Worksheet>
            <Worksheet ss:Name="表"><Table><Row><Cell><Data ss:Type="String">y</Data></Cell></Row></Table>
             <WorksheetOptions xmlns="urn:schemas-microsoft-com:office:excel"><Selected/></WorksheetOptions></Worksheet>
            """);
        Assert.Equal("表", grid.Name);
        var error = Assert.Throws<DisclosureException>(() => ReadText(Head + "<Worksheet ss:Name=\"空\"><Table/></Worksheet></Workbook>", "book.xls")).Error;
        Assert.Equal(DisclosureErrorCode.NoTable, error.Code);
        Assert.Contains("XML spreadsheet", error.Message);
    }

    [Theory]
    [InlineData("<Row ss:Index=\"0\">", "a row has the index \"0\", outside the sheet (1 to 1048576)")]
    [InlineData("<Row ss:Index=\"1048577\">", "a row has the index \"1048577\", outside the sheet (1 to 1048576)")]
    [InlineData("<Row><Cell ss:Index=\"16385\"/>", "a column has the index \"16385\", outside the sheet (1 to 16384)")]
    [InlineData("<Row><Cell ss:Index=\"x\"/>", "a column has the index \"x\", outside the sheet (1 to 16384)")]
    public void An_index_outside_the_sheet_is_damage_that_names_the_sheet(string row, string message)
    {
        var error = Assert.Throws<DisclosureException>(() =>
            ReadText(Head + "<Worksheet ss:Name=\"表一\"><Table>" + row + "<Cell><Data ss:Type=\"String\">y</Data></Cell></Row></Table></Worksheet></Workbook>", "book.xls")).Error;
        Assert.Equal(DisclosureErrorCode.Unreadable, error.Code);
        Assert.Equal(message, error.Message);
        Assert.Equal("表一", error.Location?.Sheet);
    }

    [Fact]
    public void Broken_markup_and_a_document_type_are_refused_as_damage()
    {
        var cut = Assert.Throws<DisclosureException>(() => ReadText(Head + "<Worksheet ss:Name=\"a\"><Table><Row><Cell>", "book.xls")).Error;
        Assert.Equal(DisclosureErrorCode.Unreadable, cut.Code);
        Assert.Contains("XML spreadsheet", cut.Message);
        // An entity expansion attack needs a DTD: markup that declares one is not taken for a workbook, nothing expanded.
        var dtd = "<?xml version=\"1.0\"?><!DOCTYPE Workbook [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
            + Head[(Head.IndexOf("<Workbook", StringComparison.Ordinal))..] + "<Worksheet><Table><Row><Cell><Data ss:Type=\"String\">&b;</Data></Cell></Row></Table></Worksheet></Workbook>";
        var refused = Assert.Throws<DisclosureException>(() => ReadText(dtd, "book.xls")).Error;
        Assert.Equal(DisclosureErrorCode.NoTable, refused.Code);
        Assert.DoesNotContain("aaaaaaaaaa", refused.Message);
    }

    [Fact]
    public void Tall_merges_over_many_rows_spend_the_cell_budget()
    {
        // 2,000 merges each down the whole sheet, then rows that each look past all of them: refused, not walked.
        var xml = new StringBuilder(Head).Append("<Worksheet ss:Name=\"a\"><Table><Row>");
        for (var c = 0; c < 2000; c++) xml.Append("<Cell ss:MergeDown=\"1000000\"><Data ss:Type=\"String\">x</Data></Cell>");
        xml.Append("</Row>");
        for (var r = 0; r < 2000; r++) xml.Append("<Row><Cell><Data ss:Type=\"String\">y</Data></Cell></Row>");
        xml.Append("</Table></Worksheet></Workbook>");
        var error = Assert.Throws<DisclosureException>(() => ReadText(xml.ToString(), "book.xls", new EngineLimits { MaxCells = 1_000_000 })).Error;
        Assert.Equal(DisclosureErrorCode.TooLarge, error.Code);
    }

    [Fact]
    public void Markup_that_only_names_a_workbook_is_not_taken_for_one()
    {
        Assert.True(SpreadsheetXmlReader.Is(Head.AsSpan(Head.IndexOf("<Workbook", StringComparison.Ordinal))));
        Assert.True(SpreadsheetXmlReader.Is("<ss:Workbook xmlns:ss=\"urn:schemas-microsoft-com:office:spreadsheet\">"));
        Assert.False(SpreadsheetXmlReader.Is("<Workbook xmlns=\"urn:example\">"));
        Assert.False(SpreadsheetXmlReader.Is("<html><body>urn:schemas-microsoft-com:office:spreadsheet</body></html>"));
    }
}
