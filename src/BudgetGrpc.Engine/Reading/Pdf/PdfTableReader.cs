using BudgetGrpc.Engine.Model;
using UglyToad.PdfPig;

namespace BudgetGrpc.Engine.Reading;

/// <summary>
/// Reads the tables of a PDF's text layer with PdfPig: per page, tables rebuilt from ruling lines and glyph positions
/// (<see cref="PdfPageLayout"/>; pages that print a sheet's right-hand columns first joined to the pages of their rows,
/// <see cref="PdfSpilledColumns"/>), then joined across pages (<see cref="PdfTableAssembler"/>). Fonts' ToUnicode maps
/// and predefined CMaps give the text; a PDF whose pages carry no text, or text that maps to no real characters, is
/// refused with NO_TEXT_LAYER (OCR would be needed) rather than passing garbage on. Pages, glyphs and decompressed
/// bytes are bounded by <see cref="EngineLimits"/>.
/// </summary>
internal static class PdfTableReader
{
    /// <summary>At least this share of the glyphs must be real characters for the text layer to count.</summary>
    private const double MinUsableShare = 0.9;

    public static ContainerContent Read(ReadOnlyMemory<byte> content, ReadContext context)
    {
        var limits = context.Limits;
        var options = new ParsingOptions
        {
            UseLenientParsing = true,
            SkipMissingFonts = true,
            MaxStackDepth = 64,
            FilterProvider = new BoundedFilterProvider(limits.MaxExpandedBytes),
        };
        try
        {
            using var document = PdfDocument.Open(content, options);
            var pages = document.NumberOfPages;
            if (pages > limits.MaxPdfPages)
                throw context.Fail(DisclosureErrorCode.TooLarge,
                    $"the PDF has {pages:N0} pages; the engine reads at most {limits.MaxPdfPages:N0}");

            var assembler = new PdfTableAssembler(context);
            var contents = new List<PdfPageContent>(pages);
            long glyphCount = 0, usable = 0;
            for (var number = 1; number <= pages; number++)
            {
                var page = document.GetPage(number);
                var glyphs = PdfGeometry.Glyphs(page);
                glyphCount += glyphs.Count;
                foreach (var glyph in glyphs)
                    if (PdfText.IsUsable(glyph.Text)) usable++;
                if (glyphCount > limits.MaxPdfGlyphs)
                    throw context.Fail(DisclosureErrorCode.TooLarge,
                        $"the PDF's text layer holds more than {limits.MaxPdfGlyphs:N0} characters, the most the engine reads");
                var (horizontal, vertical) = PdfGeometry.Rules(page);
                contents.Add(new PdfPageContent(page.Width, page.Height, glyphs, horizontal, vertical));
            }
            // A sheet printed wider than its paper: the pages of its right-hand columns join the pages of their rows.
            var stitched = PdfSpilledColumns.Stitch(contents);
            for (var i = 0; i < stitched.Count; i++)
                assembler.AddPage(i + 1, stitched[i].Height, PdfPageLayout.Read(stitched[i].Glyphs, stitched[i].Horizontal, stitched[i].Vertical));

            if (glyphCount == 0)
                throw context.Fail(DisclosureErrorCode.NoTextLayer,
                    $"the PDF's {pages} page(s) carry no text layer (scanned images?); OCR would be needed to read them");
            if (usable < glyphCount * MinUsableShare)
                throw context.Fail(DisclosureErrorCode.NoTextLayer,
                    $"{(glyphCount - usable) * 100 / glyphCount}% of the PDF's characters map to no readable text (fonts without a " +
                    "Unicode mapping); OCR would be needed to read it");
            var grids = assembler.Finish(document.Information.Title);
            if (grids.Count == 0)
                throw context.Fail(DisclosureErrorCode.NoTable, "no table found in the PDF: its pages have text but no ruled or aligned table");
            return new ContainerContent("pdf", grids);
        }
        catch (UglyToad.PdfPig.Exceptions.PdfDocumentEncryptedException)
        {
            throw context.Fail(DisclosureErrorCode.UnsupportedFormat,
                "the PDF is password-protected; publish or save it again without a password");
        }
        catch (PdfExpansionException ex)
        {
            throw context.Fail(DisclosureErrorCode.TooLarge,
                $"the PDF's compressed streams would expand to more than {ex.Limit:N0} bytes; it is refused unread");
        }
    }
}
