using System.Text;
using System.Xml;

namespace BudgetGrpc.Engine.Reading;

/// <summary>
/// Streams OOXML parts (sheet data, shared strings, styles, the Word body, relationships) with System.Xml's XmlReader.
/// The OpenXML SDK's own OpenXmlReader and DOM materialise objects per element and cost several
/// times more per small file, and a DOM of a large part costs many times its size in memory. Elements are matched
/// by local name so that Strict OOXML namespaces read the same. Parts come from <see cref="OoxmlPackage"/>.
/// </summary>
internal static class OoxmlXml
{
    public static XmlReader Open(Stream part, ReadContext context) =>
        XmlReader.Create(part, new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            MaxCharactersInDocument = ZipGuard.MaxCharactersInPart(context.Limits),
            CloseInput = true,
        });

    public static bool IsText(XmlNodeType type) =>
        type is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace;

    /// <summary>
    /// Reads a string item (&lt;si&gt;, &lt;is&gt;) the reader stands on: its &lt;t&gt; texts in order, plain or in rich-text
    /// runs, without phonetic guides (&lt;rPh&gt;), which are reading aids and not cell content. Leaves the reader on its end tag.
    /// </summary>
    public static string ReadStringItem(XmlReader xml)
    {
        if (xml.IsEmptyElement) return "";
        var depth = xml.Depth;
        string? single = null;
        StringBuilder? builder = null;
        var inText = false;
        var phoneticDepth = -1;
        while (xml.Read())
        {
            switch (xml.NodeType)
            {
                case XmlNodeType.EndElement:
                    if (xml.Depth == depth) return builder?.ToString() ?? single ?? "";
                    if (xml.Depth == phoneticDepth) phoneticDepth = -1;
                    else if (xml.LocalName == "t") inText = false;
                    break;
                case XmlNodeType.Element:
                    if (xml.LocalName == "rPh" && !xml.IsEmptyElement && phoneticDepth < 0) phoneticDepth = xml.Depth;
                    else if (xml.LocalName == "t") inText = !xml.IsEmptyElement && phoneticDepth < 0;
                    break;
                default:
                    if (!inText || !IsText(xml.NodeType)) break;
                    if (single is null && builder is null) single = xml.Value;
                    else (builder ??= new StringBuilder(single)).Append(xml.Value);
                    break;
            }
        }
        return builder?.ToString() ?? single ?? "";
    }

    /// <summary>An attribute by local name in any namespace (w:val is namespaced, and Strict uses another URI).</summary>
    public static string? Attribute(XmlReader xml, string localName)
    {
        if (!xml.HasAttributes) return null;
        string? value = null;
        while (xml.MoveToNextAttribute())
        {
            if (xml.LocalName != localName) continue;
            value = xml.Value;
            break;
        }
        xml.MoveToElement();
        return value;
    }
}
