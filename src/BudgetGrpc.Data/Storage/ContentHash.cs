using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using BudgetGrpc.Engine.Model;

namespace BudgetGrpc.Data;

/// <summary>
/// SHA-256 of what the engine read, leaving out where it came from (file name, byte hash) and which engine read it,
/// so a reprocess stores a new revision only when the reading itself changed. Written field by field (not by
/// reflection) so the canonical form is explicit and cheap: it runs on every import.
/// </summary>
public static class ContentHash
{
    public static string Of(Disclosure d)
    {
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartArray();
            w.WriteStringValue(d.Source.Format);
            w.WriteStringValue(d.Source.Layout.ToString());
            w.WriteStringValue(d.Kind.ToString());
            w.WriteStringValue(d.Title);
            w.WriteStringValue(d.Department);
            Int(w, d.FiscalYear);
            w.WriteStringValue(d.AmountUnit);
            Number(w, d.DeclaredTotal);
            Source(w, d.DeclaredTotalSource);
            w.WriteStartArray();
            foreach (var p in d.Projects) Project(w, p);
            w.WriteEndArray();
            w.WriteStartArray();
            foreach (var f in d.Findings)
            {
                w.WriteStartArray();
                w.WriteStringValue(f.RuleId);
                w.WriteStringValue(f.Severity.ToString());
                w.WriteStringValue(f.Message);
                w.WriteStringValue(f.MessageEn);
                w.WriteStringValue(f.ProjectCode);
                Int(w, f.IndicatorIndex);
                Source(w, f.Source);
                w.WriteEndArray();
            }
            w.WriteEndArray();
            w.WriteEndArray();
        }
        return Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan));
    }

    private static void Project(Utf8JsonWriter w, Project p)
    {
        w.WriteStartArray();
        w.WriteStringValue(p.Code);
        w.WriteStringValue(p.Name);
        Number(w, p.Amount);
        w.WriteStringValue(p.Unit);
        w.WriteStartArray();
        foreach (var o in p.Objectives) w.WriteStringValue(o);
        w.WriteEndArray();
        w.WriteStartArray();
        foreach (var i in p.Indicators)
        {
            w.WriteStartArray();
            w.WriteStringValue(i.Level1);
            w.WriteStringValue(i.Level2);
            w.WriteStringValue(i.Name);
            w.WriteStringValue(i.Comparator.ToString());
            Number(w, i.Value);
            w.WriteStringValue(i.QualitativeValue);
            w.WriteStringValue(i.Unit);
            w.WriteStringValue(i.Text);
            Source(w, i.Source);
            w.WriteNumberValue((int)i.Flags);
            Number(w, i.Weight);
            w.WriteStringValue(i.Direction);
            // Self-evaluations only, so that the hashes of target tables stay what they were.
            if (i.Actual is { } a)
            {
                Number(w, a.Value);
                w.WriteStringValue(a.Unit);
                w.WriteStringValue(a.QualitativeValue);
                w.WriteStringValue(a.Text);
            }
            if (i.Score is not null || i.ComputedScore is not null || i.DeviationReason.Length > 0)
            {
                Number(w, i.Score);
                Number(w, i.ComputedScore);
                w.WriteStringValue(i.DeviationReason);
            }
            w.WriteEndArray();
        }
        w.WriteEndArray();
        w.WriteStartArray();
        foreach (var h in p.Headings)
        {
            w.WriteStartArray();
            w.WriteStringValue(h.Level1);
            w.WriteStringValue(h.Level2);
            Source(w, h.Source);
            w.WriteEndArray();
        }
        w.WriteEndArray();
        w.WriteStartArray();
        foreach (var (key, value) in p.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            w.WriteStringValue(key);
            w.WriteStringValue(value);
        }
        w.WriteEndArray();
        Source(w, p.Source);
        if (p.Budget is { } b)
        {
            foreach (var v in (ReadOnlySpan<decimal?>)[b.Initial, b.Adjusted, b.Executed, b.ExecutionRate, b.Weight, b.Score, b.ComputedScore]) Number(w, v);
            // Both are stored with the budget part: a rate now read where it was computed (or the other way), or the part
            // found on another row, is another reading.
            w.WriteBooleanValue(b.ExecutionRateComputed);
            Source(w, b.Source);
        }
        if (p.StatedTotal is { } t)
        {
            Number(w, t.Weight);
            Number(w, t.Score);
        }
        foreach (var lw in p.LevelWeights)
        {
            w.WriteStringValue(lw.Level1);
            w.WriteStringValue(lw.Level2);
            Number(w, lw.Weight);
        }
        if (p.ComputedScore is not null || p.Grade.Length > 0)
        {
            Number(w, p.ComputedScore);
            w.WriteStringValue(p.Grade);
        }
        w.WriteEndArray();
    }

    private static void Source(Utf8JsonWriter w, SourceRef? s)
    {
        if (s is null)
        {
            w.WriteNullValue();
            return;
        }
        w.WriteStartArray();
        w.WriteStringValue(s.Sheet);
        w.WriteNumberValue(s.Row);
        w.WriteNumberValue(s.Column);
        w.WriteStringValue(s.ColumnName);
        w.WriteEndArray();
    }

    private static void Int(Utf8JsonWriter w, int? value)
    {
        if (value is int v) w.WriteNumberValue(v);
        else w.WriteNullValue();
    }

    // 18.0 and 18.00 are the same amount; the scale a reader happened to keep is not a change.
    private static void Number(Utf8JsonWriter w, decimal? value)
    {
        if (value is decimal v) w.WriteStringValue((v / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture));
        else w.WriteNullValue();
    }
}
