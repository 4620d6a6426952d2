using AngleSharp.Html.Parser;
using BudgetGrpc.Engine.Indicators;
using BudgetGrpc.Engine.Model;
using Xunit;
using Xunit.Abstractions;

namespace BudgetGrpc.Engine.Tests.Indicators;

/// <summary>
/// The long layout (a column each for comparator, value and unit) and the form layout (one value cell) of the
/// samples, read with just enough table handling here to reach the cells, scored against the gold.
/// </summary>
public sealed class LayoutTargetTests(ITestOutputHelper output)
{
    private static string SamplePath(string name) => Path.Combine(AppContext.BaseDirectory, "samples", name);

    [Fact]
    public void Long_layout_columns_match_the_gold()
    {
        var rows = File.ReadAllLines(SamplePath("yangli-2025-agri.csv")).Select(SplitCsv).ToList();
        var header = rows.FindIndex(r => r.Contains("三级指标"));
        int Col(string name) => rows[header].IndexOf(name);
        var projects = new List<List<Indicator>>();
        string level1 = "";
        foreach (var (row, index) in rows.Skip(header + 1).Select((r, i) => (r, i)))
        {
            if (row.Count <= Col("三级指标") || row[Col("三级指标")].Length == 0) continue;
            if (row[Col("项目名称")].Length > 0) projects.Add([]);
            if (row[Col("一级指标")].Length > 0) level1 = LevelNames.Level1(row[Col("一级指标")])!;
            var target = TargetParser.FromColumns(row[Col("指标性质")], row[Col("指标值")], row[Col("度量单位")], row[Col("指标方向性")]);
            projects[^1].Add(Build(level1, LevelNames.Level2(row[Col("二级指标")], level1)!, row[Col("三级指标")], target, index));
        }
        AssertMatchesGold("yangli-2025-agri.gold.json", projects);
    }

    [Fact]
    public void Form_layout_value_cells_match_the_gold()
    {
        var document = new HtmlParser().ParseDocument(File.ReadAllText(SamplePath("yangli-2025-edu-form.html")));
        var indicators = new List<Indicator>();
        string level1 = "", level2 = "";
        bool inIndicators = false;
        foreach (var (tr, index) in document.QuerySelectorAll("tr").Select((tr, i) => (tr, i)))
        {
            var cells = tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
            // Rowspans leave a row with as many cells as it has new levels; 成本指标 is a first level only in the first column.
            if (cells.Count >= 4 && LevelNames.Level1(cells[0]) is { } l1) { level1 = l1; inIndicators = true; cells.RemoveAt(0); }
            if (!inIndicators || cells.Count < 2) continue;
            if (cells.Count > 2 && LevelNames.Level2(cells[0], level1) is { } l2) level2 = l2;
            indicators.Add(Build(level1, level2, cells[^2], TargetParser.Parse(cells[^1]), index));
        }
        AssertMatchesGold("yangli-2025-edu-form.gold.json", [indicators]);
    }

    private void AssertMatchesGold(string goldFile, List<List<Indicator>> projects)
    {
        var gold = GoldScorer.LoadGold(goldFile).GetProperty("projects").EnumerateArray().ToList();
        Assert.Equal(gold.Count, projects.Count);
        var total = GoldScorer.Sum(gold.Select((g, i) => GoldScorer.Score(GoldScorer.Indicators(g), projects[i], g.GetProperty("code").GetString()!)));
        output.WriteLine($"gold={total.Gold} predicted={total.Predicted} strict={total.Strict} strictF1={total.StrictF1:F3}");
        foreach (var line in total.Misses) output.WriteLine(line);
        Assert.Equal(total.Gold, total.Strict);
        Assert.Equal(total.Gold, total.Predicted);
    }

    private static Indicator Build(string level1, string level2, string name, Target target, int row) => new()
    {
        Level1 = level1,
        Level2 = level2,
        Name = name,
        Comparator = target.Comparator,
        Value = target.Value,
        Unit = target.Unit,
        QualitativeValue = target.QualitativeValue,
        Flags = target.Flags,
        Text = name,
        Source = new SourceRef(null, row, 0),
    };

    // Enough CSV for the sample: quoted fields without embedded quotes or line breaks.
    private static List<string> SplitCsv(string line)
    {
        var cells = new List<string>();
        var current = new System.Text.StringBuilder();
        bool quoted = false;
        foreach (var c in line)
        {
            if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) { cells.Add(current.ToString()); current.Clear(); }
            else current.Append(c);
        }
        cells.Add(current.ToString());
        return cells;
    }
}
