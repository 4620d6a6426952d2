using BudgetGrpc.Engine.Model;
using BudgetGrpc.Engine.Validation;

namespace BudgetGrpc.Engine.Indicators;

/// <summary>Whether a self-evaluated indicator met its target, as the scoring rules read its actual.</summary>
public enum TargetOutcome
{
    /// <summary>No actual stated (or no target to compare with).</summary>
    NotStated,
    Met,
    Missed,
    /// <summary>The rules cannot decide (部分达成, words that are neither, units that do not compare): a reviewer's call.</summary>
    Undecided,
}

/// <summary>An indicator's outcome and the share of its weight the rules give it (null where they give none).</summary>
public readonly record struct Assessment(TargetOutcome Outcome, decimal? Fraction);

/// <summary>
/// The scoring rules of self-evaluations (publication JSON additions; each a <see cref="ScoringOptions"/> setting):
/// a positive indicator (≥, ＞, =) scores weight × min(actual / target, 1); a negative one (≤, ＜)
/// weight × min(target / actual, 1), full marks when actual is 0 or within the target; a qualitative one full marks
/// when the actual states it was achieved (达成, 完成, the target's own words), 0 when it states it was not, else no
/// computed score; budget execution weight × min(executed / adjusted, 1); the total is their sum, the grade from it.
/// </summary>
public static class SelfEvaluationScoring
{
    /// <summary>The disclosure with computed scores and grades; unchanged unless it is a self-evaluation.</summary>
    public static Disclosure Apply(Disclosure disclosure, ScoringOptions options)
    {
        if (disclosure.Kind != DisclosureKind.SelfEvaluation) return disclosure;
        return disclosure with { Projects = [.. disclosure.Projects.Select(p => Score(p, options))] };
    }

    public static Project Score(Project project, ScoringOptions options)
    {
        var indicators = project.Indicators.Select(i => i with { ComputedScore = IndicatorScore(i, options) }).ToArray();
        var budget = project.Budget is { } b ? b with { ComputedScore = BudgetScore(b, options) } : null;
        // Nothing evaluated (actuals and scores left blank): no total, no grade.
        var scored = indicators.Any(i => i.ComputedScore is not null || i.Score is not null);
        decimal? total = null;
        if (scored)
        {
            // Parts the rules leave to a reviewer count with the score the table states.
            var budgetPart = BudgetInTotal(project) ? budget?.ComputedScore ?? budget?.Score ?? 0m : 0m;
            total = Round(budgetPart + indicators.Sum(i => i.ComputedScore ?? i.Score ?? 0m), options);
        }
        return project with
        {
            Indicators = indicators,
            Budget = budget,
            ComputedScore = total,
            Grade = total is { } t ? Grade(t, options) : "",
        };
    }

    /// <summary>
    /// Whether the budget execution part counts towards the project's total. It does unless the total row states a
    /// weight that the indicators' weights make up alone (总分 | 100 with indicators of 100 and 预算执行 10 beside them,
    /// as 衔接资金 tables print it).
    /// </summary>
    public static bool BudgetInTotal(Project project)
    {
        if (project.Budget?.Weight is not > 0m || project.StatedTotal?.Weight is not { } stated) return true;
        if (project.Indicators.Count == 0 || project.Indicators.Any(i => i.Weight is null)) return true;
        return project.Indicators.Sum(i => i.Weight!.Value) != stated;
    }

    /// <summary>优 / 良 / 中 / 差 from a total.</summary>
    public static string Grade(decimal total, ScoringOptions options) =>
        total >= options.GradeExcellent ? "优" : total >= options.GradeGood ? "良" : total >= options.GradePass ? "中" : "差";

    /// <summary>The rules' score of one indicator; null without a weight or where the rules leave it to a reviewer.</summary>
    public static decimal? IndicatorScore(Indicator indicator, ScoringOptions options)
    {
        if (indicator.Weight is not { } weight) return null;
        return Assess(indicator, options).Fraction is { } f ? Round(weight * f, options) : null;
    }

