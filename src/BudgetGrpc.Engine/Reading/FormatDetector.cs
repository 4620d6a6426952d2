using BudgetGrpc.Engine.Model;

namespace BudgetGrpc.Engine.Reading;

internal enum ContainerKind { Xlsx, Docx, Html, Markdown, Delimited, Xls, LegacyWord, Pdf, SpreadsheetXml, Mht }

/// <summary>
/// Decides what a file is from its bytes first; the extension only breaks ties
/// (a .txt whose cells hold HTML fragments is still delimited text). Real systems mislabel files all the time:
/// an .xlsx saved as .xls, an HTML page, an XML spreadsheet or a tab-separated export named .xls, a WPS .et/.wps that is an OLE2
/// compound file or an OOXML zip. The magic bytes decide; the name never makes the engine refuse a file it can read.
/// </summary>
internal static class FormatDetector
{
    private const int SniffChars = 64 * 1024;

    /// <summary>The PDF header may follow some junk; readers accept it within the first kilobyte.</summary>
    private const int PdfHeaderWindow = 1024;

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
            return (CompoundKind(bytes, extension, context), null);
        if (IsPdf(bytes))
            return (ContainerKind.Pdf, null);
        if (bytes is [(byte)'{', (byte)'\\', (byte)'r', (byte)'t', (byte)'f', ..])
            return (ContainerKind.LegacyWord, null); // RTF saved as .doc: Word and WPS both do it

        var text = TextDecoding.Decode(bytes);
        var sniff = text.AsSpan(0, Math.Min(text.Length, SniffChars));
        if (sniff.Contains('\0'))
            throw context.Fail(DisclosureErrorCode.UnsupportedFormat,
                "the file is binary, not text, and not a known container " +
                "(.xlsx, .xls, .docx, .doc, .wps, .et, .pdf, .html, .mht, .md, .csv, .tsv)");

        var start = SkipProlog(sniff.TrimStart());
        if (MhtReader.Is(start))
            return (ContainerKind.Mht, text); // a web archive: Word's and Excel's "single file web page"
        if (start.StartsWith("<!DOCTYPE html", StringComparison.OrdinalIgnoreCase)
            || start.StartsWith("<html", StringComparison.OrdinalIgnoreCase))
            return (ContainerKind.Html, text);
        if (IsWordXml(start))
            return (ContainerKind.LegacyWord, null); // Word 2003 XML / flat OPC: the converter reads them
        if (SpreadsheetXmlReader.Is(start))
            return (ContainerKind.SpreadsheetXml, text); // XML Spreadsheet 2003, often named .xls
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

    private static bool IsPdf(ReadOnlySpan<byte> bytes) =>
        bytes[..Math.Min(bytes.Length, PdfHeaderWindow)].IndexOf("%PDF-"u8) >= 0;

    /// <summary>What an OLE2 compound file holds, by its directory's stream names.</summary>
    private static ContainerKind CompoundKind(ReadOnlySpan<byte> bytes, string extension, ReadContext context)
    {
        var names = CompoundFile.EntryNames(bytes)
            ?? throw context.Fail(DisclosureErrorCode.Unreadable,
                "the file starts like an OLE2 compound file (.xls/.doc/.wps/.et) but its directory is damaged or cut short");
        bool Has(string name) => names.Any(n => n.Equals(name, StringComparison.OrdinalIgnoreCase));
        if (Has("Workbook") || Has("Book")) return ContainerKind.Xls;
        if (Has("WordDocument")) return ContainerKind.LegacyWord;
        if (Has("EncryptedPackage") || Has("EncryptionInfo"))
            throw context.Fail(DisclosureErrorCode.UnsupportedFormat,
                "the file is password-protected (an encrypted Office package); save it again without a password");
        if (extension is ".wps" && Has("CONTENTS")) return ContainerKind.LegacyWord; // Microsoft Works / old WPS text
        throw context.Fail(DisclosureErrorCode.UnsupportedFormat,
            "the file is an OLE2 compound file but holds neither an Excel workbook nor a Word document " +
            $"(its streams: {string.Join(", ", names.Take(8))})");
    }

    /// <summary>Skips an XML declaration, processing instructions and comments at the start of markup.</summary>
    private static ReadOnlySpan<char> SkipProlog(ReadOnlySpan<char> text)
    {
        for (var guard = 0; guard < 32; guard++)
        {
            if (text.StartsWith("<?"))
            {
                var end = text.IndexOf("?>");
                if (end < 0) return text;
                text = text[(end + 2)..].TrimStart();
            }
            else if (text.StartsWith("<!--"))
            {
                var end = text.IndexOf("-->");
                if (end < 0) return text;
                text = text[(end + 3)..].TrimStart();
            }
            else return text;
        }
        return text;
    }

    /// <summary>Word 2003 XML (w:wordDocument) or a flat OPC package of a Word document (pkg:package).</summary>
    private static bool IsWordXml(ReadOnlySpan<char> start)
    {
        if (!start.StartsWith("<")) return false;
        var head = start[..Math.Min(start.Length, 2048)];
        return (head.StartsWith("<w:wordDocument") && head.Contains("schemas.microsoft.com/office/word/2003/wordml", StringComparison.Ordinal))
            || (head.StartsWith("<pkg:package") && start.Contains("/word/document.xml", StringComparison.Ordinal));
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
