using BudgetGrpc.Engine.Indicators;
using BudgetGrpc.Engine.Model;

namespace BudgetGrpc.Engine.Validation.Rules;

/// <summary>What the self-evaluation rules share: scores as a reviewer quotes them, tolerances, the budget part.</summary>
internal static class Scores
{
    public static bool Applies(Disclosure disclosure) => disclosure.Kind == DisclosureKind.SelfEvaluation;

    public static string F(decimal value) => Amounts.Format(value);

    /// <summary>A stated score may differ from an exact one by its own rounding (9 for 8.6) or the configured tolerance.</summary>
    public static decimal Tolerance(decimal stated, ScoringOptions options) => Math.Max(Amounts.RoundingTolerance(stated), options.ScoreTolerance);

    /// <summary>The rules' unrounded score of an indicator (weight × share), null where they give none.</summary>
    public static decimal? Exact(Indicator indicator, ScoringOptions options) =>
        indicator.Weight is { } w && SelfEvaluationScoring.Assess(indicator, options).Fraction is { } f ? w * f : null;

    /// <summary>The rules' unrounded budget execution score.</summary>
    public static decimal? ExactBudget(BudgetExecution budget, ScoringOptions options) =>
        SelfEvaluationScoring.BudgetScore(budget, options, exact: true);

    /// <summary>Whether the project states why its targets were missed anywhere (a 原因 row under the table).</summary>
    public static bool HasProjectReason(Project project) =>
        project.Attributes.Any(a => a.Key.Contains("原因", StringComparison.Ordinal) && a.Value.Trim().Length > 0);
}

/// <summary>BG601: a stated score above its weight.</summary>
internal sealed class ScoreAboveWeight : Rule
{
    public override RuleDescriptor Descriptor { get; } = new("BG601", Severity.Error, "score-above-weight",
        "得分高于分值", "Score above its weight",
        "Self-evaluations: fires when an indicator's stated 得分 is above its 分值/权重, or the budget execution score above " +
        "its weight. No rule of 财预〔2020〕10号 gives more than the weight, over-achievement included.");

    public override void CheckProject(Disclosure disclosure, Project project, FindingSink sink)
    {
        if (!Scores.Applies(disclosure) || project.Budget is not { Score: { } score, Weight: { } weight } budget || score <= weight) return;
        sink.Report($"项目“{project.Name}”预算执行得分{Scores.F(score)}，高于其分值{Scores.F(weight)}",
            $"The budget execution score of project “{project.Name}”, {Scores.F(score)}, is above its weight {Scores.F(weight)}", project, null, budget.Source);
    }

    public override void CheckIndicator(Disclosure disclosure, Project project, int index, Indicator indicator, FindingSink sink)
    {
        if (!Scores.Applies(disclosure) || indicator.Score is not { } score || indicator.Weight is not { } weight || score <= weight) return;
        sink.Report(project, index, indicator,
            $"项目“{project.Name}”的指标“{indicator.Name}”得分{Scores.F(score)}，高于其分值{Scores.F(weight)}",
            $"Indicator “{indicator.Name}” of project “{project.Name}” scores {Scores.F(score)}, above its weight {Scores.F(weight)}");
    }
}

/// <summary>BG602: a stated score that differs from the scoring rules' score.</summary>
internal sealed class StatedScoreDiffers : Rule
{
    public override RuleDescriptor Descriptor { get; } = new("BG602", Severity.Warning, "stated-differs-from-computed",
        "自评得分与计分规则不符", "Stated score differs from the scoring rules",
        "Self-evaluations: computes each indicator's score with the configured scoring rules (Validation:Scoring; " +
        "positive weight × min(actual/target, 1), negative weight × min(target/actual, 1), qualitative full marks or 0 " +
        "from the actual's words) and the budget execution score (weight × min(executed/adjusted, 1)), and fires when " +
        "the stated 得分 differs by more than its own rounding (9 for 8.6 passes) or the configured tolerance. Silent " +
        "where the rules give no score (no weight, no actual, words a reviewer must judge: BG607).");

    public override void CheckProject(Disclosure disclosure, Project project, FindingSink sink)
    {
        if (!Scores.Applies(disclosure) || project.Budget is not { Score: { } stated } budget) return;
        if (Scores.ExactBudget(budget, sink.Scoring) is not { } exact || Math.Abs(stated - exact) <= Scores.Tolerance(stated, sink.Scoring)) return;
        var shown = Scores.F(Math.Round(exact, sink.Scoring.Decimals, MidpointRounding.AwayFromZero));
        sink.Report($"项目“{project.Name}”预算执行得分{Scores.F(stated)}，按执行率计分应为{shown}",
            $"The budget execution score of project “{project.Name}” is stated as {Scores.F(stated)}; the execution rate gives {shown}", project, null, budget.Source);
    }