    /// <summary>Budget execution: weight × min(executed / adjusted, 1), or the stated rate where no amounts are.</summary>
    public static decimal? BudgetScore(BudgetExecution budget, ScoringOptions options, bool exact = false)
    {
        if (budget.Weight is not { } weight) return null;
        var denominator = options.BudgetAgainstInitial ? budget.Initial ?? budget.Adjusted : budget.Adjusted ?? budget.Initial;
        decimal? fraction = budget.Executed is { } executed && denominator is > 0 ? executed / denominator.Value
            : budget.ExecutionRate is { } rate && !budget.ExecutionRateComputed ? rate / 100m : null;
        if (fraction is not { } f) return null;
        if (options.CapAtWeight) f = Math.Min(f, 1m);
        var score = weight * Math.Max(f, 0m);
        return exact ? score : Round(score, options);
    }

    /// <summary>Met, missed or undecided, and the share of the weight the rules give.</summary>
    public static Assessment Assess(Indicator indicator, ScoringOptions options)
    {
        if (indicator.Actual is not { IsStated: true } actual) return new(TargetOutcome.NotStated, null);
        if (actual.Value is null || indicator.Value is null || indicator.Comparator == Comparator.Qualitative)
            return actual.Value is null ? Words(actual.QualitativeValue, indicator, options) : new(TargetOutcome.Undecided, null);
        if (!Comparable(indicator.Unit, actual.Unit, out var factor)) return new(TargetOutcome.Undecided, null);
        var a = actual.Value.Value * factor;
        var t = indicator.Value.Value;
        switch (indicator.Comparator)
        {
            case Comparator.LessOrEqual or Comparator.Less:
                var within = indicator.Comparator == Comparator.Less ? a < t : a <= t;
                if (within || (a <= 0m && options.FullMarksForZeroNegativeActual)) return new(TargetOutcome.Met, 1m);
                return new(TargetOutcome.Missed, t <= 0m ? 0m : Cap(t / a, options));
            default:
                if (t == 0m && indicator.Comparator is Comparator.Equal or Comparator.None && options.ZeroEqualsTargetIsExact)
                    return a == 0m ? new(TargetOutcome.Met, 1m) : new(TargetOutcome.Missed, 0m);
                var met = indicator.Comparator == Comparator.Greater ? a > t : a >= t;
                if (t <= 0m) return new(met ? TargetOutcome.Met : TargetOutcome.Missed, met ? 1m : 0m);
                return new(met ? TargetOutcome.Met : TargetOutcome.Missed, Cap(Math.Max(a, 0m) / t, options));
        }
    }

    private static Assessment Words(string actual, Indicator indicator, ScoringOptions options)
    {
        var text = Compact(actual);
        if (text.Length == 0) return new(TargetOutcome.NotStated, null);
        if (options.PartialWords.Exists(w => text.Contains(w, StringComparison.Ordinal))) return new(TargetOutcome.Undecided, null);
        if (options.NotAchievedWords.Exists(w => text.Contains(w, StringComparison.Ordinal))) return new(TargetOutcome.Missed, 0m);
        var target = Compact(indicator.QualitativeValue);
        if (target.Length > 0 && text.Contains(target, StringComparison.Ordinal)) return new(TargetOutcome.Met, 1m);
        if (options.AchievedWords.Exists(w => text.Contains(w, StringComparison.Ordinal))) return new(TargetOutcome.Met, 1m);
        return new(TargetOutcome.Undecided, null);
    }

    /// <summary>Whether target and actual units compare, and the factor that brings the actual to the target's unit.</summary>
    private static bool Comparable(string targetUnit, string actualUnit, out decimal factor)
    {
        factor = 1m;
        if (targetUnit.Length == 0 || actualUnit.Length == 0 || targetUnit == actualUnit) return true;
        if (MoneyFactor(targetUnit) is { } t && MoneyFactor(actualUnit) is { } a)
        {
            factor = a / t;
            return true;
        }
        return false;
    }

    private static decimal? MoneyFactor(string unit) => unit switch
    {
        "元" => 1m,
        "千元" => 1_000m,
        "万元" => 10_000m,
        "亿元" => 100_000_000m,
        _ => null,
    };

    private static decimal Cap(decimal fraction, ScoringOptions options) => options.CapAtWeight ? Math.Min(fraction, 1m) : fraction;

    private static decimal Round(decimal value, ScoringOptions options) =>
        Math.Round(value, Math.Clamp(options.Decimals, 0, 10), MidpointRounding.AwayFromZero) / 1.000000000000000000000000000000000m;

    private static string Compact(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
