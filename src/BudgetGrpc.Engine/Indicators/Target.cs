using BudgetGrpc.Engine.Model;

namespace BudgetGrpc.Engine.Indicators;

/// <summary>
/// A parsed target: how it is bounded, the number (null for a qualitative, placeholder or missing value),
/// the normalised unit, the words of a qualitative target, and what looked odd while reading it.
/// </summary>
public readonly record struct Target(Comparator Comparator, decimal? Value, string Unit, string QualitativeValue, IndicatorFlags Flags)
{
    /// <summary>No target given.</summary>
    public static readonly Target None = new(Comparator.None, null, "", "", IndicatorFlags.None);

    public static Target Qualitative(string words) => new(Comparator.Qualitative, null, "", words, IndicatorFlags.None);

    /// <summary>Whether the source states any target at all (a number, a placeholder or words).</summary>
    public bool HasTarget => Comparator != Comparator.None;
}
