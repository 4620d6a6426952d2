using BudgetGrpc.Engine.Model;

namespace BudgetGrpc.Engine.Layouts;

/// <summary>A project while its rows are being read.</summary>
internal sealed class ProjectDraft(string code, string name, decimal? amount, SourceRef source)
{
    public string Code { get; set; } = code;
    public string Name { get; } = name;
    public decimal? Amount { get; } = amount;
    public SourceRef Source { get; } = source;
    public string Unit { get; set; } = "";
    public List<string> Objectives { get; } = [];
    public List<Indicator> Indicators { get; } = [];
    public List<IndicatorHeading> Headings { get; } = [];
    public Dictionary<string, string> Attributes { get; } = [];

    public void AddHeading(string level1, string level2, SourceRef source)
    {
        foreach (var h in Headings)
            if (h.Level1 == level1 && h.Level2 == level2) return;
        Headings.Add(new IndicatorHeading(level1, level2, source));
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
    };
}
