using BudgetGrpc.Engine.Model;

namespace BudgetGrpc.Engine.Reading;

/// <summary>
/// Picks the reader for a file by its content and name and reads every table out of it.
/// </summary>
/// <remarks>
/// What the cell texts look like, per format (the layouts rely on it):
/// <list type="bullet">
/// <item>tsv/csv: one grid, name null; the field text exactly as written (quotes removed, HTML fragments left raw);
/// blank lines dropped; SourceRow is the physical line a record starts on.</item>
/// <item>xlsx: one grid per visible non-empty sheet, name = sheet name; strings as stored (rich-text runs joined,
/// phonetic guides left out); numbers as the invariant shortest round-trip of the stored value ("12500000", "0.58"),
/// never the display format; date-styled numbers as "yyyy-MM-dd", "yyyy-MM-dd HH:mm[:ss]" or "HH:mm[:ss]";
/// booleans "TRUE"/"FALSE"; formulas by cached value; merges filled from the anchor and flagged;
/// rows without any text are left out and SourceRow is the sheet row number.</item>
/// <item>xls (and WPS .et): exactly as xlsx (ExcelDataReader); hidden sheets left out, dates by their number format.</item>
/// <item>xmlss (XML Spreadsheet 2003, often named .xls): as xlsx; DateTime cells as dates, rows and cells placed by
/// ss:Index, MergeAcross/MergeDown filled and flagged.</item>
/// <item>doc, wps, rtf, wordml: converted to docx by the host's <see cref="IDocumentConverter"/>, then as docx.</item>
/// <item>pdf: one grid per table, joined across pages, name "table N"; tables rebuilt from ruling lines (spans from
/// missing rules filled and flagged), else by column alignment; a cell's wrapped lines joined as one paragraph;
/// SourceRow = row index + 1 over the joined table.</item>
/// <item>docx: one grid per top-level table, name "table N"; a cell's non-empty paragraphs trimmed and joined by '\n'
/// (runs keep '\t' and line breaks); gridSpan/vMerge filled and flagged; SourceRow = row index + 1.</item>
/// <item>html: one grid per table not nested in a table, name "table N"; cell text with &lt;br&gt; and block
/// boundaries as '\n', whitespace collapsed, lines trimmed, empty lines dropped, entities decoded, nested tables'
/// text included; rowspan/colspan filled and flagged; SourceRow = row index + 1.</item>
/// <item>mht (web archives): each HTML part decoded (quoted-printable, base64; its charset) and read as html, the
/// grids of every part that has a table in order.</item>
/// <item>md: one grid per pipe table, header row first, name "table N"; inline markup reduced to its text,
/// inline HTML left raw; SourceRow is the source line.</item>
/// </list>
/// Preamble: pdf the text lines since the previous table (page numbers and margin lines excepted);
/// docx/md the non-empty paragraphs and headings since the previous table; html the page title, then
/// the text lines since the previous table, then the table's caption. Cells are cut at MaxCellChars.
/// </remarks>
public static class ContainerReader
{
    /// <summary>
    /// Every table of the file in document order, and the format read ("tsv", "csv", "xlsx", "xls", "docx", "doc",
    /// "rtf", "wordml", "xmlss", "html", "mht", "md", "pdf"). Legacy word-processing documents go through <paramref name="converter"/>;
    /// without one they are refused with ConverterUnavailable.
    /// Throws <see cref="DisclosureException"/> (UnsupportedFormat, Unreadable, NoTable, TooLarge, NoTextLayer,
    /// ConverterUnavailable) on any problem.
    /// </summary>
    public static ContainerContent Read(ReadOnlyMemory<byte> content, string fileName, EngineLimits limits,
        IDocumentConverter? converter = null)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var context = new ReadContext(string.IsNullOrWhiteSpace(fileName) ? "(unnamed)" : fileName, limits);
        if (content.IsEmpty) throw context.Fail(DisclosureErrorCode.Empty, "the file is empty");

        var (kind, text) = FormatDetector.Detect(content, context);
        try
        {
            return kind switch
            {
                ContainerKind.Xlsx => XlsxReader.Read(content, context),
                ContainerKind.Docx => DocxReader.Read(content, context),
                ContainerKind.Xls => XlsReader.Read(content, context),
                ContainerKind.LegacyWord => LegacyWordReader.Read(content, converter, context),
                ContainerKind.Pdf => PdfTableReader.Read(content, context),
                ContainerKind.Html => HtmlTableReader.Read(content, text!, context),
                ContainerKind.Markdown => MarkdownTableReader.Read(text!, context),
                ContainerKind.SpreadsheetXml => SpreadsheetXmlReader.Read(text!, context),
                ContainerKind.Mht => MhtReader.Read(text!, context),
                _ => DelimitedTextReader.Read(text!, context),
            };
        }
        catch (DisclosureException)
        {
            throw;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            context.Cause = ex;
            // Libraries report damage in their own exception types; the caller only ever sees a typed error.
            throw context.Fail(DisclosureErrorCode.Unreadable,
                $"the file looks like {Describe(kind)} but is damaged and could not be read ({ex.GetType().Name}: {ex.Message})");
        }
    }

    private static string Describe(ContainerKind kind) => kind switch
    {
        ContainerKind.Xlsx => "an Excel workbook (.xlsx)",
        ContainerKind.Xls => "a legacy Excel workbook (.xls)",
        ContainerKind.Docx => "a Word document (.docx)",
        ContainerKind.LegacyWord => "a legacy Word or WPS document (.doc, .wps, .rtf)",
        ContainerKind.Pdf => "a PDF",
        ContainerKind.Html => "an HTML page",
        ContainerKind.Markdown => "a Markdown text",
        ContainerKind.SpreadsheetXml => "an XML spreadsheet (Excel 2003 XML)",
        ContainerKind.Mht => "a web archive (MHTML)",
        _ => "a delimited text (TSV/CSV)",
    };
}
