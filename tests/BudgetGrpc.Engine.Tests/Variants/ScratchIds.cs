using Xunit;
using Xunit.Abstractions;
namespace BudgetGrpc.Engine.Tests.Variants;
public sealed class ScratchIds(ITestOutputHelper output)
{
    [Fact]
    public void Scratch_ids()
    {
        var ids = (Environment.GetEnvironmentVariable("SCRATCH_IDS") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries);
        var outcomes = new List<VariantOutcome>();
        foreach (var id in ids)
        {
            var seed = int.Parse(id.Split('-')[1]);
            var family = VariantRun.Families.Single(f => VariantRenderer.FamilyName(f) == id.Split('-')[0]);
            var index = seed - 10000 * ((int)family + 1);
            var container = VariantContainers.All[index % VariantContainers.All.Count];
            var o = VariantRun.RunOne(family, seed, container);
            outcomes.Add(o);
            output.WriteLine($"{id} {container} perfect {o.Perfect} projects {o.ProjectsRight} f1 {o.Score.StrictF1:0.000}");
        }
        var dir = VariantRun.SaveFailures(outcomes);
        output.WriteLine(dir);
    }
}
