using BudgetGrpc.Engine.Model;
using Xunit;
using static BudgetGrpc.Engine.Tests.Reading.ReadingFixtures;

namespace BudgetGrpc.Engine.Tests.Reading;

/// <summary>Whatever the bytes, the facade answers with a result: a disclosure or a typed error.</summary>
public class EngineFacadeRobustnessTests
{
    private static void AssertAnswers(DisclosureEngine engine, byte[] bytes, string name)
    {
        var result = engine.ParseWithoutValidation(bytes, name);
        Assert.True(result.Succeeded ^ (result.Error is not null));
    }

    [Fact]
    public void Parse_without_validation_never_throws_on_damaged_samples_or_noise()
    {
        var engine = new DisclosureEngine(new EngineLimits { MaxExpandedBytes = 4 << 20, MaxCells = 50_000 });
        var random = new Random(777);
        foreach (var name in SampleNames)
        {
            var original = Sample(name);
            AssertAnswers(engine, original, name);
            for (var i = 0; i < 15; i++)
            {
                AssertAnswers(engine, original[..random.Next(1, original.Length)], name);
                var flipped = (byte[])original.Clone();
                for (var f = 0; f < 1 + i % 5; f++) flipped[random.Next(flipped.Length)] ^= (byte)random.Next(1, 256);
                AssertAnswers(engine, flipped, name);
            }
        }
        foreach (var extension in new[] { ".xlsx", ".docx", ".html", ".md", ".csv", ".txt" })
        {
            var noise = new byte[random.Next(1, 2048)];
            random.NextBytes(noise);
            AssertAnswers(engine, noise, "noise" + extension);
        }
        AssertAnswers(engine, [], "empty.txt");
    }
}
