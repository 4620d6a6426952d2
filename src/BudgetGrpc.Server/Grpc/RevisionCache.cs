using System.ComponentModel.DataAnnotations;
using BudgetGrpc.Contracts.V1;
using Google.Protobuf;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace BudgetGrpc.Server.Grpc;

/// <summary>Section "RevisionCache": memory for revisions already mapped to their wire form.</summary>
public sealed class RevisionCacheOptions
{
    public const string Section = "RevisionCache";

    /// <summary>Upper bound of the cached messages' serialized size; 0 turns the cache off.</summary>
    [Range(0, 1L << 34)]
    public long MaxBytes { get; set; } = 64L * 1024 * 1024;
}

/// <summary>
/// A stored revision never changes: a reprocess or a new upload makes a new revision, and nothing edits or
/// deletes an old one. So the mapped message of (disclosure, number, view) can be served from memory, which
/// spares the five queries and the materialisation of a full revision on every read. Bounded by serialized
/// size; callers must treat the returned message as read-only (gRPC and transcoding only serialize it).
/// </summary>
public sealed class RevisionCache(IOptions<RevisionCacheOptions> options) : IDisposable
{
    private readonly MemoryCache? _cache = options.Value.MaxBytes > 0
        ? new MemoryCache(new MemoryCacheOptions { SizeLimit = options.Value.MaxBytes, CompactionPercentage = 0.25 })
        : null;

    public Revision? Find(string disclosureId, int number, bool full) =>
        _cache?.Get<Revision>((disclosureId, number, full));

    public void Add(string disclosureId, int number, bool full, Revision revision)
    {
        if (_cache is null || revision.Name.Length == 0) return;
        _cache.Set((disclosureId, number, full), revision, new MemoryCacheEntryOptions { Size = Math.Max(1, revision.CalculateSize()) });
    }

    public void Dispose() => _cache?.Dispose();
}