    public override void CheckIndicator(Disclosure disclosure, Project project, int index, Indicator indicator, FindingSink sink)
    {
        if (!Scores.Applies(disclosure) || indicator.Score is not { } stated) return;
        if (Scores.Exact(indicator, sink.Scoring) is not { } exact || Math.Abs(stated - exact) <= Scores.Tolerance(stated, sink.Scoring)) return;
        var shown = Scores.F(Math.Round(exact, sink.Scoring.Decimals, MidpointRounding.AwayFromZero));
        sink.Report(project, index, indicator,
            $"项目“{project.Name}”的指标“{indicator.Name}”自评得分{Scores.F(stated)}，按计分规则应为{shown}（{Amounts.Target(indicator)}，实际完成{ActualText(indicator)}）",
            $"Indicator “{indicator.Name}” of project “{project.Name}” states a score of {Scores.F(stated)}; the scoring rules give {shown} (target {Amounts.Target(indicator)}, actual {ActualText(indicator)})");
    }

    internal static string ActualText(Indicator indicator) => indicator.Actual switch
    {
        { Value: { } v } a => Scores.F(v) + a.Unit,
        { } a => a.QualitativeValue,
        null => "",
    };
}

/// <summary>BG603: full marks for a target that was missed.</summary>
internal sealed class FullMarksForMissedTarget : Rule
{
    public override RuleDescriptor Descriptor { get; } = new("BG603", Severity.Warning, "full-marks-for-missed-target",
        "未完成目标却得满分", "Full marks for a missed target",
        "Self-evaluations: fires when the actual misses the target (below a ≥ or = target, above a ≤ target, or words " +
        "such as 未完成 for a qualitative one) and the stated 得分 is the full 分值 or more.");

    public override void CheckIndicator(Disclosure disclosure, Project project, int index, Indicator indicator, FindingSink sink)
    {
        if (!Scores.Applies(disclosure) || indicator.Score is not { } score || indicator.Weight is not { } weight || score < weight) return;
        if (SelfEvaluationScoring.Assess(indicator, sink.Scoring).Outcome != TargetOutcome.Missed) return;
        sink.Report(project, index, indicator,
            $"项目“{project.Name}”的指标“{indicator.Name}”实际完成{StatedScoreDiffers.ActualText(indicator)}，未达到目标{Amounts.Target(indicator)}，却得满分{Scores.F(score)}",
            $"Indicator “{indicator.Name}” of project “{project.Name}” misses its target {Amounts.Target(indicator)} with {StatedScoreDiffers.ActualText(indicator)}, yet scores full marks ({Scores.F(score)})");
    }
}

/// <summary>BG604: a missed target with no reason given.</summary>
internal sealed class MissedTargetWithoutReason : Rule
{
    public override RuleDescriptor Descriptor { get; } = new("BG604", Severity.Warning, "missed-target-without-reason",
        "未完成目标未说明偏差原因", "Missed target without a deviation reason",
        "Self-evaluations: fires when the actual misses the target and the indicator's 偏差原因分析及改进措施 / " +
        "未完成原因分析 is empty (无, 暂无 and dashes count as empty). A reason the table gives for the whole project " +
        "(a 偏差大或目标未完成原因分析 row under the table) covers every indicator of it.");

    public override void CheckIndicator(Disclosure disclosure, Project project, int index, Indicator indicator, FindingSink sink)
    {
        if (!Scores.Applies(disclosure) || indicator.DeviationReason.Length > 0) return;
        if (SelfEvaluationScoring.Assess(indicator, sink.Scoring).Outcome != TargetOutcome.Missed || Scores.HasProjectReason(project)) return;
        sink.Report(project, index, indicator,
            $"项目“{project.Name}”的指标“{indicator.Name}”实际完成{StatedScoreDiffers.ActualText(indicator)}，未达到目标{Amounts.Target(indicator)}，未说明偏差原因及改进措施",
            $"Indicator “{indicator.Name}” of project “{project.Name}” misses its target {Amounts.Target(indicator)} with {StatedScoreDiffers.ActualText(indicator)} and gives no reason");
    }
}

/// <summary>BG605: weights that do not add up to 100 or to the stated total.</summary>
internal sealed class WeightsSum : Rule
{
    public override RuleDescriptor Descriptor { get; } = new("BG605", Severity.Warning, "weights-sum",
        "分值合计不等于总分值", "Weights do not add up",
        "Self-evaluations: adds the budget execution weight (unless the total row's weight is the indicators' alone) and " +
        "the indicators' weights (where every indicator has one; " +
        "else the weights stated on the first levels, `产出指标(50分)`) and fires when the sum differs from the weight the " +
        "total row states (总分 | 100), or from Validation:Scoring:WeightTotal (100) where it states none. Silent for " +
        "tables without weights.");

