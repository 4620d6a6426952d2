using System.Text.Json;
using BudgetGrpc.Engine.Model;
using BudgetGrpc.Engine.Publishing;
using BudgetGrpc.Engine.Tests.Robustness;
using Xunit;
using Xunit.Abstractions;
using static BudgetGrpc.Engine.Tests.Reading.ReadingFixtures;

namespace BudgetGrpc.Engine.Tests.Reading;

/// <summary>
/// Whatever the bytes, the facade answers with a usable disclosure or a clean typed refusal: a disclosure has projects
/// and publishes as JSON, an error says why, and no error hides a programming error (<see cref="ProgrammingErrors"/>).
/// Both entry points are driven: without validation and with it (the validator has a last-resort catch of its own).
/// </summary>
public class EngineFacadeRobustnessTests(ITestOutputHelper output)
{
    private static readonly DisclosureEngine Engine = new(new EngineLimits { MaxExpandedBytes = 4 << 20, MaxCells = 50_000 });

    private static string Answer(byte[] bytes, string name)
    {
        var bare = Check(Engine.ParseWithoutValidation(bytes, name), name);
        var validated = Check(Engine.Parse(bytes, name), name);
        // Validation adds findings; it never turns a read disclosure into an error or the other way round.
        Assert.Equal(bare.StartsWith("ok", StringComparison.Ordinal), validated.StartsWith("ok", StringComparison.Ordinal));
        return validated;
    }

    private static string Check(ParseResult result, string name)
    {
        if (result.Disclosure is { } disclosure)
        {
            Assert.Null(result.Error);
            Assert.NotEmpty(disclosure.Projects);
            Assert.Equal(name, disclosure.Source.FileName);
            using var json = JsonDocument.Parse(PublicationJson.ToUtf8Bytes(disclosure));
            Assert.Equal(disclosure.Projects.Count, json.RootElement.GetProperty("projects").GetArrayLength());
            return $"ok:{disclosure.Source.Layout}";
        }
        var error = Assert.IsType<DisclosureError>(result.Error);
        Assert.True(Enum.IsDefined(error.Code), $"undefined code {error.Code}");
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
        ProgrammingErrors.AssertNone(error);
        return $"{error.Reason}:{error.Cause?.GetType().Name}";
    }

    [Theory]
    [MemberData(nameof(SampleCases))]
    public void A_damaged_sample_gives_a_disclosure_or_a_clean_refusal(string name)
    {
        var original = Sample(name);
        Answer(original, name);
        var coverage = Fuzz.Bytes($"facade-{name}", Fuzz.StableSeed(name) ^ 777, cases: 40, (i, random) =>
        {
            if (i % 2 == 0) return original[..random.Next(1, original.Length)];
            var flipped = (byte[])original.Clone();
            for (var f = 0; f < 1 + i % 5; f++) flipped[random.Next(flipped.Length)] ^= (byte)random.Next(1, 256);
            return flipped;
        }, bytes => Answer(bytes, name), Path.GetExtension(name));
        output.WriteLine(coverage.ToString());
        Assert.True(coverage.DistinctInputs >= coverage.Cases * 9 / 10, coverage.ToString());
    }

    [Theory]
    [InlineData(".xlsx")]
    [InlineData(".docx")]
    [InlineData(".html")]
    [InlineData(".md")]
    [InlineData(".csv")]
    [InlineData(".txt")]
    public void Noise_gives_a_clean_refusal(string extension)
    {
        var coverage = Fuzz.Bytes($"noise{extension}", Fuzz.StableSeed(extension), cases: 20, (_, random) =>
        {
            var noise = new byte[random.Next(1, 2048)];
            random.NextBytes(noise);
            return noise;
        }, bytes => Answer(bytes, "noise" + extension), extension);
        output.WriteLine(coverage.ToString());
        Assert.True(coverage.DistinctInputs >= coverage.Cases * 9 / 10, coverage.ToString());
    }

    [Fact]
    public void An_empty_file_is_refused_as_empty()
    {
        var result = Engine.Parse(Array.Empty<byte>(), "empty.txt");
        Assert.Equal(DisclosureErrorCode.Empty, result.Error?.Code);
        Assert.Null(result.Disclosure);
    }

    public static TheoryData<string> SampleCases() => new(SampleNames);
}
