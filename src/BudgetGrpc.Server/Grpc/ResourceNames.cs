using System.Globalization;
using Grpc.Core;

namespace BudgetGrpc.Server.Grpc;

/// <summary>Parses and formats the AIP resource names <c>disclosures/{id}</c> and <c>disclosures/{id}/revisions/{n}</c>.</summary>
public static class ResourceNames
{
    private const string Disclosures = "disclosures/";
    private const string Revisions = "/revisions/";
    /// <summary>Names the newest revision of a disclosure in <c>GetRevision</c>.</summary>
    public const string Latest = "latest";

    public static string Disclosure(string id) => Disclosures + id;

    public static string Revision(string disclosureId, int number) =>
        Disclosures + disclosureId + Revisions + number.ToString(CultureInfo.InvariantCulture);

    public static string Upload(long id) => "uploads/" + id.ToString(CultureInfo.InvariantCulture);

    /// <summary>The disclosure id of <c>disclosures/{id}</c>; INVALID_ARGUMENT naming <paramref name="field"/> otherwise.</summary>
    public static string ParseDisclosure(string name, string field)
    {
        if (name.StartsWith(Disclosures, StringComparison.Ordinal))
        {
            var id = name[Disclosures.Length..];
            if (IsId(id)) return id;
        }
        throw Malformed(field, name, "disclosures/{disclosure}");
    }

    /// <summary>Disclosure id and revision number (null for <c>latest</c>) of <c>disclosures/{id}/revisions/{n}</c>.</summary>
    public static (string DisclosureId, int? Number) ParseRevision(string name, string field)
    {
        if (name.StartsWith(Disclosures, StringComparison.Ordinal))
        {
            var rest = name.AsSpan(Disclosures.Length);
            var slash = rest.IndexOf(Revisions, StringComparison.Ordinal);
            if (slash > 0)
            {
                var id = rest[..slash].ToString();
                var number = rest[(slash + Revisions.Length)..];
                if (IsId(id))
                {
                    if (number.SequenceEqual(Latest)) return (id, null);
                    if (int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0) return (id, n);
                }
            }
        }
        throw Malformed(field, name, "disclosures/{disclosure}/revisions/{revision}");
    }

    private static bool IsId(string id) =>
        id.Length is > 0 and <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static RpcException Malformed(string field, string name, string pattern) =>
        RpcErrors.InvalidArgument(field, "MALFORMED_RESOURCE_NAME",
            string.IsNullOrEmpty(name) ? $"{field} is required ({pattern})" : $"{field} '{name}' is not of the form {pattern}");
}
