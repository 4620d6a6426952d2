using System.Text;
using BudgetGrpc.Engine.Model;
using BudgetGrpc.Engine.Reading;
using Xunit;
using static BudgetGrpc.Engine.Tests.Reading.ReadingFixtures;

namespace BudgetGrpc.Engine.Tests.Reading;

/// <summary>Text files: markup, a Markdown table or delimited text, by their content and, where that is silent, their name.</summary>
public class TextFormatDetectionTests
{
    private const string HtmlWithoutTable = "no table found in the HTML page: it has no <table> with rows";

    private static ContainerKind Kind(string text, string name) =>
        FormatDetector.Detect(Encoding.UTF8.GetBytes(text), new ReadContext(name, new EngineLimits())).Kind;

    private static DisclosureError ReadError(string text, string name) =>
        Assert.Throws<DisclosureException>(() => ReadText(text, name)).Error;

    [Theory]
    [InlineData("page.html")]
    [InlineData("page.htm")]
    [InlineData("page.xhtml")]
    [InlineData("PAGE.XHTML")]
    public void A_page_fragment_without_a_table_under_a_page_name_is_a_page_without_a_table(string name)
    {
        var error = ReadError("<div><p>本页没有表格</p></div>\n", name);
        Assert.Equal(DisclosureErrorCode.NoTable, error.Code);
        Assert.Equal(HtmlWithoutTable, error.Message);
    }

    [Fact]
    public void The_same_fragment_under_a_text_name_is_one_line_of_text()
    {
        var content = ReadText("<div><p>本页没有表格</p></div>\n", "page.txt");
        Assert.Equal("tsv", content.Format);
        Assert.Equal(["<div><p>本页没有表格</p></div>"], Assert.Single(content.Grids).Row(0));
    }

    [Theory]
    [InlineData("| 项目 | 金额 |\n|---|---:|\n| 农田 | 1 |\n")]
    [InlineData("| 项目 | 金额 |\n| :--- | ---: |\n| 农田 | 1 |\n")]
    [InlineData("| 项目 | 金额 |\n|\t---\t|\t---\t|\n| 农田 | 1 |\n")]
    [InlineData("说明\n\n  | 项目 | 金额 |  \n  |---|---|  \n| 农田 | 1 |\n")]
    public void A_pipe_row_over_a_delimiter_row_is_a_markdown_table(string text)
    {
        var content = ReadText(text, "upload.txt");
        Assert.Equal("md", content.Format);
        Assert.Equal(["农田", "1"], content.Grids[0].Row(1));
    }

    [Theory]
    [InlineData("| 项目 | 金额 |\n-----\n| 农田 | 1 |\n")] // a rule, not a delimiter row: no pipe
    [InlineData("| 项目 | 金额 |\n| | |\n| 农田 | 1 |\n")] // an empty row: no dash
    [InlineData("| 项目 | 金额 |\n|---|x--|\n| 农田 | 1 |\n")] // a letter in it
    [InlineData("| 项目 | 金额 |\n\n|---|---|\n| 农田 | 1 |\n")] // not right under the pipe row
    [InlineData("项目 | 金额 |\n|---|---|\n农田 | 1 |\n")] // the row above does not start with a pipe
    [InlineData("|\n|---|---|\n")] // a lone pipe is no row
    public void Pipes_and_dashes_that_are_no_markdown_table_are_text(string text)
    {
        var content = ReadText(text, "upload.txt");
        Assert.Equal("tsv", content.Format);
        Assert.Equal(text.Split('\n')[0], Assert.Single(content.Grids).Row(0)[0]);
    }

    [Fact]
    public void A_delimiter_row_with_no_pipe_row_above_it_is_text() =>
        Assert.Equal("tsv", ReadText("|---|---|\n| 农田 | 1 |\n", "upload.txt").Format);

    [Theory]
    [InlineData("<!DOCTYPE html><html><body><p>本页没有表格</p></body></html>\n")]
    [InlineData("<html><body><p>本页没有表格</p></body></html>\n")]
    [InlineData("<html><body><!-- 注释 --><p>本页没有表格</p></body></html>\n")]
    [InlineData("<!-- saved from url=(0014)about:internet -->\n<html><body><p>本页没有表格</p></body></html>\n")]
    [InlineData("<?xml version=\"1.0\"?>\n<!-- a -->\n<!-- b -->\n<!DOCTYPE html><html><body><p>无</p></body></html>\n")]
    public void A_page_is_known_by_its_start_whatever_its_name(string page)
    {
        var error = ReadError(page, "page.txt");
        Assert.Equal(DisclosureErrorCode.NoTable, error.Code);
        Assert.Equal(HtmlWithoutTable, error.Message);
    }

    [Fact]
    public void A_comment_that_never_closes_hides_the_page_behind_it() =>
        Assert.Equal(ContainerKind.Delimited, Kind("<!-- saved\n<html><body><p>本页没有表格</p></body></html>\n", "page.txt"));

