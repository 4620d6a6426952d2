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

/// <summary>The kinds of disclosure (publication JSON `kind`); one department publishes one of each per fiscal year.</summary>
public enum DisclosureKind
{
    /// <summary>项目支出绩效目标表: one entry per funded project (`projectTargets`).</summary>
    TargetTable,
    /// <summary>项目支出绩效自评表: targets beside actuals, weights and scores (`selfEvaluation`).</summary>
    SelfEvaluation,
    /// <summary>部门整体支出绩效目标表: one entry that stands for the department's whole spending (`departmentTargets`).</summary>
    DepartmentTargets,
}

/// <summary>A row of a recognised table left out because it could not be read as what its place says it is.</summary>
public sealed record UnreadRow(SourceRef Source, string Text, string? ProjectCode, UnreadRowReason Reason);

public enum UnreadRowReason
{
    /// <summary>A target or other text with no indicator name beside it.</summary>
    NoIndicatorName,
    /// <summary>Text only in columns the header does not name.</summary>
    OutsideKnownColumns,
    /// <summary>Indicator cells before any project started.</summary>
    NoProject,
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
    /// <summary>Rows inside a recognised table that the layout could not read; each becomes a finding (BG207).</summary>
    public IReadOnlyList<UnreadRow> UnreadRows { get; init; } = [];

    public decimal ComputedTotal => Projects.Sum(p => p.Amount ?? 0m);

    public int IndicatorCount => Projects.Sum(p => p.Indicators.Count);
}
