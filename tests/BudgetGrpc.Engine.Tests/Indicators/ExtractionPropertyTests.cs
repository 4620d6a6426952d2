using BudgetGrpc.Engine.Indicators;
using BudgetGrpc.Engine.Model;
using BudgetGrpc.Engine.Reading;
using BudgetGrpc.Engine.Tests.Robustness;
using Xunit;
using Xunit.Abstractions;

namespace BudgetGrpc.Engine.Tests.Indicators;

/// <summary>
/// Whatever a cell holds, extraction finishes and keeps its invariants: canonical levels, a number only with a
/// numeric comparator, words only with a qualitative one. Cells are soups of the family's own fragments, from fixed
/// seeds; a failing soup is saved under fuzz-failures/.
/// </summary>
public sealed class ExtractionPropertyTests(ITestOutputHelper output)
{
    private static readonly string[] Fragments =
    [
        "一、", "二、", "三、", "(一)", "（二）", "1.", "2、", "3. ", "①", "(1)", "产出指标", "效益指标", "满意度指标", "成本指标",
        "数量指标", "质量指标：", "时效", "经济成本指标", "社会效益指标", "可持续影响指标：", "满意 度指 标", "慰问企业", "合格率",
        "≥", "≤", "＞", "<", "=", "达到", "不低于", "不超过", "控制在", "以上", "以内", "95", "100", "0.27", "2024", "4.87", "**",
        "%", "％", "万元", "元/吨*日", "人次", "万头(只)", "年", "月", "天", "定性", "效果明显", "提升", "合规", "；", ";", "，", "：",
        " ", "\n", "<p>", "</p>", "<li>", "<br>", "<math>\\geq 12</math>", "&gt;", "&nbsp;", "\\leq", "\\%", "2023.07-2024.01",
        "2024-01-15", "(全年)", "(万元)", "第", "5G", "目标一：", "目标2；", "<", "&", "\\", "<<p>", "</", "<math>",
    ];

    private static readonly HashSet<string> Level1s = [LevelNames.Output, LevelNames.Benefit, LevelNames.Satisfaction, LevelNames.Cost];

    private static string Soup(Random random)
    {
        var parts = new string[random.Next(60)];
        for (int i = 0; i < parts.Length; i++) parts[i] = Fragments[random.Next(Fragments.Length)];
        return string.Concat(parts);
    }

    /// <summary>Cases per property: every one a distinct soup but the few empty ones (docs/testing.md).</summary>
    private const int Cases = 1000;

    [Fact]
    public void Extraction_never_throws_and_keeps_its_invariants()
    {
        var coverage = Fuzz.Text("extraction", seed: 1501, Cases, (_, random) => Soup(random), cell =>
        {
            var block = FreeTextIndicators.Extract(cell, SourceRef.None);
            foreach (var indicator in block.Indicators)
            {
                Assert.Contains(indicator.Level1, Level1s);
                Assert.Contains(indicator.Level2, LevelNames.AllLevel2);
                if (indicator.Value is not null) Assert.False(indicator.Comparator is Comparator.None or Comparator.Qualitative, $"a number with {indicator.Comparator}");
                if (indicator.QualitativeValue.Length > 0) Assert.Equal(Comparator.Qualitative, indicator.Comparator);
                if (indicator.Comparator == Comparator.None) Assert.True(indicator.Value is null && indicator.Unit.Length == 0, "no comparator but a value or unit");
                Assert.NotEqual("", indicator.Text);
                Assert.DoesNotContain("<p>", indicator.Text);
                Assert.DoesNotContain("\\geq", indicator.Text);
            }
            Assert.All(block.Headings, h => Assert.True(Level1s.Contains(h.Level1) && (h.Level2.Length == 0 || LevelNames.AllLevel2.Contains(h.Level2)), h.ToString()));
            return $"{block.Indicators.Count}:{string.Join(",", block.Indicators.Select(i => i.Comparator).Distinct().Order())}";
        });
        output.WriteLine(coverage.ToString());
        Assert.True(coverage.DistinctInputs >= Cases * 95 / 100, coverage.ToString());
    }

    [Fact]
    public void Lines_are_trimmed_and_never_empty()
    {
        var coverage = Fuzz.Text("lines", seed: 1502, Cases, (_, random) => Soup(random), cell =>
        {
            var lines = CellMarkup.ToLines(cell);
            Assert.All(lines, l => Assert.True(l.Length > 0 && l == l.Trim() && !l.Contains('\n') && !l.Contains("  "), $"line '{l}'"));
            return lines.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        });
        output.WriteLine(coverage.ToString());
        Assert.True(coverage.DistinctInputs >= Cases * 95 / 100, coverage.ToString());
    }

    [Fact]
    public void Targets_and_objectives_never_throw()
    {
        // Three soups per case, joined by a separator no fragment holds so that the saved input can be split again.
        var coverage = Fuzz.Text("targets", seed: 1503, Cases, (_, random) => $"{Soup(random)}\u0001{Soup(random)}\u0001{Soup(random)}", joined =>
        {
            var parts = joined.Split('\u0001');
            var target = TargetParser.Parse(parts[0]);
            var columns = TargetParser.FromColumns(parts[1], parts[0], parts[2]);
            var objectives = ObjectiveText.Split(parts[0]);
            Assert.True(target.Value is null || target.Comparator is not (Comparator.None or Comparator.Qualitative), $"target {target}");
            Assert.True(columns.Value is null || columns.Comparator is not (Comparator.None or Comparator.Qualitative), $"columns {columns}");
            Assert.All(objectives, o => Assert.NotEqual("", o));
            return $"{target.Comparator}:{columns.Comparator}";
        });
        output.WriteLine(coverage.ToString());
        Assert.True(coverage.DistinctInputs >= Cases * 95 / 100, coverage.ToString());
    }
}
