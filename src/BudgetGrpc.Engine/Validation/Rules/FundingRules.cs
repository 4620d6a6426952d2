using System.Globalization;
using BudgetGrpc.Engine.Model;

namespace BudgetGrpc.Engine.Validation.Rules;

/// <summary>BG106: a form's funding sources (其中：财政拨款, 其他资金 …) must add up to the project amount.</summary>
internal sealed class FundingSourcesMismatch : Rule
{
    // One value per source: "其中：财政拨款" and a later "其中：中央财政拨款" must not be counted twice.
    private static readonly string[] Sources = ["财政拨款", "其他资金", "上年结转"];

    public override RuleDescriptor Descriptor { get; } = new("BG106", Severity.Warning, "funding-sources-mismatch",
        "资金来源合计与项目金额不一致", "Funding sources do not add up to the project amount",
        "For form tables that list where the money comes from (header fields whose label names 财政拨款, 其他资金 or " +
        "上年结转; the first of each), adds the sources and compares them with the project amount (年度资金总额), with " +
        "half a unit of the amount's last decimal as tolerance. Fires when the sources exceed the amount, or fall short " +
        "of it when at least two sources are listed (a lone 财政拨款 may leave other sources unlisted). Silent for " +
        "tables without such fields.");

    public override void CheckProject(Disclosure disclosure, Project project, FindingSink sink)
    {
        if (project.Attributes.Count == 0 || project.Amount is not { } amount || !Amounts.IsComparable(amount)) return;
        var sum = 0m;
        var count = 0;
        var parts = new List<string>(Sources.Length);
        foreach (var source in Sources)
        {
            foreach (var (label, text) in project.Attributes)
            {
                if (!label.Contains(source, StringComparison.Ordinal) || !TryParseAmount(text, out var value)) continue;
                sum += value;
                count++;
                parts.Add($"{source}{Amounts.Format(value)}");
                break;
            }
        }
        if (count == 0) return;
        var tolerance = Amounts.RoundingTolerance(amount);
        var over = sum > amount + tolerance;
        var under = count >= 2 && sum < amount - tolerance;
        if (!over && !under) return;
        var unit = disclosure.AmountUnit;
        sink.Report(
            $"项目“{project.Name}”的资金来源（{string.Join("、", parts)}）合计{Amounts.Format(sum, amount)}{unit}，与项目金额{Amounts.Format(amount, amount)}{unit}不一致",
            $"The funding sources of project “{project.Name}” ({string.Join(", ", parts)}) add up to {Amounts.Format(sum, amount)} {unit}, not the project amount {Amounts.Format(amount, amount)} {unit}",
            project);
    }

    private static bool TryParseAmount(string text, out decimal value)
    {
        var s = text.Replace(",", "", StringComparison.Ordinal).Replace("，", "", StringComparison.Ordinal).Trim();
        if (s.EndsWith("万元", StringComparison.Ordinal)) s = s[..^2];
        else if (s.EndsWith('元')) s = s[..^1];
        return decimal.TryParse(s, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value)
            && Amounts.IsComparable(value);
    }
}
