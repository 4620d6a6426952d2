using System.Globalization;
using System.Text.RegularExpressions;
using BudgetGrpc.Engine.Model;

namespace BudgetGrpc.Engine.Indicators;

/// <summary>
/// How a target is written (comparator words, numbers, units, bound words), shared by <see cref="TargetParser"/>
/// and <see cref="TargetScanner"/>. Everything runs on width-folded text (<see cref="UnitNames.FoldWidth"/> keeps
/// every index), so ＞ ％ ９ are seen as &gt; % 9.
/// </summary>
internal static class TargetPatterns
{
    // Units seen in county tables. Free text has no column to say where a unit ends, so only known units are
    // taken: "10元/吨*日标准" is 10 元/吨*日 followed by a word, "3家企业" is 3 家.
    internal static readonly string[] BaseUnits =
    [
        "平方公里", "平方千米", "平方米", "立方米", "千瓦时", "万人次", "工作日", "个工作日", "个百分点", "百分点",
        "万元", "亿元", "千元", "万人", "万头", "万只", "万亩", "万册", "万份", "万吨", "万株", "万户", "公斤", "千克", "公里", "千米",
        "公顷", "人次", "户次", "车次", "批次", "架次", "场次", "台次", "件次", "家次", "项次", "班次", "期次", "个月", "季度", "小时", "分钟", "学时", "课时", "工日", "人天",
        "千瓦", "年度",
        // 72.5万: tables write 万 for 万元 (UnitNames); after every 万X above.
        "万",
        "元", "%", "‰", "人", "个", "次", "项", "家", "所", "辆", "吨", "天", "日", "月", "年", "周", "起", "亩", "米", "克", "斤",
        "户", "名", "位", "座", "处", "台", "套", "件", "份", "本", "册", "场", "期", "篇", "条", "块", "张", "头", "只", "株",
        "棵", "箱", "批", "例", "间", "栋", "床", "班", "部", "轮", "分", "度", "宗", "类", "种", "村", "镇", "乡", "校", "幅",
        "km", "kg", "KG", "Km", "KM", "m²", "㎡", "m", "M", "t", "h",
    ];

    /// <summary>
    /// A unit as a name note or column states it, width-folded: a known unit, one per something (元/亩), or a unit with an
    /// alternative in brackets (万头(只), 台(套), 人(次)), read whole.
    /// </summary>
    internal static bool IsStatedUnit(string unit)
    {
        if (Array.IndexOf(BaseUnits, unit) >= 0) return true;
        if (unit.IndexOf('/') is var slash and > 0) return Array.IndexOf(BaseUnits, unit[..slash]) >= 0;
        return unit.IndexOf('(') is var open and > 0 && unit[^1] == ')'
            && Array.IndexOf(BaseUnits, unit[..open]) >= 0 && Array.IndexOf(BaseUnits, unit[(open + 1)..^1]) >= 0;
    }

    // 年 月 日 after a number with more words glued on are part of a name ("2024年年内完成", "每年7月在省会召开").
    private static readonly HashSet<string> DateUnits = new(StringComparer.Ordinal) { "年", "月", "日", "号", "时", "点", "年度" };

    internal const string PrefixWords =
        "不低于|不少于|不小于|不高于|不超过|不大于|不多于|大于或等于|大于等于|小于或等于|小于等于|大于|小于|高于|低于|多于|少于|超过|" +
        "达到|达|控制在|>=|<=|=>|=<|≥|≤|≧|≦|⩾|⩽|>|<|=|≈";

    internal const string SuffixWords = "及以上|以上|及以下|以下|以内|之内|内";

    private const string NumberPattern = @"\d+(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\*+|x{2,}|X{2,}";

    // Periods and dates are targets in words, not numbers: 2023.07-2024.01, 2024-01-15, 2024年6月.
    internal const string PeriodPattern =
        @"\d{4}[.\-/年]\d{1,2}(?:[.\-/月]\d{1,2}日?)?月?\s*[-—~～至到]\s*\d{4}[.\-/年]\d{1,2}(?:[.\-/月]\d{1,2}日?)?月?|\d{4}-\d{1,2}-\d{1,2}|\d{4}/\d{1,2}/\d{1,2}";

    /// <summary>A whole cell that is one target; any short text without digits after the number is its unit.</summary>
    public static readonly Regex WholeCell = new(
        $@"^(?:(?<pre>{PrefixWords})\s*)?(?<num>{NumberPattern})\s*(?<unit>[^\d\s<>=≥≤]{{0,12}}?)\s*(?<post>{SuffixWords})?$",
        RegexOptions.Compiled | RegexOptions.CultureInvariant);

