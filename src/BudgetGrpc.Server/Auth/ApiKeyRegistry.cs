using System.Collections.Frozen;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace BudgetGrpc.Server.Auth;

/// <summary>Finds the principal for a presented key by its SHA-256; principals are built once at start.</summary>
public sealed class ApiKeyRegistry
{
    private readonly FrozenDictionary<string, ClaimsPrincipal> _byHash;

    public ApiKeyRegistry(IOptions<AuthOptions> options)
    {
        _byHash = options.Value.Keys.ToFrozenDictionary(
            k => k.KeyHash.ToLowerInvariant(),
            k => new ClaimsPrincipal(ToIdentity(k)));
    }

    public const string Scheme = "ApiKey";

    /// <summary>Lower-case hex SHA-256 of the key's UTF-8 bytes, as <c>echo -n KEY | sha256sum</c> prints it.</summary>
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public ClaimsPrincipal? Find(string key) => _byHash.GetValueOrDefault(Hash(key));

    private static ClaimsIdentity ToIdentity(ApiKeyEntry key)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, key.Name) };
        claims.AddRange(key.Roles.SelectMany(Roles.Expand).Distinct().Select(r => new Claim(ClaimTypes.Role, r)));
        var departments = key.Roles.Contains(Roles.Operator) ? [BudgetClaims.AnyDepartment] : key.Departments;
        claims.AddRange(departments.Select(d => new Claim(BudgetClaims.Department, d.Trim())));
        return new ClaimsIdentity(claims, Scheme, ClaimTypes.Name, ClaimTypes.Role);
    }
}

public static class CallerExtensions
{
    public static string KeyName(this ClaimsPrincipal caller) => caller.Identity?.Name ?? "(anonymous)";

    public static bool IsOperator(this ClaimsPrincipal caller) => caller.IsInRole(Roles.Operator);

    /// <summary>Whether the caller may import for <paramref name="department"/>; the store asks this once it knows the department.</summary>
    public static bool MayImport(this ClaimsPrincipal caller, string department)
    {
        if (!caller.IsInRole(Roles.Importer)) return false;
        foreach (var claim in caller.FindAll(BudgetClaims.Department))
        {
            if (claim.Value == BudgetClaims.AnyDepartment) return true;
            if (string.Equals(claim.Value, department.Trim(), StringComparison.Ordinal)) return true;
        }
        return false;
    }
}