    public override void CheckProject(Disclosure disclosure, Project project, FindingSink sink)
    {
        if (!Scores.Applies(disclosure)) return;
        decimal? parts = null;
        if (project.Indicators.Count > 0 && project.Indicators.All(i => i.Weight is not null))
            parts = project.Indicators.Sum(i => i.Weight!.Value);
        else if (project.LevelWeights.Any(w => w.Level2.Length == 0))
            parts = project.LevelWeights.Where(w => w.Level2.Length == 0).Sum(w => w.Weight);
        if (parts is null) return;
        var sum = parts.Value + (SelfEvaluationScoring.BudgetInTotal(project) ? project.Budget?.Weight ?? 0m : 0m);
        var expected = project.StatedTotal?.Weight ?? sink.Scoring.WeightTotal;
        if (Math.Abs(sum - expected) <= 0.005m) return;
        sink.Report($"项目“{project.Name}”各项分值合计{Scores.F(sum)}，不等于总分值{Scores.F(expected)}",
            $"The weights of project “{project.Name}” add up to {Scores.F(sum)}, not {Scores.F(expected)}", project, null, project.StatedTotal?.Source);
    }
}

/// <summary>BG606: a stated total that is not the sum of its parts.</summary>
internal sealed class ScoreTotalMismatch : Rule
{
    public override RuleDescriptor Descriptor { get; } = new("BG606", Severity.Error, "total-mismatch",
        "总分与各项得分之和不一致", "Total score differs from the sum of its parts",
        "Self-evaluations: fires when the 总分 / 合计 row states a score that differs from the budget execution score " +
        "plus every indicator's stated 得分 by more than the total's own rounding. The budget part is left out where " +
        "the total row's weight is the indicators' weights alone (总分 | 100 with indicators of 100 and 预算执行 10 " +
        "beside them). Silent when the table states no total, or when a weighted indicator has no stated score.");

    public override void CheckProject(Disclosure disclosure, Project project, FindingSink sink)
    {
        if (!Scores.Applies(disclosure) || project.StatedTotal is not { Score: { } declared } total) return;
        if (project.Indicators.Any(i => i.Weight is not null && i.Score is null)) return;
        var budgetScore = SelfEvaluationScoring.BudgetInTotal(project) ? project.Budget?.Score : null;
        var sum = (budgetScore ?? 0m) + project.Indicators.Sum(i => i.Score ?? 0m);
        if (Math.Abs(sum - declared) <= Scores.Tolerance(declared, sink.Scoring)) return;
        var budget = budgetScore is { } b ? $"预算执行{Scores.F(b)}分加" : "";
        var budgetEn = budgetScore is { } be ? $"budget execution {Scores.F(be)} plus " : "";
        sink.Report($"项目“{project.Name}”总分{Amounts.Format(declared, declared)}，与{budget}各指标得分之和{Amounts.Format(sum, declared)}不一致",
            $"The total score {Amounts.Format(declared, declared)} of project “{project.Name}” differs from {budgetEn}the indicators' scores, {Amounts.Format(sum, declared)}",
            project, null, total.Source);
    }
}

/// <summary>BG607: an actual the scoring rules cannot judge.</summary>
internal sealed class QualitativeLeftForReviewer : Rule
{
    public override RuleDescriptor Descriptor { get; } = new("BG607", Severity.Info, "qualitative-left-for-reviewer",
        "完成情况无法按规则计分，需人工复核", "Actual cannot be scored by the rules; a reviewer decides",
        "Self-evaluations: fires on a weighted indicator whose actual neither states the target was achieved (达成, 完成, " +
        "实现, the target's own words) nor that it was not (未达成, 未完成), states partial achievement (部分达成, 基本完成), " +
        "or is a quantity in a unit that does not compare with the target's. The engine gives it no computed score and " +
        "counts the stated one in the project's computed total.");

    public override void CheckIndicator(Disclosure disclosure, Project project, int index, Indicator indicator, FindingSink sink)
    {
        if (!Scores.Applies(disclosure) || indicator.Weight is null) return;
        if (SelfEvaluationScoring.Assess(indicator, sink.Scoring).Outcome != TargetOutcome.Undecided) return;
        sink.Report(project, index, indicator,
            $"项目“{project.Name}”的指标“{indicator.Name}”完成情况“{indicator.Actual?.Text}”无法按计分规则判断是否达成目标{Amounts.Target(indicator)}，需人工复核",
            $"The actual “{indicator.Actual?.Text}” of indicator “{indicator.Name}” of project “{project.Name}” cannot be judged against {Amounts.Target(indicator)} by the rules; a reviewer decides");
    }
}

/// <summary>BG608: a weighted indicator with no actual.</summary>
internal sealed class ActualMissing : Rule
{
    public override RuleDescriptor Descriptor { get; } = new("BG608", Severity.Warning, "actual-missing",
        "未填写实际完成值", "No actual stated",
        "Self-evaluations: fires when the table has an actual column (实际完成值, 完成值, 全年实际值) and an indicator " +
        "with a target leaves it empty: the indicator was not evaluated.");

    public override void CheckIndicator(Disclosure disclosure, Project project, int index, Indicator indicator, FindingSink sink)
    {
        if (!Scores.Applies(disclosure) || indicator.Actual is not { IsStated: false } || indicator.Comparator == Comparator.None) return;
        sink.Report(project, index, indicator,
            $"项目“{project.Name}”的指标“{indicator.Name}”未填写实际完成值",
            $"Indicator “{indicator.Name}” of project “{project.Name}” states no actual");
    }
}
