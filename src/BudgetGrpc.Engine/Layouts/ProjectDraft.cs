using BudgetGrpc.Engine.Model;

namespace BudgetGrpc.Engine.Layouts;

/// <summary>A project while its rows are being read.</summary>
internal sealed class ProjectDraft(string code, string name, decimal? amount, SourceRef source)
{
    public string Code { get; set; } = code;
    public string Name { get; } = name;
    public decimal? Amount { get; set; } = amount;
    public SourceRef Source { get; } = source;
    public string Unit { get; set; } = "";
    public List<string> Objectives { get; } = [];
    /// <summary>How many of the first objectives are the form's long-term goals, standing in for year's goals it did not state.</summary>
    public int LongTermGoals { get; set; }
    public List<Indicator> Indicators { get; } = [];
    public List<IndicatorHeading> Headings { get; } = [];
    public Dictionary<string, string> Attributes { get; } = [];
    /// <summary>Self-evaluations: the budget block, the 总分 row and weights stated on levels.</summary>
    public BudgetExecution? Budget { get; set; }
    public StatedTotal? StatedTotal { get; set; }
    public List<LevelWeight> LevelWeights { get; } = [];

    public void AddHeading(string level1, string level2, SourceRef source)
    {
        if (!HasHeading(level1, level2)) Headings.Add(new IndicatorHeading(level1, level2, source));
    }

    /// <summary>Whether the pair is known: each indicator row asks, so its source is made only for a new pair.</summary>
    public bool HasHeading(string level1, string level2)
    {
        foreach (var h in Headings)
            if (h.Level1 == level1 && h.Level2 == level2) return true;
        return false;
    }

    /// <summary>Weights glued to level cells (`产出指标(50分)`), once per level however many rows repeat them.</summary>
    public void AddLevelWeights(string level1, string level2, decimal? level1Weight, decimal? level2Weight, SourceRef source)
    {
        if (level1Weight is { } w1 && !LevelWeights.Exists(w => w.Level1 == level1 && w.Level2.Length == 0))
            LevelWeights.Add(new LevelWeight(level1, "", w1, source));
        if (level2Weight is { } w2 && level2.Length > 0 && !LevelWeights.Exists(w => w.Level1 == level1 && w.Level2 == level2))
            LevelWeights.Add(new LevelWeight(level1, level2, w2, source));
    }

    public Project Build() => new()
    {
        Code = Code,
        Name = Name,
        Amount = Amount,
        Unit = Unit,
        Objectives = Objectives.ToArray(),
        Indicators = WithoutGroupRows(Indicators),
        Headings = Headings.ToArray(),
        Attributes = Attributes,
        Source = Source,
        Budget = Budget,
        StatedTotal = StatedTotal,
        LevelWeights = LevelWeights.ToArray(),
    };

    /// <summary>
    /// A row that carries a weight or score but no target and no actual, with rows under it that carry targets and no
    /// weight or score of their own (★补助各类作物种植面积 | 10 | | | 10 over 红薯种植面积 | | 5.5亩 | 5.5亩): a group heading
    /// whose items are the indicators, not an indicator itself.
    /// </summary>
    private static Indicator[] WithoutGroupRows(List<Indicator> indicators)
    {
        if (indicators.Count < 2) return indicators.ToArray();
        var kept = new List<Indicator>(indicators.Count);
        for (var i = 0; i < indicators.Count; i++)
        {
            var row = indicators[i];
            if (i + 1 < indicators.Count && IsGroupOf(row, indicators[i + 1])) continue;
            kept.Add(row);
        }
        return kept.ToArray();
    }

    private static bool IsGroupOf(Indicator group, Indicator item) =>
        group.Comparator == Comparator.None && group.Value is null && group.QualitativeValue.Length == 0
        && (group.Actual is null || (group.Actual.Value is null && group.Actual.QualitativeValue.Length == 0))
        && (group.Weight is not null || group.Score is not null)
        && item.Comparator != Comparator.None && item.Weight is null && item.Score is null
        && item.Level1 == group.Level1 && item.Level2 == group.Level2;
}
