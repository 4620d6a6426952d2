using System.Text.Encodings.Web;
using System.Text.Json;
using BudgetGrpc.Engine.Model;

namespace BudgetGrpc.Engine.Publishing;

/// <summary>
/// Writes publication JSON v1 (shared/spec/publication-json-v1.md): what `budget parse --format json` prints
/// and what downstream systems receive. Fields are only ever added within version 1.
/// </summary>
public static class PublicationJson
{
    public const string SchemaVersion = "1";
    public const string ContentType = "application/json; charset=utf-8";

    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        // Chinese stays readable; the contract asks for UTF-8 text without \u escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static byte[] ToUtf8Bytes(Disclosure disclosure, PublicationMeta? meta = null)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(16 * 1024);
        using (var writer = new Utf8JsonWriter(buffer, Options))
            Write(writer, disclosure, meta ?? PublicationMeta.Offline);
        return buffer.WrittenSpan.ToArray();
    }

    public static void Write(Stream stream, Disclosure disclosure, PublicationMeta? meta = null)
    {
        using var writer = new Utf8JsonWriter(stream, Options);
        Write(writer, disclosure, meta ?? PublicationMeta.Offline);
    }

    private static void Write(Utf8JsonWriter w, Disclosure d, PublicationMeta meta)
    {
        w.WriteStartObject();
        w.WriteString("schemaVersion", SchemaVersion);
        if (meta.DisclosureId is not null) w.WriteString("disclosureId", meta.DisclosureId);
        if (meta.Revision is not null) w.WriteNumber("revision", meta.Revision.Value);
        w.WriteStartObject("source");
        w.WriteString("fileName", d.Source.FileName);
        w.WriteString("sha256", d.Source.Sha256);
        w.WriteString("format", d.Source.Format);
        w.WriteString("layout", LayoutName(d.Source.Layout));
        w.WriteEndObject();
        w.WriteString("kind", KindName(d.Kind));
        w.WriteString("title", d.Title);
        w.WriteString("department", d.Department);
        if (d.FiscalYear is { } year) w.WriteNumber("fiscalYear", year);
        else w.WriteNull("fiscalYear");
        w.WriteString("amountUnit", d.AmountUnit);
        WriteDecimalOrNull(w, "declaredTotal", d.DeclaredTotal, DecimalText.Money);
        w.WriteString("computedTotal", DecimalText.Money(d.ComputedTotal));
        w.WriteStartArray("projects");
        var selfEvaluation = d.Kind == DisclosureKind.SelfEvaluation;
        foreach (var p in d.Projects) WriteProject(w, p, d.AmountUnit, selfEvaluation);
        w.WriteEndArray();
        w.WriteStartArray("findings");
        foreach (var f in d.Findings) WriteFinding(w, f);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteProject(Utf8JsonWriter w, Project p, string amountUnit, bool selfEvaluation)
    {
        w.WriteStartObject();
        w.WriteString("code", p.Code);
        w.WriteString("name", p.Name);
        WriteDecimalOrNull(w, "amount", p.Amount, DecimalText.Money);
        WriteDecimalOrNull(w, "amountYuan", p.AmountYuan(amountUnit), DecimalText.Money);
        if (p.Unit.Length > 0) w.WriteString("unit", p.Unit);
        w.WriteStartArray("objectives");
        foreach (var o in p.Objectives) w.WriteStringValue(o);
        w.WriteEndArray();
        if (selfEvaluation) WriteEvaluation(w, p);
        w.WriteStartArray("indicators");
        foreach (var i in p.Indicators) WriteIndicator(w, i, selfEvaluation);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>The self-evaluation fields of a project (spec: additions, selfEvaluation).</summary>
    private static void WriteEvaluation(Utf8JsonWriter w, Project p)
    {
        if (p.Budget is { } b)
        {
            w.WriteStartObject("budget");
            WriteDecimalOrNull(w, "initial", b.Initial, DecimalText.Money);
            WriteDecimalOrNull(w, "adjusted", b.Adjusted, DecimalText.Money);
            WriteDecimalOrNull(w, "executed", b.Executed, DecimalText.Money);
            WriteDecimalOrNull(w, "executionRate", b.ExecutionRate, DecimalText.Normalized);
            WriteDecimalOrNull(w, "weight", b.Weight, DecimalText.Normalized);
            WriteDecimalOrNull(w, "score", b.Score, DecimalText.Normalized);
            w.WriteEndObject();
        }
        else w.WriteNull("budget");
        WriteDecimalOrNull(w, "declaredScore", p.DeclaredScore, DecimalText.Normalized);
        WriteDecimalOrNull(w, "computedScore", p.ComputedScore, DecimalText.Normalized);
        w.WriteString("grade", p.Grade);
    }

    private static void WriteIndicator(Utf8JsonWriter w, Indicator i, bool selfEvaluation)
    {
        w.WriteStartObject();
        w.WriteString("level1", i.Level1);
        w.WriteString("level2", i.Level2);
        w.WriteString("name", i.Name);
        w.WriteString("comparator", i.Comparator.ToWire());
        WriteDecimalOrNull(w, "value", i.Value, DecimalText.Normalized);
        w.WriteString("qualitativeValue", i.QualitativeValue);
        w.WriteString("unit", i.Unit);
        w.WriteString("text", i.Text);
        w.WriteString("sourceRef", i.Source.ToString());
        if (i.Weight is { } weight) w.WriteString("weight", DecimalText.Normalized(weight));
        if (i.Direction.Length > 0) w.WriteString("direction", i.Direction);
        if (selfEvaluation)
        {
            var a = i.Actual ?? IndicatorActual.Empty;
            w.WriteStartObject("actual");
            WriteDecimalOrNull(w, "value", a.Value, DecimalText.Normalized);
            w.WriteString("unit", a.Unit);
            w.WriteString("qualitativeValue", a.QualitativeValue);
            w.WriteString("text", a.Text);
            w.WriteEndObject();
            if (i.Weight is null) w.WriteNull("weight");
            WriteDecimalOrNull(w, "score", i.Score, DecimalText.Normalized);
            WriteDecimalOrNull(w, "computedScore", i.ComputedScore, DecimalText.Normalized);
            w.WriteString("deviationReason", i.DeviationReason);
        }
        w.WriteEndObject();
    }

    private static void WriteFinding(Utf8JsonWriter w, Finding f)
    {
        w.WriteStartObject();
        w.WriteString("ruleId", f.RuleId);
        w.WriteString("severity", SeverityName(f.Severity));
        if (f.ProjectCode is not null) w.WriteString("projectCode", f.ProjectCode);
        if (f.IndicatorIndex is { } index) w.WriteNumber("indicatorIndex", index);
        w.WriteString("message", f.Message);
        if (f.MessageEn.Length > 0) w.WriteString("messageEn", f.MessageEn);
        if (f.Source is { } source && source != SourceRef.None) w.WriteString("sourceRef", source.ToString());
        w.WriteEndObject();
    }

    private static void WriteDecimalOrNull(Utf8JsonWriter w, string name, decimal? value, Func<decimal, string> format)
    {
        if (value is { } v) w.WriteString(name, format(v));
        else w.WriteNull(name);
    }

    public static string LayoutName(Layout layout) => layout switch
    {
        Layout.Wide => "wide",
        Layout.Long => "long",
        _ => "form",
    };

    public static string KindName(DisclosureKind kind) => kind switch
    {
        DisclosureKind.DepartmentTargets => "departmentTargets",
        DisclosureKind.SelfEvaluation => "selfEvaluation",
        _ => "projectTargets",
    };

    public static string SeverityName(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "info",
    };
}
