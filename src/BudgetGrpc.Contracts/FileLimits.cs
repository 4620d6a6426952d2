namespace BudgetGrpc.Contracts;

/// <summary>
/// The one maximum file size. The server reads it from configuration key <see cref="MaxFileBytesKey"/> and uses it for
/// the engine, the import service and (with <see cref="EnvelopeBytes"/> on top) the HTTP body and gRPC message limits,
/// so an oversized file is answered FILE_TOO_LARGE by the service instead of a transport error. Clients (worker, console)
/// read the same key to refuse or quarantine such files before sending them.
/// </summary>
public static class FileLimits
{
    /// <summary>Configuration key of the maximum file size in bytes (<c>Limits__MaxFileBytes</c> in the environment).</summary>
    public const string MaxFileBytesKey = "Limits:MaxFileBytes";

    /// <summary>The default maximum file size: 32 MiB.</summary>
    public const long DefaultMaxFileBytes = 32L * 1024 * 1024;

    /// <summary>Room above the file limit for the rest of an import request (names, hint, request id, framing).</summary>
    public const long EnvelopeBytes = 1024 * 1024;

    /// <summary>
    /// The largest request or message the transports must let through for a file of <paramref name="maxFileBytes"/>:
    /// a little more than the file, so the service sees it and answers FILE_TOO_LARGE itself for anything over.
    /// </summary>
    public static int TransportLimit(long maxFileBytes) => (int)Math.Min(int.MaxValue, maxFileBytes + 2 * EnvelopeBytes);
}
