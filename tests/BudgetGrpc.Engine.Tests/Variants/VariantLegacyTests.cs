using System.Globalization;
using System.Text.Json;
using BudgetGrpc.Conversion;
using BudgetGrpc.Engine.Publishing;
using Xunit;
using Xunit.Abstractions;

namespace BudgetGrpc.Engine.Tests.Variants;

/// <summary>
/// A bounded set of variants converted by LibreOffice into the legacy containers departments also send (.xls, .doc,
/// PDF printed from a web page, a workbook or a Word document) reads as its source container: the layout is the same,
/// so the scores must be. Needs soffice, which tools/run-tests.sh installs.
/// </summary>
public sealed class VariantLegacyTests(ITestOutputHelper output)
{
    /// <summary>
    /// Variants per family and legacy container. A .doc goes through LibreOffice again to be read (seconds each), so
    /// only the families Word is used for (forms and department-wide tables) get one.
    /// </summary>
    private static int PerFamily(LegacyContainer legacy, VariantFamily family) => legacy switch
    {
        LegacyContainer.Doc => family is VariantFamily.Form or VariantFamily.DepartmentTargets ? 1 : 0,
        _ => int.TryParse(Environment.GetEnvironmentVariable("BUDGET_LEGACY_PER_FAMILY"), out var n) && n > 0 ? n : 2,
    };

    private sealed record Read(VariantOutcome Original, string Name, byte[]? Bytes, PublicationScorer.Score? Score);

    [Theory]
    [InlineData(LegacyContainer.Xls)]
    [InlineData(LegacyContainer.Doc)]
    [InlineData(LegacyContainer.Pdf)]
    [InlineData(LegacyContainer.PdfFromWorkbook)]
    [InlineData(LegacyContainer.PdfFromDocument)]
    public void Legacy_containers_read_as_their_sources(LegacyContainer legacy)
    {
        Assert.True(VariantLegacy.Soffice is not null, "LibreOffice (soffice) is not installed; tools/run-tests.sh installs it (apt-get install libreoffice-calc-nogui libreoffice-writer-nogui)");
        var (source, _, extension) = VariantLegacy.Route(legacy);
        var plan = VariantRun.Families.SelectMany(f => VariantRun.Plan(Math.Max(60, PerFamily(legacy, f) * VariantContainers.All.Count)).Where(p => p.Family == f && p.Container == source).Take(PerFamily(legacy, f))).ToList();
        var originals = plan.Select(p => VariantRun.RunOne(p.Family, p.Seed, p.Container)).ToList();
        var converted = VariantLegacy.Convert(legacy, originals.Select(o => (o.Variant.FileName, o.File)).ToList(), TimeSpan.FromMinutes(2));

        using var converter = new LibreOfficeConverter();
        var engine = new DisclosureEngine(converter: converter);
        var differences = new List<string>();
        var saved = Path.Combine(AppContext.BaseDirectory, "variant-legacy", legacy.ToString().ToLowerInvariant());
        if (Directory.Exists(saved)) Directory.Delete(saved, recursive: true);
        // Two at a time: a .doc is read through LibreOffice again, which is most of this test's time.
        var scored = originals.AsParallel().AsOrdered().WithDegreeOfParallelism(2).Select(original =>
        {
            var v = original.Variant;
            var name = Path.GetFileNameWithoutExtension(v.FileName) + extension;
            if (!converted.TryGetValue(v.FileName, out var bytes)) return new Read(original, name, null, null);
            var gold = VariantGold.For(v);
            var result = engine.Parse(bytes, name);
            if (result.Disclosure is not { } disclosure) return new Read(original, name, bytes, PublicationScorer.Score.Failed(gold, result.Error!.ToString()));
            using var json = JsonDocument.Parse(PublicationJson.ToUtf8Bytes(disclosure));
            return new Read(original, name, bytes, PublicationScorer.Evaluate(gold, json.RootElement));
        }).ToList();
        foreach (var (original, name, bytes, score) in scored)
        {
            var v = original.Variant;
            Assert.True(bytes is not null && score is not null, $"LibreOffice wrote no {extension} for {v.FileName}");
            var line = string.Create(CultureInfo.InvariantCulture,
                $"{name}: strictF1 {score.StrictF1:0.000} document {score.DocumentOk}/{score.DocumentFields} (as {v.Container}: {original.Score.StrictF1:0.000}, {original.Score.DocumentOk}/{original.Score.DocumentFields})");
            output.WriteLine(line);
            if (score.StrictF1 < original.Score.StrictF1 - 0.02 || score.DocumentOk < original.Score.DocumentOk)
            {
                differences.Add(line + "\n  " + string.Join("\n  ", score.Notes.Take(6)) + "\n" + v.Document.Dump());
                var folder = Path.Combine(saved, Path.GetFileNameWithoutExtension(name));
                Directory.CreateDirectory(folder);
                File.WriteAllBytes(Path.Combine(folder, name), bytes);
                File.WriteAllBytes(Path.Combine(folder, v.FileName), original.File);
                File.WriteAllText(Path.Combine(folder, "variant.txt"), line + "\naxes: " + v.Axes + "\n" + string.Join("\n", score.Notes) + "\n\n" + v.Document.Dump());
            }
        }
        if (extension == ".pdf")
        {
            // Known gaps (issue 11 left open): some web-page prints still read below their source (docs/engine.md says
            // which); the variants picked here all read 1.000 (2026-12-06). The floor leaves room for another
            // LibreOffice build's line breaks and keeps a regression visible; the differences are saved above.
            // BUDGET_LEGACY_PER_FAMILY measures more variants per family.
            var mean = scored.Average(s => s.Score!.StrictF1);
            Assert.True(mean >= 0.97 && scored.All(s => s.Score!.StrictF1 >= 0.9),
                string.Create(CultureInfo.InvariantCulture, $"PDF variants printed from {source}: mean strict F1 {mean:0.000} (floor 0.97), lowest {scored.Min(s => s.Score!.StrictF1):0.000} (floor 0.9):\n") + string.Join("\n", differences));
            return;
        }
        Assert.True(differences.Count == 0, $"{differences.Count} of {originals.Count} {extension} variants read worse than their {source} source:\n" + string.Join("\n", differences));
    }
}
