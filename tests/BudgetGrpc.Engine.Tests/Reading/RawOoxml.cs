using System.IO.Compression;
using System.Text;

namespace BudgetGrpc.Engine.Tests.Reading;

/// <summary>
/// Writes .xlsx/.docx packages part by part from XML text, for what the OpenXML SDK would not write: cells without
/// references, odd references and merges, pretty-printed parts, legacy merges, parts out of schema order.
/// </summary>
internal static class RawOoxml
{
    public const string Rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    public const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    public const string Word = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    public static byte[] Zip(params (string Name, string Xml)[] parts)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, xml) in parts)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
                writer.Write(xml);
            }
        return buffer.ToArray();
    }

    public static string Rels(params (string Id, string Type, string Target)[] rels) =>
        Rels(rels.Select(r => (r.Id, r.Type, r.Target, External: false)).ToArray());

    /// <summary>A relationships part; an external relationship carries TargetMode="External".</summary>
    public static string Rels(params (string Id, string Type, string Target, bool External)[] rels) =>
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + string.Concat(rels.Select(r => $"<Relationship Id=\"{r.Id}\" Type=\"{r.Type}\" Target=\"{r.Target}\"{(r.External ? " TargetMode=\"External\"" : "")}/>"))
        + "</Relationships>";

    /// <summary>
    /// A workbook whose sheets are given by their &lt;sheet&gt; elements' attributes (r:id="sN" names the N-th sheet part,
    /// xl/worksheets/sN.xml, whose whole XML is given), with shared strings (&lt;si&gt; items) and styles (the
    /// stylesheet's inner XML) when given.
    /// </summary>
    public static byte[] Workbook(string workbookInner, string[] sheets, string? sharedStrings = null, string? styles = null)
    {
        var rels = sheets.Select((_, i) => ($"s{i + 1}", Rel + "/worksheet", $"worksheets/s{i + 1}.xml")).ToList();
        var parts = new List<(string, string)>
        {
            ("_rels/.rels", Rels(("rId1", Rel + "/officeDocument", "xl/workbook.xml"))),
            ("xl/workbook.xml", $"<workbook xmlns=\"{Main}\" xmlns:r=\"{Rel}\">{workbookInner}</workbook>"),
        };
        if (sharedStrings is not null)
        {
            rels.Add(("strings", Rel + "/sharedStrings", "sharedStrings.xml"));
            parts.Add(("xl/sharedStrings.xml", $"<sst xmlns=\"{Main}\">{sharedStrings}</sst>"));
        }
        if (styles is not null)
        {
            rels.Add(("styles", Rel + "/styles", "styles.xml"));
            parts.Add(("xl/styles.xml", $"<styleSheet xmlns=\"{Main}\">{styles}</styleSheet>"));
        }
        parts.Add(("xl/_rels/workbook.xml.rels", Rels([.. rels])));
        parts.AddRange(sheets.Select((xml, i) => ($"xl/worksheets/s{i + 1}.xml", xml)));
        return Zip([.. parts]);
    }

    /// <summary>One visible sheet "S" holding <paramref name="sheetData"/> (rows) and, when given, merge references.</summary>
    public static byte[] Sheet(string sheetData, string? sharedStrings = null, string? styles = null, params string[] merges) =>
        Workbook("<sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"s1\"/></sheets>", [SheetXml(sheetData, merges)], sharedStrings, styles);

    public static string SheetXml(string sheetData, params string[] merges) =>
        $"<worksheet xmlns=\"{Main}\"><sheetData>{sheetData}</sheetData>"
        + (merges.Length == 0 ? "" : "<mergeCells>" + string.Concat(merges.Select(m => $"<mergeCell ref=\"{m}\"/>")) + "</mergeCells>")
        + "</worksheet>";

    /// <summary>Styles: cellXfs with the given number format ids, in order (style 0 first).</summary>
    public static string CellXfs(params int[] numberFormats) =>
        "<cellXfs>" + string.Concat(numberFormats.Select(id => $"<xf numFmtId=\"{id}\"/>")) + "</cellXfs>";

    /// <summary>A .docx whose body is <paramref name="body"/> (prefix w: bound to WordprocessingML).</summary>
    public static byte[] Document(string body) => Zip(
        ("_rels/.rels", Rels(("rId1", Rel + "/officeDocument", "word/document.xml"))),
        ("word/document.xml", $"<w:document xmlns:w=\"{Word}\"><w:body>{body}</w:body></w:document>"));

    /// <summary>A paragraph of one run per text.</summary>
    public static string P(params string[] texts) =>
        "<w:p>" + string.Concat(texts.Select(t => $"<w:r><w:t>{t}</w:t></w:r>")) + "</w:p>";

    /// <summary>A cell: its properties' inner XML and its paragraphs.</summary>
    public static string Tc(string properties, params string[] paragraphs) =>
        "<w:tc>" + (properties.Length > 0 ? $"<w:tcPr>{properties}</w:tcPr>" : "") + string.Concat(paragraphs) + "</w:tc>";

    public static string Tc(string text) => Tc("", P(text));

    public static string Tr(params string[] cells) => "<w:tr>" + string.Concat(cells) + "</w:tr>";

    public static string Tbl(params string[] rows) => "<w:tbl>" + string.Concat(rows) + "</w:tbl>";
}
