using System.Globalization;
using BudgetGrpc.Data.Entities;

namespace BudgetGrpc.Data;

/// <summary>The keyset position of an indicator search page: the id, and the value key when the search is by value.</summary>
internal readonly record struct SearchKey(double Value, long Id)
{
    public static string Format(IndicatorEntity last, bool ranged) => ranged
        ? string.Create(CultureInfo.InvariantCulture, $"{last.ValueKey!.Value:R}/{last.Id}")
        : last.Id.ToString(CultureInfo.InvariantCulture);

    /// <exception cref="ArgumentException">The key is not one this search issued.</exception>
    public static SearchKey? Parse(string? key, bool ranged)
    {
        if (key is null) return null;
        if (!ranged)
            return long.TryParse(key, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? new SearchKey(0, id) : throw Invalid();
        var slash = key.IndexOf('/');
        if (slash > 0
            && double.TryParse(key.AsSpan(0, slash), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            && long.TryParse(key.AsSpan(slash + 1), NumberStyles.Integer, CultureInfo.InvariantCulture, out var valueId))
            return new SearchKey(value, valueId);
        throw Invalid();
    }

    private static ArgumentException Invalid() =>
        new("page_token is not a token this server issued; pass the next_page_token of the previous response unchanged", "pageToken");
}
