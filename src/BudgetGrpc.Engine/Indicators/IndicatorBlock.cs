using BudgetGrpc.Engine.Model;

namespace BudgetGrpc.Engine.Indicators;

/// <summary>
/// What one free-text indicator cell holds: the indicators in source order, and every level-1/level-2 heading it
/// declares (a level-1 heading has an empty Level2), including headings with nothing under them.
/// </summary>
public sealed record IndicatorBlock(IReadOnlyList<Indicator> Indicators, IReadOnlyList<IndicatorHeading> Headings);
