using BudgetGrpc.Engine.Model;

namespace BudgetGrpc.Engine.Validation.Rules;

/// <summary>BG101: the 合计 row must equal the sum of the project amounts.</summary>
internal sealed class DeclaredTotalMismatch : Rule
{
    public override RuleDescriptor Descriptor { get; } = new("BG101", Severity.Error, "total-mismatch",
        "合计与项目金额之和不一致", "Declared total differs from the sum of project amounts",
        "Fires when the disclosure declares a 合计 and it differs from the sum of the project amounts by more than half a " +
        "unit in the last decimal the 合计 was written with (347.79 tolerates 0.005, 348 tolerates 0.5). Projects without " +
        "an amount count as 0 (BG102 reports them). Silent when there is no 合计 row, as in single-project forms.");

    public override void CheckDisclosure(Disclosure disclosure, FindingSink sink)
    {
        if (disclosure.DeclaredTotal is not { } declared || disclosure.Projects.Count == 0 || !Amounts.IsComparable(declared)) return;
        if (!TrySum(disclosure.Projects, out var computed)) return;
        if (Math.Abs(computed - declared) <= Amounts.RoundingTolerance(declared)) return;
        var unit = disclosure.AmountUnit;
        sink.Report(
            $"合计{Amounts.Format(declared, declared)}{unit}，与{disclosure.Projects.Count}个项目金额之和{Amounts.Format(computed, declared)}{unit}不一致",
            $"The declared total {Amounts.Format(declared, declared)} {unit} differs from the sum of the {disclosure.Projects.Count} project amounts, {Amounts.Format(computed, declared)} {unit}",
            source: disclosure.DeclaredTotalSource);
    }

    // Amounts beyond decimal's range are garbage from the reader; they must not abort validation.
    private static bool TrySum(IReadOnlyList<Project> projects, out decimal sum)
    {
        sum = 0m;
        try
        {
            foreach (var p in projects) sum += p.Amount ?? 0m;
            return Amounts.IsComparable(sum);
        }
        catch (OverflowException)
        {
            return false;
        }
    }
}

/// <summary>BG102: every project needs a positive amount.</summary>
internal sealed class ProjectAmountInvalid : Rule
{
    public override RuleDescriptor Descriptor { get; } = new("BG102", Severity.Error, "amount-invalid",
        "项目金额缺失或不为正数", "Project amount missing or not positive",
        "Fires when a project has no amount, or an amount of zero or below: a funded project without funds cannot be " +
        "published.");

    public override void CheckProject(Disclosure disclosure, Project project, FindingSink sink)
    {
        if (project.Amount is null)
            sink.Report($"项目“{project.Name}”未填写项目金额", $"Project “{project.Name}” has no amount", project);
        else if (project.Amount <= 0m)
            sink.Report($"项目“{project.Name}”的金额为{Amounts.Format(project.Amount.Value)}{disclosure.AmountUnit}，应为正数",
                $"Project “{project.Name}” has an amount of {Amounts.Format(project.Amount.Value)} {disclosure.AmountUnit}; it must be positive", project);
    }
}

/// <summary>BG103: cost items that form a breakdown must add up to the project amount.</summary>
internal sealed class CostSumMismatch : Rule
{
    public override RuleDescriptor Descriptor { get; } = new("BG103", Severity.Warning, "cost-sum-mismatch",
        "成本指标合计与项目金额不一致", "Cost items do not add up to the project amount",
        "Sums the cost indicators (成本指标 under 产出, or the 成本指标 first level) that state a sum of money: unit 元, 千元, " +
        "万元 or 亿元 converted to the table's amount unit, or no unit on a money-named item (工作经费：5 counts as 5 of " +
        "the amount unit). Left out: rates and prices (元/亩, 万元/年, 元/吨*日), per-unit items (每位…金额, 人均, 生均, " +
        "单价, 补助标准) and items named as a total (总成本, 补贴总额), which restate the whole rather than a part. " +
        "A breakdown needs at least two such items; a single cost item is a headline figure (BG104 compares it). " +
        "Fires when the sum exceeds the project amount by more than half a unit of the amount's last decimal, or falls " +
        "short of it when every item is an exact amount (=); upper bounds (≤) falling short are caps, not a breakdown.");

    public override void CheckProject(Disclosure disclosure, Project project, FindingSink sink)
    {
        if (project.Amount is not { } amount || !Amounts.IsComparable(amount)) return;
        var sum = 0m;
        var count = 0;
        var allExact = true;
        SourceRef? first = null;
        foreach (var indicator in project.Indicators)
        {
            // Cheap unit test first: the name regexes only run on the few money items.
            if (!Levels.IsCost(indicator) || !Amounts.TryAmount(indicator, disclosure.AmountUnit, out var part)) continue;
            if (Amounts.HasPerUnitName(indicator.Name) || Amounts.HasTotalName(indicator.Name)) continue;
            sum += part;
            count++;
            first ??= indicator.Source;
            allExact &= indicator.Comparator is Comparator.Equal or Comparator.Qualitative;
        }
        if (count < 2) return;
        var tolerance = Amounts.RoundingTolerance(amount);
        var over = sum > amount + tolerance;
        var under = allExact && sum < amount - tolerance;
        if (!over && !under) return;
        var unit = disclosure.AmountUnit;
        sink.Report(
            $"项目“{project.Name}”的成本指标合计{Amounts.Format(sum, amount)}{unit}，与项目金额{Amounts.Format(amount, amount)}{unit}不一致",
            $"The cost items of project “{project.Name}” add up to {Amounts.Format(sum, amount)} {unit}, which differs from the project amount {Amounts.Format(amount, amount)} {unit}",
            project, null, first ?? project.Source);
    }
}

