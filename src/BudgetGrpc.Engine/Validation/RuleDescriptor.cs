using BudgetGrpc.Engine.Model;

namespace BudgetGrpc.Engine.Validation;

/// <summary>What a rule of the catalog checks, as documented in docs/rules.md.</summary>
/// <param name="Id">Stable id (BG101 …). Never reused for another meaning.</param>
/// <param name="DefaultSeverity">Severity unless a deployment overrides it in <see cref="ValidationOptions"/>.</param>
/// <param name="Kind">Short slug of the reviewer's category, as the gold files name it (e.g. stale-year).</param>
/// <param name="TitleZh">Title in Chinese, as a reviewer says it.</param>
/// <param name="TitleEn">English gloss of the title.</param>
/// <param name="Description">When the rule fires and when it deliberately does not.</param>
public sealed record RuleDescriptor(
    string Id,
    Severity DefaultSeverity,
    string Kind,
    string TitleZh,
    string TitleEn,
    string Description);
