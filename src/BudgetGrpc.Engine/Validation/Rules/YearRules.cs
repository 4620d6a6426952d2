using System.Globalization;
using System.Text.RegularExpressions;
using BudgetGrpc.Engine.Model;

namespace BudgetGrpc.Engine.Validation.Rules;

/// <summary>BG401: a disclosure without a fiscal year cannot be filed.</summary>
internal sealed class FiscalYearMissing : Rule
{
    public override RuleDescriptor Descriptor { get; } = new("BG401", Severity.Error, "no-fiscal-year",
        "未能确定预算年度", "Fiscal year not found",
        "Fires when neither the title nor the header block gave a fiscal year: a disclosure is filed by department and " +
        "year, so it cannot be published without one.");

    public override void CheckDisclosure(Disclosure disclosure, FindingSink sink)
    {
        if (disclosure.FiscalYear is not null) return;
        var title = disclosure.Title.Length > 0 ? $"（标题“{disclosure.Title}”）" : "";
        sink.Report($"未能从表格中确定预算年度{title}", "The fiscal year could not be found in the table" +
            (disclosure.Title.Length > 0 ? $" (title “{disclosure.Title}”)" : ""));
    }
}

/// <summary>Finds the years a text names: 2023年, 2023年度, and ranges 2023-2025年 / 2023年至2025年.</summary>
internal static partial class YearMentions
{
    /// <summary>The years named in <paramref name="text"/> that fall outside <paramref name="fiscalYear"/>, with the relation asked for.</summary>
    public static IReadOnlyList<int> OtherYears(string text, int fiscalYear, bool earlierOnly)
    {
        // Most names and objectives name no year at all: skip the regex and the list for them.
        if (!text.Contains('年')) return [];
        var years = new List<int>();
        foreach (Match m in Year().Matches(text))
        {
            var from = int.Parse(m.Groups[1].ValueSpan, CultureInfo.InvariantCulture);
            var to = m.Groups[2].Success ? int.Parse(m.Groups[2].ValueSpan, CultureInfo.InvariantCulture) : from;
            if (from <= fiscalYear && fiscalYear <= to) continue;
            var year = to < fiscalYear ? to : from;
            if (earlierOnly && year > fiscalYear) continue;
            if (!years.Contains(year)) years.Add(year);
        }
        return years;
    }

    // A year only counts when followed by 年: bare four-digit numbers in a text are as often counts (2000人次) as years.
    [GeneratedRegex(@"(?<!\d)((?:19|20)\d{2})(?:\s*年?\s*[-—–~～至到]\s*((?:19|20)\d{2}))?\s*年")]
    private static partial Regex Year();
}

/// <summary>BG402: a project name naming another year.</summary>
internal sealed class OtherYearInProjectName : Rule
{
    public override RuleDescriptor Descriptor { get; } = new("BG402", Severity.Warning, "stale-year",
        "项目名称中的年份与预算年度不符", "Project name names a year other than the fiscal year",
        "Fires when the project name names a year (2023年, 2023年度, or a range 2022-2023年 that does not include the fiscal " +
        "year) other than the disclosure's fiscal year: 2023年促消费专项资金 in a 2024 budget is usually last year's " +
        "project copied forward. Carried-over funds (名称含结转, e.g. 2023年结转资金) keep their year and pass. Needs the " +
        "fiscal year (BG401).");

    public override void CheckProject(Disclosure disclosure, Project project, FindingSink sink)
    {
        if (disclosure.FiscalYear is not { } fiscalYear) return;
        // Carried-over funds (2023年结转资金) keep the year they were first budgeted in, by design.
        if (project.Name.Contains("结转", StringComparison.Ordinal)) return;
        var years = YearMentions.OtherYears(project.Name, fiscalYear, earlierOnly: false);
        if (years.Count == 0) return;
        var list = string.Join("、", years);
        sink.Report($"项目名称“{project.Name}”中的年份{list}年与预算年度{fiscalYear}年不符",
            $"Project name “{project.Name}” names {string.Join(", ", years)}, not the fiscal year {fiscalYear}", project);
    }
}

/// <summary>BG403: an objective naming an earlier year.</summary>
internal sealed class EarlierYearInObjective : Rule
{
    public override RuleDescriptor Descriptor { get; } = new("BG403", Severity.Warning, "stale-year",
        "绩效目标中出现以前年度", "Objective names an earlier year",
        "Fires once per objective that names a year before the fiscal year (完成2022年元旦、春节…保供 in a 2024 budget), " +
        "unless it is part of a range reaching the fiscal year (2022-2024年). Later years pass: objectives legitimately " +
        "look ahead (到2025年实现…). Needs the fiscal year (BG401).");

    public override void CheckProject(Disclosure disclosure, Project project, FindingSink sink)
    {
        if (disclosure.FiscalYear is not { } fiscalYear) return;
        for (var i = 0; i < project.Objectives.Count; i++)
        {
            var years = YearMentions.OtherYears(project.Objectives[i], fiscalYear, earlierOnly: true);
            if (years.Count == 0) continue;
            var list = string.Join("、", years);
            sink.Report($"项目“{project.Name}”的第{i + 1}条绩效目标出现{list}年，早于预算年度{fiscalYear}年",
                $"Objective {i + 1} of project “{project.Name}” names {string.Join(", ", years)}, before the fiscal year {fiscalYear}", project);
        }
    }
}
