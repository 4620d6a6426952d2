using BudgetGrpc.Data.Entities;

namespace BudgetGrpc.Data;

/// <summary>The indicator search's self-evaluation filters, on the columns the import stores.</summary>
internal static class SelfEvaluationFilters
{
    /// <summary>
    /// The rules whose findings say a stated 得分 is not the scoring rules' score (docs/rules.md): BG602, a score that
    /// differs beyond its own rounding, and BG603, full marks for a missed target (10 for a computed 9.68 passes BG602 as
    /// rounding, yet the rules never give a missed target its whole weight).
    /// </summary>
    public static readonly string[] ScoreRules = ["BG602", "BG603"];

    /// <summary>
    /// Missed targets: an actual is stated and the rules' score is below the weight. The rules give a met target its
    /// whole weight and a missed one a share below it (0 for words that state it was not achieved), so this is the
    /// outcome as the import scored it. An indicator without a weight, or whose actual the rules cannot judge, has no
    /// computed score and is not returned.
    /// </summary>
    public static IQueryable<IndicatorEntity> Missed(IQueryable<IndicatorEntity> q) =>
        q.Where(i => i.ActualText != null && i.Weight != null && i.ComputedScore != null && i.ComputedScore < i.Weight);

    /// <summary>
    /// Stated scores that differ from the rules: the indicator carries a finding of <see cref="ScoreRules"/>, which
    /// already allow for the stated score's own rounding and the configured tolerance (9 for a computed 8.6 is no
    /// difference). A deployment that switches those rules off switches this filter off with them.
    /// </summary>
    public static IQueryable<IndicatorEntity> ScoreDiffers(IQueryable<IndicatorEntity> q, IQueryable<FindingEntity> findings) =>
        q.Where(i => i.HasFindings && findings.Any(f => f.IndicatorId == i.Id && ScoreRules.Contains(f.RuleId)));
}
