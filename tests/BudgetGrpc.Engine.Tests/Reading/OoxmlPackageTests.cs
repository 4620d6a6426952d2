using BudgetGrpc.Engine.Model;
using BudgetGrpc.Engine.Reading;
using Xunit;
using static BudgetGrpc.Engine.Tests.Reading.RawOoxml;
using static BudgetGrpc.Engine.Tests.Reading.ReadingFixtures;

namespace BudgetGrpc.Engine.Tests.Reading;

/// <summary>
/// How the OOXML readers find a package's parts: through the package's and the workbook's relationships, as
/// generators other than Office write them (other part names, absolute and climbing targets, other letter case,
/// escapes, external links, chart sheets, missing parts). Each package is written part by part here.
/// </summary>
public class OoxmlPackageTests
{
    private const string StrictRel = "http://purl.oclc.org/ooxml/officeDocument/relationships";

    private static (string, string, string, bool) To(string id, string type, string target, bool external = false) => (id, type, target, external);

    private static string Workbook(params (string Name, string Id)[] sheets) =>
        $"<workbook xmlns=\"{Main}\" xmlns:r=\"{Rel}\"><sheets>"
        + string.Concat(sheets.Select((s, i) => $"<sheet name=\"{s.Name}\" sheetId=\"{i + 1}\" r:id=\"{s.Id}\"/>"))
        + "</sheets></workbook>";

    private static string Sheet(params string[] inlineTexts) =>
        $"<worksheet xmlns=\"{Main}\"><sheetData><row r=\"1\">"
        + string.Concat(inlineTexts.Select((t, i) => $"<c r=\"{(char)('A' + i)}1\" t=\"inlineStr\"><is><t>{t}</t></is></c>"))
        + "</row></sheetData></worksheet>";

    private static string ContentTypes =>
        "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        + "<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>";

    [Fact]
    public void A_workbook_under_another_name_and_folder_is_found_through_the_package_relationships()
    {
        var bytes = Zip(
            ("[Content_Types].xml", ContentTypes),
            ("_rels/.rels", Rels(To("rId1", Rel + "/officeDocument", "/book/main2.xml"))),
            ("book/main2.xml", Workbook(("预算", "s1"))),
            ("book/_rels/main2.xml.rels", Rels(To("s1", Rel + "/worksheet", "parts/s1.xml"))),
            ("book/parts/s1.xml", Sheet("项目名称", "资金")),
            ("xl/placeholder.txt", "an xl folder, so the package is taken for a workbook by its folder"));

        var grid = Assert.Single(Read(bytes, "book.xlsx").Grids);

        Assert.Equal("预算", grid.Name);
        Assert.Equal(["项目名称", "资金"], grid.Row(0));
    }

    [Fact]
    public void Targets_climbing_a_folder_in_other_letter_case_and_with_escapes_resolve_to_their_parts()
    {
        var bytes = Zip(
            ("[Content_Types].xml", ContentTypes),
            ("_rels/.rels", Rels(To("rId1", Rel + "/officeDocument", "xl/workbook.xml"))),
            ("xl/workbook.xml", Workbook(("一", "a"), ("二", "b"), ("三", "c"))),
            ("xl/_rels/workbook.xml.rels", Rels(
                To("a", Rel + "/worksheet", "../xl/./worksheets/Sheet1.xml"),
                To("b", Rel + "/worksheet", "WORKSHEETS/sheet%202.xml"),
                To("c", Rel + "/worksheet", "/xl/worksheets/sheet3.xml"))),
            ("xl/worksheets/sheet1.xml", Sheet("甲")),
            ("xl/worksheets/sheet 2.xml", Sheet("乙")),
            ("xl/worksheets/sheet3.xml", Sheet("丙")));

        var grids = Read(bytes, "case.xlsx").Grids;

        Assert.Equal(["一", "二", "三"], grids.Select(g => g.Name));
        Assert.Equal(["甲", "乙", "丙"], grids.Select(g => g[0, 0]));
    }

