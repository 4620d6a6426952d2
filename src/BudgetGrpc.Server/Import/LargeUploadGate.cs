using BudgetGrpc.Contracts;
using BudgetGrpc.Server.Grpc;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace BudgetGrpc.Server.Import;

/// <summary>
/// Bounds how many large files are parsed at once (a parse holds the file and its expanded cells), so eight parallel
/// 30 MB uploads cost two at a time, not eight. Small files pass without waiting.
/// </summary>
public sealed class LargeUploadGate(IOptions<ImportLimits> options) : IDisposable
{
    private readonly SemaphoreSlim _places = new(Math.Max(1, options.Value.LargeUploadConcurrency));

    /// <summary>A place for a file of <paramref name="bytes"/>; dispose it when done. RESOURCE_EXHAUSTED after the wait.</summary>
    public async Task<IDisposable> EnterAsync(long bytes, CancellationToken cancellationToken)
    {
        if (bytes < options.Value.LargeUploadBytes) return Place.None;
        if (!await _places.WaitAsync(TimeSpan.FromSeconds(options.Value.LargeUploadWaitSeconds), cancellationToken))
            throw RpcErrors.Build(StatusCode.ResourceExhausted, ErrorReasons.ServerBusy,
                $"too many large files are being read; retry later (Limits:LargeUploadConcurrency {options.Value.LargeUploadConcurrency})");
        return new Place(_places);
    }

    public void Dispose() => _places.Dispose();

    private sealed class Place(SemaphoreSlim? places) : IDisposable
    {
        public static readonly Place None = new(null);
        private SemaphoreSlim? _places = places;

        public void Dispose() => Interlocked.Exchange(ref _places, null)?.Release();
    }
}
