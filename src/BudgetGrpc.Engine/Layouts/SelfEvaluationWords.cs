using System.Text.RegularExpressions;
using BudgetGrpc.Engine.Words;

namespace BudgetGrpc.Engine.Layouts;

/// <summary>What a column or row label of a self-evaluation's budget block (预算执行情况) holds.</summary>
internal enum BudgetColumn
{
    None,
    Initial,
    Adjusted,
    Executed,
    Rate,
    Weight,
    Score,
}

/// <summary>The row labels of a budget block: the total row, the funding-source rows under it.</summary>
internal enum BudgetRow
{
    None,
    Total,
    Fiscal,
    Other,
}

/// <summary>
/// The words of self-evaluation tables (绩效自评表) beyond their column roles: the budget execution block, the
/// objectives block's column heads, the total row and the rows under the table. The words themselves are data in
/// lexicon.tsv (groups budgetcolumn, budgetrow, budgetgroup, objectivesheader, selfevalrow); keys are matched after a
/// trailing letter or points mark such as (A), (B/A), (10分) is removed.
/// </summary>
internal static partial class SelfEvaluationWords
{
    /// <summary>`全年实际值(B)` → `全年实际值`, `执行率(B/A)` → `执行率`, `得分(20分执行率)` → `得分`, `分值(10分)` → `分值`.</summary>
    public static string WithoutMark(string key)
    {
        var m = TrailingMark().Match(key);
        return m.Success && m.Index > 0 ? key[..m.Index] : key;
    }

    private static string? Role(string group, string text) => Scored(group, text).Role;

    private static (string? Role, int Score) Scored(string group, string text)
    {
        // 三、目标完成情况, 二、预算执行情况: a section's number is no part of its words.
        var k = WithoutMark(SectionNumber().Replace(CellValues.Key(text), ""));
        if (k.EndsWith("(万元)", StringComparison.Ordinal)) k = k[..^4];
        else if (k.EndsWith("(元)", StringComparison.Ordinal)) k = k[..^3];
        return k.Length is 0 or > 30 ? (null, 0) : Lexicon.Scored(group, k);
    }

    /// <summary>A budget block column from its header word.</summary>
    public static BudgetColumn BudgetColumnOf(string text) => ScoredBudgetColumnOf(text).Column;

    /// <summary>A budget block column and how surely the word names it (an exact word over a 预算数 ending).</summary>
    public static (BudgetColumn Column, int Score) ScoredBudgetColumnOf(string text) =>
        Scored("budgetcolumn", text) is ({ } r, var score) && Enum.TryParse<BudgetColumn>(r, out var c) ? (c, score) : (BudgetColumn.None, 0);

    /// <summary>A budget block row label: 年度资金总额 / 其中：财政拨款 / 上年结转 / 其他资金.</summary>
    public static BudgetRow BudgetRowOf(string text) =>
        Role("budgetrow", text) is { } r && Enum.TryParse<BudgetRow>(r, out var row) ? row : BudgetRow.None;

    /// <summary>The label in front of a budget block: 项目资金（万元）, 预算执行情况(10分), 资金情况（万元）.</summary>
    public static bool IsBudgetGroupLabel(string text) => Role("budgetgroup", text) is not null;

    /// <summary>The column heads of the objectives block: 预期目标 | 实际完成情况 (not objectives themselves).</summary>
    public static bool IsObjectivesSubHeader(string text) => Role("objectivesheader", text) is not null;

    /// <summary>The head of the objectives column (预期目标, 年初设定目标) rather than of the achievement (实际完成情况).</summary>
    public static bool IsObjectivesTargetHeader(string text) => Role("objectivesheader", text) == "Target";

    /// <summary>A name that only holds a template's placeholder: 指标1, ……, …</summary>
    public static bool IsPlaceholderName(string name)
    {
        var k = CellValues.Key(name);
        return k.Length == 0 || PlaceholderName().IsMatch(k);
    }

    /// <summary>
    /// `指标1：工程资金金额` → `工程资金金额`: the template's numbering left in front of a name, ended by a mark or a space (指标15天内
    /// is a name).
    /// </summary>
    public static string WithoutTemplateNumber(string name)
    {
        var m = TemplateNumber().Match(name);
        return m.Success && m.Length < name.Length ? name[m.Length..] : name;
    }

    // A template's rows left as they came: 指标1, ……, and 0 where the system fills a blank name with a zero.
    [GeneratedRegex(@"^(?:指标[0-9一二三四五六七八九十]*|[…．.。、·\-—]+|0)$")]
    private static partial Regex PlaceholderName();

    [GeneratedRegex(@"^指标[0-9]{1,2}(?:\s*[:：、.．]\s*|\s+)")]
    private static partial Regex TemplateNumber();

    /// <summary>A row that states the total: 总分, 合计, 总计, 自评总分.</summary>
    public static bool IsTotalLabel(string text) => Role("selfevalrow", text) == "ScoreTotal";

    /// <summary>A row that gives one reason for the whole project (偏差大或目标未完成原因分析 | text).</summary>
    public static bool IsProjectReasonLabel(string text) => Role("selfevalrow", text) == "ProjectReason";

    /// <summary>Labels of what stands under the indicator part (评价结论, 存在问题 …): the indicator rows end there.</summary>
    public static bool IsBelowTableLabel(string text) => Role("selfevalrow", text) is "BelowTable" or "ProjectReason";

    /// <summary>Whether a title names a self-evaluation (项目支出绩效自评表, 绩效目标自评表).</summary>
    public static bool IsSelfEvaluationTitle(string title) =>
        title.Contains("自评", StringComparison.Ordinal) && !title.Contains("目标申报", StringComparison.Ordinal);

    /// <summary>
    /// A weight glued to a level name: `产出指标(50分)`, `产 出 指 标 (50分)`, `产出指标 40分`, `产出指标40分`, `(50分)`. Returns the name
    /// without it and the weight, or the text unchanged and null.
    /// </summary>
    public static string WithoutLevelWeight(string text, out decimal? weight)
    {
        weight = null;
        if (text.Length == 0 || !text.Contains('分')) return text;
        var m = LevelWeight().Match(text);
        if (!m.Success) return text;
        weight = decimal.Parse(m.Groups["w"].Value, System.Globalization.CultureInfo.InvariantCulture);
        return text[..m.Index].TrimEnd();
    }

    // (A), (B/A), (10分): a formula mark or a weight; B) and (A as an export writes them with one bracket lost (执行数B), 年初目标值(A);
    // a circled number with its formula (年初预算安排金额①, 小计③=①+②).
    [GeneratedRegex(@"[①-⑳](?:=[①-⑳+\-*/÷×]+)?$|\([A-Za-z](?:[/÷+\-*][A-Za-z])*\)?$|(?<=[^\x00-\x7F])[A-Za-z](?:[/÷+\-*][A-Za-z])*\)$|\(\d+(?:\.\d+)?分[^()]*\)$|\([^()]*分\)$")]
    private static partial Regex TrailingMark();

    // 产出指标（50分）, 产出指标 50分, and glued to the level word as a scored form prints it: 产出指标40分, 数量指标15分.
    [GeneratedRegex(@"\s*[（(]\s*(?<w>\d+(?:\.\d+)?)\s*分\s*[)）]\s*$|\s+(?<w>\d+(?:\.\d+)?)\s*分\s*$|(?<=指标)(?<w>\d+(?:\.\d+)?)\s*分\s*$")]
    private static partial Regex LevelWeight();

    [GeneratedRegex(@"^[一二三四五六七八九十]+[、.．]")]
    private static partial Regex SectionNumber();
}