    [Theory]
    [InlineData(32, "Html")]
    [InlineData(33, "Delimited")]
    public void The_start_is_looked_for_behind_at_most_32_declarations_and_comments(int comments, string expected)
    {
        var page = string.Concat(Enumerable.Repeat("<!-- c -->\n", comments)) + "<html><body><p>本页没有表格</p></body></html>\n";
        Assert.Equal(expected, Kind(page, "page.txt").ToString());
    }

    [Fact]
    public void A_markdown_name_without_a_pipe_table_is_markdown_without_a_table()
    {
        var error = ReadError("# 标题\n\n只有段落\n", "notes.markdown");
        Assert.Equal(DisclosureErrorCode.NoTable, error.Code);
        Assert.Equal("no table found in the Markdown text: it has no pipe table", error.Message);
    }

    [Theory]
    [InlineData("ocr.txt", "tsv")]
    [InlineData("ocr.tsv", "tsv")]
    [InlineData("ocr.tab", "tsv")]
    [InlineData("ocr.csv", "tsv")]
    public void Delimited_text_whose_cells_hold_table_markup_stays_text_under_a_text_name(string name, string format)
    {
        var content = ReadText("项目\t说明\n农田\t<table><tr><td>x</td></tr></table>\n", name);
        Assert.Equal(format, content.Format);
        Assert.Equal(["农田", "<table><tr><td>x</td></tr></table>"], Assert.Single(content.Grids).Row(1));
    }

    [Fact]
    public void Comma_separated_text_with_table_markup_in_a_cell_stays_text()
    {
        var content = ReadText("项目,说明\n农田,<table><tr><td>x</td></tr></table>\n", "ocr.csv");
        Assert.Equal("csv", content.Format);
        Assert.Equal(["农田", "<table><tr><td>x</td></tr></table>"], Assert.Single(content.Grids).Row(1));
    }

    [Fact]
    public void A_page_under_another_name_with_a_title_line_before_its_table_is_a_page()
    {
        // Web systems' "Excel" exports: HTML named .xls, here with the title as text before the markup.
        const string page = "XX局2025年项目支出绩效目标表\n<table><tr><td>项目名称</td><td>金额</td></tr><tr><td>高标准农田</td><td>12.5</td></tr></table>\n";

        var content = ReadText(page, "export.xls");

        Assert.Equal("html", content.Format);
        Assert.Equal(["高标准农田", "12.5"], Assert.Single(content.Grids).Row(1));
    }

    [Fact]
    public void Binary_that_is_no_known_container_is_refused_with_the_containers_read()
    {
        var bytes = new byte[64];
        bytes[10] = 1; // a control byte beside zeros: not UTF-16 text

        var error = Assert.Throws<DisclosureException>(() => Read(bytes, "x.dat")).Error;

        Assert.Equal(DisclosureErrorCode.UnsupportedFormat, error.Code);
        Assert.Equal("the file is binary, not text, and not a known container " +
            "(.xlsx, .xls, .docx, .doc, .wps, .et, .pdf, .html, .mht, .md, .csv, .tsv)", error.Message);
    }

    [Fact]
    public void Word_2003_xml_and_a_flat_word_package_go_to_the_converter_and_nothing_else_like_them_does()
    {
        const string wordml = "http://schemas.microsoft.com/office/word/2003/wordml";
        const string flat = "<?xml version=\"1.0\"?>\n<?mso-application progid=\"Word.Document\"?>\n" +
            "<pkg:package xmlns:pkg=\"http://schemas.microsoft.com/office/2006/xmlPackage\"><pkg:part pkg:name=\"/word/document.xml\"/></pkg:package>";
        Assert.Equal(ContainerKind.LegacyWord, Kind($"<w:wordDocument xmlns:w=\"{wordml}\"><w:body/></w:wordDocument>", "saved.doc"));
        Assert.Equal(ContainerKind.LegacyWord, Kind(flat, "saved.xml"));

        // The same root in another namespace, Word's namespace under another root, a package's content types naming
        // Word's main part, a flat package of a workbook.
        Assert.Equal(ContainerKind.Delimited, Kind("<w:wordDocument xmlns:w=\"urn:example\"><w:body/></w:wordDocument>", "saved.doc"));
        Assert.Equal(ContainerKind.Delimited, Kind($"<w:document xmlns:w=\"{wordml}\"><w:body/></w:document>", "saved.doc"));
        Assert.Equal(ContainerKind.Delimited, Kind("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" +
            "<Override PartName=\"/word/document.xml\"/></Types>", "[Content_Types].xml"));
        Assert.Equal(ContainerKind.Delimited, Kind(flat.Replace("/word/document.xml", "/xl/workbook.xml", StringComparison.Ordinal), "saved.xml"));
    }
}
