using System.Globalization;

namespace BudgetGrpc.Engine.Publishing;

/// <summary>Decimal strings for the wire: invariant culture, no exponent, never binary floating point.</summary>
public static class DecimalText
{
    /// <summary>
    /// Money: at least two decimals, more only where the amount has them (18 → "18.00", 0.2736 → "0.2736").
    /// Independent of the scale a database hands back, so an offline parse and a server export agree.
    /// </summary>
    public static string Money(decimal value)
    {
        var normalized = value / 1.000000000000000000000000000000000m;
        return normalized.Scale >= 2 ? normalized.ToString(CultureInfo.InvariantCulture) : normalized.ToString("0.00", CultureInfo.InvariantCulture);
    }

    /// <summary>Drops trailing zeros (100.0 becomes "100"), for indicator targets.</summary>
    public static string Normalized(decimal value) => (value / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);
}
