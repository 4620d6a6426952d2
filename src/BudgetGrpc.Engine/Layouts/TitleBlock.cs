using System.Text.RegularExpressions;
using BudgetGrpc.Engine.Model;

namespace BudgetGrpc.Engine.Layouts;

/// <summary>
/// What the lines above a table say: the title, the department, the fiscal year and the amount unit.
/// Lines come from preamble text and from rows above the header; later sources only fill what is still unknown.
/// </summary>
internal sealed partial class TitleBlock
{
    public string Title { get; private set; } = "";
    public string Department { get; private set; } = "";

    /// <summary>How surely <see cref="Department"/> was stated: a form's own label beats a title's words.</summary>
    private DepartmentSource _departmentSource;
    public int? FiscalYear { get; private set; }
    public string? AmountUnit { get; private set; }
    /// <summary>The year a self-evaluation line states (2022年度项目支出绩效自评表): the year evaluated, whatever the page title says.</summary>
    public int? EvaluationYear { get; private set; }
    /// <summary>A self-evaluation's total stated above the table (自评总分：95, 项目总得分99分).</summary>
    public decimal? StatedScore { get; private set; }

    public void AddLine(string line)
    {
        line = line.Trim();
        if (line.Length == 0) return;
        // The first title-like line, unless a later one names a performance table where the first did not (a 分配表
        // of the same notice printed above the form).
        // Under a report's title, the title of another table (2025年专项资金分配表) opens lines that are that table's, up to
        // the next title that names a performance table.
        if (Title.Length > 0 && LooksLikeTitle(line) && NamesPerformanceTable(Title))
            _underOtherTable = !NamesPerformanceTable(line);
        // A numbered section heading (一、项目绩效目标, (7)绩效目标。) gives way to the title under it that names the department
        // and year, or that is no heading itself and names its table (项目支出绩效目标表, the form's first row).
        if (LooksLikeTitle(line) && (Title.Length == 0 || (!NamesPerformanceTable(Title) && NamesPerformanceTable(line))
                || (SectionHeading().IsMatch(Title) && (TitleDepartmentYear().IsMatch(line)
                    || (line.EndsWith('表') && NamesPerformanceTable(line) && !SectionHeading().IsMatch(line))))))
        {
            // A unit stated for the other table above (a 分配表's 单位：万元) is not this table's.
            if (Title.Length > 0) AmountUnit = null;
            Title = line;
            var m = TitleDepartmentYear().Match(line);
            if (!m.Success && TitleYearDepartment().Match(line) is { Success: true } y && RowKinds.EndsLikeUnit(y.Groups["dept"].Value)) m = y;
            if (m.Success)
            {
                Offer(m.Groups["dept"].Value, DepartmentSource.Title);
                FiscalYear ??= int.Parse(m.Groups["year"].Value);
            }
            // 某区人民法院项目支出绩效目标表, the year on a line of its own: a unit's name up to the table's words.
            else if (TitleDepartmentNoYear().Match(line) is { Success: true } n && RowKinds.EndsLikeUnit(n.Groups["dept"].Value))
                Offer(n.Groups["dept"].Value, DepartmentSource.Title);
        }
        // A page's 发布时间：2022年… is when it was published, not the year it is about.
        if (!PublishingLine().IsMatch(line)) FiscalYear ??= FindYear(line);
        if (EvaluationYear is null && EvaluatedYear().Match(line) is { Success: true } ey
            && (ey.Groups["alone"].Success || SelfEvaluationWords.IsSelfEvaluationTitle(line)))
            EvaluationYear = int.Parse(ey.Groups["year"].Value);
        if (StatedScore is null && StatedScoreLine().Match(line) is { Success: true } sm)
            StatedScore = decimal.Parse(sm.Groups["score"].Value, System.Globalization.CultureInfo.InvariantCulture);
        if (AmountUnit is null && !_underOtherTable && FindAmountUnit(line) is { } lineUnit) (AmountUnit, _amountUnitFromLine) = (lineUnit, true);
        // 填报单位（盖章）：单位负责人：… names no department: a word followed by its own colon is the next label.
        if (DepartmentLabel().Match(line) is { Success: true } dm && !FollowedByColon(line, dm))
            Offer(dm.Groups["dept"].Value, DepartmentSource.LabelLine);
        // 发文单位：某局 / 发布机构：某局 / 来源：某局 in a portal page's header: the publisher, taken only where nothing surer
        // names one (a 来源 only when it names a unit, not 本站 or a newspaper).
        else if (PublisherLabel().Match(line) is { Success: true } pm && !FollowedByColon(line, pm)
                 && (pm.Groups["label"].Value != "来源" || RowKinds.EndsLikeUnit(pm.Groups["dept"].Value)))
            Offer(pm.Groups["dept"].Value, DepartmentSource.Unit);
    }

