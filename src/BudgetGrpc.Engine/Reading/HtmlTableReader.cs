using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using BudgetGrpc.Engine.Model;

namespace BudgetGrpc.Engine.Reading;

/// <summary>
/// Reads every table of an HTML page that is not nested in another table, with AngleSharp's HTML5 parser.
/// rowspan/colspan are filled from the anchor; the page title and the text since the previous table form the preamble.
/// </summary>
internal static class HtmlTableReader
{
    private const int MaxPreambleLines = 20;
    private const int MaxColSpan = 1000; // the HTML standard's own clamp
    private const int MaxRowSpan = 65534;

    [ThreadStatic] private static HtmlParser? _parser;
    [ThreadStatic] private static HtmlNestingGuard? _guard;

    public static ContainerContent Read(ReadOnlyMemory<byte> content, string sniffedText, ReadContext context)
    {
        var text = Decode(content.Span, sniffedText);
        var guard = _guard ??= new HtmlNestingGuard();
        var parser = _parser ??= new HtmlParser(new HtmlParserOptions { IsScripting = false, OnToken = guard.Observe });
        guard.Start(context);
        using var document = parser.ParseDocument(text);

        var walker = new Walker(context, document.Title?.Trim());
        walker.Walk(document.Body ?? (INode?)document.DocumentElement ?? document);
        if (walker.Grids.Count == 0)
            throw context.Fail(DisclosureErrorCode.NoTable, "no table found in the HTML page: it has no <table> with rows");
        return new ContainerContent("html", walker.Grids);
    }

    /// <summary>
    /// BOM first, then a &lt;meta charset&gt; in the head, then UTF-8 if valid, else GB18030. Valid UTF-8 wins over a
    /// declared legacy charset: pages re-saved by an editor often keep a stale gb2312 declaration. A meta tag naming
    /// UTF-16 or UTF-32 names none (the HTML standard reads it as UTF-8: a page whose meta tag can be read is no UTF-16).
    /// </summary>
    private static string Decode(ReadOnlySpan<byte> bytes, string sniffedText)
    {
        if (TextDecoding.FromBom(bytes) is not null) return sniffedText;
        var declared = MetaCharset(bytes[..Math.Min(bytes.Length, 4096)]);
        if (declared is null || declared.CodePage is 65001 or 1200 or 1201 or 12000 or 12001 || declared.CodePage == TextDecoding.Gb18030.CodePage
            || System.Text.Unicode.Utf8.IsValid(bytes))
            return sniffedText;
        return declared.GetString(bytes);
    }

    /// <summary>The charset named by a meta tag in the first bytes (charset=… in either meta form).</summary>
    private static Encoding? MetaCharset(ReadOnlySpan<byte> head)
    {
        var ascii = Encoding.Latin1.GetString(head);
        var at = 0;
        while ((at = ascii.IndexOf("<meta", at, StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            var end = ascii.IndexOf('>', at);
            if (end < 0) return null;
            var tag = ascii.AsSpan(at, end - at);
            var charset = tag.IndexOf("charset", StringComparison.OrdinalIgnoreCase);
            if (charset >= 0)
            {
                var value = tag[(charset + 7)..].TrimStart();
                if (value.StartsWith('='))
                {
                    value = value[1..].TrimStart().TrimStart("\"'");
                    var length = 0;
                    while (length < value.Length && (char.IsAsciiLetterOrDigit(value[length]) || value[length] is '-' or '_' or ':' or '.'))
                        length++;
                    if (length > 0) return TextDecoding.ByName(value[..length].ToString());
                }
            }
            at = end;
        }
        return null;
    }

    private sealed class Walker(ReadContext context, string? title)
    {
        private readonly HtmlText _pending = new();
        public List<CellGrid> Grids { get; } = [];

        public void Walk(INode node, int depth = 0)
        {
            if (depth > HtmlText.MaxDepth) return;
            foreach (var child in node.ChildNodes)
            {
                switch (child)
                {
                    case IHtmlTableElement table:
                        var grid = ReadTable(table, $"table {Grids.Count + 1}", Preamble(table));
                        if (grid is not null) Grids.Add(grid);
                        _pending.Clear();
                        break;
                    case IText text:
                        _pending.Append(text);
                        break;
                    case IElement element when HtmlText.IsSkipped(element.LocalName):
                        break;
                    case IElement { LocalName: "br" }:
                        _pending.AppendBreak();
                        break;
                    case IElement element:
                        var block = HtmlText.IsBlock(element.LocalName);
                        if (block) _pending.AppendBreak();
                        Walk(element, depth + 1);
                        if (block) _pending.AppendBreak();
                        break;
                }
            }
        }

        private List<string> Preamble(IHtmlTableElement table)
        {
            var lines = _pending.Lines();
            if (lines.Count > MaxPreambleLines) lines.RemoveRange(0, lines.Count - MaxPreambleLines);
            if (!string.IsNullOrEmpty(title)) lines.Insert(0, title);
            if (table.Caption is { } caption)
            {
                var text = new HtmlText();
                text.Append(caption);
                lines.AddRange(text.Lines());
            }
            for (var i = 0; i < lines.Count; i++) lines[i] = context.Cut(lines[i]);
            return lines;
        }

        private CellGrid? ReadTable(IHtmlTableElement table, string name, List<string> preamble)
        {
            var rows = table.Rows;
            var rowCount = rows.Length;
            if (rowCount == 0) return null;
            // Rows are charged too: a page of a million empty <tr> must not become a million row arrays.
            context.TakeCells(rowCount, name);
            var builder = new GridBuilder(context, name);
            builder.EnsureRows(rowCount);
            for (var r = 0; r < rowCount; r++)
            {
                var column = 0;
                foreach (var cell in rows[r].Cells)
                {
                    while (builder.IsTaken(r, column)) column++;
                    var colSpan = Span(cell.GetAttribute("colspan"), 1, MaxColSpan);
                    var rowSpan = Span(cell.GetAttribute("rowspan"), 0, MaxRowSpan);
                    // rowspan="0" runs to the end of the table; no span reaches past the last row.
                    if (rowSpan == 0 || rowSpan > rowCount - r) rowSpan = rowCount - r;
                    var text = new HtmlText();
                    text.Append(cell);
                    var value = context.Cut(text.CellText());
                    for (var dr = 0; dr < rowSpan; dr++)
                        for (var dc = 0; dc < colSpan; dc++)
                        {
                            var anchor = dr == 0 && dc == 0;
                            if (!anchor && builder.IsTaken(r + dr, column + dc)) continue;
                            builder.Set(r + dr, column + dc, value, continuation: !anchor);
                        }
                    column += colSpan;
                }
            }
            return builder.Build(null, preamble);
        }

        private static int Span(string? attribute, int min, int max)
        {
            if (attribute is null) return 1;
            var digits = attribute.AsSpan().Trim();
            var length = 0;
            while (length < digits.Length && char.IsAsciiDigit(digits[length])) length++;
            if (length == 0) return 1;
            if (length > 6) return max;
            return Math.Clamp(int.Parse(digits[..length]), min, max);
        }
    }
}
