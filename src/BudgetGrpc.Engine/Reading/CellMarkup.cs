using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Html;
using AngleSharp.Html.Parser;
using AngleSharp.Text;

namespace BudgetGrpc.Engine.Reading;

/// <summary>
/// Turns a cell's raw text, which OCR and web exports often fill with HTML fragments, MathML and TeX,
/// into plain text lines. Block elements end a line, comparators written in math become ≥ ≤ &gt; &lt; × %.
/// </summary>
public static partial class CellMarkup
{
    // Elements that end a line in the rendered cell.
    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "li", "br", "tr", "td", "th", "ol", "ul", "table", "h1", "h2", "h3", "h4", "h5", "h6",
        "section", "article", "blockquote", "pre", "dd", "dt", "hr",
    };

    private static readonly Dictionary<string, string> TexSymbols = new(StringComparer.Ordinal)
    {
        ["geqslant"] = "≥", ["geq"] = "≥", ["ge"] = "≥",
        ["leqslant"] = "≤", ["leq"] = "≤", ["le"] = "≤",
        ["gt"] = ">", ["lt"] = "<", ["neq"] = "≠", ["ne"] = "≠",
        ["times"] = "×", ["cdot"] = "·", ["pm"] = "±", ["sim"] = "~", ["approx"] = "≈",
        // A literal "\n" left by an export that escaped its line breaks is a line break, not a TeX command.
        ["n"] = "\n", ["r"] = "", ["t"] = " ",
        ["%"] = "%", ["$"] = "", [","] = "", [";"] = "", [" "] = " ", ["!"] = "",
    };

    /// <summary>The cell as plain, trimmed, non-empty lines.</summary>
    public static IReadOnlyList<string> ToLines(string raw)
    {
        if (string.IsNullOrEmpty(raw)) return [];
        if (raw.AsSpan().IndexOfAny('<', '&', '\\') < 0) return SplitPlain(raw);

        if (raw.IndexOf('<') < 0 && raw.IndexOf('&') < 0)
            return SplitPlain(ConvertTex(raw));

        // A fragment without any block element keeps its own line breaks (an Excel cell with an entity in it);
        // with block elements, newlines in text are layout whitespace, as a browser treats them.
        bool hasBlocks = BlockTag().IsMatch(raw);
        var lines = new List<string>();
        var current = new StringBuilder();
        var math = new StringBuilder();
        int mathDepth = 0;
        string? skipUntil = null;

        // AngleSharp's tokenizer, not its tree builder: only text and element boundaries matter here, and building
        // a DOM for every cell costs several times more than reading its tokens.
        using var source = new TextSource(raw);
        var tokenizer = new HtmlTokenizer(source, HtmlEntityProvider.Resolver) { SkipComments = true, SkipProcessingInstructions = true };
        for (var token = tokenizer.Get(); token.Type != HtmlTokenType.EndOfFile; token = tokenizer.Get())
        {
            switch (token.Type)
            {
                case HtmlTokenType.Character when skipUntil is null:
                    if (mathDepth > 0) math.Append(token.Data);
                    else AppendText(current, lines, token.Data, hasBlocks);
                    break;
                case HtmlTokenType.StartTag or HtmlTokenType.EndTag:
                    var name = token.Name; // the tokenizer lowercases HTML tag names
                    bool start = token.Type == HtmlTokenType.StartTag;
                    if (skipUntil is not null)
                    {
                        if (!start && name == skipUntil) skipUntil = null;
                    }
                    else if (name is "script" or "style")
                    {
                        if (start && !token.AsTag().IsSelfClosing) skipUntil = name;
                    }
                    else if (name == "math")
                    {
                        if (start && !token.AsTag().IsSelfClosing) mathDepth++;
                        else if (!start && mathDepth > 0 && --mathDepth == 0)
                        {
                            // Spaces inside a formula only separate TeX tokens: "\geq 95\%" is "≥95%".
                            current.Append(WhitespaceRun().Replace(ConvertTex(math.ToString()), ""));
                            math.Clear();
                        }
                    }
                    else if (mathDepth == 0 && BlockTags.Contains(name))
                    {
                        Flush(current, lines);
                    }
                    break;
            }
        }
        if (math.Length > 0) current.Append(WhitespaceRun().Replace(ConvertTex(math.ToString()), ""));
        Flush(current, lines);
        return lines;
    }

    /// <summary>The cell's lines joined with "\n".</summary>
    public static string ToText(string raw) => string.Join("\n", ToLines(raw));

    private static void AppendText(StringBuilder current, List<string> lines, string data, bool hasBlocks)
    {
        data = ConvertTex(data);
        if (hasBlocks)
        {
            current.Append(data);
            return;
        }
        var parts = LineBreak().Split(data);
        for (int i = 0; i < parts.Length; i++)
        {
            if (i > 0) Flush(current, lines);
            current.Append(parts[i]);
        }
    }

    private static void Flush(StringBuilder current, List<string> lines)
    {
        if (current.Length == 0) return;
        var line = CollapseWhitespace(current.ToString());
        current.Clear();
        if (line.Length > 0) lines.Add(line);
    }

    private static List<string> SplitPlain(string text)
    {
        var lines = new List<string>();
        int start = 0;
        while (start <= text.Length)
        {
            int br = text.AsSpan(start).IndexOfAny('\r', '\n');
            int end = br < 0 ? text.Length : start + br;
            var line = CollapseWhitespace(text.AsSpan(start, end - start));
            if (line.Length > 0) lines.Add(line);
            if (br < 0) break;
            start = end + (text[end] == '\r' && end + 1 < text.Length && text[end + 1] == '\n' ? 2 : 1);
        }
        return lines;
    }

    private static string CollapseWhitespace(string text) => CollapseWhitespace(text.AsSpan());

    // Runs of whitespace (with \u00A0 from &nbsp; and the ideographic space) become one space; ends are trimmed.
    private static string CollapseWhitespace(ReadOnlySpan<char> text)
    {
        text = TrimSpace(text);
        if (text.IsEmpty) return "";
        bool clean = true;
        for (int i = 0; i < text.Length && clean; i++)
        {
            if (IsSpace(text[i]) && (text[i] != ' ' || (i + 1 < text.Length && IsSpace(text[i + 1])))) clean = false;
        }
        if (clean) return text.ToString();
        var sb = new StringBuilder(text.Length);
        bool inSpace = false;
        foreach (var c in text)
        {
            if (IsSpace(c))
            {
                if (!inSpace) sb.Append(' ');
                inSpace = true;
            }
            else
            {
                sb.Append(c);
                inSpace = false;
            }
        }
        return sb.ToString();
    }

    private static ReadOnlySpan<char> TrimSpace(ReadOnlySpan<char> text)
    {
        int a = 0, b = text.Length;
        while (a < b && IsSpace(text[a])) a++;
        while (b > a && IsSpace(text[b - 1])) b--;
        return text[a..b];
    }

    private static bool IsSpace(char c) => char.IsWhiteSpace(c) || c is '\u00A0' or '\u3000';

    /// <summary>TeX comparators and escapes into their characters; unknown commands are dropped, braces too.</summary>
    internal static string ConvertTex(string text)
    {
        if (text.IndexOf('\\') < 0) return text;
        var converted = TexCommand().Replace(text, m =>
            TexSymbols.TryGetValue(m.Groups[1].Value, out var symbol) ? symbol : "");
        return converted.Replace("{", "").Replace("}", "");
    }

    [GeneratedRegex(@"\\([A-Za-z]+|[%$,; !])")]
    private static partial Regex TexCommand();

    // \u00A0 (&nbsp;) and \u3000 (ideographic space) count as whitespace, as the published table shows them.
    [GeneratedRegex(@"[\s\u00A0\u3000]+")]
    private static partial Regex WhitespaceRun();

    [GeneratedRegex(@"<\s*/?\s*(?:p|div|li|br|tr|td|th|ol|ul|table|h[1-6]|section|article|blockquote|pre|dd|dt|hr)\b", RegexOptions.IgnoreCase)]
    private static partial Regex BlockTag();

    [GeneratedRegex(@"\r\n|\n|\r")]
    private static partial Regex LineBreak();
}
