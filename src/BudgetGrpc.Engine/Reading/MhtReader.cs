using System.Text;
using BudgetGrpc.Engine.Model;

namespace BudgetGrpc.Engine.Reading;

/// <summary>
/// Reads a web archive (MHTML: .mht/.mhtml, what Word and Excel save as "single file web page" and browsers as "web page,
/// single file"): a MIME multipart/related message whose HTML parts hold the page (Word: one part; Excel: a frameset part
/// and one part per sheet). Each HTML part is decoded (quoted-printable or base64, in its charset) and read by
/// <see cref="HtmlTableReader"/>; the tables of every part that has one, in order, are the file's grids.
/// </summary>
internal static class MhtReader
{
    /// <summary>Whether the text starts with the headers of a MIME multipart/related message.</summary>
    public static bool Is(ReadOnlySpan<char> start)
    {
        var colon = start.IndexOf(':');
        if (colon <= 0 || colon > 40) return false;
        foreach (var c in start[..colon])
            if (!char.IsAsciiLetterOrDigit(c) && c != '-') return false;
        var head = start[..Math.Min(start.Length, 4096)];
        return head.Contains("multipart/related", StringComparison.OrdinalIgnoreCase) && head.Contains("boundary", StringComparison.OrdinalIgnoreCase);
    }

    public static ContainerContent Read(string text, ReadContext context)
    {
        var (headers, body) = Split(text);
        var boundary = Parameter(Header(headers, "Content-Type"), "boundary")
            ?? throw context.Fail(DisclosureErrorCode.Unreadable, "the web archive (MHTML) names no boundary between its parts");
        var grids = new List<CellGrid>();
        var pages = 0;
        foreach (var part in Parts(body, boundary))
        {
            var (partHeaders, content) = Split(part);
            var type = Header(partHeaders, "Content-Type") ?? "text/plain";
            if (!type.TrimStart().StartsWith("text/html", StringComparison.OrdinalIgnoreCase)) continue;
            pages++;
            var html = Decode(content, Header(partHeaders, "Content-Transfer-Encoding"), Parameter(type, "charset"), context);
            try
            {
                grids.AddRange(HtmlTableReader.Read(Encoding.UTF8.GetBytes(html), html, context).Grids);
            }
            catch (DisclosureException e) when (e.Error.Code == DisclosureErrorCode.NoTable)
            {
                // Excel's frameset page lists the sheets; the sheets' own pages hold the tables.
            }
        }
        if (grids.Count == 0)
            throw context.Fail(DisclosureErrorCode.NoTable, pages == 0
                ? "no table found in the web archive (MHTML): it holds no HTML page"
                : $"no table found in the web archive (MHTML): none of its {pages} HTML page(s) has a <table> with rows");
        return new ContainerContent("mht", grids);
    }

    /// <summary>Headers (folded lines unfolded) and the body after the first blank line.</summary>
    private static (List<(string Name, string Value)> Headers, string Body) Split(string text)
    {
        var headers = new List<(string, string)>();
        var at = 0;
        while (at < text.Length)
        {
            var end = text.IndexOf('\n', at);
            var line = (end < 0 ? text[at..] : text[at..end]).TrimEnd('\r');
            at = end < 0 ? text.Length : end + 1;
            if (line.Length == 0) break;
            if (line[0] is ' ' or '\t' && headers.Count > 0)
                headers[^1] = (headers[^1].Item1, headers[^1].Item2 + " " + line.Trim());
            else if (line.IndexOf(':') is > 0 and var colon)
                headers.Add((line[..colon].Trim(), line[(colon + 1)..].Trim()));
        }
        return (headers, text[at..]);
    }

    private static string? Header(List<(string Name, string Value)> headers, string name) =>
        headers.FirstOrDefault(h => h.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>A parameter of a header value (boundary="…", charset=gb2312), quotes removed.</summary>
    private static string? Parameter(string? value, string name)
    {
        if (value is null) return null;
        foreach (var piece in value.Split(';'))
        {
            var eq = piece.IndexOf('=');
            if (eq > 0 && piece[..eq].Trim().Equals(name, StringComparison.OrdinalIgnoreCase))
                return piece[(eq + 1)..].Trim().Trim('"', '\'');
        }
        return null;
    }

    /// <summary>The parts between boundary lines (--boundary), up to the closing one (--boundary--).</summary>
    private static List<string> Parts(string body, string boundary)
    {
        var marker = "--" + boundary;
        var parts = new List<string>();
        var start = -1;
        var at = 0;
        while (at < body.Length)
        {
            var end = body.IndexOf('\n', at);
            var lineEnd = end < 0 ? body.Length : end;
            var line = body.AsSpan(at, lineEnd - at).TrimEnd('\r');
            if (line.StartsWith(marker, StringComparison.Ordinal))
            {
                if (start >= 0) parts.Add(body[start..at]);
                if (line[marker.Length..].StartsWith("--")) return parts;
                start = lineEnd + 1;
            }
            at = lineEnd + 1;
        }
        if (start >= 0 && start < body.Length) parts.Add(body[start..]);
        return parts;
    }

    /// <summary>A part's text from its transfer encoding and charset (the file's own decoding where the part is 8-bit).</summary>
    private static string Decode(string content, string? transfer, string? charset, ReadContext context)
    {
        byte[] bytes;
        switch (transfer?.Trim().ToLowerInvariant())
        {
            case "quoted-printable":
                bytes = QuotedPrintable(content);
                break;
            case "base64":
                try
                {
                    bytes = Convert.FromBase64String(string.Concat(content.Where(c => !char.IsWhiteSpace(c))));
                }
                catch (FormatException)
                {
                    throw context.Fail(DisclosureErrorCode.Unreadable, "the web archive's page is declared base64 but is not");
                }
                break;
            default:
                return content;
        }
        return charset is not null && TextDecoding.ByName(charset) is { } encoding ? encoding.GetString(bytes) : TextDecoding.Decode(bytes);
    }

    /// <summary>Quoted-printable: =XX is a byte, = at a line's end joins it to the next.</summary>
    private static byte[] QuotedPrintable(string text)
    {
        var bytes = new List<byte>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '=' && i + 2 < text.Length && Uri.IsHexDigit(text[i + 1]) && Uri.IsHexDigit(text[i + 2]))
            {
                bytes.Add((byte)Convert.ToInt32(text.Substring(i + 1, 2), 16));
                i += 2;
            }
            else if (c == '=' && (i + 1 == text.Length || text[i + 1] is '\r' or '\n'))
            {
                if (i + 1 < text.Length && text[i + 1] == '\r') i++;
                if (i + 1 < text.Length && text[i + 1] == '\n') i++;
            }
            else if (c < 0x80) bytes.Add((byte)c);
            else bytes.AddRange(Encoding.UTF8.GetBytes(c.ToString()));
        }
        return [.. bytes];
    }
}
