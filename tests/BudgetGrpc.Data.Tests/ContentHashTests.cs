using BudgetGrpc.Data.Tests.Infrastructure;

namespace BudgetGrpc.Data.Tests;

public sealed class ContentHashTests
{
    [Fact]
    public void The_scale_a_reader_kept_is_not_a_change() =>
        Assert.Equal(ContentHash.Of(TestDisclosures.Make(amount: 18.0m)), ContentHash.Of(TestDisclosures.Make(amount: 18.00m)));

    [Fact]
    public void A_different_target_value_or_file_name_is_told_apart_correctly()
    {
        var original = TestDisclosures.Make();
        Assert.NotEqual(ContentHash.Of(original), ContentHash.Of(TestDisclosures.Make(satisfaction: 96m)));
        // Where the bytes came from is not what was read from them.
        Assert.Equal(ContentHash.Of(original), ContentHash.Of(TestDisclosures.Make(fileName: "renamed.tsv")));
    }
}
