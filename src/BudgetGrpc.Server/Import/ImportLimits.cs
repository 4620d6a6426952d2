using BudgetGrpc.Contracts;

namespace BudgetGrpc.Server.Import;

/// <summary>
/// Section "Limits": the one maximum file size (<see cref="FileLimits.MaxFileBytesKey"/>) the HTTP body limit, the gRPC
/// message limit, the frame check and the engine all derive from, and the gate on large uploads.
/// </summary>
public sealed class ImportLimits
{
    public const string Section = "Limits";

    /// <summary>The largest file accepted, in bytes (default 32 MiB).</summary>
    public long MaxFileBytes { get; set; } = FileLimits.DefaultMaxFileBytes;

    /// <summary>A file at least this large waits for a place among <see cref="LargeUploadConcurrency"/> before it is read.</summary>
    public long LargeUploadBytes { get; set; } = 4L * 1024 * 1024;

    /// <summary>How many large files are read at once; the rest wait (bounded memory for parsing).</summary>
    public int LargeUploadConcurrency { get; set; } = 2;

    /// <summary>How long a large file waits for its place before it is answered RESOURCE_EXHAUSTED (SERVER_BUSY).</summary>
    public int LargeUploadWaitSeconds { get; set; } = 60;

    /// <summary>The largest gRPC message or HTTP body the transports let through: the file limit plus the envelope.</summary>
    public int TransportBytes => FileLimits.TransportLimit(MaxFileBytes);

    /// <summary>A gRPC frame longer than this cannot carry a file within the limit: refused before it is read.</summary>
    public long MaxImportFrameBytes => MaxFileBytes + FileLimits.EnvelopeBytes;

    public static ImportLimits From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<ImportLimits>() ?? new ImportLimits();
}
