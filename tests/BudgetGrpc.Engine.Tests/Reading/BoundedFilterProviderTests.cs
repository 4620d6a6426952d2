using System.IO.Compression;
using System.Text;
using BudgetGrpc.Engine.Reading;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Tokens;
using Xunit;

namespace BudgetGrpc.Engine.Tests.Reading;

/// <summary>
/// The filters behind one expansion budget, called as PdfPig calls them: Flate inflated and counted here, with and
/// without decode parameters, other filters charged after they ran, the budget shared by every stream and exact at its bound.
/// </summary>
public class BoundedFilterProviderTests
{
    private static readonly DictionaryToken Plain = Dictionary();

    private static DictionaryToken Dictionary(params (string Key, IToken Value)[] entries) =>
        new(entries.ToDictionary(e => NameToken.Create(e.Key), e => e.Value));

    private static byte[] Zlib(byte[] data)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true)) zlib.Write(data);
        return compressed.ToArray();
    }

    private static IFilter Filter(BoundedFilterProvider provider, string name) =>
        Assert.Single(provider.GetNamedFilters([NameToken.Create(name)]));

    private static byte[] Decode(BoundedFilterProvider provider, string name, byte[] input, DictionaryToken? dictionary = null) =>
        Filter(provider, name).Decode(input, dictionary ?? Plain, provider, 0).ToArray();

    private static byte[] Text(int length) => Encoding.ASCII.GetBytes(string.Concat(Enumerable.Range(0, length).Select(i => (char)('a' + i % 26))));

    [Fact]
    public void A_flate_stream_inflates_to_its_bytes_when_the_budget_is_exactly_its_size()
    {
        var data = Text(200_000);
        Assert.Equal(data, Decode(new BoundedFilterProvider(200_000), "FlateDecode", Zlib(data)));
        Assert.Equal(data, Decode(new BoundedFilterProvider(200_000), "Fl", Zlib(data)));
    }

    [Fact]
    public void A_flate_stream_one_byte_past_the_budget_stops_with_the_limit()
    {
        var data = Text(1000);
        var error = Assert.Throws<PdfExpansionException>(() => Decode(new BoundedFilterProvider(999), "FlateDecode", Zlib(data)));
        Assert.Equal(999, error.Limit);
        Assert.Equal($"the PDF's streams expand to more than {999:N0} bytes", error.Message);
    }

    [Fact]
    public void The_budget_is_shared_by_every_stream_of_the_document()
    {
        var provider = new BoundedFilterProvider(1500);
        Assert.Equal(Text(600), Decode(provider, "FlateDecode", Zlib(Text(600))));
        Assert.Equal(Text(900), Decode(provider, "FlateDecode", Zlib(Text(900))));
        Assert.Equal(1500, Assert.Throws<PdfExpansionException>(() => Decode(provider, "FlateDecode", Zlib(Text(1)))).Limit);
    }

    [Fact]
    public void Input_too_short_for_a_zlib_header_is_kept_and_a_bare_header_inflates_to_nothing()
    {
        var provider = new BoundedFilterProvider(100);
        Assert.Equal("A"u8.ToArray(), Decode(provider, "FlateDecode", "A"u8.ToArray()));
        Assert.Empty(Decode(provider, "FlateDecode", []));
        Assert.Empty(Decode(provider, "FlateDecode", [0x78, 0x9C]));
    }

    [Fact]
    public void A_damaged_flate_stream_keeps_what_inflated_before_the_damage()
    {
        // A reserved block type right after the header.
        Assert.Empty(Decode(new BoundedFilterProvider(100), "FlateDecode", [0x78, 0x9C, 0xFF, 0xFF, 0xFF]));
    }

    [Fact]
    public void A_flate_stream_with_a_predictor_is_counted_inflated_and_decoded_by_the_library_once()
    {
        // The output is the library's own decoding (with these parameters PdfPig 0.1.16 returns the rows as inflated).
        byte[] rows = [2, 1, 2, 3, 2, 1, 1, 1];
        var parameters = Dictionary(("Predictor", new NumericToken(12)), ("Columns", new NumericToken(3)));
        foreach (var key in new[] { "DecodeParms", "DP" })
        {
            var dictionary = Dictionary((key, parameters));
            var library = Assert.Single(DefaultFilterProvider.Instance.GetNamedFilters([NameToken.Create("FlateDecode")]))
                .Decode(Zlib(rows), dictionary, DefaultFilterProvider.Instance, 0).ToArray();
            Assert.Equal(library, Decode(new BoundedFilterProvider(8), "FlateDecode", Zlib(rows), dictionary));
            Assert.Throws<PdfExpansionException>(() => Decode(new BoundedFilterProvider(7), "FlateDecode", Zlib(rows), dictionary));
        }
    }

    [Fact]
    public void Other_filters_are_charged_their_output_after_they_ran()
    {
        Assert.Equal("ABC"u8.ToArray(), Decode(new BoundedFilterProvider(3), "ASCIIHexDecode", "414243>"u8.ToArray()));
        var error = Assert.Throws<PdfExpansionException>(() => Decode(new BoundedFilterProvider(2), "ASCIIHexDecode", "414243>"u8.ToArray()));
        Assert.Equal(2, error.Limit);
        var provider = new BoundedFilterProvider(4);
        Assert.Equal("ABC"u8.ToArray(), Decode(provider, "AHx", "414243>"u8.ToArray()));
        Assert.Throws<PdfExpansionException>(() => Decode(provider, "AHx", "4142>"u8.ToArray()));
    }

    [Fact]
    public void Every_filter_the_library_has_is_wrapped_and_keeps_whether_it_is_supported()
    {
        var provider = new BoundedFilterProvider(10);
        var all = provider.GetAllFilters();
        var inner = DefaultFilterProvider.Instance.GetAllFilters();
        Assert.Equal(inner.Count, all.Count);
        Assert.All(all, f => Assert.Equal("Bounded", f.GetType().Name));
        Assert.Equal(inner.Select(f => f.IsSupported), all.Select(f => f.IsSupported));
        Assert.Contains(all, f => !f.IsSupported);
        Assert.True(Filter(provider, "FlateDecode").IsSupported);
        Assert.False(Filter(provider, "DCTDecode").IsSupported);

        var filters = provider.GetFilters(Dictionary(("Filter", new ArrayToken([NameToken.Create("ASCIIHexDecode"), NameToken.Create("FlateDecode")]))));
        Assert.Equal(2, filters.Count);
        Assert.All(filters, f => Assert.Equal("Bounded", f.GetType().Name));
        Assert.Equal(Text(10), filters[1].Decode(Zlib(Text(10)), Plain, provider, 1).ToArray());
        Assert.Throws<PdfExpansionException>(() => filters[0].Decode("41>"u8.ToArray(), Plain, provider, 0));
    }
}
