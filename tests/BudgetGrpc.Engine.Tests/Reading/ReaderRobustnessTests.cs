using System.IO.Compression;
using System.Text;
using BudgetGrpc.Engine.Model;
using BudgetGrpc.Engine.Reading;
using BudgetGrpc.Engine.Tests.Robustness;
using Xunit;
using Xunit.Abstractions;
using static BudgetGrpc.Engine.Tests.Reading.ReadingFixtures;
using static BudgetGrpc.Engine.Tests.Reading.SyntheticOoxml;

namespace BudgetGrpc.Engine.Tests.Reading;

/// <summary>
/// Damaged and hostile input: the reader either returns grids or throws a typed DisclosureException, never anything
/// else, and never a typed error that hides a programming error of the engine's (<see cref="ProgrammingErrors"/>).
/// Seeds are fixed; a failing case names its seed and leaves its bytes under fuzz-failures/ (docs/testing.md).
/// </summary>
public class ReaderRobustnessTests(ITestOutputHelper output)
{
    private static readonly string[] Extensions = [".xlsx", ".docx", ".html", ".md", ".csv", ".tsv", ".txt", ".xls", ""];

    /// <summary>Runs the reader and returns the typed error, if any; any other exception, or a bug behind the error, fails the test.</summary>
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
            ProgrammingErrors.AssertNone(ex.Error);
            return ex.Error;
        }
    }

    /// <summary>The case's outcome for the coverage count: the format read, or the error's reason and the kind of its cause.</summary>
    private static string Outcome(byte[] bytes, string name)
    {
        var error = ReadOrError(bytes, name);
        return error is null ? "grids" : $"{error.Reason}:{error.Cause?.GetType().Name}";
    }

    [Fact]
    public void Random_bytes_under_every_extension_give_grids_or_a_typed_error()
    {
        var coverage = Fuzz.Run("random-bytes", seed: 20250101, cases: 360, (i, random) =>
        {
            var bytes = new byte[random.Next(1, 4096)];
            random.NextBytes(bytes);
            // Some cases start like a zip or an OLE file so that the container paths see garbage too.
            if (i % 4 == 1 && bytes.Length >= 4) "PK\u0003\u0004"u8.CopyTo(bytes);
            if (i % 4 == 2 && bytes.Length > 4) new byte[] { 0xD0, 0xCF, 0x11, 0xE0 }.CopyTo(bytes, 0);
            return (Name: "random" + Extensions[i % Extensions.Length], Bytes: bytes);
        }, c => c.Bytes, c => Outcome(c.Bytes, c.Name) + c.Name);
        output.WriteLine(coverage.ToString());
        Assert.True(coverage.DistinctInputs >= coverage.Cases * 9 / 10, coverage.ToString());
    }

    [Theory]
    [MemberData(nameof(SampleCases))]
    public void Every_sample_truncated_at_many_points_gives_grids_or_a_typed_error(string name)
    {
        var original = Sample(name);
        var coverage = Fuzz.Bytes($"truncated-{name}", Fuzz.StableSeed(name), cases: 60,
            (i, random) => original[..(i < 8 ? i + 1 : random.Next(1, original.Length))],
            bytes => Outcome(bytes, name), Path.GetExtension(name));
        output.WriteLine(coverage.ToString());
        Assert.True(coverage.DistinctInputs >= coverage.Cases * 9 / 10, coverage.ToString());
    }

    [Theory]
    [MemberData(nameof(SampleCases))]
    public void Every_sample_with_flipped_bytes_gives_grids_or_a_typed_error(string name)
    {
        var original = Sample(name);
        var coverage = Fuzz.Bytes($"flipped-{name}", Fuzz.StableSeed(name) ^ 4242, cases: 60, (i, random) =>
        {
            var bytes = (byte[])original.Clone();
            for (var flips = 1 + i % 8; flips > 0; flips--)
                bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
            return bytes;
        }, bytes => Outcome(bytes, name), Path.GetExtension(name));
        output.WriteLine(coverage.ToString());
        Assert.True(coverage.DistinctInputs >= coverage.Cases * 9 / 10, coverage.ToString());
    }

    /// <summary>Bytes that text readers treat specially: NUL and other controls, line ends, quotes, delimiters, markup, a BOM, invalid UTF-8.</summary>
    private static readonly byte[][] Hostile =
    [
        [0x00], [0x01], [0x1A], [(byte)'\r'], [(byte)'\n'], [(byte)'"'], [(byte)'\t'], [(byte)','], [(byte)'|'], [(byte)'<'], [(byte)'>'],
        [(byte)'&'], "<td>"u8.ToArray(), "</tr>"u8.ToArray(), "<table>"u8.ToArray(), [0xEF, 0xBB, 0xBF], [0xFF], [0xC3], [0xE4, 0xB8],
    ];

    [Theory]
    [MemberData(nameof(SampleCases))]
    public void Every_sample_with_hostile_bytes_inserted_gives_grids_or_a_typed_error(string name)
    {
        var original = Sample(name);
        // A text sample is repeated past the 64 K characters that format detection looks at (224 KiB: even all-Chinese
        // UTF-8 is longer than that), so that the planted token lands where only the reader sees it, in the last tenth (a
        // NUL within the first 64 K characters is refused as binary before any reader runs).
        var zip = original is [(byte)'P', (byte)'K', ..];
        var grown = zip ? original : Enumerable.Repeat(original, 1 + 224 * 1024 / original.Length).SelectMany(b => b).ToArray();
        var tail = zip ? 0 : grown.Length * 9 / 10;
        // Every token in turn goes where only the reader sees it (three times each in 57 cases); up to three more go anywhere.
        var coverage = Fuzz.Bytes($"inserted-{name}", Fuzz.StableSeed(name) ^ 1313, cases: 3 * Hostile.Length, (i, random) =>
        {
            var bytes = new List<byte>(grown);
            bytes.InsertRange(random.Next(tail, bytes.Count + 1), Hostile[i % Hostile.Length]);
            for (var n = i % 4; n > 0; n--)
                bytes.InsertRange(random.Next(bytes.Count + 1), Hostile[random.Next(Hostile.Length)]);
            return bytes.ToArray();
        }, bytes => Outcome(bytes, name), Path.GetExtension(name));
        output.WriteLine(coverage.ToString());
        Assert.True(coverage.DistinctInputs >= coverage.Cases * 9 / 10, coverage.ToString());
    }

    [Fact]
    public void A_seed_is_the_same_in_every_process()
    {
        // FNV-1a of the UTF-8 bytes, unlike string.GetHashCode, which .NET randomises per process.
        Assert.Equal(0x640c292c, Fuzz.StableSeed("a"));
        Assert.Equal(Fuzz.StableSeed("yangli-2025-agri.xlsx"), Fuzz.StableSeed("yangli-2025-agri.xlsx"));
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

    /// <summary>Each element HTML lets close by itself or never close, 600 of them open, counts for nothing.</summary>
    [Theory]
    [InlineData("area")] [InlineData("base")] [InlineData("br")] [InlineData("col")] [InlineData("embed")] [InlineData("hr")]
    [InlineData("img")] [InlineData("input")] [InlineData("link")] [InlineData("meta")] [InlineData("param")]
    [InlineData("source")] [InlineData("track")] [InlineData("wbr")] [InlineData("p")] [InlineData("li")] [InlineData("dt")]
    [InlineData("dd")] [InlineData("tr")] [InlineData("td")] [InlineData("th")] [InlineData("thead")] [InlineData("tbody")]
    [InlineData("tfoot")] [InlineData("option")] [InlineData("optgroup")] [InlineData("rb")] [InlineData("rt")]
    [InlineData("rtc")] [InlineData("rp")] [InlineData("colgroup")] [InlineData("caption")] [InlineData("html")]
    [InlineData("head")] [InlineData("body")]
    public void Elements_without_a_required_end_tag_are_not_counted_as_nesting(string element)
    {
        var html = "<table><tr><td>项目</td><td>金额</td></tr></table>" + string.Concat(Enumerable.Repeat($"<{element}>", 600));
        var thrown = Record.Exception(() => ReadText(html, "loose.html"));
        Assert.False(thrown is DisclosureException { Error.Message: var m } && m.Contains("elements open", StringComparison.Ordinal),
            $"<{element}> counted as nesting: {thrown?.Message}");
    }

    [Fact]
    public void Elements_an_end_tag_closes_count_down_and_self_closing_ones_count_nothing()
    {
        // 600 opened and closed one after another never stand 512 deep; 600 written self-closing neither.
        ReadText("<table><tr><td>项目</td></tr></table>" + string.Concat(Enumerable.Repeat("<div>x</div>", 600)), "flat.html");
        ReadText("<table><tr><td>项目</td></tr></table>" + string.Concat(Enumerable.Repeat("<span/>", 600)), "void.html");
        // 513 open is one too many, 512 is not.
        ReadText("<table><tr><td>项目</td></tr></table>" + string.Concat(Enumerable.Repeat("<div>", 512)), "edge.html");
        var error = Assert.Throws<DisclosureException>(() =>
            ReadText("<table><tr><td>项目</td></tr></table>" + string.Concat(Enumerable.Repeat("<div>", 513)), "over.html")).Error;
        Assert.Contains("more than 512 elements open inside each other (at line 1)", error.Message);
    }

    [Fact]
    public void Stray_end_tags_give_no_credit_and_text_between_open_elements_counts_nothing()
    {
        // End tags with nothing open (a saved page's leftovers) do not lower the count below zero: 513 open after 20 of
        // them is still one too many. Text or comments between the open elements neither open nor close anything.
        var stray = string.Concat(Enumerable.Repeat("</div>", 20));
        Assert.Throws<DisclosureException>(() =>
            ReadText("<table><tr><td>项目</td></tr></table>" + stray + string.Concat(Enumerable.Repeat("<div>", 513)), "stray.html"));
        Assert.Throws<DisclosureException>(() =>
            ReadText("<table><tr><td>项目</td></tr></table>" + string.Concat(Enumerable.Repeat("<div>说明<!-- c -->", 513)), "text.html"));
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
