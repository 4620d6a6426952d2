using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

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
        ["%"] = "%", ["$"] = "", [","] = "", [";"] = "", [" "] = " ", ["!"] = "",
    };

    [ThreadStatic] private static HtmlParser? t_parser;
    [ThreadStatic] private static IElement? t_context;

    /// <summary>The cell as plain, trimmed, non-empty lines.</summary>
    public static IReadOnlyList<string> ToLines(string raw)
    {
        if (string.IsNullOrEmpty(raw)) return [];
        if (raw.AsSpan().IndexOfAny('<', '&', '\\') < 0) return SplitPlain(raw);

        if (raw.IndexOf('<') < 0 && raw.IndexOf('&') < 0)
            return SplitPlain(ConvertTex(raw));

        var lines = new List<string>();
        var current = new StringBuilder();
        var nodes = ParseFragment(raw);
        // A fragment without any block element keeps its own line breaks (an Excel cell with an entity in it);
        // with block elements, newlines in text are layout whitespace, as a browser treats them.
        bool hasBlocks = ContainsBlock(nodes);
        foreach (var node in nodes) Walk(node, current, lines, hasBlocks);
        Flush(current, lines);
        return lines;
    }

    /// <summary>The cell's lines joined with "\n".</summary>
    public static string ToText(string raw) => string.Join("\n", ToLines(raw));

    private static INodeList ParseFragment(string raw)
    {
        if (t_parser is null)
        {
            t_parser = new HtmlParser();
            t_context = t_parser.ParseDocument(string.Empty).Body;
        }
        return t_parser.ParseFragment(raw, t_context!);
    }

    private static bool ContainsBlock(INodeList nodes)
    {
        foreach (var node in nodes)
        {
            if (node is IElement element && (BlockTags.Contains(element.LocalName) || ContainsBlock(element.ChildNodes)))
                return true;
        }
        return false;
    }

    private static void Walk(INode node, StringBuilder current, List<string> lines, bool hasBlocks)
    {
        switch (node)
        {
            case IText text:
                AppendText(current, lines, text.Data, hasBlocks);
                break;
            case IElement element when element.LocalName.Equals("math", StringComparison.OrdinalIgnoreCase):
                // Spaces inside a formula only separate TeX tokens: "\geq 95\%" is "≥95%".
                current.Append(WhitespaceRun().Replace(ConvertTex(element.TextContent), ""));
                break;
            case IElement element when element.LocalName is "script" or "style":
                break;
            case IElement element:
                bool block = BlockTags.Contains(element.LocalName);
                if (block) Flush(current, lines);
                foreach (var child in element.ChildNodes) Walk(child, current, lines, hasBlocks);
                if (block) Flush(current, lines);
                break;
        }
    }

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
        foreach (var part in LineBreak().Split(text))
        {
            var line = CollapseWhitespace(part);
            if (line.Length > 0) lines.Add(line);
        }
        return lines;
    }

    private static string CollapseWhitespace(string text) => WhitespaceRun().Replace(text, " ").Trim();

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

    [GeneratedRegex(@"\r\n|\n|\r")]
    private static partial Regex LineBreak();
}
