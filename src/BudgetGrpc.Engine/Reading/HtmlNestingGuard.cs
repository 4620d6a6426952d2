using AngleSharp.Html.Parser;
using AngleSharp.Html.Parser.Tokens;
using AngleSharp.Text;
using BudgetGrpc.Engine.Model;

namespace BudgetGrpc.Engine.Reading;

/// <summary>
/// Watches the tokens AngleSharp's tokenizer emits and stops a page that keeps elements open thousands deep.
/// The tree builder scans its stack of open elements per tag, so such a page costs time quadratic in its depth
/// (100,000 nested &lt;div&gt; take minutes), and its MaximumDepth option flattens the tree but keeps the stack.
/// Counts start minus end tags, leaving out void elements and elements whose end tag HTML lets authors omit,
/// so that an ordinary table without &lt;/td&gt; or &lt;/tr&gt; never trips it.
/// </summary>
internal sealed class HtmlNestingGuard
{
    public const int MaxOpenElements = 512;

    private int _open;
    private ReadContext? _context;

    public void Start(ReadContext context)
    {
        _context = context;
        _open = 0;
    }

    public void Observe(HtmlToken token, TextRange range)
    {
        if (token.Type == HtmlTokenType.StartTag)
        {
            if (token is HtmlTagToken { IsSelfClosing: true } || !NeedsEndTag(token.Name)) return;
            if (++_open > MaxOpenElements && _context is { } context)
                throw context.Fail(DisclosureErrorCode.Unreadable,
                    $"the HTML page keeps more than {MaxOpenElements} elements open inside each other " +
                    $"(at line {range.Start.Line}); it is refused as malformed");
        }
        else if (token.Type == HtmlTokenType.EndTag && _open > 0 && NeedsEndTag(token.Name))
        {
            _open--;
        }
    }

    private static bool NeedsEndTag(string name) => name switch
    {
        // Void elements never close; these may close implicitly (HTML "optional end tags").
        "area" or "base" or "br" or "col" or "embed" or "hr" or "img" or "input" or "link" or "meta" or "param"
            or "source" or "track" or "wbr" or "p" or "li" or "dt" or "dd" or "tr" or "td" or "th" or "thead"
            or "tbody" or "tfoot" or "option" or "optgroup" or "rb" or "rt" or "rtc" or "rp" or "colgroup"
            or "caption" or "html" or "head" or "body" => false,
        _ => true,
    };
}
