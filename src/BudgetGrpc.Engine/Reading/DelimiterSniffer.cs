namespace BudgetGrpc.Engine.Reading;

/// <summary>
/// Picks the field separator (tab, comma or semicolon) by how consistently it occurs per line outside
/// quoted fields, and whether quoting is in use at all: OCR text carries stray quotes inside HTML
/// attributes (style="…") that must not open a quoted field.
/// </summary>
internal static class DelimiterSniffer
{
    private const int MaxLines = 200;
    private const int MaxChars = 256 * 1024;
    private static readonly char[] Candidates = ['\t', ',', ';'];

    public static (char Separator, bool Quoted) Sniff(string text, string extension)
    {
        // Per candidate: how many lines hold each count; counts above 255 share the last slot.
        var histograms = new int[Candidates.Length, 257];
        var counts = new int[Candidates.Length];
        int properQuotes = 0, strayQuotes = 0;
        var atFieldStart = true;
        var lines = 0;
        var limit = Math.Min(text.Length, MaxChars);
        for (var i = 0; i < limit && lines < MaxLines; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '"' when atFieldStart:
                    // A quoted field closes right before a separator or the line end; `"Two festivals" visits` is text that
                    // happens to start with a quote, and reading it as quoted would garble it.
                    var close = ClosingQuote(text, i, limit);
                    if (close < 0 && limit < text.Length)
                    {
                        properQuotes++; // runs past the sniffed part: no evidence against it
                        i = limit;
                        continue;
                    }
                    if (close < 0 || (close + 1 < limit && text[close + 1] is not ('\t' or ',' or ';' or '\r' or '\n')))
                    {
                        strayQuotes++;
                        atFieldStart = false;
                        continue;
                    }
                    properQuotes++;
                    i = close;
                    atFieldStart = false;
                    continue;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                    continue; // the line feed ends the line
                case '\n':
                case '\r': // alone, as Excel for Mac's "CSV (Macintosh)" ends lines, and as the reader takes it
                    EndLine(histograms, counts);
                    lines++;
                    atFieldStart = true;
                    continue;
                case '\t':
                    counts[0]++;
                    atFieldStart = true;
                    continue;
                case ',':
                    counts[1]++;
                    atFieldStart = true;
                    continue;
                case ';':
                    counts[2]++;
                    atFieldStart = true;
                    continue;
                case ' ':
                    continue; // `a, "b"` still opens a quoted field
                default:
                    atFieldStart = false;
                    continue;
            }
        }
        var quoted = properQuotes > 0 && strayQuotes == 0;
        EndLine(histograms, counts);

        var best = -1;
        var bestScore = (Consistent: 0, Lines: 0);
        for (var k = 0; k < Candidates.Length; k++)
        {
            var score = Score(histograms, k);
            if (extension == ".tsv" && k == 0 && score.Lines > 0) return ('\t', quoted);
            if (score.Lines == 0) continue;
            if (best < 0 || score.Consistent > bestScore.Consistent
                || (score.Consistent == bestScore.Consistent && score.Lines > bestScore.Lines))
            {
                best = k;
                bestScore = score;
            }
        }
        if (best < 0) return (extension == ".csv" ? ',' : '\t', quoted);
        return (Candidates[best], quoted);
    }

    /// <summary>The index of the quote that closes the field opened at <paramref name="open"/>; "" is an escaped quote.</summary>
    private static int ClosingQuote(string text, int open, int limit)
    {
        for (var j = open + 1; j < limit; j++)
        {
            if (text[j] != '"') continue;
            if (j + 1 < limit && text[j + 1] == '"') j++;
            else return j;
        }
        return -1;
    }

    private static void EndLine(int[,] histograms, int[] counts)
    {
        for (var k = 0; k < counts.Length; k++)
        {
            histograms[k, Math.Min(counts[k], 256)]++;
            counts[k] = 0;
        }
    }

    /// <summary>Lines sharing the most common non-zero count, and all lines with a non-zero count.</summary>
    private static (int Consistent, int Lines) Score(int[,] histograms, int candidate)
    {
        int consistent = 0, lines = 0;
        for (var n = 1; n <= 256; n++)
        {
            var h = histograms[candidate, n];
            lines += h;
            if (h > consistent) consistent = h;
        }
        return (consistent, lines);
    }
}
