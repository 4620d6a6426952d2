using BudgetGrpc.Engine.Model;

namespace BudgetGrpc.Engine.Validation;

/// <summary>The canonical level names of the indicator framework (docs/indicator-framework.md).</summary>
internal static class Levels
{
    public const string Output = "产出指标";
    public const string Benefit = "效益指标";
    public const string Satisfaction = "满意度指标";
    public const string Cost = "成本指标";

    public const string Quantity = "数量指标";
    public const string Quality = "质量指标";
    public const string Timeliness = "时效指标";
    public const string ServiceSatisfaction = "服务对象满意度指标";

    /// <summary>Cost as a second level: 成本指标 under 产出, or the 101号 scheme's own cost levels (sometimes filed under 产出).</summary>
    public static bool IsCostLevel2(string level2) =>
        level2 is Cost or "经济成本指标" or "社会成本指标" or "生态环境成本指标";

    public static bool IsCost(Indicator indicator) => indicator.Level1 == Cost || IsCostLevel2(indicator.Level2);

    /// <summary>
    /// A satisfaction indicator: filed under 满意度, or named 满意度 elsewhere. 不满意率 and 投诉率 measure the
    /// opposite and are left out.
    /// </summary>
    public static bool IsSatisfaction(Indicator indicator) =>
        (indicator.Level1 == Satisfaction || indicator.Name.Contains("满意度", StringComparison.Ordinal))
        && !indicator.Name.Contains("不满意", StringComparison.Ordinal)
        && !indicator.Name.Contains("投诉", StringComparison.Ordinal);
}
