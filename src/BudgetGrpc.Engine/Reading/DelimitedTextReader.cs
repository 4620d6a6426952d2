using nietras.SeparatedValues;

namespace BudgetGrpc.Engine.Reading;

/// <summary>
/// Reads TSV/CSV text with Sep. Rows may be ragged, quoted fields may span lines, blank lines are dropped,
/// and every record keeps the physical line number it starts on. Cell text is kept raw (HTML fragments too).
/// </summary>
internal static class DelimitedTextReader
{
    public static ContainerContent Read(string text, ReadContext context)
    {
        var extension = Path.GetExtension(context.FileName).ToLowerInvariant();
        var (separator, quoted) = DelimiterSniffer.Sniff(text, extension);

        var rows = new List<string[]>();
        var sourceRows = new List<int>();
        using (var reader = Sep.New(separator).Reader(o => o with
               {
                   HasHeader = false,
                   Unescape = quoted,
                   DisableQuotesParsing = !quoted,
                   DisableColCountCheck = true,
                   DisableFastFloat = true,
               }).FromText(text))
        {
            foreach (var row in reader)
            {
                var count = row.ColCount;
                if (count == 1 && row[0].Span.IsWhiteSpace()) continue;
                // Sep 0.17 reports the first row's start line as where it ends; the first record starts on line 1.
                var line = row.RowIndex == 0 ? 1 : row.LineNumberFrom;
                context.TakeCells(count, null, line);
                var cells = new string[count];
                for (var i = 0; i < count; i++) cells[i] = context.Cut(row[i].Span);
                rows.Add(cells);
                sourceRows.Add(line);
            }
        }
        if (rows.Count == 0)
            throw context.Fail(Model.DisclosureErrorCode.NoTable, "no table found in the text: it holds no non-blank line");
        var format = separator == '\t' ? "tsv" : "csv";
        return new ContainerContent(format, [new CellGrid(null, rows.ToArray(), sourceRows)]);
    }
}
