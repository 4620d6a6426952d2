using System.Text.RegularExpressions;
using BudgetGrpc.Engine.Model;
using BudgetGrpc.Engine.Reading;

namespace BudgetGrpc.Engine.Indicators;

/// <summary>Reads a target written in one cell (≥9000人, 不低于90%, 明显改善) or spread over the columns of a long table.</summary>
public static class TargetParser
{
    private static readonly char[] EndPunctuation = ['。', '.', '；', ';', '，', ',', '、', ' ', '：', ':'];

    /// <summary>A target written in one cell or fragment.</summary>
    public static Target Parse(string text)
    {
        var plain = Clean(text);
        if (plain.Length == 0) return Target.None;

        if (plain.StartsWith("定性", StringComparison.Ordinal))
            return AfterQualitative(plain[2..].TrimStart(' ', ':', '：'));

        var folded = UnitNames.FoldWidth(plain).TrimEnd(EndPunctuation);
        if (DateInFigures(folded) is { } date) return Target.Qualitative(date);
        if (TargetPatterns.WholePeriod.IsMatch(folded)) return Target.Qualitative(plain);
        // ±3%以内: a tolerance; the bound word says which side counts.
        if (folded.Length > 1 && folded[0] == '±') folded = folded[1..];
        // 二 before a figure is ＝ typed with the wrong key (二100%): no table writes a Chinese numeral before digits.
        if (folded.Length > 1 && folded[0] == '二' && char.IsAsciiDigit(folded[1])) folded = "=" + folded[1..];

        var m = TargetPatterns.WholeCell.Match(folded);
        if (m.Success && !IsDateInWords(m)) return FromMatch(m);
        if (PerMeasure(folded) is { } rate) return rate;
        if (BoundInSentence(folded) is { } bound) return bound;
        if (BoundAtSentenceEnd(folded) is { } end) return end;

        return Target.Qualitative(plain.TrimEnd(EndPunctuation));
    }

    /// <summary>
    /// A sentence that states its target with one bound word before a figure (暂定按15次作业且总航时不少于30小时测算): that
    /// bound, the figure and the known unit after it (≥30 小时). Two bounds, or a bound without a figure, leave the words.
    /// </summary>
    private static Target? BoundInSentence(string folded)
    {
        var m = TargetPatterns.BoundInSentence.Match(folded);
        if (!m.Success || m.NextMatch().Success) return null;
        var numberEnd = m.Index + m.Length;
        var unit = folded[numberEnd..TargetScanner.UnitEnd(folded, numberEnd)];
        return new Target(TargetPatterns.Comparator(m.Groups["pre"].Value, ""), TargetPatterns.ParseNumber(m.Groups["num"].Value),
            UnitNames.Normalize(unit), "", IndicatorFlags.None);
    }

    /// <summary>
    /// A sentence that ends with its only figure, a known unit and a bound word after them (申请后15个工作日内, 接到报警后2小时内):
    /// that bound, figure and unit (≤15 个工作日). Another figure in the sentence, or words that are no unit between the
    /// figure and the bound (3个村内), leave the words.
    /// </summary>
    private static Target? BoundAtSentenceEnd(string folded)
    {
        var m = TargetPatterns.BoundAtSentenceEnd.Match(folded);
        if (!m.Success || folded.Take(m.Index).Any(char.IsAsciiDigit)) return null;
        var unitStart = m.Groups["unit"].Index;
        if (TargetScanner.UnitEnd(folded, unitStart) != m.Groups["post"].Index) return null;
        return new Target(TargetPatterns.Comparator("", m.Groups["post"].Value), TargetPatterns.ParseNumber(m.Groups["num"].Value),
            UnitNames.Normalize(m.Groups["unit"].Value), "", IndicatorFlags.None);
    }

    /// <summary>
    /// A rate written measure first (每亩300, 每年2次, 每人≥200元): the figure after it, per that measure (300 /亩, 2 次/年,
    /// ≥200 元/人). A figure with no unit of its own keeps none before the slash: the table does not say 元.
    /// </summary>
    private static Target? PerMeasure(string folded)
    {
        if (folded.Length < 3 || folded[0] != '每') return null;
        int measureEnd = TargetScanner.BaseUnitEnd(folded, 1);
        if (measureEnd == 1) return null;
        var measure = folded[1..measureEnd];
        var rest = Parse(folded[(1 + measure.Length)..]);
        if (rest.Value is null || rest.Unit.Contains('/', StringComparison.Ordinal)) return null;
        return rest with { Unit = rest.Unit + "/" + measure };
    }

