namespace BudgetGrpc.Server.Auth;

/// <summary>
/// The roles an API key can hold. They nest: an operator is also an importer, an importer also a reader,
/// so a key lists only its highest role and policies ask for the least role they need.
/// </summary>
public static class Roles
{
    public const string Reader = "reader";
    public const string Importer = "importer";
    public const string Operator = "operator";

    public static readonly IReadOnlyList<string> All = [Reader, Importer, Operator];

    /// <summary>The role itself plus every role it implies.</summary>
    public static IEnumerable<string> Expand(string role) => role switch
    {
        Operator => [Operator, Importer, Reader],
        Importer => [Importer, Reader],
        Reader => [Reader],
        _ => [],
    };
}

/// <summary>Authorization policy names; each requires the role of the same name (or one implying it).</summary>
public static class Policies
{
    public const string Reader = "reader";
    public const string Importer = "importer";
    public const string Operator = "operator";
}

public static class BudgetClaims
{
    /// <summary>A department the key may import for; <see cref="AnyDepartment"/> means all.</summary>
    public const string Department = "budget:department";
    public const string AnyDepartment = "*";
}