    /// <summary>Where a department name was read, weakest first.</summary>
    /// <remarks>
    /// A form's 主管部门 (SupervisorLabel) ranks under the 填报单位 line (LabelLine): where they differ, a school or a station
    /// fills and publishes its own table under its bureau. The unit named by a label in the form (单位名称, 预算单位, 填报单位:
    /// FormLabel) ranks over both. A higher government's department (中央主管部门, 省级财政部门: UpperLevelLabel) is the table's
    /// only where nothing else names one, not even the page's publisher or the implementing unit. Where the form names
    /// several bodies (a school as 实施单位 or 填报单位, its bureau as 主管部门), the one the title names too is the one that
    /// publishes the table (TitleAgrees): it ranks over every label but a department-wide form's own name.
    /// </remarks>
    public enum DepartmentSource { None, UpperLevelLabel, Unit, Title, SupervisorLabel, LabelLine, FormLabel, TitleAgrees, DepartmentForm }

    /// <summary>Takes the department when it is stated more surely than the one known so far.</summary>
    public void Offer(string department, DepartmentSource source)
    {
        department = CleanDepartment(department);
        if (department.Length == 0) return;
        var key = CellValues.Key(department);
        if (source == DepartmentSource.Title && _titleDepartment.Length == 0) _titleDepartment = key;
        else if (source is > DepartmentSource.Title and < DepartmentSource.TitleAgrees or DepartmentSource.Unit) _named.Add(key);
        // Named by the title and by the form, whichever came first.
        if (source is >= DepartmentSource.Unit and < DepartmentSource.TitleAgrees && key == _titleDepartment && _named.Contains(key))
            source = DepartmentSource.TitleAgrees;
        if (source <= _departmentSource) return;
        Department = department;
        _departmentSource = source;
    }

    /// <summary>The department the title names, and the bodies the form's labels, lines and units name (both as keys).</summary>
    private string _titleDepartment = "";
    private readonly HashSet<string> _named = [];

    /// <summary>The department as a department-wide form names it outright (部门（单位）名称).</summary>
    public void SetDepartment(string department) => Offer(department, DepartmentSource.DepartmentForm);

    private static bool FollowedByColon(string line, Match m)
    {
        var end = m.Index + m.Length;
        return end < line.Length && line[end] is ':' or '：';
    }

    /// <summary>`[015001]某区教育局`, `(433)某市供销社(部门)`, `505_某州教育局`: the name without code or note.</summary>
    public static string CleanDepartment(string text)
    {
        var name = RowKinds.StripUnitCode(text.Trim());
        // `某局　　　　金额单位：万元`: a wide gap ends the name.
        if (name.IndexOf('\u3000') is var gap and > 0) name = name[..gap];
        if (name.IndexOf("  ", StringComparison.Ordinal) is var gap2 and > 0) name = name[..gap2];
        // `某局 单位：万元`: another label after a space.
        if (name.IndexOf(' ') is var space and > 0 && name.AsSpan(space).IndexOfAny(':', '：') > 0) name = name[..space];
        name = TrailingCode().Replace(name, "");
        return DepartmentNote().Replace(name, "").Trim();
    }

