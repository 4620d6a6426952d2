using System.Globalization;

namespace BudgetGrpc.Engine.Publishing;

/// <summary>Decimal strings for the wire: invariant culture, no exponent, never binary floating point.</summary>
public static class DecimalText
{
    /// <summary>Keeps the scale the source wrote (18.00 stays "18.00").</summary>
    public static string AsWritten(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Drops trailing zeros (100.0 becomes "100"), for indicator targets.</summary>
    public static string Normalized(decimal value) => (value / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);
}
