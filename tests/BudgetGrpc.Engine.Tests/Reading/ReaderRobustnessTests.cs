using System.IO.Compression;
using System.Text;
using BudgetGrpc.Engine.Model;
using BudgetGrpc.Engine.Reading;
using Xunit;
using static BudgetGrpc.Engine.Tests.Reading.ReadingFixtures;
using static BudgetGrpc.Engine.Tests.Reading.SyntheticOoxml;

namespace BudgetGrpc.Engine.Tests.Reading;

/// <summary>
/// Damaged and hostile input: the reader either returns grids or throws a typed DisclosureException, never
/// anything else. Seeds are fixed so a failure reproduces.
/// </summary>
public class ReaderRobustnessTests
{
    private static readonly string[] Extensions = [".xlsx", ".docx", ".html", ".md", ".csv", ".tsv", ".txt", ".xls", ""];

    /// <summary>Runs the reader and returns the typed error, if any; any other exception fails the test.</summary>
    private static DisclosureError? ReadOrError(byte[] bytes, string name, EngineLimits? limits = null)
    {
        try
        {
            var content = ContainerReader.Read(bytes, name, limits ?? new EngineLimits());
            Assert.NotEmpty(content.Grids);
            return null;
        }
        catch (DisclosureException ex)
        {
            Assert.False(string.IsNullOrWhiteSpace(ex.Error.Message));
            return ex.Error;
        }
    }

    [Fact]
    public void Random_bytes_under_every_extension_give_grids_or_a_typed_error()
    {
        var random = new Random(20250101);
        for (var i = 0; i < 120; i++)
        {
            var bytes = new byte[random.Next(1, 4096)];
            random.NextBytes(bytes);
            // Some cases start like a zip or an OLE file so that the container paths see garbage too.
            if (i % 4 == 1) "PK\u0003\u0004"u8.CopyTo(bytes.AsSpan(0, Math.Min(4, bytes.Length)));
            if (i % 4 == 2 && bytes.Length > 4) new byte[] { 0xD0, 0xCF, 0x11, 0xE0 }.CopyTo(bytes, 0);
            ReadOrError(bytes, "random" + Extensions[i % Extensions.Length]);
        }
    }

    [Theory]
    [MemberData(nameof(SampleCases))]
    public void Every_sample_truncated_at_many_points_gives_grids_or_a_typed_error(string name)
    {
        var bytes = Sample(name);
        var random = new Random(name.Length * 7919);
        for (var i = 0; i < 40; i++)
        {
            var cut = i < 8 ? i + 1 : random.Next(1, bytes.Length);
            ReadOrError(bytes[..cut], name);
        }
    }

    [Theory]
    [MemberData(nameof(SampleCases))]
    public void Every_sample_with_flipped_bytes_gives_grids_or_a_typed_error(string name)
    {
        var original = Sample(name);
        var random = new Random(name.GetHashCode(StringComparison.Ordinal) & 0x7fff ^ 4242);
        for (var i = 0; i < 40; i++)
        {
            var bytes = (byte[])original.Clone();
            for (var flips = 1 + i % 8; flips > 0; flips--)
                bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
            ReadOrError(bytes, name);
        }
    }

    public static TheoryData<string> SampleCases() => new(SampleNames);

    [Fact]
    public void A_zip_with_a_damaged_directory_is_unreadable()
    {
        var bytes = Sample("yangli-2025-agri.xlsx");
        var broken = bytes[..(bytes.Length - 30)]; // cuts into the end-of-central-directory record
        var error = ReadOrError(broken, "broken.xlsx");
        Assert.NotNull(error);
        Assert.Equal(DisclosureErrorCode.Unreadable, error.Code);
    }