    [GeneratedRegex(@"\s*[\[【(（]?\d{3,}[\]】)）]?$")]
    private static partial Regex TrailingCode();

    [GeneratedRegex(@"发布|更新|来源|浏览|点击|打印|日期|时间")]
    private static partial Regex PublishingLine();

    // 青神县发展和改革局本级, 大英县司法局部门: the budget level written after the name (self-evaluations' 主管部门), with or
    // without brackets; 某县教育局小计, a project list's subtotal row (小计 alone names nobody).
    [GeneratedRegex(@"[(（](部门|本级|机关|单位|盖章)[)）]$|(?<=[局委办院厅部站所队馆心])(本级|部门)$|[:：]?小计$")]
    private static partial Regex DepartmentNote();

    /// <summary>Whether a line says the table is department-wide (部门整体支出绩效目标表).</summary>
    public static bool SaysDepartmentWide(string line) =>
        line.Contains("整体支出", StringComparison.Ordinal) || line.Contains("整体绩效", StringComparison.Ordinal)
        || line.Contains("部门整体", StringComparison.Ordinal) || line.Contains("单位整体", StringComparison.Ordinal);

    /// <summary>
    /// A department's own row in a project list: surer than a title that names only its place (某市 → 某市数据资源管理局).
    /// </summary>
    public void OfferListedDepartment(string department)
    {
        department = CleanDepartment(department);
        if (department.Length == 0) return;
        if (Department.Length == 0 || (_departmentSource <= DepartmentSource.Title && !RowKinds.EndsLikeUnit(Department)
                                       && department.Length > Department.Length && department.StartsWith(Department, StringComparison.Ordinal)))
            (Department, _departmentSource) = (department, DepartmentSource.Unit);
    }

    public void SetDepartmentIfUnknown(string department)
    {
        department = CleanDepartment(department);
        if (Department.Length == 0 && department.Length > 0) (Department, _departmentSource) = (department, DepartmentSource.Unit);
    }

    [GeneratedRegex(@"(?:自评总分|项目总得分|自评得分|自评分数)\s*[:：]?\s*(?<score>\d{1,3}(?:\.\d+)?)\s*分?")]
    private static partial Regex StatedScoreLine();

    /// <summary>`（2022年度）` alone on its line, or `2022年度` in a line that names a self-evaluation.</summary>
    [GeneratedRegex(@"^\s*[（(]\s*(?<year>(?:19|20)\d{2})\s*年度?\s*[)）]\s*$(?<alone>)|(?<year>(?:19|20)\d{2})\s*年度")]
    private static partial Regex EvaluatedYear();

    public void SetAmountUnitIfUnknown(string? unit)
    {
        if (AmountUnit is null && unit is not null) AmountUnit = unit;
    }

    /// <summary>
    /// The unit the table itself states, in a money label or an amount header (资金情况（元）, 金额（万元）): surer than a
    /// 单位：万元 line above it, which may belong to another table of the notice; a unit the table stated first stays.
    /// </summary>
    public void SetAmountUnitStatedByTable(string? unit)
    {
        if (unit is null || (AmountUnit is not null && !_amountUnitFromLine)) return;
        (AmountUnit, _amountUnitFromLine) = (unit, false);
    }

    private bool _amountUnitFromLine;
    private bool _underOtherTable;

    /// <summary>The amount unit and whether a line (not the table) stated it, to be restored by <see cref="WithdrawLineUnit"/>.</summary>
    public (string? Unit, bool FromLine) AmountUnitState => (AmountUnit, _amountUnitFromLine);

    /// <summary>Takes back a unit that a line stated since <paramref name="before"/> (the line belonged to another table).</summary>
    public void WithdrawLineUnit((string? Unit, bool FromLine) before)
    {
        if (_amountUnitFromLine && AmountUnit != before.Unit) (AmountUnit, _amountUnitFromLine) = before;
    }

