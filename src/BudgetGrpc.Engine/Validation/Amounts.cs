using System.Globalization;
using System.Text.RegularExpressions;
using BudgetGrpc.Engine.Model;

namespace BudgetGrpc.Engine.Validation;

/// <summary>
/// How the money rules tell an amount of the budget (万元, 元, 亿元) from a rate (元/亩, 万元/年) or a
/// per-unit price (每位退休人员慰问金额300元), and how they compare decimals written to different precisions.
/// </summary>
internal static partial class Amounts
{
    /// <summary>Units that state a sum of money, with their value in 元. Rates such as 元/吨*日 are not sums.</summary>
    public static bool TryYuanFactor(string unit, out decimal factor)
    {
        factor = unit switch
        {
            "元" => 1m,
            "千元" => 1_000m,
            "万元" => 10_000m,
            "亿元" => 100_000_000m,
            _ => 0m,
        };
        return factor != 0m;
    }

    /// <summary>A money rate or price: 元/亩, 万元/年, 元/吨*公里.</summary>
    public static bool IsMoneyRate(string unit) => unit.Contains('元') && unit.Contains('/');

    /// <summary>Names that speak of money: only such a name lets a value without a unit count as an amount.</summary>
    public static bool HasMoneyName(string name) => MoneyName().IsMatch(name);

    /// <summary>
    /// Names of a per-unit figure (每家, 每位, 人均, 亩均, 生均, 单价, 单批次, 补助标准): the value is a price, not a
    /// part of the budget. 每年 is not per-unit: in an annual budget the yearly amount is the amount.
    /// </summary>
    public static bool HasPerUnitName(string name) => PerUnitName().IsMatch(name);

    /// <summary>
    /// Names of money the project moves or brings about rather than spends: loans it subsidises, investment it
    /// attracts, sales it generates (发放贷款≥1000万元 in a 50万元 interest-subsidy project).
    /// </summary>
    public static bool HasLeveragedMoneyName(string name) => LeveragedMoneyName().IsMatch(name);

    /// <summary>Names of a total (总成本, 全年补贴总额, 合计): the value restates the whole, it is not a part of it.</summary>
    public static bool HasTotalName(string name) => TotalName().IsMatch(name);

    /// <summary>
    /// The indicator's value in the disclosure's amount unit when it states a sum of money: a money unit, or no unit
    /// at all on a money-named indicator (工作经费：5 is 5 of the table's unit). False for rates and other units, and for a
    /// bare figure under 质量指标 or 时效指标, which is a rate or a time whatever the name speaks of (按要求支付资金 100 is 100 %).
    /// </summary>
    public static bool TryAmount(Indicator indicator, string amountUnit, out decimal amount)
    {
        amount = 0m;
        if (indicator.Value is not { } value || !IsComparable(value)) return false;
        if (indicator.Unit.Length == 0)
        {
            if (!HasMoneyName(indicator.Name) || indicator.Level2 is Levels.Quality or Levels.Timeliness) return false;
            amount = value;
            return true;
        }
        if (!TryYuanFactor(indicator.Unit, out var factor)) return false;
        amount = value * factor / AmountUnits.ToYuanFactor(amountUnit);
        return true;
    }

    private const decimal MaxComparable = 1e15m;

    /// <summary>
    /// Whether an amount is small enough to convert and add without overflowing decimal. Larger ones are garbage
    /// (an ID number read as a value) and must not abort validation.
    /// </summary>
    public static bool IsComparable(decimal value) => Math.Abs(value) <= MaxComparable;

    /// <summary>Half a unit in the last decimal written: 19.80 tolerates 0.005, 18 tolerates 0.5.</summary>
    public static decimal RoundingTolerance(decimal declared)
    {
        var tolerance = 0.5m;
        for (var i = 0; i < declared.Scale; i++) tolerance /= 10m;
        return tolerance;
    }

    /// <summary>An amount with as many decimals as the reference amount was written with (20.0 vs 19.80 → 20.00).</summary>
    public static string Format(decimal value, decimal reference)
    {
        var scale = Math.Max((int)reference.Scale, 0);
        return Math.Round(value, scale, MidpointRounding.AwayFromZero).ToString("F" + scale, CultureInfo.InvariantCulture);
    }

    /// <summary>A value as written, without trailing zeros.</summary>
    public static string Format(decimal value) => value.ToString("0.##########", CultureInfo.InvariantCulture);

    /// <summary>An indicator's target as a reviewer quotes it: ≥30万元, 定性 效果明显.</summary>
    public static string Target(Indicator indicator)
    {
        var symbol = indicator.Comparator switch
        {
            Comparator.GreaterOrEqual => "≥",
            Comparator.LessOrEqual => "≤",
            Comparator.Greater => "＞",
            Comparator.Less => "＜",
            Comparator.Qualitative => "定性 ",
            _ => "",
        };
        if (indicator.Value is { } v) return symbol + Format(v) + indicator.Unit;
        return indicator.QualitativeValue.Length > 0 ? symbol + indicator.QualitativeValue : symbol.TrimEnd();
    }

    [GeneratedRegex("金额|资金|经费|费用|费|成本|投入|预算|补助|补贴|奖金|工资|报酬|价款|款")]
    private static partial Regex MoneyName();

    [GeneratedRegex("每(?!年)|[人户亩生日台件次]均|均价|单价|单[批次个件台人]|单位成本|单位造价|标准(?!化)")]
    private static partial Regex PerUnitName();

    [GeneratedRegex("带动|撬动|拉动|吸引|社会资本|社会投资|销售|营业|产值|收入|交易|签约|签订|融资|贷款|增收|节约|挽回")]
    private static partial Regex LeveragedMoneyName();

    [GeneratedRegex("总额|总成本|总计|合计|总金额|总费用|总投入|总预算|总经费|总资金")]
    private static partial Regex TotalName();
}
