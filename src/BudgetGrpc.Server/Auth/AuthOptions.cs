using Microsoft.Extensions.Options;

namespace BudgetGrpc.Server.Auth;

/// <summary>The API keys the server accepts. Only SHA-256 hashes are configured, never the keys themselves.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    public List<ApiKeyEntry> Keys { get; set; } = [];
}

public sealed class ApiKeyEntry
{
    /// <summary>Who holds the key; appears in logs and upload records, never the key.</summary>
    public string Name { get; set; } = "";
    /// <summary>Lower- or upper-case hex SHA-256 of the key's UTF-8 bytes (<c>echo -n KEY | sha256sum</c>).</summary>
    public string KeyHash { get; set; } = "";
    /// <summary>reader, importer or operator; a higher role implies the lower ones.</summary>
    public List<string> Roles { get; set; } = [];
    /// <summary>Departments an importer may import for; "*" for all. Operators may import for every department.</summary>
    public List<string> Departments { get; set; } = [];
}

/// <summary>
/// Data annotations do not reach into list items, and a key with a typo in its role or hash would silently
/// lock its holder out, so every key is checked at start.
/// </summary>
public sealed class AuthOptionsValidator : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        var failures = new List<string>();
        var hashes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Keys.Count; i++)
        {
            var key = options.Keys[i];
            var at = $"Auth:Keys:{i}";
            if (string.IsNullOrWhiteSpace(key.Name)) failures.Add($"{at}:Name is required");
            else if (!names.Add(key.Name)) failures.Add($"{at}:Name '{key.Name}' is used by two keys");
            if (key.KeyHash.Length != 64 || !key.KeyHash.All(Uri.IsHexDigit))
                failures.Add($"{at}:KeyHash must be 64 hex digits (SHA-256 of the key)");
            else if (!hashes.Add(key.KeyHash)) failures.Add($"{at}:KeyHash is used by two keys");
            if (key.Roles.Count == 0) failures.Add($"{at}:Roles needs at least one of reader, importer, operator");
            foreach (var role in key.Roles.Where(r => !Roles.All.Contains(r)))
                failures.Add($"{at}:Roles has '{role}', which is not one of reader, importer, operator");
            if (key.Roles.Contains(Roles.Importer) && !key.Roles.Contains(Roles.Operator) && key.Departments.Count == 0)
                failures.Add($"{at}:Departments must list the departments the importer may import for, or \"*\"");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
