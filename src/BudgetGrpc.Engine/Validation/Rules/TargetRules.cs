using System.Text.RegularExpressions;
using BudgetGrpc.Engine.Model;
using BudgetGrpc.Engine.Words;

namespace BudgetGrpc.Engine.Validation.Rules;

/// <summary>BG301: an indicator needs a target.</summary>
internal sealed class MissingTargetValue : Rule
{
    public override RuleDescriptor Descriptor { get; } = new("BG301", Severity.Warning, "missing-value",
        "指标未设目标值", "Indicator without a target value",
        "Fires when an indicator has neither a numeric value nor a qualitative value, whatever its comparator: " +
        "慰问档案管理规范性 with nothing after it, or a 定性 with no words. Placeholders (**) are BG306's.");

    public override void CheckIndicator(Disclosure disclosure, Project project, int index, Indicator indicator, FindingSink sink)
    {
        if (indicator.Value is not null || !string.IsNullOrWhiteSpace(indicator.QualitativeValue)) return;
        if (indicator.Flags.HasFlag(IndicatorFlags.Placeholder)) return;
        sink.Report(project, index, indicator,
            $"项目“{project.Name}”的{indicator.Level2}“{indicator.Name}”未设目标值",
            $"{indicator.Level2} “{indicator.Name}” of project “{project.Name}” has no target value");
    }
}

/// <summary>BG302: a quantitative target needs a unit.</summary>
internal sealed partial class MissingUnit : Rule
{
    public override RuleDescriptor Descriptor { get; } = new("BG302", Severity.Warning, "missing-unit",
        "定量指标缺少计量单位", "Quantitative value without a unit",
        "Fires when an indicator has a numeric value but no unit (猪肉储备金额90.79, 工作经费：5, 社会公众满意度≥95). " +
        "Exempt, because they are dimensionless by nature: names with 系数, 指数, 倍数 or 比值 (农田灌溉水有效利用系数≥0.58), " +
        "and a value of 0, which reads the same in any unit (事故发生数＝0).");

    public override void CheckIndicator(Disclosure disclosure, Project project, int index, Indicator indicator, FindingSink sink)
    {
        if (indicator.Value is not { } value || indicator.Unit.Length > 0 || value == 0m) return;
        if (Dimensionless().IsMatch(indicator.Name)) return;
        sink.Report(project, index, indicator,
            $"项目“{project.Name}”的指标“{indicator.Name}”目标值{Amounts.Target(indicator)}缺少计量单位",
            $"Indicator “{indicator.Name}” of project “{project.Name}” has the value {Amounts.Target(indicator)} without a unit");
    }

    [GeneratedRegex("系数|指数|倍数|比值")]
    private static partial Regex Dimensionless();
}

/// <summary>BG303: a number written after 定性.</summary>
internal sealed class QualitativeWithNumber : Rule
{
    public override RuleDescriptor Descriptor { get; } = new("BG303", Severity.Warning, "qualitative-with-number",
        "定性指标填写了数值", "A number written after 定性",
        "Fires when the extractor read a number after 定性 (flag QualitativeWithNumber, e.g. 定性3.375万元): the " +
        "indicator is quantitative and should carry a comparator, not 定性. The number is kept as the value.");

    public override void CheckIndicator(Disclosure disclosure, Project project, int index, Indicator indicator, FindingSink sink)
    {
        if (!indicator.Flags.HasFlag(IndicatorFlags.QualitativeWithNumber)) return;
        var value = indicator.Value is { } v ? Amounts.Format(v) + indicator.Unit : indicator.QualitativeValue;
        sink.Report(project, index, indicator,
            $"项目“{project.Name}”的指标“{indicator.Name}”标为定性却填写了数值{value}，应改为定量指标",
            $"Indicator “{indicator.Name}” of project “{project.Name}” is marked 定性 (qualitative) but states the number {value}; it should be quantitative");
    }
}

/// <summary>BG304: a percentage target above 100.</summary>
internal sealed class PercentageAbove100 : Rule
{
    public override RuleDescriptor Descriptor { get; } = new("BG304", Severity.Warning, "percent-over-100",
        "百分比目标值超过100%", "Percentage target above 100",
        "Fires when a target in % is above 100 with =, ≥ or > (a rate cannot exceed its whole). Upper bounds (≤150%) " +
        "and values the extractor already flagged as a suspected OCR fault (BG305) pass.");

