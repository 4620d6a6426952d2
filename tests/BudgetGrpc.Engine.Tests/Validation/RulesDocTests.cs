using BudgetGrpc.Engine.Validation;
using Xunit;

namespace BudgetGrpc.Engine.Tests.Validation;

public class RulesDocTests
{
    private const string UpdateVariable = "UPDATE_RULES_DOC";

    [Fact]
    public void Docs_rules_md_matches_the_catalog()
    {
        var path = Path.Combine(global::BudgetGrpc.Testing.Repository.Root, "docs", "rules.md");
        var generated = RuleCatalog.ToMarkdown();
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, generated);
        }
        var committed = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : "";
        Assert.True(committed == generated,
            $"docs/rules.md is out of date with RuleCatalog. Regenerate it with: " +
            $"{UpdateVariable}=1 dotnet test tests/BudgetGrpc.Engine.Tests/BudgetGrpc.Engine.Tests.csproj --filter FullyQualifiedName~RulesDoc " +
            $"and commit the result.");
    }

    [Fact]
    public void The_markdown_lists_every_rule_with_its_severity()
    {
        var md = RuleCatalog.ToMarkdown();
        foreach (var rule in RuleCatalog.All)
        {
            Assert.Contains($"\n## {rule.Id}\n", md);
            Assert.Contains($"| [{rule.Id}](#{rule.Id.ToLowerInvariant()}) | {rule.DefaultSeverity} |", md);
        }
    }
}
