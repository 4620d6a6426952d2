namespace BudgetGrpc.Engine.Model;

/// <summary>The layout families the engine recognises.</summary>
public enum Layout
{
    Wide,
    Long,
    Form,
}

/// <summary>What the file was and how it was read.</summary>
public sealed record SourceInfo(string FileName, string Sha256, string Format, Layout Layout);

/// <summary>The kinds of disclosure; only target tables are parsed today, self-evaluations come later.</summary>
public enum DisclosureKind
{
    TargetTable,
    SelfEvaluation,
}

/// <summary>One parsed disclosure file: a department's performance target table for a fiscal year.</summary>
public sealed record Disclosure
{
    public required SourceInfo Source { get; init; }
    public DisclosureKind Kind { get; init; } = DisclosureKind.TargetTable;
    public string Title { get; init; } = "";
    public string Department { get; init; } = "";
    public int? FiscalYear { get; init; }
    /// <summary>万元 or 元, as the title block declares.</summary>
    public string AmountUnit { get; init; } = AmountUnits.TenThousandYuan;
    /// <summary>The 合计 row; null where there is none.</summary>
    public decimal? DeclaredTotal { get; init; }
    public SourceRef? DeclaredTotalSource { get; init; }
    public IReadOnlyList<Project> Projects { get; init; } = [];
    public IReadOnlyList<Finding> Findings { get; init; } = [];

    public decimal ComputedTotal => Projects.Sum(p => p.Amount ?? 0m);

    public int IndicatorCount => Projects.Sum(p => p.Indicators.Count);
}