    public override void CheckIndicator(Disclosure disclosure, Project project, int index, Indicator indicator, FindingSink sink)
    {
        if (indicator.Unit != "%" || indicator.Value is not > 100m || indicator.Comparator.IsUpperBound()) return;
        if (indicator.Flags.HasFlag(IndicatorFlags.SuspectedOcrFault)) return;
        sink.Report(project, index, indicator,
            $"项目“{project.Name}”的指标“{indicator.Name}”目标值{Amounts.Target(indicator)}超过100%",
            $"Indicator “{indicator.Name}” of project “{project.Name}” targets {Amounts.Target(indicator)}, above 100%");
    }
}

/// <summary>BG305: a value the extractor suspects to be an OCR fault.</summary>
internal sealed class SuspectedOcrFault : Rule
{
    public override RuleDescriptor Descriptor { get; } = new("BG305", Severity.Warning, "ocr-fault",
        "疑似识别错误的目标值", "Value looks like an OCR fault",
        "Fires when the extractor flagged the value as a suspected OCR fault (SuspectedOcrFault), typically ≥ read as " +
        "the digit 2 (292% for ≥92%). The value is published as read; a person should check the source.");

    public override void CheckIndicator(Disclosure disclosure, Project project, int index, Indicator indicator, FindingSink sink)
    {
        if (!indicator.Flags.HasFlag(IndicatorFlags.SuspectedOcrFault)) return;
        sink.Report(project, index, indicator,
            $"项目“{project.Name}”的指标“{indicator.Name}”目标值“{indicator.Text}”疑似识别错误（如“≥”被识别为“2”），请核对原表",
            $"The value of indicator “{indicator.Name}” of project “{project.Name}” (“{indicator.Text}”) looks like an OCR fault (e.g. ≥ read as 2); check the source");
    }
}

/// <summary>BG306: a placeholder instead of a value.</summary>
internal sealed class PlaceholderValue : Rule
{
    public override RuleDescriptor Descriptor { get; } = new("BG306", Severity.Warning, "placeholder",
        "目标值为占位符", "Placeholder instead of a value",
        "Fires when the extractor found a placeholder such as **人 or ≥**% where the value should be (flag Placeholder).");

    public override void CheckIndicator(Disclosure disclosure, Project project, int index, Indicator indicator, FindingSink sink)
    {
        if (!indicator.Flags.HasFlag(IndicatorFlags.Placeholder)) return;
        sink.Report(project, index, indicator,
            $"项目“{project.Name}”的指标“{indicator.Name}”目标值为占位符“{indicator.Text}”，未填写实际数值",
            $"Indicator “{indicator.Name}” of project “{project.Name}” has a placeholder (“{indicator.Text}”) instead of a value");
    }
}

/// <summary>BG307: a satisfaction target below 80%.</summary>
internal sealed class LowSatisfactionTarget : Rule
{
    public override RuleDescriptor Descriptor { get; } = new("BG307", Severity.Info, "low-satisfaction",
        "满意度目标值低于80%", "Satisfaction target below 80%",
        "Fires when a satisfaction indicator (filed under 满意度指标, or named 满意度; not 不满意率 or 投诉率) targets less " +
        "than 80 in % or without a unit, with =, ≥ or >. Most tables set 85–95%; a lower target is worth a question.");

    public override void CheckIndicator(Disclosure disclosure, Project project, int index, Indicator indicator, FindingSink sink)
    {
        if (indicator.Value is not { } value || value >= 80m || indicator.Comparator.IsUpperBound()) return;
        if (indicator.Unit is not ("%" or "") || !Levels.IsSatisfaction(indicator)) return;
        sink.Report(project, index, indicator,
            $"项目“{project.Name}”的满意度指标“{indicator.Name}”目标值{Amounts.Target(indicator)}低于80%",
            $"Satisfaction indicator “{indicator.Name}” of project “{project.Name}” targets {Amounts.Target(indicator)}, below 80%");
    }
}

/// <summary>BG308: satisfaction is measured in %.</summary>
internal sealed class SatisfactionNotPercentage : Rule
{
    public override RuleDescriptor Descriptor { get; } = new("BG308", Severity.Warning, "satisfaction-unit",
        "满意度指标未以百分比表示", "Satisfaction target is not a percentage",
        "Fires when a satisfaction indicator (as in BG307) has a unit other than % (≥90分, 100人) or only a qualitative " +
        "value (满意): satisfaction is a share of respondents. A number with no unit is BG302's, not this rule's.");

