using System.Diagnostics;
using System.Text;
using BudgetGrpc.Engine.Model;
using BudgetGrpc.Engine.Reading;
using BudgetGrpc.Engine.Tests.Robustness;
using Xunit;
using static BudgetGrpc.Engine.Tests.Reading.ReadingFixtures;

namespace BudgetGrpc.Engine.Tests.Reading;

/// <summary>
/// Damaged and hostile OLE2 and PDF files: the reader returns grids or throws the typed error, never anything else,
/// in bounded time and memory. Seeds are fixed so a failure reproduces.
/// </summary>
public class LegacyContainerRobustnessTests
{
    public static TheoryData<string> LegacySamples() => new(
        "containers/yangli-2025-agri.xlsx.xls",
        "containers/yangli-2025-edu-form.docx.doc",
        "containers/yangli-2025-agri.html.pdf",
        "containers/yangli-2025-edu-form.docx.pdf");

    private static DisclosureError? ReadOrError(byte[] bytes, string name, EngineLimits? limits = null)
    {
        try
        {
            Assert.NotEmpty(ContainerReader.Read(bytes, name, limits ?? new EngineLimits()).Grids);
            return null;
        }
        catch (DisclosureException ex)
        {
            Assert.False(string.IsNullOrWhiteSpace(ex.Error.Message));
            ProgrammingErrors.AssertNone(ex.Error);
            return ex.Error;
        }
    }

    [Theory]
    [MemberData(nameof(LegacySamples))]
    public void Truncated_legacy_files_give_grids_or_a_typed_error(string name)
    {
        var bytes = Sample(name);
        var random = new Random(name.Length * 7919);
        for (var i = 0; i < 30; i++)
            ReadOrError(bytes[..(i < 6 ? 8 + i * 64 : random.Next(1, bytes.Length))], Path.GetFileName(name));
    }

    [Theory]
    [MemberData(nameof(LegacySamples))]
    public void Corrupted_legacy_files_give_grids_or_a_typed_error(string name)
    {
        var original = Sample(name);
        var random = new Random(name.Length * 31 + 5);
        for (var i = 0; i < 40; i++)
        {
            var bytes = (byte[])original.Clone();
            for (var flips = 1 + i % 16; flips > 0; flips--) bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            ReadOrError(bytes, Path.GetFileName(name));
        }
    }

    [Fact]
    public void Random_bytes_behind_ole2_and_pdf_headers_give_a_typed_error()
    {
        var random = new Random(20261204);
        for (var i = 0; i < 60; i++)
        {
            var bytes = new byte[random.Next(16, 8192)];
            random.NextBytes(bytes);
            if (i % 2 == 0) new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(bytes, 0);
            else "%PDF-1.7\n"u8.CopyTo(bytes);
            Assert.NotNull(ReadOrError(bytes, i % 2 == 0 ? "x.xls" : "x.pdf"));
        }
    }

    [Fact]
    public void A_page_tree_claiming_millions_of_pages_ends_quickly_in_a_typed_error()
    {
        var pdf = SyntheticPdf.Raw(
            SyntheticPdf.Ascii("<< /Type /Catalog /Pages 2 0 R >>"),
            SyntheticPdf.Ascii("<< /Type /Pages /Kids [3 0 R] /Count 50000000 >>"),
            SyntheticPdf.Ascii("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"));
        var watch = Stopwatch.StartNew();
        var error = ReadOrError(pdf, "pages.pdf");
        Assert.NotNull(error);
        // PdfPig counts the pages the tree really holds, not what /Count claims: one page, without text.
        Assert.Contains(error!.Code, new[] { DisclosureErrorCode.TooLarge, DisclosureErrorCode.Unreadable, DisclosureErrorCode.NoTextLayer });
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }

    [Fact]
    public void A_pdf_with_more_real_pages_than_the_limit_is_too_large()
    {
        var pages = Enumerable.Range(0, 12).Select(_ => (Action<UglyToad.PdfPig.Writer.PdfPageBuilder, UglyToad.PdfPig.Writer.PdfDocumentBuilder.AddedFont>)
            ((page, font) => SyntheticPdf.Text(page, font, "x", 100, 700))).ToArray();
        var error = ReadOrError(SyntheticPdf.Build(pages), "many.pdf", new EngineLimits { MaxPdfPages = 10 });
        Assert.Equal(DisclosureErrorCode.TooLarge, error!.Code);
    }

    [Fact]
    public void Deeply_nested_pdf_objects_give_a_typed_error_not_a_stack_overflow()
    {
        var depth = 200_000;
        var nested = new StringBuilder().Append('[', depth).Append(']', depth).ToString();
        var pdf = SyntheticPdf.Raw(
            SyntheticPdf.Ascii("<< /Type /Catalog /Pages 2 0 R >>"),
            SyntheticPdf.Ascii("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
            SyntheticPdf.Ascii($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Deep {nested} /Contents 4 0 R >>"),
            SyntheticPdf.FlateStream(SyntheticPdf.Ascii("BT /F1 12 Tf 100 700 Td (x) Tj ET")));
        var dictionaries = new StringBuilder().Insert(0, "<< /A ", 50_000).Append(">>", 0, 0).ToString() + string.Concat(Enumerable.Repeat(">>", 50_000));
        var pdf2 = SyntheticPdf.Raw(
            SyntheticPdf.Ascii("<< /Type /Catalog /Pages 2 0 R >>"),
            SyntheticPdf.Ascii("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
            SyntheticPdf.Ascii($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Deep {dictionaries} >>"));
        var content = SyntheticPdf.Raw(
            SyntheticPdf.Ascii("<< /Type /Catalog /Pages 2 0 R >>"),
            SyntheticPdf.Ascii("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
            SyntheticPdf.Ascii("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>"),
            SyntheticPdf.FlateStream(Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("q ", 100_000)) + "BT ET")));
        foreach (var bytes in new[] { pdf, pdf2, content })
            Assert.NotNull(ReadOrError(bytes, "deep.pdf"));
    }

    [Fact]
    public void A_pdf_decompression_bomb_stops_at_the_expansion_limit_in_bounded_memory()
    {
        // 256 MB of spaces deflate to a few hundred KB; the limit is 16 MB.
        var spaces = new byte[256 << 20];
        spaces.AsSpan().Fill((byte)' ');
        var stream = SyntheticPdf.FlateStream(spaces);
        spaces = null;
        GC.Collect();
        var pdf = SyntheticPdf.Raw(
            SyntheticPdf.Ascii("<< /Type /Catalog /Pages 2 0 R >>"),
            SyntheticPdf.Ascii("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
            SyntheticPdf.Ascii("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>"),
            stream);
        Assert.True(pdf.Length < 2 << 20, $"the bomb is {pdf.Length:N0} bytes");
        var before = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        var error = ReadOrError(pdf, "bomb.pdf", new EngineLimits { MaxExpandedBytes = 16 << 20 });
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(DisclosureErrorCode.TooLarge, error!.Code);
        Assert.True(allocated < 200L << 20, $"allocated {allocated:N0} bytes");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
    }
}
