using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace BudgetGrpc.Data;

/// <summary>
/// Opaque keyset page tokens: the last key of the previous page, bound to the listing and to its filter so a
/// token cannot be replayed against another query (AIP-158 asks for that). Tokens are not secrets.
/// </summary>
internal static class PageToken
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 1000;

    public static int ClampSize(int pageSize) => pageSize <= 0 ? DefaultPageSize : Math.Min(pageSize, MaxPageSize);

    public static string Fingerprint<T>(T query)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(query);
        return Convert.ToHexStringLower(SHA256.HashData(json))[..12];
    }

    public static string Encode(string listing, string fingerprint, string key) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"v1|{listing}|{fingerprint}|{key}"));

    /// <summary>The key the token carries, or null for the first page.</summary>
    /// <exception cref="ArgumentException">The token is malformed or belongs to another listing or filter.</exception>
    public static string? Decode(string? token, string listing, string fingerprint)
    {
        if (string.IsNullOrEmpty(token)) return null;
        string text;
        try
        {
            text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
        }
        catch (FormatException)
        {
            throw Invalid();
        }
        var parts = text.Split('|', 4);
        if (parts.Length != 4 || parts[0] != "v1" || parts[1] != listing || parts[3].Length == 0) throw Invalid();
        if (parts[2] != fingerprint)
            throw new ArgumentException("page_token was issued for a different filter; repeat the request with the same filter, or start without a token", "pageToken");
        return parts[3];
    }

    public static long DecodeLong(string? token, string listing, string fingerprint, long firstPage)
    {
        var key = Decode(token, listing, fingerprint);
        if (key is null) return firstPage;
        return long.TryParse(key, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Invalid();
    }

    private static ArgumentException Invalid() =>
        new("page_token is not a token this server issued; pass the next_page_token of the previous response unchanged", "pageToken");
}
