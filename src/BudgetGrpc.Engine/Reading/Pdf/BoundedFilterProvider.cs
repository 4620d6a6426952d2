using System.IO.Compression;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Tokens;

namespace BudgetGrpc.Engine.Reading;

/// <summary>Thrown when a PDF's streams would decompress past the engine's expansion limit.</summary>
internal sealed class PdfExpansionException(long limit) : Exception($"the PDF's streams expand to more than {limit:N0} bytes")
{
    public long Limit { get; } = limit;
}

/// <summary>
/// PdfPig's filters behind one decompression budget for the whole document: Flate streams are inflated here with
/// a counted copy that stops at the budget (a decompression bomb costs at most the budget, never the heap), the
/// other filters' output is charged after the fact. Image filters are never run for text and rules.
/// </summary>
internal sealed class BoundedFilterProvider(long budget) : IFilterProvider
{
    private readonly long _budget = budget;
    private long _left = budget;

    public IReadOnlyList<IFilter> GetFilters(DictionaryToken dictionary) => Wrap(DefaultFilterProvider.Instance.GetFilters(dictionary));

    public IReadOnlyList<IFilter> GetNamedFilters(IReadOnlyList<NameToken> names) => Wrap(DefaultFilterProvider.Instance.GetNamedFilters(names));

    public IReadOnlyList<IFilter> GetAllFilters() => Wrap(DefaultFilterProvider.Instance.GetAllFilters());

    private IFilter[] Wrap(IReadOnlyList<IFilter> filters)
    {
        var wrapped = new IFilter[filters.Count];
        for (var i = 0; i < wrapped.Length; i++) wrapped[i] = new Bounded(filters[i], this);
        return wrapped;
    }

    private void Charge(long bytes)
    {
        _left -= bytes;
        if (_left < 0) throw new PdfExpansionException(_budget);
    }

    private sealed class Bounded(IFilter inner, BoundedFilterProvider owner) : IFilter
    {
        public bool IsSupported => inner.IsSupported;

        public Memory<byte> Decode(Memory<byte> input, DictionaryToken streamDictionary, IFilterProvider filterProvider, int filterIndex)
        {
            if (inner is FlateFilter && !HasParameters(streamDictionary))
                return Inflate(input);
            if (inner is FlateFilter)
                Inflate(input); // counts (and stops a bomb) before the library inflates with its predictor
            var output = inner.Decode(input, streamDictionary, filterProvider, filterIndex);
            if (inner is not FlateFilter) owner.Charge(output.Length);
            return output;
        }

        private static bool HasParameters(DictionaryToken dictionary) =>
            dictionary.Data.ContainsKey("DecodeParms") || dictionary.Data.ContainsKey("DP");

        /// <summary>zlib-wrapped deflate, inflated in chunks, each chunk charged to the budget before it is kept.</summary>
        private Memory<byte> Inflate(Memory<byte> input)
        {
            if (input.Length < 2) return input;
            using var source = new MemoryStream(input[2..].ToArray(), writable: false);
            using var deflate = new DeflateStream(source, CompressionMode.Decompress);
            using var output = new MemoryStream(Math.Min(input.Length * 4, 1 << 20));
            var buffer = new byte[81920];
            try
            {
                int read;
                while ((read = deflate.Read(buffer, 0, buffer.Length)) > 0)
                {
                    owner.Charge(read);
                    output.Write(buffer, 0, read);
                }
            }
            catch (InvalidDataException)
            {
                // As PdfPig's own filter: keep what inflated before the damage (streams often lack a proper end).
            }
            return output.GetBuffer().AsMemory(0, (int)output.Length);
        }
    }
}
