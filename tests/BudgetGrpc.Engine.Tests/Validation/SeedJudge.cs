using System.Text.Json;
using BudgetGrpc.Engine.Model;
using BudgetGrpc.Engine.Validation;

namespace BudgetGrpc.Engine.Tests.Validation;

/// <summary>Judges findings on the seed against its gold file, as the acceptance criteria of issue 3 read.</summary>
internal static class SeedJudge
{
    public const string SeedFile = "000_c21431a6439d21ac.txt";

    /// <summary>
    /// Findings on the seed beyond the gold's expectedFindings, each with why a reviewer agrees. A finding raised on
    /// the seed that is neither expected by the gold nor listed here fails the acceptance tests.
    /// </summary>
    public static readonly (string RuleId, string Project, string Why)[] AlsoAgreed =
    [
        ("BG206", "3", "慰问企业≥3家 (数量) and 慰问企业户数≥3家 (成本) are the same target; the framework lists it as its example"),
        ("BG303", "7", "消费券发放时效 定性 15天 is a number after 定性, the same misuse as project 9's"),
    ];

    public static JsonElement Gold()
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(SamplePath("expected", "000_c21431a6439d21ac.gold.json")));
        return doc.RootElement.Clone();
    }

    public static string SamplePath(params string[] parts) => global::BudgetGrpc.Data.Tests.Infrastructure.Samples.Path(parts);

    public static string? KindOf(Finding f) => RuleCatalog.Find(f.RuleId)?.Kind;

    /// <summary>Expected findings (kind on project) that were not raised.</summary>
    public static List<string> NotRaised(IReadOnlyList<Finding> findings, JsonElement gold)
    {
        var missing = new List<string>();
        foreach (var expected in gold.GetProperty("expectedFindings").EnumerateArray())
        {
            var project = expected.GetProperty("project").GetString()!;
            var kind = expected.GetProperty("kind").GetString()!;
            if (!findings.Any(f => f.ProjectCode == project && KindOf(f) == kind))
                missing.Add($"{kind} on project {project} ({expected.GetProperty("note").GetString()})");
        }
        return missing;
    }

    /// <summary>Findings of a kind the gold says must not be raised.</summary>
    public static List<Finding> Forbidden(IReadOnlyList<Finding> findings, JsonElement gold)
    {
        var raised = new List<Finding>();
        foreach (var unexpected in gold.GetProperty("expectedNoFindings").EnumerateArray())
        {
            var kind = unexpected.GetProperty("kind").GetString()!;
            var project = unexpected.TryGetProperty("project", out var p) ? p.GetString() : null;
            raised.AddRange(findings.Where(f => KindOf(f) == kind && (project is null || f.ProjectCode == project)));
        }
        return raised;
    }

    /// <summary>Findings neither the gold expects (kind on project) nor <see cref="AlsoAgreed"/> lists.</summary>
    public static List<Finding> Unexplained(IReadOnlyList<Finding> findings, JsonElement gold)
    {
        var expected = gold.GetProperty("expectedFindings").EnumerateArray()
            .Select(e => (Project: e.GetProperty("project").GetString(), Kind: e.GetProperty("kind").GetString()))
            .ToHashSet();
        return findings
            .Where(f => !expected.Contains((f.ProjectCode, KindOf(f))))
            .Where(f => !AlsoAgreed.Any(a => a.RuleId == f.RuleId && a.Project == f.ProjectCode))
            .ToList();
    }

    public static string Describe(IEnumerable<Finding> findings) =>
        string.Join("\n", findings.Select(f => $"  {f.RuleId} {f.Severity} project {f.ProjectCode ?? "-"} #{f.IndicatorIndex}: {f.Message}"));
}
