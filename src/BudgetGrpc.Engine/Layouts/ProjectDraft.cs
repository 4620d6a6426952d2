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
    public List<Indicator> Indicators { get; } = [];
    public List<IndicatorHeading> Headings { get; } = [];
    public Dictionary<string, string> Attributes { get; } = [];
    /// <summary>Self-evaluations: the budget block, the 总分 row and weights stated on levels.</summary>
    public BudgetExecution? Budget { get; set; }
    public StatedTotal? StatedTotal { get; set; }
    public List<LevelWeight> LevelWeights { get; } = [];

    public void AddHeading(string level1, string level2, SourceRef source)
    {
        foreach (var h in Headings)
            if (h.Level1 == level1 && h.Level2 == level2) return;
        Headings.Add(new IndicatorHeading(level1, level2, source));
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
        Indicators = Indicators.ToArray(),
        Headings = Headings.ToArray(),
        Attributes = Attributes,
        Source = Source,
        Budget = Budget,
        StatedTotal = StatedTotal,
        LevelWeights = LevelWeights.ToArray(),
    };
}
