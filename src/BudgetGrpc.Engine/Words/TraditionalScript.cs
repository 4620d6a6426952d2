using System.Reflection;
using BudgetGrpc.Engine.Model;
using BudgetGrpc.Engine.Reading;

namespace BudgetGrpc.Engine.Words;

/// <summary>
/// Tables re-published in traditional script (繁体: mirror sites convert whole pages) are read in simplified script and
/// written back in the document's own characters. Every word the engine knows (lexicon, levels, comparators, units) is
/// simplified, so the cells are folded character by character (Words/traditional.txt) before the layouts read them; the
/// texts the disclosure carries from the table (names, department, goals, targets in words) then take back the characters
/// the document wrote, and the canonical level names stay simplified. A document is folded only when a tenth or more of
/// its Chinese characters are traditional forms: simplified text is read untouched.
/// </summary>
internal sealed class TraditionalScript
{
    /// <summary>A document is traditional when at least this share of its Chinese characters fold.</summary>
    private const double TraditionalShare = 0.1;

    /// <summary>…and at least this many do (a short simplified table can hold a few that fold: 乾, 於).</summary>
    private const int MinFolded = 5;

    private static readonly char[] Simplified = Load();

    /// <summary>The characters some traditional character folds to (于 for 於): written as themselves too, they are counted.</summary>
    private static readonly bool[] FoldTargets = Targets();

    private readonly Dictionary<char, Dictionary<char, int>> _origins = [];
    private readonly Dictionary<char, char> _restore = [];

    private TraditionalScript() { }

    /// <summary>The content to read: folded to simplified script when it is written in traditional, else as it is.</summary>
    public ContainerContent Folded { get; private set; } = null!;

    /// <summary>Whether the content was folded.</summary>
    public bool IsTraditional { get; private set; }

    public static TraditionalScript Of(ContainerContent content)
    {
        var script = new TraditionalScript { Folded = content };
        long chinese = 0, folding = 0;
        foreach (var grid in content.Grids)
            foreach (var text in Texts(grid))
                foreach (var c in text)
                {
                    if (c is < '\u3400' or > '\u9fff') continue;
                    chinese++;
                    if (Simplified[c] != '\0') folding++;
                }
        if (folding < MinFolded || folding < chinese * TraditionalShare) return script;

        script.IsTraditional = true;
        script.Folded = content with { Grids = [.. content.Grids.Select(g => g.MapText(script.Fold))] };
        foreach (var (simplified, origins) in script._origins)
            script._restore[simplified] = origins.MaxBy(o => o.Value).Key;
        return script;
    }

    /// <summary>The disclosure read from <see cref="Folded"/>, its table texts in the document's own characters.</summary>
    public Disclosure Restore(Disclosure disclosure)
    {
        if (!IsTraditional) return disclosure;
        return disclosure with
        {
            Title = Back(disclosure.Title),
            Department = Back(disclosure.Department),
            Projects = [.. disclosure.Projects.Select(p => p with
            {
                Name = Back(p.Name),
                Unit = Back(p.Unit),
                Objectives = [.. p.Objectives.Select(Back)],
                Attributes = p.Attributes.ToDictionary(a => Back(a.Key), a => Back(a.Value)),
                Indicators = [.. p.Indicators.Select(i => i with
                {
                    Name = Back(i.Name),
                    QualitativeValue = Back(i.QualitativeValue),
                    Unit = Back(i.Unit),
                    Text = Back(i.Text),
                    DeviationReason = Back(i.DeviationReason),
                    Actual = i.Actual is { } a ? a with { Unit = Back(a.Unit), QualitativeValue = Back(a.QualitativeValue), Text = Back(a.Text) } : null,
                })],
            })],
            UnreadRows = [.. disclosure.UnreadRows.Select(u => u with { Text = Back(u.Text) })],
        };
    }

    private static IEnumerable<string> Texts(CellGrid grid)
    {
        foreach (var line in grid.Preamble) yield return line;
        for (var r = 0; r < grid.RowCount; r++)
            foreach (var cell in grid.Row(r)) yield return cell;
    }

    /// <summary>A text in simplified script; each character's origin is counted for <see cref="Back"/>.</summary>
    private string Fold(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            var c = chars[i];
            if (c is < '\u3400' or > '\u9fff') continue;
            var s = Simplified[c] != '\0' ? Simplified[c] : c;
            if (s == c && !FoldTargets[c]) continue; // no traditional character folds to it: nothing to restore
            if (!_origins.TryGetValue(s, out var origins)) _origins[s] = origins = [];
            origins[c] = origins.GetValueOrDefault(c) + 1;
            chars[i] = s;
        }
        return new string(chars);
    }

    /// <summary>A text read from the folded table, in the characters the document wrote most often for each.</summary>
    private string Back(string text)
    {
        if (text.Length == 0) return text;
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
            if (_restore.TryGetValue(chars[i], out var original)) chars[i] = original;
        return new string(chars);
    }

    private static bool[] Targets()
    {
        var targets = new bool[char.MaxValue + 1];
        foreach (var s in Simplified)
            if (s != '\0') targets[s] = true;
        return targets;
    }

    private static char[] Load()
    {
        var map = new char[char.MaxValue + 1];
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("BudgetGrpc.Engine.Words.traditional.txt")
            ?? throw new InvalidOperationException("the embedded Words/traditional.txt is missing");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith('#')) continue;
            foreach (var pair in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                if (pair.Length == 2) map[pair[0]] = pair[1];
        }
        return map;
    }
}
