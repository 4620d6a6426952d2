namespace BudgetGrpc.Engine.Tests.Variants;

/// <summary>
/// A variant re-published in traditional script, as mirror sites convert whole pages (two of fifteen tables in the eleventh
/// blind round): every text of the document written in 繁体, character by character from the engine's own table read
/// backwards (the first common traditional form listed for each simplified character). The gold's texts change alike; its level
/// names stay the canonical simplified ones, as the engine gives them.
/// </summary>
internal static class TraditionalWriting
{
    private static readonly Dictionary<char, char> Traditional = Load();

    public static string Of(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
            if (Traditional.TryGetValue(chars[i], out var t)) chars[i] = t;
        return new string(chars);
    }

    /// <summary>Every line and cell of the document, in place.</summary>
    public static void Apply(VariantDocument document)
    {
        foreach (var sheet in document.Sheets)
            for (var b = 0; b < sheet.Blocks.Count; b++)
            {
                if (sheet.Blocks[b].Line is { } line) sheet.Blocks[b] = VariantBlock.Text(Of(line));
                else foreach (var row in sheet.Blocks[b].Table!.Rows)
                        for (var c = 0; c < row.Length; c++) row[c] = Of(row[c]);
            }
    }

    /// <summary>The gold's texts as the document now writes them; levels, numbers and comparators as they were.</summary>
    public static CanonDisclosure Canon(CanonDisclosure d) => d with
    {
        Department = Of(d.Department),
        Projects = [.. d.Projects.Select(p => p with
        {
            Name = Of(p.Name),
            Objectives = [.. p.Objectives.Select(Of)],
            Achieved = Of(p.Achieved),
            Indicators = [.. p.Indicators.Select(i => i with
            {
                Name = Of(i.Name), Unit = Of(i.Unit), Qualitative = Of(i.Qualitative), Reason = Of(i.Reason),
                Actual = i.Actual is { } actual ? actual with { Qualitative = Of(actual.Qualitative) } : null,
            })],
        })],
    };

    private static Dictionary<char, char> Load()
    {
        var map = new Dictionary<char, char>();
        using var stream = typeof(DisclosureEngine).Assembly.GetManifestResourceStream("BudgetGrpc.Engine.Words.traditional.txt")
            ?? throw new InvalidOperationException("the engine's Words/traditional.txt is not embedded");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith('#')) continue;
            foreach (var pair in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                // Rare forms (齣 for 出, the extension blocks) are left out: a converted page keeps 出.
                if (pair.Length == 2 && pair[0] is >= '\u4e00' and < '\u9f00') map.TryAdd(pair[1], pair[0]);
        }
        return map;
    }
}
