using System.Globalization;
using System.Net;
using System.Text;
using DocumentFormat.OpenXml;
using BudgetGrpc.Engine.Tests.Reading;
using S = DocumentFormat.OpenXml.Spreadsheet;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace BudgetGrpc.Engine.Tests.Variants;

/// <summary>The containers a variant is written into. Legacy binaries (xls, doc) and PDF come from converting one of
/// these (see <see cref="VariantContainers.Write"/>); they are listed once readers for them exist.</summary>
public enum VariantContainer
{
    Xlsx,
    Docx,
    Html,
    CsvUtf8,
    CsvGb18030,
    Markdown,
    /// <summary>Tab-separated UTF-8 text (.txt), as the seed file was exported.</summary>
    Tsv,
}

/// <summary>Writes a <see cref="VariantDocument"/> the way the producers of each container write tables.</summary>
internal static partial class VariantContainers
{
    public static readonly IReadOnlyList<VariantContainer> All = Enum.GetValues<VariantContainer>();

    public static string Extension(VariantContainer container) => container switch
    {
        VariantContainer.Xlsx => ".xlsx",
        VariantContainer.Docx => ".docx",
        VariantContainer.Html => ".html",
        VariantContainer.CsvUtf8 => ".csv",
        VariantContainer.CsvGb18030 => ".gb18030.csv",
        VariantContainer.Tsv => ".txt",
        _ => ".md",
    };

    public static byte[] Write(VariantDocument document, VariantContainer container) => container switch
    {
        VariantContainer.Xlsx => Xlsx(document),
        VariantContainer.Docx => Docx(document),
        VariantContainer.Html => Encoding.UTF8.GetBytes(Html(document)),
        VariantContainer.CsvUtf8 => Encoding.UTF8.GetBytes(Csv(document)),
        VariantContainer.CsvGb18030 => Gb18030.GetBytes(Csv(document)),
        VariantContainer.Tsv => Encoding.UTF8.GetBytes(Csv(document, '\t')),
        _ => Encoding.UTF8.GetBytes(Markdown(document)),
    };

    private static readonly Encoding Gb18030 = CreateGb18030();

