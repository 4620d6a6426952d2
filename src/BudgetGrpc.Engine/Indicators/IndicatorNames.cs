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
        return name.Trim(Edge);
    }

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
