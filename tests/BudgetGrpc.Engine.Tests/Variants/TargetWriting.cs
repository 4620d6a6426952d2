using System.Globalization;
using V = BudgetGrpc.Engine.Tests.Variants.VariantVocabulary;

namespace BudgetGrpc.Engine.Tests.Variants;

/// <summary>How a variant writes comparators, values and units: chosen once per variant.</summary>
internal sealed record TargetStyle(
    string Signs, string EqualSign, string Words, string PercentSpelling, string ComparatorCells, string EmptyUnit, bool ShortWan, bool Spaced)
{
    public static TargetStyle Choose(VariantAxes axes) => new(
        axes.Pick("signs", "symbols", "ascii", "mixed", "jis"),
        axes.Pick("equal", "bare", "sign"),
        axes.Pick("words", "none", "some", "all"),
        axes.Pick("percentSpelling", "%", "%", "百分比", "％"),
        axes.Pick("comparatorCells", "signs", "signs", "signs", "words"),
        axes.Pick("emptyUnit", "blank", "blank", "dash") == "dash" ? "-" : "",
        // 万 for 万元 (survey: 4 tables), and spaces inside a glued target (`≥ 95 %`) as exports and OCR leave them.
        axes.Flag("shortWan", 0.2),
        axes.Flag("spacedTargets", 0.2));

    /// <summary>The unit as this variant spells it.</summary>
    public string Spell(string unit) => unit switch
    {
        "%" when PercentSpelling == "百分比" => "百分比",
        "%" when PercentSpelling == "％" => "％",
        "万元" when ShortWan => "万",
        _ => unit,
    };
}

/// <summary>Writes one target into its cells: comparator, value and unit glued into one cell or split over columns.</summary>
internal static class TargetWriting
{
    public static string Number(decimal value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    private static string Sign(string comparator, TargetStyle style, Random random)
    {
        var ascii = style.Signs == "ascii" || style.Signs == "mixed" && random.Next(2) == 0;
        var jis = style.Signs == "jis";
        return comparator switch
        {
            ">=" => ascii ? ">=" : jis ? "≧" : "≥",
            "<=" => ascii ? "<=" : jis ? "≦" : "≤",
            ">" => ascii ? ">" : "＞",
            "<" => ascii ? "<" : "＜",
            _ => ascii ? "=" : "＝",
        };
    }

    /// <summary>The comparator column's cell.</summary>
    public static string ComparatorCell(CanonIndicator i, TargetStyle style, Random random) =>
        i.IsQualitative ? "定性"
        : style.ComparatorCells == "words"
            ? i.Comparator switch { ">=" => "大于等于", "<=" => "小于等于", ">" => "大于", "<" => "小于", _ => "等于" }
            : Sign(i.Comparator, style, random);

    /// <summary>The value cell; the comparator is glued in front unless it has a column, the unit behind unless it has one.</summary>
    public static string ValueCell(CanonIndicator i, decimal? value, string qualitative, TargetStyle style, bool comparatorColumn, bool unitColumn, Random random)
    {
        if (i.IsQualitative) return qualitative;
        // 百分比 is a column word; glued to a number a percentage is % or ％.
        var glued = style.PercentSpelling == "百分比" && i.Unit == "%" ? "%" : style.Spell(i.Unit);
        var gap = style.Spaced ? " " : "";
        var number = Number(value!.Value) + (unitColumn || glued.Length == 0 ? "" : gap + glued);
        if (comparatorColumn) return number;
        var words = style.Words == "all" || style.Words == "some" && random.Next(2) == 0;
        if (words && i.Comparator is ">=" or "<=" or ">" or "<")
        {
            var forms = i.Comparator switch { ">=" => V.AtLeastWords, "<=" => V.AtMostWords, ">" => V.AboveWords, _ => V.BelowWords };
            return forms[random.Next(forms.Length)].Replace("{v}", number);
        }
        if (i.Comparator == "=" && style.EqualSign == "bare") return number;
        return Sign(i.Comparator, style, random) + gap + number;
    }

    public static string UnitCell(CanonIndicator i, TargetStyle style) =>
        i.IsQualitative || i.Unit.Length == 0 ? style.EmptyUnit : style.Spell(i.Unit);

    /// <summary>A value that is not this year's target (last year's actual, a long-term value): never equal to it.</summary>
    public static (decimal? Value, string Qualitative) OtherValue(CanonIndicator i)
    {
        if (i.IsQualitative) return (null, i.Qualitative == "基本完成" ? "逐步推进" : "基本完成");
        var v = i.Value!.Value;
        if (v == 0) return (1, "");
        if (i.Unit == "%" && v >= 99) return (v - 2, "");
        var other = Math.Round(v * 0.9m, v >= 10 ? 0 : 2);
        return (other == v ? v + 1 : other, "");
    }

    /// <summary>The target as one line of free text (wide tables): `name≥120公里`, `name 定性 效果明显`, `name：效果明显`.</summary>
    public static string Item(CanonIndicator i, TargetStyle style, string separator, string qualitativeSeparator, Random random)
    {
        if (i.IsQualitative) return i.Name + qualitativeSeparator + i.Qualitative;
        return i.Name + separator + ValueCell(i, i.Value, "", style, comparatorColumn: false, unitColumn: false, random);
    }
}