/// <summary>BG104: an amount stated in an output or cost indicator contradicts the project amount.</summary>
internal sealed class IndicatorAmountContradiction : Rule
{
    public override RuleDescriptor Descriptor { get; } = new("BG104", Severity.Warning, "amount-contradiction",
        "指标金额与项目金额矛盾", "An amount in an indicator contradicts the project amount",
        "Looks at 产出 and 成本 indicators that state a sum of money (as in BG103; rates, prices and per-unit items are " +
        "left out, and so is a figure without a unit under 质量指标 or 时效指标, a rate or a time whatever its name speaks " +
        "of: 按要求支付资金 100). Fires when the target, as =, ≥ or >, lies above the project amount by more than half a unit of the " +
        "amount's last decimal (项目资金金额≥30万元 in an 18.00万元 project), or when an item named as a total " +
        "(总成本, 补贴总额) is set equal to a different amount. Upper bounds (≤ 50万元) above the amount are caps and pass. " +
        "效益 indicators are outcomes, not the budget (签订金额4.87亿元), and are never compared; neither is money the " +
        "project moves or attracts rather than spends, named with 贷款, 带动, 撬动, 吸引, 社会资本, 销售, 收入, 交易, 签约, " +
        "融资 and the like (发放贷款≥1000万元 in a 50万元 interest-subsidy project). 招商引资工作经费 is spending and is compared.");

    public override void CheckIndicator(Disclosure disclosure, Project project, int index, Indicator indicator, FindingSink sink)
    {
        if (project.Amount is not { } amount || !Amounts.IsComparable(amount)) return;
        if (indicator.Level1 is not (Levels.Output or Levels.Cost)) return;
        if (indicator.Comparator.IsUpperBound() || !Amounts.TryAmount(indicator, disclosure.AmountUnit, out var stated)) return;
        // Compare first: most amounts agree with the project, and then the name tests need not run.
        var tolerance = Amounts.RoundingTolerance(amount);
        var above = stated > amount + tolerance;
        if (!above && (indicator.Comparator != Comparator.Equal || Math.Abs(stated - amount) <= tolerance)) return;
        if (Amounts.HasPerUnitName(indicator.Name) || Amounts.HasLeveragedMoneyName(indicator.Name)) return;
        var totalDiffers = !above && Amounts.HasTotalName(indicator.Name);
        if (!above && !totalDiffers) return;
        var unit = disclosure.AmountUnit;
        var relation = above ? "高于" : "不等于";
        sink.Report(project, index, indicator,
            $"项目“{project.Name}”的指标“{indicator.Name}”{Amounts.Target(indicator)}，{relation}项目金额{Amounts.Format(amount, amount)}{unit}",
            $"Indicator “{indicator.Name}” of project “{project.Name}” states {Amounts.Target(indicator)}, {(above ? "above" : "not equal to")} the project amount {Amounts.Format(amount, amount)} {unit}");
    }
}

/// <summary>BG105: a cost target is a ceiling, not a floor.</summary>
internal sealed class CostLowerBound : Rule
{
    public override RuleDescriptor Descriptor { get; } = new("BG105", Severity.Warning, "cost-lower-bound",
        "成本指标使用下限（≥）", "Cost indicator with a lower bound",
        "Fires on a cost indicator about money (a money unit or rate such as 万元 or 元/亩, or no unit on a money-named " +
        "item) whose comparator is ≥ or >: cost is lower-is-better and should be capped with ≤. Cost items counted in " +
        "other units (慰问企业户数≥3家 filed under 成本指标) are not about money and pass.");

    public static bool Applies(Indicator indicator) =>
        Levels.IsCost(indicator) && indicator.Comparator.IsLowerBound() && indicator.Value is not null
        && (Amounts.TryYuanFactor(indicator.Unit, out _) || Amounts.IsMoneyRate(indicator.Unit)
            || (indicator.Unit.Length == 0 && Amounts.HasMoneyName(indicator.Name)));

    public override void CheckIndicator(Disclosure disclosure, Project project, int index, Indicator indicator, FindingSink sink)
    {
        if (!Applies(indicator)) return;
        sink.Report(project, index, indicator,
            $"项目“{project.Name}”的成本指标“{indicator.Name}”为{Amounts.Target(indicator)}，成本指标应设上限（≤）而非下限",
            $"Cost indicator “{indicator.Name}” of project “{project.Name}” is {Amounts.Target(indicator)}: cost should be capped (≤), not bounded from below");
    }
}