    [Fact]
    public void Strict_relationship_types_shared_strings_and_styles_are_followed_like_transitional_ones()
    {
        var bytes = Zip(
            ("[Content_Types].xml", ContentTypes),
            ("_rels/.rels", Rels(To("rId1", StrictRel + "/officeDocument", "xl/workbook.xml"))),
            ("xl/workbook.xml", Workbook(("S", "rId1"))),
            ("xl/_rels/workbook.xml.rels", Rels(
                To("rId1", StrictRel + "/worksheet", "worksheets/sheet1.xml"),
                To("rId2", StrictRel + "/sharedStrings", "strings.xml"),
                To("rId3", StrictRel + "/styles", "styles.xml"))),
            ("xl/strings.xml", $"<sst xmlns=\"{Main}\"><si><t>培训人数</t></si></sst>"),
            ("xl/styles.xml", $"<styleSheet xmlns=\"{Main}\"><cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/></cellXfs></styleSheet>"),
            ("xl/worksheets/sheet1.xml", $"<worksheet xmlns=\"{Main}\"><sheetData><row r=\"1\">"
                + "<c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" s=\"1\"><v>45306</v></c></row></sheetData></worksheet>"));

        var grid = Assert.Single(Read(bytes, "strict.xlsx").Grids);

        Assert.Equal(["培训人数", "2024-01-15"], grid.Row(0));
    }

    [Fact]
    public void Chart_sheets_external_links_missing_parts_and_targets_outside_the_package_are_passed_over()
    {
        var bytes = Zip(
            ("[Content_Types].xml", ContentTypes),
            ("_rels/.rels", Rels(To("rId1", Rel + "/officeDocument", "xl/workbook.xml"))),
            ("xl/workbook.xml", Workbook(("图表", "chart"), ("外链", "ext"), ("缺失", "gone"), ("越界", "out"), ("无关系", "none"), ("表", "ok"))),
            ("xl/_rels/workbook.xml.rels", Rels(
                To("chart", Rel + "/chartsheet", "chartsheets/sheet1.xml"),
                To("ext", Rel + "/worksheet", "worksheets/sheet2.xml", external: true),
                To("gone", Rel + "/worksheet", "worksheets/missing.xml"),
                To("out", Rel + "/worksheet", "../../outside.xml"),
                To("ok", Rel + "/worksheet", "worksheets/sheet2.xml"))),
            ("xl/chartsheets/sheet1.xml", Sheet("图表里的字")),
            ("outside.xml", Sheet("包外")),
            ("xl/worksheets/sheet2.xml", Sheet("唯一的表")));

        var grid = Assert.Single(Read(bytes, "skip.xlsx").Grids);

        Assert.Equal("表", grid.Name);
        Assert.Equal("唯一的表", grid[0, 0]);
    }

    [Fact]
    public void Without_package_relationships_or_content_types_the_conventional_main_parts_are_read()
    {
        var workbook = Zip(
            ("xl/workbook.xml", Workbook(("S", "rId1"))),
            ("xl/_rels/workbook.xml.rels", Rels(To("rId1", Rel + "/worksheet", "worksheets/sheet1.xml"))),
            ("xl/worksheets/sheet1.xml", Sheet("指标")));
        var document = Zip(("word/document.xml",
            "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:tbl>"
            + "<w:tr><w:tc><w:p><w:r><w:t>一级指标</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>二级指标</w:t></w:r></w:p></w:tc></w:tr>"
            + "</w:tbl></w:body></w:document>"));

        Assert.Equal("指标", Assert.Single(Read(workbook, "bare.xlsx").Grids)[0, 0]);
        Assert.Equal(["一级指标", "二级指标"], Assert.Single(Read(document, "bare.docx").Grids).Row(0));
    }

    [Fact]
    public void A_package_whose_main_part_is_nowhere_is_refused_as_unreadable_naming_what_is_missing()
    {
        var bytes = Zip(
            ("[Content_Types].xml", ContentTypes),
            ("_rels/.rels", Rels(To("rId1", Rel + "/officeDocument", "xl/book.xml"))),
            ("xl/styles.xml", $"<styleSheet xmlns=\"{Main}\"/>"));

        var error = Assert.Throws<DisclosureException>(() => Read(bytes, "nomain.xlsx")).Error;

        Assert.Equal(DisclosureErrorCode.Unreadable, error.Code);
        Assert.Contains("xl/workbook.xml", error.Message);
        Assert.Contains("main part", error.Message);
    }

