using BudgetGrpc.Engine.Reading;
using Xunit;

namespace BudgetGrpc.Engine.Tests.Variants;

/// <summary>
/// The containers carry the generated grid: every cell text reaches the engine's reader, and in the containers that
/// know merges (xlsx, docx, html) every covered cell comes back as a merged continuation. A variant that fails the
/// suite then fails for its layout, not because the generator wrote a broken file.
/// </summary>
public sealed class VariantContainerTests
{
    /// <summary>Whitespace dropped; a number compared by value (a spreadsheet shows 380.00 stored as 380 by its format).</summary>
    private static string Norm(string s)
    {
        var text = string.Concat(s.Replace("<br>", "").Where(c => !char.IsWhiteSpace(c)));
        return decimal.TryParse(text, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var d)
            ? TargetWriting.Number(d) : text;
    }

    [Theory]
    [InlineData(VariantContainer.Xlsx, true)]
    [InlineData(VariantContainer.Docx, true)]
    [InlineData(VariantContainer.Html, true)]
    [InlineData(VariantContainer.CsvUtf8, false)]
    [InlineData(VariantContainer.CsvGb18030, false)]
    [InlineData(VariantContainer.Markdown, false)]
    [InlineData(VariantContainer.Tsv, false)]
    public void Every_cell_of_the_generated_tables_reaches_the_reader(VariantContainer container, bool mergesKept)
    {
        foreach (var family in VariantRun.Families)
        {
            for (var seed = 0; seed < 12; seed++)
            {
                var variant = VariantRenderer.Generate(family, 500 + seed, container);
                var content = ContainerReader.Read(VariantContainers.Write(variant.Document, container), variant.FileName, new EngineLimits());
                var read = content.Grids
                    .SelectMany(g => Enumerable.Range(0, g.RowCount).SelectMany(r => Enumerable.Range(0, g.Row(r).Count)
                        .Where(c => !g.IsMergedContinuation(r, c)).Select(c => Norm(g[r, c]))))
                    .Where(t => t.Length > 0)
                    .GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count());
                var tables = variant.Document.Sheets.SelectMany(s => s.Blocks).Where(b => b.Table is not null).Select(b => b.Table!).ToList();
                foreach (var text in tables.SelectMany(t => t.Rows.SelectMany(r => r)).Select(Norm).Where(t => t.Length > 0))
                {
                    Assert.True(read.TryGetValue(text, out var n) && n > 0, $"{variant.Id} {container}: cell '{text}' not read; read: {string.Join(" | ", read.Keys)}");
                    read[text] = n - 1;
                }
                if (!mergesKept) continue;
                // A workbook keeps no empty cell, so a merge over empty cells is not read back from one; spans in
                // documents and pages are.
                var covered = tables.Sum(t => t.Merges.Where(m => container != VariantContainer.Xlsx || t.Rows[m.Row][m.Column].Length > 0)
                    .Sum(m => m.RowSpan * m.ColumnSpan - 1));
                var continuations = content.Grids.Sum(g => Enumerable.Range(0, g.RowCount)
                    .Sum(r => Enumerable.Range(0, g.Row(r).Count).Count(c => g.IsMergedContinuation(r, c))));
                Assert.True(covered == continuations, $"{variant.Id} {container}: {covered} covered cells written, {continuations} continuations read\n{variant.Document.Dump()}");
            }
        }
    }
}