    /// <summary>
    /// The project a title names when no 项目名称 label does: `样例县2025年春耕补贴项目绩效目标表` → `春耕补贴项目`.
    /// </summary>
    /// <remarks>A heading with no table word (某某项目绩效目标) names the project as well.</remarks>
    public static string ProjectNameOf(string title)
    {
        var name = TitleDepartmentYear().Match(title) is { Success: true } m ? title[m.Length..] : title;
        if (name.StartsWith('度')) name = name[1..]; // 2022年度 cut after 年
        name = TitleSuffix().Replace(name.Trim(), "").Trim(' ', '“', '”', '"', '《', '》', '-', '—', '：', ':');
        // A bracket is trimmed only where it is left alone: 春耕补贴（一期） keeps its own.
        while (name.Length > 0 && name[0] is '（' or '(' && name.IndexOfAny(['）', ')']) < 0) name = name[1..].TrimStart();
        while (name.Length > 0 && name[^1] is '）' or ')' && name.IndexOfAny(['（', '(']) < 0) name = name[..^1].TrimEnd();
        while (name.Length > 0 && name[^1] is '（' or '(') name = name[..^1].TrimEnd();
        return name;
    }

    // The table's word, also in brackets after the name: 春耕补贴（项目支出绩效公开表）.
    [GeneratedRegex(@"(?:[（(]\s*)?(?:度)?(?:项目支出)?(?:(?:绩效目标|绩效评价指标|绩效指标|绩效)?(?:申报表|批复表|公开表|审核表|目标表|自评表|自评(?:工作)?报告|表)|绩效目标)\s*[)）]?$")]
    private static partial Regex TitleSuffix();

    private static bool NamesPerformanceTable(string line) => line.Contains("绩效", StringComparison.Ordinal);

    /// <summary>A title line of a table that is no performance table (2026年专项资金分配表, 项目支出预算明细表).</summary>
    public static bool IsTitleOfAnotherTable(string line) => LooksLikeTitle(line) && !NamesPerformanceTable(line);

    /// <summary>A title line that names a performance table (…绩效目标表).</summary>
    public static bool IsPerformanceTitle(string line) => LooksLikeTitle(line) && NamesPerformanceTable(line);

    // A note under the table (备注：绩效指标按…填报) speaks of the table; it is never its title.
    // A report's table of contents lists the tables too (…绩效目标表……12): an entry is no title.
    private static bool LooksLikeTitle(string line) =>
        line.Length >= 6 && (line.Contains("绩效") || line.EndsWith('表') || line.Contains("公开表") || line.Contains("申报表"))
        && !RowKinds.IsNoteText(line) && !ContentsEntry().IsMatch(line) && !IsSentence(line);

    /// <summary>A paragraph of a notice (请切实加强资金管理，做好绩效运行监控…（详见附件1）。): long, ending a sentence.</summary>
    private static bool IsSentence(string line) => line.Length > 25 && line.TrimEnd()[^1] is '。' or '；' or ';';

    /// <summary>Leader dots before a page number at the end of the line (12, （15）, 第18页), or 第18页 after a gap.</summary>
    [GeneratedRegex(@"(?:[.…·．‥⋯]{3,}|…{2,})\s*(?:[（(]\s*\d{1,4}\s*[)）]|第\s*\d{1,4}\s*页|\d{1,4})\s*$|\s第\s*\d{1,4}\s*页\s*$")]
    private static partial Regex ContentsEntry();

    /// <summary>A four-digit year written as a year (2024年, 2025年度, （2025年度）).</summary>
    public static int? FindYear(string line)
    {
        var m = YearWord().Match(line);
        return m.Success ? int.Parse(m.Groups[1].Value) : null;
    }

    /// <summary>The unit an amount column's header names: `金额（万元）`, `申报数(元)`.</summary>
    public static string? AmountHeaderUnit(string header) =>
        FindAmountUnit(header) ?? (BracketedUnit().Match(header) is { Success: true } m
            ? (m.Groups[1].Value == "万元" ? AmountUnits.TenThousandYuan : AmountUnits.Yuan)
            : null);

