using System.Security.Cryptography;
using System.Text.Json;
using BudgetGrpc.Engine.Model;

namespace BudgetGrpc.Data;

/// <summary>
/// SHA-256 of what the engine read, leaving out where it came from (file name, byte hash) and which engine read it,
/// so a reprocess stores a new revision only when the reading itself changed.
/// </summary>
internal static class ContentHash
{
    public static string Of(Disclosure d)
    {
        var canonical = new
        {
            d.Source.Format,
            Layout = d.Source.Layout.ToString(),
            Kind = d.Kind.ToString(),
            d.Title,
            d.Department,
            d.FiscalYear,
            d.AmountUnit,
            DeclaredTotal = Number(d.DeclaredTotal),
            DeclaredTotalSource = SourceRefCodec.Encode(d.DeclaredTotalSource),
            Projects = d.Projects.Select(p => new
            {
                p.Code,
                p.Name,
                Amount = Number(p.Amount),
                p.Unit,
                p.Objectives,
                Indicators = p.Indicators.Select(i => new
                {
                    i.Level1,
                    i.Level2,
                    i.Name,
                    Comparator = i.Comparator.ToString(),
                    Value = Number(i.Value),
                    i.QualitativeValue,
                    i.Unit,
                    i.Text,
                    Source = SourceRefCodec.Encode(i.Source),
                    Flags = (int)i.Flags,
                    Weight = Number(i.Weight),
                    i.Direction,
                }),
                Headings = p.Headings.Select(h => new { h.Level1, h.Level2, Source = SourceRefCodec.Encode(h.Source) }),
                Attributes = p.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => new[] { a.Key, a.Value }),
                Source = SourceRefCodec.Encode(p.Source),
            }),
            Findings = d.Findings.Select(f => new
            {
                f.RuleId,
                Severity = f.Severity.ToString(),
                f.Message,
                f.MessageEn,
                f.ProjectCode,
                f.IndicatorIndex,
                Source = SourceRefCodec.Encode(f.Source),
            }),
        };
        return Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(canonical)));
    }

    // 18.0 and 18.00 are the same amount; the scale a reader happened to keep is not a change.
    private static string? Number(decimal? value) =>
        value is decimal v ? (v / 1.0000000000000000000000000000m).ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
}
