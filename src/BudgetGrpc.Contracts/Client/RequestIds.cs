using System.Security.Cryptography;
using System.Text;

namespace BudgetGrpc.Contracts.Client;

/// <summary>
/// The request-id rule every client follows for ImportDisclosure: one id per file and per client run, derived from the
/// file's SHA-256, the department hint, validate_only and the run. A retry inside the run (the channel's or the
/// worker's) resends the same id and is answered with the first outcome; the next run is a new request that the server
/// judges afresh by content (UNCHANGED), so a file refused once and fixed on the server's side is not refused again by a
/// replay. The server binds an id to the caller and the content, so an id is never reused for other bytes. Shaped as a
/// UUID (version 8, RFC 9562), as request ids conventionally are (AIP-155).
/// </summary>
public static class RequestIds
{
    public static string ForImport(string fileSha256Hex, string run, string departmentHint, bool validateOnly)
    {
        var seed = SHA256.HashData(Encoding.UTF8.GetBytes($"{run}\n{fileSha256Hex}\n{departmentHint}\n{validateOnly}"));
        var bytes = seed.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true).ToString();
    }

    /// <summary>A fresh run for <see cref="ForImport"/>: one per console invocation.</summary>
    public static string NewRun() => Guid.NewGuid().ToString("N");
}
