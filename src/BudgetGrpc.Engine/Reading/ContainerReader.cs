using BudgetGrpc.Engine.Model;

namespace BudgetGrpc.Engine.Reading;

/// <summary>Picks the reader for a file by its content and name and reads every table out of it.</summary>
public static class ContainerReader
{
    /// <summary>
    /// Every table of the file in document order, and the format read ("tsv", "csv", "xlsx", "docx", "html", "md").
    /// Throws <see cref="DisclosureException"/> (UnsupportedFormat, Unreadable, NoTable, TooLarge) on any problem.
    /// </summary>
    public static ContainerContent Read(ReadOnlyMemory<byte> content, string fileName, EngineLimits limits)
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
                ContainerKind.Html => HtmlTableReader.Read(content, text!, context),
                ContainerKind.Markdown => MarkdownTableReader.Read(text!, context),
                _ => DelimitedTextReader.Read(text!, context),
            };
        }
        catch (DisclosureException)
        {
            throw;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Libraries report damage in their own exception types; the caller only ever sees a typed error.
            var what = kind switch
            {
                ContainerKind.Xlsx => "an Excel workbook (.xlsx)",
                ContainerKind.Docx => "a Word document (.docx)",
                ContainerKind.Html => "an HTML page",
                ContainerKind.Markdown => "a Markdown text",
                _ => "a delimited text (TSV/CSV)",
            };
            throw context.Fail(DisclosureErrorCode.Unreadable,
                $"the file looks like {what} but is damaged and could not be read ({ex.GetType().Name}: {ex.Message})");
        }
    }
}