    [Fact]
    public void A_zip_bomb_is_refused_from_its_declared_sizes_without_expanding_it()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var writer = new StreamWriter(zip.CreateEntry("xl/workbook.xml").Open())) writer.Write("<workbook/>");
            using var entry = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1 << 20];
            for (var i = 0; i < 64; i++) entry.Write(zeros); // 64 MiB of zeros, some 64 KiB compressed
        }
        var limits = new EngineLimits { MaxExpandedBytes = 8 << 20 };

        var error = ReadOrError(stream.ToArray(), "bomb.xlsx", limits);

        Assert.NotNull(error);
        Assert.Equal(DisclosureErrorCode.TooLarge, error.Code);
        Assert.Contains("expand", error.Message);
    }

    [Fact]
    public void A_zip_entry_that_lies_about_its_size_cannot_expand_past_what_it_declares()
    {
        // A real workbook whose big sheet then claims, in both zip headers, to be tiny.
        var rows = Enumerable.Range(1, 3000)
            .Select(r => Row((uint)r, Text($"A{r}", new string('农', 100)), Number($"B{r}", r.ToString(System.Globalization.CultureInfo.InvariantCulture))))
            .ToArray();
        var bytes = Workbook([new SheetSpec("S", rows)]);
        var patched = ZipHeaders.DeclareUncompressedSize(bytes, "xl/worksheets/sheet1.xml", 2000);

        var error = ReadOrError(patched, "liar.xlsx", new EngineLimits { MaxExpandedBytes = 64 * 1024 });

        Assert.NotNull(error); // the sheet's XML stops at 2,000 bytes and is no longer well-formed
        Assert.Equal(DisclosureErrorCode.Unreadable, error.Code);
    }

    [Fact]
    public void Cells_longer_than_the_limit_are_cut()
    {
        var limits = new EngineLimits { MaxCellChars = 100 };
        var huge = new string('长', 5000);
        var tsv = Assert.Single(ReadText($"a\t{huge}\n", "x.tsv", limits).Grids);
        var xlsx = Assert.Single(Read(Workbook([new SheetSpec("S", [Row(1, Text("A1", huge))])]), "x.xlsx", limits).Grids);
        var html = Assert.Single(ReadText($"<table><tr><td>{huge}</td></tr></table>", "x.html", limits).Grids);

        Assert.Equal(100, tsv[0, 1].Length);
        Assert.Equal(100, xlsx[0, 0].Length);
        Assert.Equal(100, html[0, 0].Length);
    }

    [Theory]
    [InlineData("x.tsv")]
    [InlineData("x.html")]
    [InlineData("x.md")]
    public void Too_many_cells_are_refused_as_too_large(string name)
    {
        var limits = new EngineLimits { MaxCells = 1000 };
        var text = new StringBuilder();
        if (name.EndsWith(".html", StringComparison.Ordinal)) text.Append("<table>");
        for (var r = 0; r < 200; r++)
        {
            text.Append(name switch
            {
                "x.html" => "<tr><td>1</td><td>2</td><td>3</td><td>4</td><td>5</td><td>6</td></tr>",
                "x.md" => r == 1 ? "|-|-|-|-|-|-|\n" : "|1|2|3|4|5|6|\n",
                _ => "1\t2\t3\t4\t5\t6\n",
            });
        }
        var error = Assert.Throws<DisclosureException>(() => ReadText(text.ToString(), name, limits)).Error;
        Assert.Equal(DisclosureErrorCode.TooLarge, error.Code);
    }

    [Fact]
    public void Xlsx_cells_and_shared_strings_count_against_the_cell_limit()
    {
        var limits = new EngineLimits { MaxCells = 10 };
        var strings = Enumerable.Range(0, 50).Select(i => new DocumentFormat.OpenXml.Spreadsheet.SharedStringItem(
            new DocumentFormat.OpenXml.Spreadsheet.Text($"s{i}"))).ToArray();
        var manyStrings = Workbook([new SheetSpec("S", [Row(1, Shared("A1", 0))])], strings);
        var manyCells = Workbook([new SheetSpec("S", Enumerable.Range(1, 6).Select(r => Row((uint)r, Text($"A{r}", "a"), Text($"B{r}", "b"))).ToArray())]);

        Assert.Equal(DisclosureErrorCode.TooLarge, Assert.Throws<DisclosureException>(() => Read(manyStrings, "s.xlsx", limits)).Error.Code);
        Assert.Equal(DisclosureErrorCode.TooLarge, Assert.Throws<DisclosureException>(() => Read(manyCells, "c.xlsx", limits)).Error.Code);
    }

    [Fact]
    public void Huge_spans_stop_at_the_cell_limit()
    {
        var limits = new EngineLimits { MaxCells = 10_000 };
        var html = "<table><tr><td colspan=\"1000\" rowspan=\"65534\">x</td></tr>"
            + string.Concat(Enumerable.Repeat("<tr><td>y</td></tr>", 100)) + "</table>";
        var error = Assert.Throws<DisclosureException>(() => ReadText(html, "x.html", limits)).Error;
        Assert.Equal(DisclosureErrorCode.TooLarge, error.Code);
    }

    [Fact]
    public void A_merge_over_whole_columns_fills_only_the_data_extent()
    {
        var bytes = Workbook([new SheetSpec("S", [Row(1, Text("A1", "项目")), Row(3, Text("B3", "x"))], Merges: ["A1:A1048576"])]);
        var grid = Assert.Single(Read(bytes, "x.xlsx").Grids);
        Assert.Equal(3, grid.RowCount);
        Assert.Equal("项目", grid[2, 0]);
    }

    [Fact]
    public void Html_nested_thousands_deep_is_refused_before_the_parser_goes_quadratic()
    {
        var html = "<html><body><table><tr><td>浅</td></tr></table>"
            + string.Concat(Enumerable.Repeat("<div>", 100_000)) + "深" + "</body></html>";
        var error = Assert.Throws<DisclosureException>(() => ReadText(html, "deep.html")).Error;
        Assert.Equal(DisclosureErrorCode.Unreadable, error.Code);
        Assert.Contains("more than 512 elements open", error.Message);
    }

    [Fact]
    public void Tables_without_optional_end_tags_are_not_mistaken_for_deep_nesting()
    {
        var rows = string.Concat(Enumerable.Range(0, 2000).Select(i => $"<tr><td><p>行{i}<td><li>x"));
        var grid = Assert.Single(ReadText($"<table>{rows}</table>", "loose.html").Grids);
        Assert.Equal(2000, grid.RowCount);
        Assert.Equal("行1999", grid[1999, 0]);
    }

    [Fact]
    public void Markdown_nested_thousands_deep_is_a_typed_error()
    {
        var markdown = "| a |\n|---|\n| 1 |\n\n" + new string('>', 20_000) + " 深\n";
        var error = Assert.Throws<DisclosureException>(() => ReadText(markdown, "deep.md")).Error;
        Assert.Equal(DisclosureErrorCode.Unreadable, error.Code);
    }

    [Fact]
    public void A_tsv_whose_cells_hold_table_markup_stays_delimited_text()
    {
        var content = ReadText("<p>标题</p>\t\n项目\t<table><tr><td>x</td></tr></table>\n", "ocr.txt");
        Assert.Equal("tsv", content.Format);
        Assert.Equal("<table><tr><td>x</td></tr></table>", content.Grids[0][1, 1]);
    }
}