    [Fact]
    public void A_relationships_part_that_is_not_xml_is_refused_as_a_damaged_workbook()
    {
        var bytes = Zip(
            ("_rels/.rels", "<Relationships><Relationship Id=\"rId1\""),
            ("xl/workbook.xml", Workbook(("S", "rId1"))));

        var error = Assert.Throws<DisclosureException>(() => Read(bytes, "broken.xlsx")).Error;

        Assert.Equal(DisclosureErrorCode.Unreadable, error.Code);
        Assert.Contains("XmlException", error.Message);
        Robustness.ProgrammingErrors.AssertNone(error);
    }
    [Fact]
    public void A_main_part_relationship_to_a_part_that_is_not_there_falls_back_to_the_conventional_name()
    {
        var bytes = Zip(
            ("[Content_Types].xml", ContentTypes),
            ("_rels/.rels", Rels(
                To("rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml"),
                To("rId1", Rel + "/officeDocument", "xl/workbook2.xml"))),
            ("docProps/core.xml", "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\"/>"),
            ("xl/workbook.xml", Workbook(("预算", "s1"))),
            ("xl/_rels/workbook.xml.rels", Rels(To("s1", Rel + "/worksheet", "worksheets/sheet1.xml"))),
            ("xl/worksheets/sheet1.xml", Sheet("项目名称")));

        var grid = Assert.Single(Read(bytes, "fallback.xlsx").Grids);

        Assert.Equal("预算", grid.Name);
        Assert.Equal("项目名称", grid[0, 0]);
    }

    [Fact]
    public void Only_relationship_elements_with_an_id_a_type_and_a_target_are_followed()
    {
        const string rels = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Other Id=\"a\" Type=\"" + Rel + "/worksheet\" Target=\"worksheets/a.xml\"/>"
            + "<Relationship Id=\"b\" Type=\"" + Rel + "/worksheet\"/>"
            + "<Relationship Id=\"c\" Target=\"worksheets/c.xml\"/>"
            + "<Relationship Type=\"" + Rel + "/worksheet\" Target=\"worksheets/d.xml\"/>"
            + "<Relationship Id=\"e\" Type=\"" + Rel + "/worksheet\" Target=\"worksheets/e.xml\"/>"
            + "</Relationships>";
        var bytes = Zip(
            ("_rels/.rels", Rels(To("rId1", Rel + "/officeDocument", "xl/workbook.xml"))),
            ("xl/workbook.xml", Workbook(("甲", "a"), ("乙", "b"), ("丙", "c"), ("丁", ""), ("戊", "e"))),
            ("xl/_rels/workbook.xml.rels", rels),
            ("xl/worksheets/a.xml", Sheet("甲")),
            ("xl/worksheets/c.xml", Sheet("丙")),
            ("xl/worksheets/d.xml", Sheet("丁")),
            ("xl/worksheets/e.xml", Sheet("戊")));

        var grid = Assert.Single(Read(bytes, "elements.xlsx").Grids);

        Assert.Equal("戊", grid.Name);
    }

    [Fact]
    public void Backslashes_in_part_names_and_targets_and_a_leading_slash_in_a_part_name_are_read_as_folders()
    {
        var bytes = Zip(
            ("_rels/.rels", Rels(To("rId1", Rel + "/officeDocument", "xl/workbook.xml"))),
            ("xl/workbook.xml", Workbook(("一", "a"), ("二", "b"), ("三", "c"))),
            ("xl/_rels/workbook.xml.rels", Rels(
                To("a", Rel + "/worksheet", "worksheets/s1.xml"),
                To("b", Rel + "/worksheet", "worksheets/s2.xml"),
                To("c", Rel + "/worksheet", "worksheets\\s3.xml"))),
            ("xl\\worksheets\\s1.xml", Sheet("甲")),
            ("/xl/worksheets/s2.xml", Sheet("乙")),
            ("xl/worksheets/s3.xml", Sheet("丙")));

        var grids = Read(bytes, "slashes.xlsx").Grids;

        Assert.Equal(["甲", "乙", "丙"], grids.Select(g => g[0, 0]));
    }

    [Fact]
    public void A_word_document_found_through_the_package_relationships_is_read()
    {
        var bytes = Zip(
            ("_rels/.rels", Rels(To("rId1", Rel + "/officeDocument", "/word/document2.xml"))),
            ("word/document2.xml", "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
                + "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>项目名称</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body></w:document>"));

        Assert.Equal("项目名称", Assert.Single(Read(bytes, "other.docx").Grids)[0, 0]);
    }
}