    [GeneratedRegex(@"[(（]\s*(万元|元)\s*[)）]")]
    private static partial Regex BracketedUnit();

    /// <summary>万元 or 元 written after an amount (`1500000.00元`, `150万元`), or null.</summary>
    public static string? GluedAmountUnit(string text)
    {
        var t = CellValues.Line(text).Trim();
        // An amount followed by a note (32,605,000.00元（其中上级资金3260500元）): the unit is the amount's.
        if (t.IndexOfAny(['（', '(']) is var note and > 0) t = t[..note].TrimEnd();
        var digits = t.TrimEnd('元', '万').Length;
        if (digits == t.Length || digits == 0 || !char.IsAsciiDigit(t[digits - 1])) return null;
        return t.EndsWith("万元", StringComparison.Ordinal) ? AmountUnits.TenThousandYuan : t.EndsWith('元') ? AmountUnits.Yuan : null;
    }

    /// <summary>万元 or 元 from `金额单位：元`, `单位：万元`, `金额(万元)`, `项目资金（万元）`.</summary>
    public static string? FindAmountUnit(string text)
    {
        var m = UnitDeclaration().Match(text);
        // A label spaced out or broken over its cell (资 金 情 况（元）, 项⏎目⏎金⏎额（元）).
        if (!m.Success && (text.Any(char.IsWhiteSpace) || text.Contains('<'))) m = UnitDeclaration().Match(CellValues.Key(CellValues.Line(text)));
        if (!m.Success) return null;
        return m.Groups["unit"].Value switch
        {
            "万元" => AmountUnits.TenThousandYuan,
            "元" => AmountUnits.Yuan,
            _ => null,
        };
    }

    [GeneratedRegex(@"^(?<dept>[^\d（(]{2,40}?)\s*(?<year>(?:19|20)\d{2})\s*年")]
    private static partial Regex TitleDepartmentYear();

    [GeneratedRegex(@"^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)]|\d{1,2}[、.．](?!\d)|[（(]\d{1,2}[）)])")]
    private static partial Regex SectionHeading();

    /// <summary>`2024年示例区文化和旅游局项目绩效目标申报表`: the year first, the department up to the table's words.</summary>
    /// <summary>The words a title names its table with, after the department (…部门预算…, …项目支出…).</summary>
    private const string TableWords = "部门预算|部门整体|单位整体|整体支出|项目支出|预算项目|项目绩效|绩效目标";

    [GeneratedRegex(@"^(?<year>(?:19|20)\d{2})\s*年度?(?<dept>[^\d（(]{2,40}?)(?:" + TableWords + "|本级|$)")]
    private static partial Regex TitleYearDepartment();

    [GeneratedRegex(@"^(?<dept>[^\d（(]{2,40}?)(?:" + TableWords + ")")]
    private static partial Regex TitleDepartmentNoYear();

    [GeneratedRegex(@"((?:19|20)\d{2})\s*年")]
    private static partial Regex YearWord();

    // 计量单位 / 度量单位 / 指标（值）单位 name an indicator's unit of measure, never the amounts'.
    [GeneratedRegex(@"(?:(?<![量标值])单位|金额|资金|预算数|预算)[^:：()（）]{0,6}[:：(（]\s*(?<unit>万元|元)")]
    private static partial Regex UnitDeclaration();

    [GeneratedRegex(@"(?:填报单位|预算单位|项目单位|单位名称|部门名称|主管部门|预算部门|申报单位|部门)(?:\s*[（(](?:盖章|公章|章)[)）])?\s*[:：]\s*(?<dept>[^\s:：,，;；]{2,40})")]
    private static partial Regex DepartmentLabel();

    [GeneratedRegex(@"(?<label>发文单位|发布机构|发文机关|来源)\s*[:：]\s*(?<dept>[^\s:：,，;；]{2,40})")]
    private static partial Regex PublisherLabel();
}
