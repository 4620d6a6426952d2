using BudgetGrpc.Engine.Model;

namespace BudgetGrpc.Data;

/// <summary>
/// Money and targets are stored as decimal(18,4) on every provider: at most 14 digits before the point. The engine
/// reads larger numbers (a mistyped amount, a serial number in a value cell); storing one would fail inside the
/// import's transaction on PostgreSQL and SQL Server, so it is refused first, with its place, like any bad input.
/// </summary>
public static class StorableRange
{
    public const decimal Limit = 99_999_999_999_999.9999m;

    /// <summary>A description of the first number that does not fit, or null when all fit.</summary>
    public static string? FirstOutOfRange(Disclosure d)
    {
        if (Outside(d.DeclaredTotal)) return $"the declared total {d.DeclaredTotal}";
        foreach (var p in d.Projects)
        {
            if (Outside(p.Amount) || Outside(p.AmountYuan(d.AmountUnit))) return $"the amount {p.Amount} of project {p.Code} {p.Name}";
            for (var i = 0; i < p.Indicators.Count; i++)
            {
                var indicator = p.Indicators[i];
                if (Outside(indicator.Value) || Outside(indicator.Weight))
                    return $"the value {indicator.Value} of indicator {indicator.Name} (project {p.Code}, {indicator.Source})";
            }
        }
        return Outside(d.ComputedTotal) ? $"the sum of the project amounts {d.ComputedTotal}" : null;
    }

    private static bool Outside(decimal? value) => value is { } v && (v > Limit || v < -Limit);
}
