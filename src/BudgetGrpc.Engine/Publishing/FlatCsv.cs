using System.Text;
using BudgetGrpc.Engine.Model;

namespace BudgetGrpc.Engine.Publishing;

/// <summary>
/// One row per indicator with its project's fields, for spreadsheets. Text cells that a spreadsheet would
/// execute as a formula (leading =, +, -, @, tab, carriage return) are neutralised with a leading apostrophe.
/// </summary>
public static class FlatCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    private static readonly string[] Header =
    [
        "disclosureId", "revision", "department", "fiscalYear", "amountUnit", "projectCode", "projectName",
        "projectAmount", "level1", "level2", "indicatorName", "comparator", "value", "qualitativeValue", "unit",
        "text", "sourceRef",
    ];

    /// <summary>Added after <see cref="Header"/> for self-evaluations: the project's evaluation, then the indicator's.</summary>
    private static readonly string[] EvaluationHeader =
    [
        "budgetAdjusted", "budgetExecuted", "executionRate", "declaredScore", "computedScore", "grade",
        "actualValue", "actualUnit", "actualQualitativeValue", "weight", "score", "indicatorComputedScore", "deviationReason",
    ];

    // Columns holding decimals or comparators we wrote ourselves: never neutralised.
    private static readonly HashSet<int> OwnColumns = [11, 12, 17, 18, 19, 20, 21, 23, 26, 27, 28];

    /// <summary>UTF-8 with a BOM, so that Excel on a Chinese Windows opens it without mojibake.</summary>
    public static byte[] ToUtf8Bytes(Disclosure disclosure, PublicationMeta? meta = null)
    {
        var sb = new StringBuilder(8 * 1024);
        Write(sb, disclosure, meta ?? PublicationMeta.Offline);
        var preamble = Encoding.UTF8.GetPreamble();
        var bytes = new byte[preamble.Length + Encoding.UTF8.GetByteCount(sb.ToString())];
        preamble.CopyTo(bytes, 0);
        Encoding.UTF8.GetBytes(sb.ToString(), 0, sb.Length, bytes, preamble.Length);
        return bytes;
    }

    public static void Write(StringBuilder sb, Disclosure d, PublicationMeta meta)
    {
        var evaluation = d.Kind == DisclosureKind.SelfEvaluation;
        WriteRow(sb, evaluation ? [.. Header, .. EvaluationHeader] : Header, neutralise: false);
        var fields = new string[Header.Length + (evaluation ? EvaluationHeader.Length : 0)];
        foreach (var p in d.Projects)
        {
            fields[0] = meta.DisclosureId ?? "";
            fields[1] = meta.Revision?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "";
            fields[2] = d.Department;
            fields[3] = d.FiscalYear?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "";
            fields[4] = d.AmountUnit;
            fields[5] = p.Code;
            fields[6] = p.Name;
            fields[7] = p.Amount is { } a ? DecimalText.Money(a) : "";
            if (evaluation)
            {
                fields[17] = Dec(p.Budget?.Adjusted, DecimalText.Money);
                fields[18] = Dec(p.Budget?.Executed, DecimalText.Money);
                fields[19] = Dec(p.Budget?.ExecutionRate, DecimalText.Normalized);
                fields[20] = Dec(p.DeclaredScore, DecimalText.Normalized);
                fields[21] = Dec(p.ComputedScore, DecimalText.Normalized);
                fields[22] = p.Grade;
            }
            if (p.Indicators.Count == 0)
            {
                Array.Fill(fields, "", 8, Header.Length - 8);
                if (evaluation) Array.Fill(fields, "", 23, fields.Length - 23);
                WriteRow(sb, fields, neutralise: true);
                continue;
            }
            foreach (var i in p.Indicators)
            {
                fields[8] = i.Level1;
                fields[9] = i.Level2;
                fields[10] = i.Name;
                fields[11] = i.Comparator.ToWire();
                fields[12] = i.Value is { } v ? DecimalText.Normalized(v) : "";
                fields[13] = i.QualitativeValue;
                fields[14] = i.Unit;
                fields[15] = i.Text;
                fields[16] = i.Source.ToString();
                if (evaluation)
                {
                    fields[23] = Dec(i.Actual?.Value, DecimalText.Normalized);
                    fields[24] = i.Actual?.Unit ?? "";
                    fields[25] = i.Actual?.QualitativeValue ?? "";
                    fields[26] = Dec(i.Weight, DecimalText.Normalized);
                    fields[27] = Dec(i.Score, DecimalText.Normalized);
                    fields[28] = Dec(i.ComputedScore, DecimalText.Normalized);
                    fields[29] = i.DeviationReason;
                }
                WriteRow(sb, fields, neutralise: true);
            }
        }
    }

    private static void WriteRow(StringBuilder sb, IReadOnlyList<string> fields, bool neutralise)
    {
        for (var k = 0; k < fields.Count; k++)
        {
            if (k > 0) sb.Append(',');
            // Comparators such as ">=" and our own decimal strings are data we wrote; everything else is source text.
            var value = neutralise && !OwnColumns.Contains(k) ? Neutralise(fields[k]) : fields[k];
            AppendField(sb, value);
        }
        sb.Append("\r\n");
    }

    private static string Dec(decimal? value, Func<decimal, string> format) => value is { } v ? format(v) : "";

    /// <summary>Prefixes a cell that a spreadsheet would treat as a formula.</summary>
    public static string Neutralise(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;

    private static void AppendField(StringBuilder sb, string value)
    {
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            sb.Append(value);
            return;
        }
        sb.Append('"').Append(value.Replace("\"", "\"\"")).Append('"');
    }
}
