using BudgetGrpc.Engine.Indicators;
using BudgetGrpc.Engine.Model;
using BudgetGrpc.Engine.Reading;
using FsCheck.Xunit;

namespace BudgetGrpc.Engine.Tests.Indicators;

/// <summary>
/// Whatever a cell holds, extraction finishes and keeps its invariants: canonical levels, a number only with a
/// numeric comparator, words only with a qualitative one. Cells are soups of the family's own fragments.
/// </summary>
public sealed class ExtractionPropertyTests
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

    private static string Soup(int seed)
    {
        var random = new Random(seed);
        var parts = new string[random.Next(60)];
        for (int i = 0; i < parts.Length; i++) parts[i] = Fragments[random.Next(Fragments.Length)];
        return string.Concat(parts);
    }

    [Property(MaxTest = 300)]
    public bool Extraction_never_throws_and_keeps_its_invariants(int seed)
    {
        var cell = Soup(seed);
        var block = FreeTextIndicators.Extract(cell, SourceRef.None);
        foreach (var indicator in block.Indicators)
        {
            if (!Level1s.Contains(indicator.Level1) || !LevelNames.AllLevel2.Contains(indicator.Level2)) return false;
            if (indicator.Value is not null && indicator.Comparator is Comparator.None or Comparator.Qualitative) return false;
            if (indicator.QualitativeValue.Length > 0 && indicator.Comparator != Comparator.Qualitative) return false;
            if (indicator.Comparator == Comparator.None && (indicator.Value is not null || indicator.Unit.Length > 0)) return false;
            if (indicator.Text.Length == 0 || indicator.Text.Contains("<p>") || indicator.Text.Contains("\\geq")) return false;
        }
        return block.Headings.All(h => Level1s.Contains(h.Level1) && (h.Level2.Length == 0 || LevelNames.AllLevel2.Contains(h.Level2)));
    }

    [Property(MaxTest = 300)]
    public bool Lines_are_trimmed_and_never_empty(int seed)
    {
        var lines = CellMarkup.ToLines(Soup(seed));
        return lines.All(l => l.Length > 0 && l == l.Trim() && !l.Contains('\n') && !l.Contains("  "));
    }

    [Property(MaxTest = 300)]
    public bool Targets_and_objectives_never_throw(int seed)
    {
        var text = Soup(seed);
        var target = TargetParser.Parse(text);
        var columns = TargetParser.FromColumns(Soup(seed + 1), text, Soup(seed + 2));
        var objectives = ObjectiveText.Split(text);
        return (target.Value is null || target.Comparator is not (Comparator.None or Comparator.Qualitative))
               && (columns.Value is null || columns.Comparator is not (Comparator.None or Comparator.Qualitative))
               && objectives.All(o => o.Length > 0);
    }
}