    /// <summary>A bound word of its own and a figure inside a sentence (…总航时不少于30小时…); no figure may run on before it.</summary>
    public static readonly Regex BoundInSentence = new(
        @"(?<pre>不低于|不少于|不小于|不高于|不超过|不大于|不多于|大于或等于|大于等于|小于或等于|小于等于|≥|≤)\s*(?<num>\d+(?:\.\d+)?)(?![\d.])",
        RegexOptions.Compiled | RegexOptions.CultureInvariant);

    /// <summary>A figure, what follows it and a bound word ending the text (…申请后15个工作日内): the sentence's last words.</summary>
    public static readonly Regex BoundAtSentenceEnd = new(
        $@"(?<![\d.,])(?<num>\d+(?:\.\d+)?)(?<unit>[^\d\s<>=≥≤]{{1,8}}?)(?<post>{SuffixWords})$",
        RegexOptions.Compiled | RegexOptions.CultureInvariant);

    private static readonly Regex PrefixOnly = new($@"^(?:{PrefixWords})$", RegexOptions.Compiled | RegexOptions.CultureInvariant);

    public static readonly Regex WholePeriod = new($@"^(?:{PeriodPattern})$", RegexOptions.Compiled | RegexOptions.CultureInvariant);

    /// <summary>A whole cell that is one date in figures, one separator throughout: 2026/6/30, 2026-6-30, 2026.6.30.</summary>
    public static readonly Regex WholeDate = new(@"^(?<y>\d{4})(?<s>[./-])(?<m>\d{1,2})\k<s>(?<d>\d{1,2})$", RegexOptions.Compiled | RegexOptions.CultureInvariant);

    public static bool IsDateUnit(string unit) => DateUnits.Contains(unit);

    /// <summary>The comparator that a prefix and a bound word state together; a bare number is "=".</summary>
    public static Comparator Comparator(string pre, string post)
    {
        var fromPre = pre switch
        {
            "" => Model.Comparator.None,
            "≥" or ">=" or "=>" or "≧" or "⩾" or "不低于" or "不少于" or "不小于" or "大于或等于" or "大于等于" or "达到" or "达" => Model.Comparator.GreaterOrEqual,
            "≤" or "<=" or "=<" or "≦" or "⩽" or "不高于" or "不超过" or "不大于" or "不多于" or "小于或等于" or "小于等于" or "控制在" => Model.Comparator.LessOrEqual,
            ">" or "大于" or "高于" or "多于" or "超过" => Model.Comparator.Greater,
            "<" or "小于" or "低于" or "少于" => Model.Comparator.Less,
            _ => Model.Comparator.Equal,
        };
        var fromPost = post switch
        {
            "以上" or "及以上" => Model.Comparator.GreaterOrEqual,
            "以下" or "及以下" or "以内" or "之内" => Model.Comparator.LessOrEqual,
            "内" => Model.Comparator.LessOrEqual,
            _ => Model.Comparator.None,
        };
        // An explicit sign wins over the words around it: "≥95%以上" is ≥, not a double bound.
        if (fromPre is not (Model.Comparator.None or Model.Comparator.Equal)) return fromPre;
        if (fromPost != Model.Comparator.None) return fromPost;
        return Model.Comparator.Equal;
    }

    /// <summary>A comparator written alone in a column (指标性质, 计算符号).</summary>
    public static Comparator FromColumn(string cell)
    {
        var text = UnitNames.FoldWidth(cell ?? "").Replace(" ", "").Trim();
        return text switch
        {
            "" or "定量" => Model.Comparator.None,
            "定性" => Model.Comparator.Qualitative,
            "=" or "==" or "等于" => Model.Comparator.Equal,
            _ when PrefixOnly.IsMatch(text) => Comparator(text, ""),
            _ => Model.Comparator.None,
        };
    }

    public static decimal? ParseNumber(string digits)
    {
        if (digits.Length == 0 || digits[0] is '*' or 'x' or 'X') return null;
        return decimal.TryParse(digits.Replace(",", ""), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v)
            ? v : null;
    }

    /// <summary>≥ read by OCR as the digit 2: "292%" for ≥92%. A percentage over 100 that is 2 followed by a plausible one.</summary>
    public static bool LooksLikeOcrFault(string digits, decimal value, string unit)
    {
        if (unit != "%" || value <= 100m || digits.Length < 2 || digits[0] != '2') return false;
        return decimal.TryParse(digits[1..], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var rest) && rest <= 100m;
    }
}
