using System.Text;
using AngleSharp.Dom;

namespace BudgetGrpc.Engine.Reading;

/// <summary>
/// Visible text of an HTML subtree as lines: &lt;br&gt; and block boundaries break lines, whitespace inside a
/// line collapses to one space, lines are trimmed and empty ones dropped. Scripts and styles are not text.
/// A line break in the page's source text (an editor or Word's export wrapping a long cell) breaks no line, as a browser
/// shows it: it vanishes between two Chinese characters and is a space elsewhere (CSS Text's segment breaks); inside
/// &lt;pre&gt; it stays a line break.
/// </summary>
internal sealed class HtmlText
{
    private readonly StringBuilder _raw = new();

    /// <summary>Stands for a line break of the source text in <see cref="_raw"/> until <see cref="Lines"/> resolves it.</summary>
    private const char SourceBreak = '\uFFFF';

    // MathML stays: OCR writes formulas such as <math>\geq 12</math> whose text is the comparator.
    public static bool IsSkipped(string localName) =>
        localName is "script" or "style" or "noscript" or "template" or "head" or "select" or "button" or "svg";

    public static bool IsBlock(string localName) => localName switch
    {
        "p" or "div" or "li" or "ul" or "ol" or "dl" or "dt" or "dd" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6"
            or "tr" or "td" or "th" or "table" or "thead" or "tbody" or "tfoot" or "caption" or "blockquote" or "pre"
            or "section" or "article" or "header" or "footer" or "nav" or "aside" or "main" or "figure" or "figcaption"
            or "address" or "hr" or "form" or "fieldset" or "center" or "body" => true,
        _ => false,
    };

    /// <summary>
    /// Deeper markup than this is not descended into: the walk recurses, and a hostile page of a hundred
    /// thousand nested elements must not exhaust the stack. Real tables nest a few dozen levels at most.
    /// </summary>
    public const int MaxDepth = 256;

    public void Append(INode node, int depth = 0)
    {
        if (depth > MaxDepth) return;
        switch (node)
        {
            case IText text:
                var data = text.Data;
                if (data.AsSpan().IndexOfAny('\r', '\n') < 0 || InPre(text)) _raw.Append(data);
                else
                    foreach (var c in data) _raw.Append(c is '\r' or '\n' ? SourceBreak : c);
                break;
            case IElement element:
                var name = element.LocalName;
                if (IsSkipped(name)) return;
                if (name == "br")
                {
                    _raw.Append('\n');
                    return;
                }
                var block = IsBlock(name);
                if (block) _raw.Append('\n');
                foreach (var child in element.ChildNodes) Append(child, depth + 1);
                if (block) _raw.Append('\n');
                break;
        }
    }

    /// <summary>Whether the text stands inside &lt;pre&gt;, whose line breaks stay.</summary>
    private static bool InPre(IText text)
    {
        for (var element = text.ParentElement; element is not null; element = element.ParentElement)
            if (element.LocalName == "pre") return true;
        return false;
    }

    public void AppendBreak() => _raw.Append('\n');

    public void AppendText(string text) => _raw.Append(text);

    public void Clear() => _raw.Clear();

    /// <summary>The collected text as non-empty, collapsed, trimmed lines.</summary>
    public List<string> Lines()
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        var pendingSpace = false;
        var pendingBreak = false;
        for (var i = 0; i <= _raw.Length; i++)
        {
            var c = i < _raw.Length ? _raw[i] : '\n';
            if (c == '\n')
            {
                if (line.Length > 0) lines.Add(line.ToString());
                line.Clear();
                pendingSpace = pendingBreak = false;
            }
            else if (c == SourceBreak)
            {
                pendingBreak = line.Length > 0;
            }
            else if (char.IsWhiteSpace(c))
            {
                pendingSpace = line.Length > 0;
            }
            else
            {
                // Spaces around a source break go with it: between two Chinese characters nothing stands, else one space.
                if (pendingBreak ? !(IsWide(line[^1]) && IsWide(c)) : pendingSpace) line.Append(' ');
                pendingSpace = pendingBreak = false;
                line.Append(c);
            }
        }
        return lines;
    }

    /// <summary>A Chinese (or Japanese) character or full-width punctuation: a source break beside two of them vanishes.</summary>
    private static bool IsWide(char c) =>
        c is >= '\u2E80' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF' or >= '\uFE30' and <= '\uFE4F' or >= '\uFF00' and <= '\uFF60'
            or >= '\uFFE0' and <= '\uFFE6' || char.IsSurrogate(c);

    /// <summary>The collected text as one cell text, lines joined by '\n'.</summary>
    public string CellText()
    {
        var lines = Lines();
        return lines.Count switch
        {
            0 => "",
            1 => lines[0],
            _ => string.Join('\n', lines),
        };
    }
}
