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
        var quoted = false;
        var inQuotes = false;
        var atFieldStart = true;
        var lines = 0;
        var limit = Math.Min(text.Length, MaxChars);
        for (var i = 0; i < limit && lines < MaxLines; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c != '"') continue;
                if (i + 1 < limit && text[i + 1] == '"') i++;
                else inQuotes = false;
                continue;
            }
            switch (c)
            {
                case '"' when atFieldStart:
                    inQuotes = quoted = true;
                    atFieldStart = false;
                    continue;
                case '\n':
                    EndLine(histograms, counts);
                    lines++;
                    atFieldStart = true;
                    continue;
                case '\r':
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
