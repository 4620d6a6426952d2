using BudgetGrpc.Engine.Validation;
using Xunit;

namespace BudgetGrpc.Engine.Tests.Validation;

/// <summary>
/// Each rule's descriptor, built afresh, against the committed docs/rules.md. The catalog builds its rules once per
/// process, so the doc test alone compares whatever the first build produced; these build a new instance per rule.
/// </summary>
public class RuleDescriptorTests
{
    public static TheoryData<string> RuleTypes()
    {
        var data = new TheoryData<string>();
        foreach (var rule in RuleCatalog.Rules) data.Add(rule.GetType().Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(RuleTypes))]
    public void A_rule_built_afresh_describes_itself_as_docs_rules_md_says(string typeName)
    {
        var type = RuleCatalog.Rules.Single(r => r.GetType().Name == typeName).GetType();
        var d = ((Rule)Activator.CreateInstance(type)!).Descriptor;
        var docs = File.ReadAllText(Path.Combine(global::BudgetGrpc.Testing.Repository.Root, "docs", "rules.md"))
            .ReplaceLineEndings("\n");

        Assert.Matches("^BG[1-6][0-9]{2}$", d.Id);
        Assert.Matches("^[a-z]+(-[a-z0-9]+)*$", d.Kind);
        Assert.NotEmpty(d.TitleZh);
        Assert.NotEmpty(d.TitleEn);
        Assert.NotEmpty(d.Description);
        Assert.Contains($"| [{d.Id}](#{d.Id.ToLowerInvariant()}) | {d.DefaultSeverity} | {d.Kind} | {d.TitleZh} | {d.TitleEn} |\n", docs);
        Assert.Contains(
            $"\n## {d.Id}\n\n**{d.TitleZh}** — {d.TitleEn}. Default severity: {d.DefaultSeverity}. Kind: `{d.Kind}`.\n\n{d.Description}\n",
            docs);
    }

    [Fact]
    public void Every_rule_type_appears_once_in_the_catalog()
    {
        var types = RuleCatalog.Rules.Select(r => r.GetType()).ToList();
        Assert.Equal(types.Count, types.Distinct().Count());
        Assert.Equal(37, types.Count);
    }
}
