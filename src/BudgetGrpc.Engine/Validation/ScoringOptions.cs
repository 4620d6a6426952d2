namespace BudgetGrpc.Engine.Validation;

/// <summary>
/// How a self-evaluation is scored (财预〔2020〕10号 practice as county tables print it). Provinces differ, so each
/// rule is a setting, bound from configuration beside the rule overrides:
/// <c>"Validation": { "Scoring": { "Decimals": 1, "GradeExcellent": 85 } }</c>.
/// </summary>
public sealed class ScoringOptions
{
    /// <summary>A quantitative indicator scores at most its weight (min(actual / target, 1)). False lets over-achievement score above it.</summary>
    public bool CapAtWeight { get; set; } = true;

    /// <summary>Decimals a computed score is rounded to (half away from zero), as the tables print scores.</summary>
    public int Decimals { get; set; } = 2;

    /// <summary>A negative indicator (≤, ＜) whose actual is 0 scores full marks.</summary>
    public bool FullMarksForZeroNegativeActual { get; set; } = true;

    /// <summary>
    /// An `=` target of 0 (重大事件发生数＝0起) is met only by an actual of 0, which scores full marks; any other actual 0.
    /// False scores it as any positive indicator (always full marks, since actual / 0 is unbounded).
    /// </summary>
    public bool ZeroEqualsTargetIsExact { get; set; } = true;

    /// <summary>Words in a qualitative actual that state the target was achieved (the target's own words count too).</summary>
    public List<string> AchievedWords { get; set; } = ["达成", "完成", "实现", "达到", "符合", "已落实", "落实到位", "按期", "按时", "及时", "良好", "显著", "明显", "有效", "满意", "合格", "达标", "提升", "提高", "改善"];

    /// <summary>Words that state it was not; checked before <see cref="AchievedWords"/>.</summary>
    public List<string> NotAchievedWords { get; set; } = ["未达成", "未完成", "未实现", "未达到", "没有完成", "未能完成", "不达标", "不合格", "未落实", "尚未", "滞后"];

    /// <summary>Words of partial achievement: neither full marks nor zero, left to a reviewer.</summary>
    public List<string> PartialWords { get; set; } = ["部分达成", "部分完成", "部分实现", "基本达成", "基本完成", "基本实现"];

    /// <summary>Budget execution scores weight × min(executed / denominator, 1); true divides by 年初预算数 instead of 全年/调整后预算数.</summary>
    public bool BudgetAgainstInitial { get; set; }

    /// <summary>What the weights of a table add up to when its total row states none.</summary>
    public decimal WeightTotal { get; set; } = 100m;

    /// <summary>The smallest difference between a stated and a computed score that counts (beyond the stated score's own rounding).</summary>
    public decimal ScoreTolerance { get; set; } = 0.01m;

    /// <summary>Grade thresholds on the computed total: ≥ excellent 优, ≥ good 良, ≥ pass 中, below 差.</summary>
    public decimal GradeExcellent { get; set; } = 90m;
    public decimal GradeGood { get; set; } = 80m;
    public decimal GradePass { get; set; } = 60m;
}
