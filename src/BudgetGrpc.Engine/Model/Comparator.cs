namespace BudgetGrpc.Engine.Model;

/// <summary>How a target value is bounded. <see cref="None"/> means the source gives no target at all.</summary>
public enum Comparator
{
    None,
    Equal,
    GreaterOrEqual,
    LessOrEqual,
    Greater,
    Less,
    Qualitative,
}

public static class ComparatorExtensions
{
    /// <summary>The publication JSON v1 spelling.</summary>
    public static string ToWire(this Comparator comparator) => comparator switch
    {
        Comparator.Equal => "=",
        Comparator.GreaterOrEqual => ">=",
        Comparator.LessOrEqual => "<=",
        Comparator.Greater => ">",
        Comparator.Less => "<",
        Comparator.Qualitative => "qualitative",
        _ => "",
    };

    public static Comparator FromWire(string? wire) => wire switch
    {
        "=" => Comparator.Equal,
        ">=" => Comparator.GreaterOrEqual,
        "<=" => Comparator.LessOrEqual,
        ">" => Comparator.Greater,
        "<" => Comparator.Less,
        "qualitative" => Comparator.Qualitative,
        _ => Comparator.None,
    };

    public static bool IsLowerBound(this Comparator c) => c is Comparator.GreaterOrEqual or Comparator.Greater;
    public static bool IsUpperBound(this Comparator c) => c is Comparator.LessOrEqual or Comparator.Less;
}
