using System.IO.Compression;
using System.Xml;
using BudgetGrpc.Engine.Model;

namespace BudgetGrpc.Engine.Reading;

/// <summary>
/// The parts of an OOXML package (.xlsx, .docx) found straight in its zip: the package's relationships name the main
/// part, a part's relationships name the parts it uses (sheets, shared strings, styles). Only what the readers follow is
/// resolved, lazily, where the OpenXML SDK over System.IO.Packaging loaded every part, relationship and content type
/// up front: a fifth of a small workbook's parse. Part names match without regard to case, as OPC wants; relationship
/// types match by their last segment, so Strict and Transitional URIs read the same.
/// </summary>
internal sealed class OoxmlPackage : IDisposable
{
    private readonly ZipArchive _archive;
    private readonly Dictionary<string, ZipArchiveEntry> _parts = new(StringComparer.OrdinalIgnoreCase);
    private readonly ReadContext _context;

    private OoxmlPackage(ZipArchive archive, ReadContext context)
    {
        _archive = archive;
        _context = context;
        foreach (var entry in archive.Entries)
            _parts.TryAdd(entry.FullName.Replace('\\', '/').TrimStart('/'), entry);
    }

    /// <summary>Opens the zip read-only over the bytes (<see cref="ZipGuard.Inspect"/> has checked its declared sizes).</summary>
    public static OoxmlPackage Open(ReadOnlyMemory<byte> content, ReadContext context) =>
        new(new ZipArchive(ZipGuard.OpenStream(content), ZipArchiveMode.Read, leaveOpen: false), context);

    /// <summary>
    /// The main part the package relationships name (officeDocument), else the conventional name when it is there:
    /// <paramref name="conventional"/> (xl/workbook.xml, word/document.xml).
    /// </summary>
    public string MainPart(string conventional, string what) =>
        Relationships("").FirstOrDefault(r => r.Is("officeDocument"))?.Part
        ?? (_parts.ContainsKey(conventional) ? conventional
            : throw _context.Fail(DisclosureErrorCode.Unreadable, $"the {what} package has no main part ({conventional} or one its relationships name)"));

    /// <summary>
    /// The relationships of a part ("" for the package's own) to parts the package holds, in document order: external
    /// targets, targets outside the package and parts that are missing are passed over.
    /// </summary>
    public List<Relationship> Relationships(string part)
    {
        var slash = part.LastIndexOf('/');
        var folder = slash < 0 ? "" : part[..(slash + 1)];
        var rels = folder + "_rels/" + part[(slash + 1)..] + ".rels";
        var relationships = new List<Relationship>();
        if (!_parts.ContainsKey(rels)) return relationships;
        using var xml = OpenXml(rels);
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "Relationship") continue;
            if (xml.GetAttribute("TargetMode") is { } mode && mode.Equals("External", StringComparison.OrdinalIgnoreCase)) continue;
            if (xml.GetAttribute("Id") is { } id && xml.GetAttribute("Type") is { } type && xml.GetAttribute("Target") is { } target
                && Resolve(folder, target) is { } resolved && _parts.ContainsKey(resolved))
                relationships.Add(new Relationship(id, type, resolved));
        }
        return relationships;
    }

    /// <summary>Streams a part with the readers' settings: no DTD, no resolver, at most the expansion limit in characters.</summary>
    public XmlReader OpenXml(string part)
    {
        if (!_parts.TryGetValue(part, out var entry))
            throw _context.Fail(DisclosureErrorCode.Unreadable, $"the package names a part it does not hold: '{part}'");
        return OoxmlXml.Open(entry.Open(), _context);
    }

    /// <summary>
    /// A relationship's target as a part name: relative to the source part's folder unless it starts with '/', escapes
    /// decoded, '.' and '..' segments folded; null when it climbs out of the package.
    /// </summary>
    private static string? Resolve(string folder, string target)
    {
        var path = Uri.UnescapeDataString(target.Replace('\\', '/'));
        var segments = new List<string>();
        foreach (var segment in (path.StartsWith('/') ? path : folder + path).Split('/'))
        {
            if (segment is "" or ".") continue;
            if (segment != "..") segments.Add(segment);
            else if (segments.Count == 0) return null;
            else segments.RemoveAt(segments.Count - 1);
        }
        return segments.Count == 0 ? null : string.Join('/', segments);
    }

    public void Dispose() => _archive.Dispose();

    /// <summary>One relationship: its id, its type URI and the part it targets.</summary>
    public sealed record Relationship(string Id, string Type, string Part)
    {
        /// <summary>Whether the type's last segment is <paramref name="kind"/> (worksheet, sharedStrings, styles …).</summary>
        public bool Is(string kind) => Type.EndsWith("/" + kind, StringComparison.Ordinal);
    }
}