    /// <summary>
    /// A date in figures (a spreadsheet's date cell as printed: 2026/6/30, 2026-6-30) as yyyy-MM-dd, the form the
    /// spreadsheet readers give the cell itself; null when the text is no real date.
    /// </summary>
    private static string? DateInFigures(string folded)
    {
        var m = TargetPatterns.WholeDate.Match(folded);
        if (!m.Success) return null;
        int year = int.Parse(m.Groups["y"].Value, System.Globalization.CultureInfo.InvariantCulture),
            month = int.Parse(m.Groups["m"].Value, System.Globalization.CultureInfo.InvariantCulture),
            day = int.Parse(m.Groups["d"].Value, System.Globalization.CultureInfo.InvariantCulture);
        if (year is < 1900 or > 2100 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return null;
        return new DateTime(year, month, day).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// A date that a spreadsheet export left as its serial number (44561 for 2021-12-31) in a time indicator: the date
    /// in words. Serial numbers of 2000-01-01 to 2049-12-31 only.
    /// </summary>
    public static Target DateFromSerial(Target target, string level2)
    {
        if (level2 != LevelNames.Timeliness || target.Value is not { } v || v != decimal.Truncate(v) || v < 36526m || v > 54788m
            || (target.Unit.Length > 0 && !target.Unit.Any(char.IsAsciiDigit))) return target;
        return Target.Qualitative(DateTime.FromOADate((double)v).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// A time written as a number with words (2023年底, 12月底到位, 2021年全年, 2025年): a time target in words, not
    /// a quantity of years or months. 3个月 and 10天 stay quantities.
    /// </summary>
    private static bool IsDateInWords(Match m)
    {
        var unit = m.Groups["unit"].Value;
        if (unit.Length == 0 || !TargetPatterns.IsDateUnit(unit[..1])) return false;
        if (unit.Length > 1 && !TargetPatterns.IsDateUnit(unit)) return true;
        return unit is "年" or "年度" && m.Groups["num"].Value.Length == 4 && m.Groups["pre"].Value.Length == 0;
    }

    /// <summary>
    /// The long layout: comparator, value and unit in their own columns, any of them empty. A unit written with the
    /// value ("95%") is used when the unit column is empty; a sign in the value ("≥90") when the comparator column is.
    /// The direction column (正向/反向指标) is accepted but decides nothing: the comparator is stated.
    /// </summary>
    public static Target FromColumns(string comparatorCell, string valueCell, string unitCell, string directionCell = "")
    {
        _ = directionCell;
        var comparator = TargetPatterns.FromColumn(Clean(comparatorCell));
        var unit = UnitNames.Normalize(Clean(unitCell));
        if (unit is "-" or "—" or "——" or "--" or "/" or "无" or "暂无" || unit.Any(char.IsAsciiDigit)) unit = ""; // "-", "/", "无", or a figure pasted into the unit column
        var value = Clean(valueCell);
        // 定性 | 基本建立 | (empty): the kind of value slid into the unit column and the target into the comparator's.
        if (unit is "定性" or "定量") unit = "";
        if (value.Length == 0 && comparator == Comparator.None && Clean(comparatorCell) is { Length: > 0 } beside
            && beside is not ("定性" or "定量") && !beside.Contains("正向") && !beside.Contains("反向"))
            value = beside;

        if (comparator == Comparator.Qualitative)
        {
            var q = AfterQualitative(value);
            return q.Value is not null && q.Unit.Length == 0 ? q with { Unit = unit } : q;
        }

        var parsed = Parse(value);
        if (!parsed.HasTarget) return Target.None with { Unit = unit };
        if (parsed.Comparator == Comparator.Qualitative) return parsed;

        return parsed with
        {
            Comparator = comparator == Comparator.None ? parsed.Comparator : comparator,
            Unit = unit.Length > 0 ? unit : parsed.Unit,
        };
    }

    /// <summary>
    /// What follows 定性: words are the qualitative target; a number is read as one (the misuse is flagged). A time in
    /// words (10月底前完成, 15日前发放到位) or a period stays words, as in a target cell of its own.
    /// </summary>
    internal static Target AfterQualitative(string rest)
    {
        rest = rest.Trim().TrimEnd(EndPunctuation);
        if (rest.Length == 0) return Target.Qualitative("");
        var folded = UnitNames.FoldWidth(rest);
        if (!TargetPatterns.WholePeriod.IsMatch(folded))
        {
            var m = TargetPatterns.WholeCell.Match(folded);
            if (m.Success && !IsDateInWords(m))
            {
                var numeric = FromMatch(m);
                return numeric with { Flags = numeric.Flags | IndicatorFlags.QualitativeWithNumber };
            }
        }
        return Target.Qualitative(rest);
    }

    internal static Target FromMatch(Match m) =>
        FromParts(m.Groups["pre"].Value, m.Groups["num"].Value, m.Groups["unit"].Value, m.Groups["post"].Value);

    internal static Target FromHit(in TargetHit hit) => FromParts(hit.Pre, hit.Digits, hit.Unit, hit.Post);

    private static Target FromParts(string pre, string digits, string rawUnit, string post)
    {
        // 100%覆盖, 95%完成: words after the percent sign say what the share is of; the unit is %.
        if (rawUnit.Length > 1 && rawUnit[0] == '%' && rawUnit[1] is >= '\u4e00' and <= '\u9fff') rawUnit = "%";
        var unit = UnitNames.Normalize(WithoutNote(rawUnit));
        var comparator = TargetPatterns.Comparator(pre, post);
        var value = TargetPatterns.ParseNumber(digits);
        var flags = IndicatorFlags.None;
        if (value is null) flags |= IndicatorFlags.Placeholder;
        else if (TargetPatterns.LooksLikeOcrFault(digits, value.Value, unit)) flags |= IndicatorFlags.SuspectedOcrFault;
        return new Target(comparator, value, unit, "", flags);
    }

    // "%（含）", "%（正向）": a bracketed note after the unit is not part of it; "万头(只)" is.
    private static string WithoutNote(string unit)
    {
        int open = unit.IndexOfAny(['(', '（']);
        if (open <= 0) return unit;
        var inner = unit[(open + 1)..].TrimEnd(')', '）');
        return TargetPatterns.BaseUnits.Contains(inner) ? unit : unit[..open];
    }

    private static string Clean(string? text) =>
        string.IsNullOrEmpty(text) ? "" : string.Join(" ", CellMarkup.ToLines(text));
}
