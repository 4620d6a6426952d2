using System.IO.Compression;
using System.Text;
using BudgetGrpc.Engine.Model;
using BudgetGrpc.Engine.Reading;
using Xunit;
using static BudgetGrpc.Engine.Tests.Reading.ReadingFixtures;
using static BudgetGrpc.Engine.Tests.Reading.SyntheticOoxml;

namespace BudgetGrpc.Engine.Tests.Reading;

/// <summary>
/// Which package a zip is: its main part decides, and where a generator named that part differently, the file's
/// name (a spreadsheet or a text document, WPS's included) and the package's folder.
/// </summary>
public class ZipPackageDetectionTests
{
    private const string NotAnOfficePackage =
        "the file is a zip archive but neither an Excel workbook (xl/workbook.xml) nor a Word document (word/document.xml)";

    private static ContainerKind Kind(byte[] bytes, string name, EngineLimits? limits = null) =>
        FormatDetector.Detect(bytes, new ReadContext(name, limits ?? new EngineLimits())).Kind;

    private static DisclosureError DetectError(byte[] bytes, string name, EngineLimits? limits = null) =>
        Assert.Throws<DisclosureException>(() => FormatDetector.Detect(bytes, new ReadContext(name, limits ?? new EngineLimits()))).Error;

    private static byte[] Zip(params (string Name, string Text)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, text) in entries)
                using (var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false)))
                    writer.Write(text);
        return stream.ToArray();
    }

    /// <summary>
    /// The package with its main part renamed (xl/workbook.xml to xl/workbook2.xml), its relationships and content
    /// types following, as some generators write it: the SDK still finds the part through the relationships.
    /// </summary>
    private static byte[] WithMainPartRenamed(byte[] package, string from, string to)
    {
        static string RelsOf(string part) =>
            $"{Path.GetDirectoryName(part)!.Replace('\\', '/')}/_rels/{Path.GetFileName(part)}.rels";
        using var source = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        var entries = new List<(string, string)>();
        foreach (var entry in source.Entries)
        {
            using var reader = new StreamReader(entry.Open());
            var text = reader.ReadToEnd();
            var name = entry.FullName == from ? to : entry.FullName == RelsOf(from) ? RelsOf(to) : entry.FullName;
            if (entry.FullName is "_rels/.rels" or "[Content_Types].xml") text = text.Replace(from, to, StringComparison.Ordinal);
            entries.Add((name, text));
        }
        return Zip([.. entries]);
    }

    [Theory]
    [InlineData("book.xlsx")]
    [InlineData("book.xlsm")]
    [InlineData("book.xls")]
    [InlineData("book.et")]
    [InlineData("book.ett")]
    [InlineData("BOOK.XLSM")]
    public void A_spreadsheet_name_with_an_xl_folder_is_a_workbook(string name) =>
        Assert.Equal(ContainerKind.Xlsx, Kind(Zip(("[Content_Types].xml", "<Types/>"), ("xl/workbook2.xml", "<workbook/>")), name));

    [Theory]
    [InlineData("form.docx")]
    [InlineData("form.docm")]
    [InlineData("form.doc")]
    [InlineData("form.wps")]
    [InlineData("form.wpt")]
    [InlineData("FORM.WPS")]
    public void A_text_document_name_with_a_word_folder_is_a_document(string name) =>
        Assert.Equal(ContainerKind.Docx, Kind(Zip(("[Content_Types].xml", "<Types/>"), ("word/document2.xml", "<document/>")), name));

    [Theory]
    [InlineData("xl/workbook2.xml", "form.docx")]
    [InlineData("xl/workbook2.xml", "form.wps")]
    [InlineData("word/document2.xml", "book.xlsx")]
    [InlineData("word/document2.xml", "book.et")]
    [InlineData("xl/workbook2.xml", "book.zip")]
    [InlineData("word/document2.xml", "form.txt")]
    [InlineData("xl/workbook2.xml", "book")]
    public void A_folder_the_name_does_not_call_for_is_no_office_package(string part, string name)
    {
        var error = DetectError(Zip(("[Content_Types].xml", "<Types/>"), (part, "<x/>")), name);
        Assert.Equal(DisclosureErrorCode.UnsupportedFormat, error.Code);
        Assert.Equal(NotAnOfficePackage, error.Message);
        Assert.Equal(name, error.FileName);
    }

    [Fact]
    public void The_folder_is_found_after_other_entries()
    {
        var zip = Zip(("[Content_Types].xml", "<Types/>"), ("docProps/app.xml", "<Properties/>"), ("customXml/item1.xml", "<x/>"),
            ("xl/workbook2.xml", "<workbook/>"));
        Assert.Equal(ContainerKind.Xlsx, Kind(zip, "book.et"));
    }

    [Fact]
    public void A_workbook_whose_main_part_has_another_name_is_read_under_a_wps_name()
    {
        var workbook = Workbook([new SheetSpec("预算", [Row(1, Text("A1", "项目名称"), Text("B1", "金额")), Row(2, Text("A2", "高标准农田"), Number("B2", "12.5"))])]);
        var renamed = WithMainPartRenamed(workbook, "xl/workbook.xml", "xl/workbook2.xml");

        var content = Read(renamed, "预算.et");

        Assert.Equal("xlsx", content.Format);
        var grid = Assert.Single(content.Grids);
        Assert.Equal(["高标准农田", "12.5"], grid.Row(1));
        Assert.Equal(NotAnOfficePackage, Assert.Throws<DisclosureException>(() => Read(renamed, "预算.zip")).Error.Message);
    }

    [Fact]
    public void A_document_whose_main_part_has_another_name_is_read_under_a_wps_name()
    {
        var document = Document(Paragraph("绩效目标表"), Table(TableRow(Cell("项目名称"), Cell("学生营养改善"))));
        var renamed = WithMainPartRenamed(document, "word/document.xml", "word/document2.xml");

        var content = Read(renamed, "目标表.wps");

        Assert.Equal("docx", content.Format);
        Assert.Equal(["项目名称", "学生营养改善"], Assert.Single(content.Grids).Row(0));
    }

    [Fact]
    public void A_package_declaring_exactly_the_expansion_limit_is_read_and_one_byte_more_is_refused()
    {
        var zip = Zip(("a.txt", "123456"), ("b.txt", "12345"), ("xl/workbook.xml", ""));
        Assert.Equal(ContainerKind.Xlsx, Kind(zip, "book.xlsx", new EngineLimits { MaxExpandedBytes = 11 }));

        var error = DetectError(zip, "book.xlsx", new EngineLimits { MaxExpandedBytes = 10 });

        Assert.Equal(DisclosureErrorCode.TooLarge, error.Code);
        Assert.Equal("the zip package would expand to more than 10 bytes (entry 'b.txt' alone declares 5); it is refused unread", error.Message);
    }

    [Theory]
    [InlineData("yangli-2025-agri.xlsx", "agri", "xlsx")]
    [InlineData("yangli-2025-agri.xlsx", "agri.zip", "xlsx")]
    [InlineData("yangli-2025-agri.xlsx", "agri.docx", "xlsx")]
    [InlineData("yangli-2025-edu-form.docx", "form", "docx")]
    [InlineData("yangli-2025-edu-form.docx", "form.zip", "docx")]
    [InlineData("yangli-2025-edu-form.docx", "form.xlsx", "docx")]
    public void The_main_part_decides_whatever_the_name_says(string sample, string name, string format) =>
        Assert.Equal(format, Read(Sample(sample), name).Format);

    [Fact]
    public void The_main_part_decides_over_a_folder_the_name_calls_for()
    {
        // A workbook that also carries a word/ folder, named as a document.
        var zip = Zip(("[Content_Types].xml", "<Types/>"), ("word/embeddings/note.xml", "<x/>"), ("xl/workbook.xml", "<workbook/>"));
        Assert.Equal(ContainerKind.Xlsx, Kind(zip, "form.docx"));
    }

    [Fact]
    public void A_zip_holding_both_main_parts_is_what_its_first_one_says()
    {
        Assert.Equal(ContainerKind.Xlsx, Kind(Zip(("xl/workbook.xml", "<workbook/>"), ("word/document.xml", "<document/>")), "x.zip"));
        Assert.Equal(ContainerKind.Docx, Kind(Zip(("word/document.xml", "<document/>"), ("xl/workbook.xml", "<workbook/>")), "x.zip"));
    }
}
