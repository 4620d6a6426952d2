using System.Text;
using BudgetGrpc.Engine.Indicators;
using BudgetGrpc.Engine.Model;
using BudgetGrpc.Engine.Publishing;
using BudgetGrpc.Engine.Reading;
using Xunit;

namespace BudgetGrpc.Engine.Tests.Layouts;

/// <summary>What the layout tests on tables of ours share: parse a page that must be read, check one indicator whole.</summary>
internal static class LayoutChecks
{
    public static Disclosure Parse(string html, string fileName = "table.html")
    {
        var result = new DisclosureEngine().Parse(Encoding.UTF8.GetBytes(html), fileName);
        Assert.True(result.Succeeded, result.Error?.ToString());
        return result.Disclosure!;
    }

    /// <summary>An indicator on one line: levels, name, comparator, target and unit.</summary>
    public static string Ind(Indicator i) =>
        $"{i.Level1}/{i.Level2}/{i.Name} {i.Comparator.ToWire()} {(i.Value is { } v ? DecimalText.Normalized(v) : i.QualitativeValue)} {i.Unit}".TrimEnd();

    public static void AssertIndicator(Project p, string level1, string level2, string name, string comparator, string? value, string unit, string qualitative = "")
    {
        var i = p.Indicators.FirstOrDefault(x => x.Name == name);
        Assert.True(i is not null, $"no indicator {name} in {p.Name}: {string.Join(", ", p.Indicators.Select(x => x.Name))}");
        Assert.Equal((level1, level2, comparator, value, unit, qualitative),
            (i.Level1, i.Level2, i.Comparator.ToWire(), i.Value is { } v ? DecimalText.Normalized(v) : null, i.Unit, i.QualitativeValue));
    }

    /// <summary>
    /// A grid of the rows given, as a reader fills merged cells: "^" marks a cell merged from the one above, "<" one merged
    /// from its left neighbour (their text repeated, flagged as a merged continuation).
    /// </summary>
    public static CellGrid Grid(params string[][] rows)
    {
        var merged = new List<(int, int)>();
        var filled = new string[rows.Length][];
        for (var r = 0; r < rows.Length; r++)
        {
            filled[r] = new string[rows[r].Length];
            for (var c = 0; c < rows[r].Length; c++)
            {
                if (rows[r][c] == "^") { merged.Add((r, c)); filled[r][c] = filled[r - 1][c]; }
                else if (rows[r][c] == "<") { merged.Add((r, c)); filled[r][c] = filled[r][c - 1]; }
                else filled[r][c] = rows[r][c];
            }
        }
        return new CellGrid("t", filled, mergedContinuations: merged);
    }

    /// <summary>One row's cells, for <see cref="Grid"/>.</summary>
    public static string[] R(params string[] cells) => cells;
}
