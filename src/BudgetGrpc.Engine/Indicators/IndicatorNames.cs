using System.Text.RegularExpressions;

namespace BudgetGrpc.Engine.Indicators;

/// <summary>Cleans a third-level indicator name cut out of free text.</summary>
internal static partial class IndicatorNames
{
    private static readonly char[] Edge = [' ', '：', ':', '，', ',', '；', ';', '。', '.', '、', '\u00A0'];

    /// <summary>
    /// Edges trimmed, a doubled word from OCR (满意度满意度) collapsed, and a bracketed unit note at the end
    /// ("经费投入(万元)") removed; the note is returned so a target without a unit can take it.
    /// </summary>
    public static string Clean(string raw, out string unitNote)
    {
        unitNote = "";
        var name = raw.Trim(Edge);
        var note = TrailingUnitNote().Match(name);
        if (note.Success)
        {
            unitNote = UnitNames.Normalize(note.Groups[1].Value);
            name = name[..note.Index].Trim(Edge);
        }
        name = DoubledWord().Replace(name, "$1");
        // 托管机柜数量（≥60台）: the target in brackets after the name leaves the opening bracket behind.
        return name.Trim(Edge).TrimEnd('(', '（').Trim(Edge);
    }

    /// <summary>
    /// A name from an indicator column: a leading `指标1：` or numbering removed, and a trailing note that says how the
    /// target is written (`受益人数（人）`, `苗木成活率（≥**%）`, a template's placeholder left in) removed and returned as a
    /// hint for a bare value beside it.
    /// </summary>
    public static string FromColumn(string raw, out Target hint)
    {
        hint = Target.None;
        var name = LeadingItemNumber().Replace(raw.Trim(), "");
        var note = TrailingNote().Match(name);
        if (note.Success)
        {
            var inner = note.Groups[1].Value;
            // 养殖棚（≥**间）: the template's stars stand for the figure; 养殖棚（≥间）: the bound and the unit with no figure at all.
            var bound = inner.Contains('*') ? 0 : BoundOnly().Match(inner).Length;
            var parsed = TargetParser.Parse(bound > 0 ? inner[..bound] + "0" + inner[bound..] : inner.Replace("*", "0"));
            var unitOnly = UnitNames.Normalize(inner);
            if (parsed.Value is not null && parsed.Comparator != Model.Comparator.Qualitative
                && (inner.Contains('*') || (bound > 0 && TargetPatterns.IsStatedUnit(parsed.Unit))))
                hint = parsed with { Value = null };
            else if (TargetPatterns.IsStatedUnit(unitOnly))
                hint = Target.None with { Unit = unitOnly };
            if (hint != Target.None) name = name[..note.Index];
        }
        return name.Trim(Edge);
    }

    [GeneratedRegex(@"^(?:指标\s*\d{1,2}\s*[:：.、]|\d{1,2}[.、．]\s*(?=\D)|[(（]\d{1,2}[)）])\s*")]
    private static partial Regex LeadingItemNumber();

    // A bound sign at the start of a note that holds no figure (≥台, ≤万元); the unit must follow for it to count.
    [GeneratedRegex(@"^(?:>=|<=|≥|≤|≧|≦|>|<|＞|＜)(?=\D*$)")]
    private static partial Regex BoundOnly();

    // One level of brackets inside the note: a unit with its alternative (（万头(只)）).
    [GeneratedRegex(@"[(（]([^()（）]{1,12}(?:[(（][^()（）]{1,4}[)）])?)[)）]$")]
    private static partial Regex TrailingNote();

    /// <summary>
    /// A satisfaction item often puts the aim before the indicator: "为中小企业发展创造环境，社会满意度".
    /// The last clause is the indicator when it alone names the satisfaction measured.
    /// </summary>
    public static string SatisfactionName(string name)
    {
        int cut = name.LastIndexOfAny(['，', ',', '；', ';', '。']);
        if (cut <= 0 || cut == name.Length - 1) return name;
        var head = name[..cut];
        var tail = name[(cut + 1)..].Trim();
        return tail.Contains("满意", StringComparison.Ordinal) && !head.Contains("满意", StringComparison.Ordinal) ? tail : name;
    }

    [GeneratedRegex(@"[(（]((?:万|亿|千)?元|%|％|人|个|次|项|家|吨|亩|天)[)）]$")]
    private static partial Regex TrailingUnitNote();

    // The same word of 2-4 characters written twice in a row, as OCR doubles a cell's last word.
    [GeneratedRegex(@"(满意度|满意率|合格率|完成率|覆盖率)\1")]
    private static partial Regex DoubledWord();
}