    public override void CheckIndicator(Disclosure disclosure, Project project, int index, Indicator indicator, FindingSink sink)
    {
        if (!Levels.IsSatisfaction(indicator)) return;
        var notPercent = indicator.Value is not null
            ? indicator.Unit.Length > 0 && indicator.Unit != "%"
            : indicator.QualitativeValue.Length > 0;
        if (!notPercent) return;
        sink.Report(project, index, indicator,
            $"项目“{project.Name}”的满意度指标“{indicator.Name}”目标值{Amounts.Target(indicator)}未以百分比表示",
            $"Satisfaction indicator “{indicator.Name}” of project “{project.Name}” targets {Amounts.Target(indicator)}, not a percentage");
    }
}

/// <summary>BG309: a lower-is-better indicator bounded from below.</summary>
internal sealed partial class ReverseWithLowerBound : Rule
{
    public override RuleDescriptor Descriptor { get; } = new("BG309", Severity.Warning, "direction-mismatch",
        "反向指标使用下限（≥）", "Lower-is-better indicator with a lower bound",
        "Fires when an indicator is lower-is-better but has ≥ or >: the table marks it 反向, or, where the table marks " +
        "no direction, its name is a rate of something unwanted (逾期发放率, 安全事故发生率, 投诉率; the lexicon's sense " +
        "group: a word of remedy such as 办结, 整改, 修复 or 下降 makes a rate higher-is-better again). Cost indicators " +
        "about money are BG105's and are not reported twice.");

    public override void CheckIndicator(Disclosure disclosure, Project project, int index, Indicator indicator, FindingSink sink)
    {
        if (!indicator.Comparator.IsLowerBound() || CostLowerBound.Applies(indicator)) return;
        if (indicator.Direction.StartsWith("反向", StringComparison.Ordinal))
            sink.Report(project, index, indicator,
                $"项目“{project.Name}”的指标“{indicator.Name}”为反向指标，却设为{Amounts.Target(indicator)}",
                $"Indicator “{indicator.Name}” of project “{project.Name}” is lower-is-better (反向) but targets {Amounts.Target(indicator)}");
        else if (indicator.Direction.Length == 0 && IsUnwantedRate(indicator.Name))
            sink.Report(project, index, indicator,
                $"项目“{project.Name}”的指标“{indicator.Name}”是越低越好的比率，却设为{Amounts.Target(indicator)}",
                $"Indicator “{indicator.Name}” of project “{project.Name}” is a rate of something unwanted (lower is better) but targets {Amounts.Target(indicator)}");
    }

    [GeneratedRegex(@"(\([^()]*\))+$")]
    private static partial Regex TrailingBrackets();

    /// <summary>逾期发放率, 事故发生率: a rate whose name says what it counts is unwanted, with no word of remedy.</summary>
    private static bool IsUnwantedRate(string name)
    {
        // 设备故障率（%）: the unit in brackets after the name.
        var key = TrailingBrackets().Replace(Lexicon.Fold(name), "");
        return key.EndsWith('率') && Lexicon.RoleOf("sense", key) == "Lower";
    }
}

/// <summary>BG310: quantity and money-cost indicators are quantitative by definition.</summary>
internal sealed class QualitativeQuantityOrCost : Rule
{
    public override RuleDescriptor Descriptor { get; } = new("BG310", Severity.Info, "qualitative-quantity",
        "数量或成本指标使用定性目标", "Quantity or cost indicator with a qualitative target",
        "Fires when an indicator under 数量指标, 成本指标 or 经济成本指标 has only words as its target (完成, 按标准执行): " +
        "财预〔2021〕101号 expects counts and amounts there. 质量, 时效, 效益 and 社会/生态环境成本 indicators may be " +
        "qualitative and pass. A number after 定性 is BG303's, an empty target BG301's.");

    public override void CheckIndicator(Disclosure disclosure, Project project, int index, Indicator indicator, FindingSink sink)
    {
        if (indicator.Value is not null || string.IsNullOrWhiteSpace(indicator.QualitativeValue)) return;
        if (indicator.Level2 is not (Levels.Quantity or Levels.Cost or "经济成本指标")) return;
        sink.Report(project, index, indicator,
            $"项目“{project.Name}”的{indicator.Level2}“{indicator.Name}”使用定性目标“{indicator.QualitativeValue}”，宜设定量目标值",
            $"{indicator.Level2} “{indicator.Name}” of project “{project.Name}” has the qualitative target “{indicator.QualitativeValue}”; a quantity or amount is expected");
    }
}
