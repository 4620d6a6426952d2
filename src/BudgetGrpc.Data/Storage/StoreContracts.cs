using BudgetGrpc.Data.Entities;
using BudgetGrpc.Engine.Model;

namespace BudgetGrpc.Data;

public sealed record DisclosureQuery(
    string? Department = null,
    int? FiscalYear = null,
    RevisionStatus? Status = null,
    string? Text = null);

/// <summary>A page of results. <paramref name="NextPageToken"/> is empty on the last page; TotalSize only where it is cheap.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string NextPageToken, int? TotalSize);

public sealed record IndicatorQuery(
    string? Department = null,
    int? FiscalYear = null,
    string? Level1 = null,
    string? Level2 = null,
    Comparator? Comparator = null,
    string? Unit = null,
    decimal? MinValue = null,
    bool MinExclusive = false,
    decimal? MaxValue = null,
    bool MaxExclusive = false,
    string? Text = null,
    bool? HasFindings = null,
    bool LatestOnly = true,
    bool MissedTargets = false,
    bool ScoreDiffers = false);

/// <summary>One search result: the indicator with where it sits and the rule ids of the findings on it.</summary>
public sealed record IndicatorHit(
    IndicatorEntity Indicator,
    string ProjectCode,
    string ProjectName,
    long RevisionId,
    int RevisionNumber,
    string DisclosureId,
    string Department,
    int FiscalYear,
    IReadOnlyList<string> FindingRuleIds);

public enum ChangeKind
{
    Added,
    Removed,
    Changed,
}

/// <summary>An indicator added, removed or changed between two revisions. ChangedFields names what differs for Changed.</summary>
public sealed record IndicatorChange(
    ChangeKind Kind,
    string ProjectCode,
    string ProjectName,
    string Level1,
    string Level2,
    string Name,
    IndicatorEntity? Before,
    IndicatorEntity? After,
    IReadOnlyList<string> ChangedFields);

/// <summary>A project added, removed, or whose amount changed.</summary>
public sealed record ProjectChange(ChangeKind Kind, string Code, string Name, decimal? AmountBefore, decimal? AmountAfter);

public sealed record RevisionDiff(
    string DisclosureId,
    int FromNumber,
    int ToNumber,
    IReadOnlyList<IndicatorChange> Indicators,
    IReadOnlyList<ProjectChange> Projects);