    private static Encoding CreateGb18030()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030");
    }

    private static string Column(int index)
    {
        var name = "";
        for (index++; index > 0; index = (index - 1) / 26) name = (char)('A' + (index - 1) % 26) + name;
        return name;
    }

    /// <summary>A cell that reads as a plain number is stored as a number, as spreadsheet programs do.</summary>
    private static bool IsPlainNumber(string text) => text.Length < 16 && PlainNumber().IsMatch(text);

    [System.Text.RegularExpressions.GeneratedRegex(@"^(0|[1-9][0-9]*)(\.[0-9]+)?$")]
    private static partial System.Text.RegularExpressions.Regex PlainNumber();

    /// <summary>Cell styles of <see cref="SyntheticOoxml.Workbook"/>: a ruled cell whose text wraps, a ruled date.</summary>
    private const uint Ruled = 5, RuledDate = 6;

    /// <summary>
    /// Each column's width as an office program fits it to its text: the widest line of its unmerged cells in
    /// characters (a Chinese character counts two), at least 4, long text capped at 40 because it wraps.
    /// </summary>
    private static double DisplayWidth(string line) => line.Sum(ch => ch > 0x2E80 ? 2.0 : 1.0);

    private static List<double> ColumnWeights(VariantGrid grid)
    {
        var weights = new List<double>();
        for (var c = 0; c < grid.Columns; c++)
        {
            var widest = 4.0;
            for (var r = 0; r < grid.Rows.Count; r++)
            {
                if (grid.CoveringMerge(r, c) is not null || grid.AnchorAt(r, c) is { ColumnSpan: > 1 }) continue;
                foreach (var line in grid.Rows[r][c].Split('\n'))
                    widest = Math.Max(widest, DisplayWidth(line));
            }
            weights.Add(Math.Min(widest, 40));
        }
        return weights;
    }

    private static byte[] Xlsx(VariantDocument document)
    {
        var sheets = new List<SyntheticOoxml.SheetSpec>();
        foreach (var sheet in document.Sheets)
        {
            var rows = new List<S.Row>();
            var merges = new List<string>();
            // One width per column for the whole sheet, the widest any of its tables needs there.
            var widths = new List<double>();
            foreach (var table in sheet.Blocks.Select(b => b.Table).OfType<VariantGrid>())
                foreach (var (weight, c) in ColumnWeights(table).Select((w, c) => (Math.Min(w, 30) + 2, c)))
                    if (c < widths.Count) widths[c] = Math.Max(widths[c], weight);
                    else widths.Add(weight);
            var next = 1;
            var previousWasTable = false;
            foreach (var block in sheet.Blocks)
            {
                if (block.Line is { } line)
                {
                    if (previousWasTable) next++;
                    rows.Add(SyntheticOoxml.Row((uint)next, SyntheticOoxml.Text($"A{next}", line)));
                    next++;
                    previousWasTable = false;
                    continue;
                }
                var grid = block.Table!;
                if (previousWasTable) next++; // a blank row between two tables on one sheet
                var top = next;
                // A form's cells are ruled and wrap their text, blanks and merged cells included, and each row is as
                // high as its wrapped text, as offices lay them out for printing.
                for (var r = 0; r < grid.Rows.Count; r++)
                {
                    var cells = grid.Rows[r];
                    var row = new List<S.Cell>();
                    var lines = 1;
                    for (var c = 0; c < grid.Columns; c++)
                    {
                        var text = cells[c];
                        var reference = $"{Column(c)}{next}";
                        if (text.Length == 0 || grid.CoveringMerge(r, c) is not null)
                        {
                            row.Add(SyntheticOoxml.Blank(reference, Ruled));
                            continue;
                        }
                        var span = grid.AnchorAt(r, c) ?? (1, 1);
                        var width = widths.Skip(c).Take(span.ColumnSpan).Sum();
                        var needed = text.Split('\n').Sum(l => Math.Max(1, Math.Ceiling(DisplayWidth(l) / Math.Max(1, width - 1))));
                        // A cell merged down over rows shares their height; a printed CJK line is taller than the 15 points
                        // a row gives one, so the rows get a line to spare (a level word written one character per line,
                        // 产⏎出⏎指⏎标 （45分）, stays inside its cell on paper).
                        if (span.RowSpan > 1 && needed > span.RowSpan) needed++;
                        lines = Math.Max(lines, (int)Math.Ceiling(needed / span.RowSpan));
                        if (grid.DateCells.Contains((r, c))
                            && DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                            row.Add(SyntheticOoxml.Number(reference, (date - new DateTime(1899, 12, 30)).Days.ToString(CultureInfo.InvariantCulture), style: RuledDate));
                        else
                            row.Add(IsPlainNumber(text) ? SyntheticOoxml.Number(reference, text, Ruled) : SyntheticOoxml.Text(reference, text, Ruled));
                    }
                    var sheetRow = SyntheticOoxml.Row((uint)next, [.. row]);
                    sheetRow.Height = 15 * lines;
                    sheetRow.CustomHeight = true;
                    rows.Add(sheetRow);
                    next++;
                }
                foreach (var m in grid.Merges)
                    merges.Add($"{Column(m.Column)}{top + m.Row}:{Column(m.Column + m.ColumnSpan - 1)}{top + m.Row + m.RowSpan - 1}");
                previousWasTable = true;
            }
            sheets.Add(new SyntheticOoxml.SheetSpec(sheet.Name, rows, merges, ColumnWidths: widths, PrintFitToWidth: true));
        }
        return SyntheticOoxml.Workbook(sheets);
    }

    private static byte[] Docx(VariantDocument document)
    {
        var body = new List<OpenXmlElement>();
        // Tables of as many columns share their widths, the widest any of them needs in each column: a form copied
        // from one template, or a table the page break split.
        var widths = new Dictionary<int, List<double>>();
        foreach (var table in document.Sheets.SelectMany(s => s.Blocks).Select(b => b.Table).OfType<VariantGrid>())
            widths[table.Columns] = widths.TryGetValue(table.Columns, out var seen)
                ? [.. seen.Zip(ColumnWeights(table), Math.Max)]
                : ColumnWeights(table);
        foreach (var sheet in document.Sheets)
        {
            foreach (var block in sheet.Blocks)
            {
                if (block.Line is { } line)
                {
                    body.Add(SyntheticOoxml.Paragraph(line));
                    continue;
                }
                var grid = block.Table!;
                var rows = new List<W.TableRow>();
                for (var r = 0; r < grid.Rows.Count; r++)
                {
                    var cells = new List<W.TableCell>();
                    for (var c = 0; c < grid.Columns; c++)
                    {
                        var covering = grid.CoveringMerge(r, c);
                        if (covering is { } m)
                        {
                            // Horizontally covered cells are absent (gridSpan); a vertically covered cell is a
                            // vMerge continuation with the anchor's span.
                            if (c == m.Column && r > m.Row)
                                cells.Add(SyntheticOoxml.Cell("", m.ColumnSpan, vMergeContinue: true));
                            continue;
                        }
                        var anchor = grid.AnchorAt(r, c);
                        var span = anchor?.ColumnSpan ?? 1;
                        var restart = anchor is { RowSpan: > 1 } ? W.MergedCellValues.Restart : (W.MergedCellValues?)null;
                        cells.Add(SyntheticOoxml.Cell(grid.Rows[r][c], span, restart, halfPoints: 18));
                    }
                    rows.Add(SyntheticOoxml.TableRow([.. cells]));
                }
                body.Add(SyntheticOoxml.RuledTable(widths[grid.Columns], rows));
                body.Add(SyntheticOoxml.Paragraph(""));
            }
        }
        return SyntheticOoxml.Document([.. body, SyntheticOoxml.Landscape()]);
    }

    private static string Html(VariantDocument document)
    {
        var html = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>")
            .Append(WebUtility.HtmlEncode(FirstLine(document))).Append("</title></head><body>\n");
        foreach (var sheet in document.Sheets)
        {
            foreach (var block in sheet.Blocks)
            {
                if (block.Line is { } line)
                {
                    html.Append("<p>").Append(Encode(line)).Append("</p>\n");
                    continue;
                }
                var grid = block.Table!;
                html.Append("<table border=\"1\">\n");
                for (var r = 0; r < grid.Rows.Count; r++)
                {
                    html.Append("<tr>");
                    for (var c = 0; c < grid.Columns; c++)
                    {
                        if (grid.CoveringMerge(r, c) is not null) continue;
                        html.Append("<td");
                        if (grid.AnchorAt(r, c) is { } span)
                        {
                            if (span.RowSpan > 1) html.Append(" rowspan=\"").Append(span.RowSpan).Append('"');
                            if (span.ColumnSpan > 1) html.Append(" colspan=\"").Append(span.ColumnSpan).Append('"');
                        }
                        html.Append('>').Append(Encode(grid.Rows[r][c])).Append("</td>");
                    }
                    html.Append("</tr>\n");
                }
                html.Append("</table>\n");
            }
        }
        return html.Append("</body></html>\n").ToString();
    }

    private static string FirstLine(VariantDocument document) =>
        document.Sheets.SelectMany(s => s.Blocks).Select(b => b.Line).FirstOrDefault(l => l is not null) ?? "";

    private static string Encode(string text) => WebUtility.HtmlEncode(text).Replace("\n", "<br>");

    /// <summary>CSV as exported from a spreadsheet: merged areas keep the anchor's text only, lines are one-cell rows.</summary>
    private static string Csv(VariantDocument document, char delimiter = ',')
    {
        var csv = new StringBuilder();
        var width = document.Sheets.SelectMany(s => s.Blocks).Where(b => b.Table is not null).Select(b => b.Table!.Columns).DefaultIfEmpty(1).Max();
        var blank = new string(delimiter, width - 1) + "\r\n";
        for (var k = 0; k < document.Sheets.Count; k++)
        {
            if (k > 0) csv.Append(blank);
            var previousWasTable = false;
            foreach (var block in document.Sheets[k].Blocks)
            {
                if (block.Line is { } line)
                {
                    csv.Append(Quote(line, delimiter)).Append(blank);
                    previousWasTable = false;
                    continue;
                }
                if (previousWasTable) csv.Append(blank);
                foreach (var row in block.Table!.Rows)
                {
                    var cells = row.Concat(Enumerable.Repeat("", width - row.Length)).Select(c => Quote(c, delimiter));
                    csv.Append(string.Join(delimiter, cells)).Append("\r\n");
                }
                previousWasTable = true;
            }
        }
        return csv.ToString();
    }

    private static string Quote(string text, char delimiter) =>
        text.IndexOfAny([delimiter, '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;

    /// <summary>Markdown pipe tables: one header row (a second header row becomes the first body row), merges blank.</summary>
    private static string Markdown(VariantDocument document)
    {
        var md = new StringBuilder();
        foreach (var sheet in document.Sheets)
        {
            foreach (var block in sheet.Blocks)
            {
                if (block.Line is { } line)
                {
                    md.Append(line.Replace("\n", " ")).Append("\n\n");
                    continue;
                }
                var grid = block.Table!;
                for (var r = 0; r < grid.Rows.Count; r++)
                {
                    md.Append('|');
                    foreach (var cell in grid.Rows[r]) md.Append(' ').Append(cell.Replace("|", "\\|").Replace("\n", "<br>")).Append(" |");
                    md.Append('\n');
                    if (r == 0) md.Append('|').Append(string.Concat(Enumerable.Repeat(" --- |", grid.Columns))).Append('\n');
                }
                md.Append('\n');
            }
        }
        return md.ToString();
    }
}
