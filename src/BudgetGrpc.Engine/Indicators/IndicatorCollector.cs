using BudgetGrpc.Engine.Model;

namespace BudgetGrpc.Engine.Indicators;

/// <summary>
/// Collects what one free-text cell declares, in order: the current levels as headings come, and the indicators
/// of each item under them (a level-2 heading never given is inferred and flagged).
/// </summary>
internal sealed class IndicatorCollector(SourceRef source)
{
    private static readonly HashSet<string> NothingWords = new(StringComparer.Ordinal) { "无", "暂无", "/", "-", "—", "——", "不涉及", "无此项" };

    /// <summary>Words that say nothing stands here (无, 不涉及, /): no indicator.</summary>
    public static bool IsNothing(string text) => NothingWords.Contains(text.Trim().TrimEnd(SentenceEnds));

    private static readonly char[] SentenceEnds = ['。', '.', '；', ';'];

    public readonly List<Indicator> Indicators = [];
    public readonly List<IndicatorHeading> Headings = [];
    public string? Level1;
    private string? _level2;

    public void EnterLevel1(string level1)
    {
        Level1 = level1;
        _level2 = null;
        Headings.Add(new IndicatorHeading(level1, "", source));
    }

    public void EnterLevel2(string rawName)
    {
        var level2 = LevelNames.Level2(rawName, Level1) ?? LevelNames.Level2(rawName, null)!;
        // A second level that cannot stand under the current first level means its first-level heading was
        // left out (or there was none yet): take the first level its family belongs to.
        if (Level1 is null || !LevelFamilies.Fits(Level1, level2))
        {
            Level1 = LevelFamilies.FirstLevelOf(level2, Level1);
            level2 = LevelNames.Level2(rawName, Level1) ?? level2;
        }
        _level2 = level2;
        Headings.Add(new IndicatorHeading(Level1, level2, source));
    }

    public void AddItem(string text, string folded)
    {
        // "经济效益指标：无" declares the heading and, in words, that nothing stands under it.
        if (IsNothing(text)) return;
        foreach (var piece in ItemParser.Parse(text, folded))
        {
            // A lone target after an item that had none (a line "20%" under "慰问覆盖率") completes it.
            if (piece.IsBare && Indicators.Count > 0 && Indicators[^1].Comparator == Comparator.None)
            {
                var prev = Indicators[^1];
                Indicators[^1] = WithTarget(prev, piece.Target, prev.Text + "；" + piece.Text);
                continue;
            }
            Indicators.Add(Build(piece));
        }
    }

    private Indicator Build(Piece piece)
    {
        var name = IndicatorNames.Clean(piece.IsBare ? piece.Text : piece.RawName, out var unitNote);
        var level1 = Level1;
        var level2 = _level2;
        var flags = piece.Target.Flags;
        if (level2 is null)
        {
            (level1, level2) = LevelFamilies.Infer(name, level1);
            flags |= IndicatorFlags.InferredLevel2;
        }
        level1 ??= LevelNames.Output;
        if (level1 == LevelNames.Satisfaction) name = IndicatorNames.SatisfactionName(name);
        var target = piece.Target;
        if (target.Value is not null && target.Unit.Length == 0 && unitNote.Length > 0) target = target with { Unit = unitNote };
        return new Indicator
        {
            Level1 = level1,
            Level2 = level2,
            Name = name,
            Comparator = target.Comparator,
            Value = target.Value,
            Unit = target.Unit,
            QualitativeValue = target.QualitativeValue,
            Flags = flags,
            Text = piece.Text,
            Source = source,
        };
    }

    private static Indicator WithTarget(Indicator indicator, Target target, string text) => indicator with
    {
        Comparator = target.Comparator,
        Value = target.Value,
        Unit = target.Unit,
        QualitativeValue = target.QualitativeValue,
        Flags = indicator.Flags | target.Flags,
        Text = text,
    };
}
