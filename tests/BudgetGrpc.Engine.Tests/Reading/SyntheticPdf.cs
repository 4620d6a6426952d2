using System.IO.Compression;
using System.Text;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace BudgetGrpc.Engine.Tests.Reading;

/// <summary>PDFs written for the tests: ruled and unruled tables with PdfPig's builder, hostile files by hand.</summary>
internal static class SyntheticPdf
{
    /// <summary>A page drawn by <paramref name="draw"/> (page builder, Helvetica); one call per page.</summary>
    public static byte[] Build(params Action<PdfPageBuilder, PdfDocumentBuilder.AddedFont>[] pages) => Titled(null, pages);

    /// <summary>As <see cref="Build"/>, with a title in the document's information dictionary.</summary>
    public static byte[] Titled(string? title, params Action<PdfPageBuilder, PdfDocumentBuilder.AddedFont>[] pages) =>
        Sized(title, 595, 842, pages);

    /// <summary>As <see cref="Build"/>, on A4 pages turned landscape (842 × 595 pt).</summary>
    public static byte[] Landscape(params Action<PdfPageBuilder, PdfDocumentBuilder.AddedFont>[] pages) => Sized(null, 842, 595, pages);

    private static byte[] Sized(string? title, double width, double height, Action<PdfPageBuilder, PdfDocumentBuilder.AddedFont>[] pages)
    {
        using var builder = new PdfDocumentBuilder();
        if (title is not null) builder.DocumentInformation.Title = title;
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        foreach (var draw in pages)
        {
            var page = builder.AddPage(width, height);
            draw(page, font);
        }
        return builder.Build();
    }

    public static void HLine(PdfPageBuilder page, double y, double x1, double x2) =>
        page.DrawLine(new PdfPoint(x1, y), new PdfPoint(x2, y), 0.5);

    public static void VLine(PdfPageBuilder page, double x, double y1, double y2) =>
        page.DrawLine(new PdfPoint(x, y1), new PdfPoint(x, y2), 0.5);

    public static void Text(PdfPageBuilder page, PdfDocumentBuilder.AddedFont font, string text, double x, double y, double size = 10) =>
        page.AddText(text, size, new PdfPoint(x, y), font);

    /// <summary>
    /// A ruled table whose top rule is at <paramref name="top"/>: rows 20 pt high, cells split by '|' at the given column
    /// boundaries, every rule drawn.
    /// </summary>
    public static void RuledRows(PdfPageBuilder page, PdfDocumentBuilder.AddedFont font, double top, double[] columns, string[] rows)
    {
        for (var i = 0; i <= rows.Length; i++) HLine(page, top - 20 * i, columns[0], columns[^1]);
        foreach (var x in columns) VLine(page, x, top - 20 * rows.Length, top);
        for (var i = 0; i < rows.Length; i++)
        {
            var cells = rows[i].Split('|');
            for (var c = 0; c < cells.Length; c++) Text(page, font, cells[c], columns[c] + 5, top - 20 * i - 14);
        }
    }

    /// <summary>A PDF written object by object with a correct cross-reference table.</summary>
    public static byte[] Raw(params byte[][] objects)
    {
        using var output = new MemoryStream();
        void Write(string s) => output.Write(Encoding.Latin1.GetBytes(s));
        Write("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
        var offsets = new List<long>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(output.Position);
            Write($"{i + 1} 0 obj\n");
            output.Write(objects[i]);
            Write("\nendobj\n");
        }
        var xref = output.Position;
        Write($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets) Write($"{offset:D10} 00000 n \n");
        Write($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return output.ToArray();
    }

    public static byte[] Ascii(string s) => Encoding.Latin1.GetBytes(s);

    /// <summary>A stream object whose data is <paramref name="data"/> deflated (zlib).</summary>
    public static byte[] FlateStream(byte[] data)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true)) zlib.Write(data);
        var body = compressed.ToArray();
        return [.. Ascii($"<< /Length {body.Length} /Filter /FlateDecode >>\nstream\n"), .. body, .. Ascii("\nendstream")];
    }
}
