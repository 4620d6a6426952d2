using BudgetGrpc.Engine.Model;

namespace BudgetGrpc.Engine.Reading;

internal enum ContainerKind { Xlsx, Docx, Html, Markdown, Delimited }

/// <summary>
/// Decides what a file is from its bytes first; the extension only breaks ties
/// (a .txt whose cells hold HTML fragments is still delimited text).
/// </summary>
internal static class FormatDetector
{
    private const int SniffChars = 64 * 1024;

    public static (ContainerKind Kind, string? Text) Detect(ReadOnlyMemory<byte> content, ReadContext context)
    {
        var bytes = content.Span;
        var extension = Path.GetExtension(context.FileName).ToLowerInvariant();
        if (bytes is [(byte)'P', (byte)'K', 3, 4, ..] || bytes is [(byte)'P', (byte)'K', 5, 6, ..])
        {
            return ZipGuard.Inspect(content, context) switch
            {
                "xlsx" => (ContainerKind.Xlsx, null),
                "docx" => (ContainerKind.Docx, null),
                _ => throw context.Fail(DisclosureErrorCode.UnsupportedFormat,
                    "the file is a zip archive but neither an Excel workbook (xl/workbook.xml) nor a Word document (word/document.xml)"),
            };
        }
        if (bytes is [0xD0, 0xCF, 0x11, 0xE0, ..])
            throw context.Fail(DisclosureErrorCode.UnsupportedFormat,
                "legacy Excel/Word binary format; save it as .xlsx/.docx");
        if (bytes is [(byte)'%', (byte)'P', (byte)'D', (byte)'F', ..])
            throw context.Fail(DisclosureErrorCode.UnsupportedFormat,
                "the file is a PDF; export the table as .xlsx, .docx, .html or .csv");

        var text = TextDecoding.Decode(bytes);
        var sniff = text.AsSpan(0, Math.Min(text.Length, SniffChars));
        if (sniff.Contains('\0'))
            throw context.Fail(DisclosureErrorCode.UnsupportedFormat,
                "the file is binary, not text, and not a known container (.xlsx, .docx, .html, .md, .csv, .tsv)");

        var start = sniff.TrimStart();
        if (start.StartsWith("<!DOCTYPE html", StringComparison.OrdinalIgnoreCase)
            || start.StartsWith("<html", StringComparison.OrdinalIgnoreCase))
            return (ContainerKind.Html, text);
        if (extension is ".html" or ".htm" or ".xhtml")
            return (ContainerKind.Html, text);
        if (extension is ".md" or ".markdown")
            return (ContainerKind.Markdown, text);
        if (text.Contains("<table", StringComparison.OrdinalIgnoreCase))
        {
            // Delimited OCR output may carry table markup inside its cells; such a file starts with data, or at
            // least has a tab on its first line, where a page starts with a tag.
            var delimitedName = extension is ".txt" or ".tsv" or ".csv" or ".tab";
            var firstLine = start[..Math.Max(0, start.IndexOf('\n') is var end and >= 0 ? end : start.Length)];
            if (!delimitedName || (start.StartsWith("<") && !firstLine.Contains('\t')))
                return (ContainerKind.Html, text);
        }
        if (HasPipeTable(sniff)) return (ContainerKind.Markdown, text);
        return (ContainerKind.Delimited, text);
    }

    /// <summary>A line that starts with '|' followed by a delimiter row such as |---|:--:|.</summary>
    private static bool HasPipeTable(ReadOnlySpan<char> text)
    {
        var previousWasPipeRow = false;
        foreach (var range in text.Split('\n'))
        {
            var line = text[range].Trim();
            if (previousWasPipeRow && IsDelimiterRow(line)) return true;
            previousWasPipeRow = line.Length > 1 && line[0] == '|' && line[1..].Contains('|');
        }
        return false;
    }

    private static bool IsDelimiterRow(ReadOnlySpan<char> line)
    {
        if (line.IsEmpty || !line.Contains('|') || !line.Contains('-')) return false;
        foreach (var c in line)
            if (c is not ('|' or '-' or ':' or ' ' or '\t')) return false;
        return true;
    }
}
