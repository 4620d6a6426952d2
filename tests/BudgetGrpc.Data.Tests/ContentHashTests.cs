using BudgetGrpc.Data.Tests.Infrastructure;
using BudgetGrpc.Engine.Model;

namespace BudgetGrpc.Data.Tests;

public sealed class ContentHashTests
{
    [Fact]
    public void The_scale_a_reader_kept_is_not_a_change() =>
        Assert.Equal(ContentHash.Of(TestDisclosures.Make(amount: 18.0m)), ContentHash.Of(TestDisclosures.Make(amount: 18.00m)));

    [Fact]
    public void A_different_target_value_or_file_name_is_told_apart_correctly()
    {
        var original = TestDisclosures.Make();
        Assert.NotEqual(ContentHash.Of(original), ContentHash.Of(TestDisclosures.Make(satisfaction: 96m)));
        // Where the bytes came from is not what was read from them.
        Assert.Equal(ContentHash.Of(original), ContentHash.Of(TestDisclosures.Make(fileName: "renamed.tsv")));
    }

    /// <summary>One change each to what was read; every one must make another hash, or a reprocess would call it unchanged.</summary>
    public static TheoryData<string> ReadingChanges() => new(Changes.Keys);

    private static Indicator First(Disclosure d) => d.Projects[0].Indicators[0];

    private static Disclosure WithFirst(Disclosure d, Func<Indicator, Indicator> change) => d with
    {
        Projects = [d.Projects[0] with { Indicators = [change(First(d)), .. d.Projects[0].Indicators.Skip(1)] }, .. d.Projects.Skip(1)],
    };

    private static Disclosure WithProject(Disclosure d, Func<Project, Project> change) => d with
    {
        Projects = [change(d.Projects[0]), .. d.Projects.Skip(1)],
    };

    private static readonly Dictionary<string, Func<Disclosure, Disclosure>> Changes = new()
    {
        ["indicator unit"] = d => WithFirst(d, i => i with { Unit = "元" }),
        ["indicator unit dropped"] = d => WithFirst(d, i => i with { Unit = "" }),
        ["indicator comparator"] = d => WithFirst(d, i => i with { Comparator = Comparator.Greater }),
        ["indicator comparator to equal"] = d => WithFirst(d, i => i with { Comparator = Comparator.Equal }),
        ["indicator value"] = d => WithFirst(d, i => i with { Value = 31m }),
        ["indicator value dropped"] = d => WithFirst(d, i => i with { Value = null }),
        ["indicator qualitative value"] = d => WithFirst(d, i => i with { QualitativeValue = "提升" }),
        ["indicator level 1"] = d => WithFirst(d, i => i with { Level1 = "效益指标" }),
        ["indicator level 2"] = d => WithFirst(d, i => i with { Level2 = "质量指标" }),
        ["indicator name"] = d => WithFirst(d, i => i with { Name = "项目资金" }),
        ["indicator text"] = d => WithFirst(d, i => i with { Text = "项目资金金额≥30万" }),
        ["indicator flags"] = d => WithFirst(d, i => i with { Flags = IndicatorFlags.InferredLevel2 }),
        ["indicator weight"] = d => WithFirst(d, i => i with { Weight = 10m }),
        ["indicator direction"] = d => WithFirst(d, i => i with { Direction = "反向" }),
        ["indicator source row"] = d => WithFirst(d, i => i with { Source = i.Source with { Row = 9 } }),
        ["indicator removed"] = d => WithProject(d, p => p with { Indicators = [.. p.Indicators.Skip(1)] }),
        ["indicators reordered"] = d => WithProject(d, p => p with { Indicators = [.. p.Indicators.Reverse()] }),
        ["project amount"] = d => WithProject(d, p => p with { Amount = 19m }),
        ["project amount dropped"] = d => WithProject(d, p => p with { Amount = null }),
        ["project name"] = d => WithProject(d, p => p with { Name = "招商引资经费" }),
        ["project code"] = d => WithProject(d, p => p with { Code = "01" }),
        ["project unit"] = d => WithProject(d, p => p with { Unit = "商务局" }),
        ["project objective"] = d => WithProject(d, p => p with { Objectives = [.. p.Objectives.Take(1)] }),
        ["department"] = d => d with { Department = "门源县商务局" },
        ["fiscal year"] = d => d with { FiscalYear = 2025 },
        ["amount unit"] = d => d with { AmountUnit = AmountUnits.Yuan },
        ["declared total"] = d => d with { DeclaredTotal = 108.80m },
        ["title"] = d => d with { Title = "另一标题" },
        ["layout"] = d => d with { Source = d.Source with { Layout = Layout.Long } },
        ["finding removed"] = d => d with { Findings = [.. d.Findings.Skip(1)] },
        ["finding english message"] = d => WithFinding(d, f => f with { MessageEn = "satisfaction out of range" }),
        ["finding indicator"] = d => WithFinding(d, f => f with { IndicatorIndex = 1 }),
        ["finding source row"] = d => WithFinding(d, f => f with { Source = f.Source! with { Row = 8 } }),
        ["format"] = d => d with { Source = d.Source with { Format = "xlsx" } },
        ["kind"] = d => d with { Kind = DisclosureKind.DepartmentTargets },
        ["indicator sheet"] = d => WithFirst(d, i => i with { Source = i.Source with { Sheet = "Sheet2" } }),
        ["indicator source column"] = d => WithFirst(d, i => i with { Source = i.Source with { Column = 6 } }),
        ["indicator source column name"] = d => WithFirst(d, i => i with { Source = i.Source with { ColumnName = "指标值" } }),
        ["heading level 2"] = d => WithProject(d, p => p with { Headings = [p.Headings[0] with { Level2 = "质量指标" }] }),
        ["heading source"] = d => WithProject(d, p => p with { Headings = [p.Headings[0] with { Source = new SourceRef(null, 9, 5) }] }),
        ["attribute value"] = d => WithProject(d, p => p with { Attributes = new Dictionary<string, string> { ["实施单位"] = "县商务局" } }),
        ["attribute name"] = d => WithProject(d, p => p with { Attributes = new Dictionary<string, string> { ["主管部门"] = "商务局" } }),
    };

    private static Disclosure WithFinding(Disclosure d, Func<Finding, Finding> change) => d with
    {
        Findings = [.. d.Findings.Take(1), change(d.Findings[1]), .. d.Findings.Skip(2)],
    };

    /// <summary>
    /// A self-evaluation: actuals beside the targets, stated and computed scores, the budget execution part, the stated
    /// total, level weights and a grade.
    /// </summary>
    private static Disclosure SelfEvaluation()
    {
        var d = TestDisclosures.Make();
        var p1 = d.Projects[0];
        var p2 = d.Projects[1];
        return d with
        {
            Kind = DisclosureKind.SelfEvaluation,
            Projects =
            [
                p1 with
                {
                    Indicators =
                    [
                        // A stated score only, a computed score only, a reason for a deviation only.
                        p1.Indicators[0] with { Actual = new IndicatorActual(30m, "万元", "", "30万元"), Weight = 20m, Score = 20m },
                        p1.Indicators[1] with { Actual = new IndicatorActual(null, "", "按期完成", "已按期完成"), Weight = 10m, ComputedScore = 10m },
                        p1.Indicators[2] with { Actual = new IndicatorActual(90m, "%", "", "90%"), Weight = 10m, DeviationReason = "宣传不足" },
                        .. p1.Indicators.Skip(3),
                    ],
                    Budget = new BudgetExecution { Initial = 18m, Adjusted = 18m, Executed = 17m, ExecutionRate = 94.44m, Weight = 10m, Score = 9.44m },
                    StatedTotal = new StatedTotal(100m, 92m, new SourceRef(null, 20, 1)),
                    LevelWeights = [new LevelWeight("产出指标", "", 50m, new SourceRef(null, 10, 1))],
                    ComputedScore = 91.5m,
                },
                p2 with { Grade = "良" },
            ],
        };
    }

    private static Disclosure WithIndicator(Disclosure d, int index, Func<Indicator, Indicator> change) => WithProject(d, p => p with
    {
        Indicators = [.. p.Indicators.Take(index), change(p.Indicators[index]), .. p.Indicators.Skip(index + 1)],
    });

    private static readonly Dictionary<string, Func<Disclosure, Disclosure>> SelfEvaluationChanges = new()
    {
        ["actual value"] = d => WithIndicator(d, 0, i => i with { Actual = i.Actual! with { Value = 29m } }),
        ["actual unit"] = d => WithIndicator(d, 0, i => i with { Actual = i.Actual! with { Unit = "元" } }),
        ["actual in words"] = d => WithIndicator(d, 1, i => i with { Actual = i.Actual! with { QualitativeValue = "未完成" } }),
        ["actual text"] = d => WithIndicator(d, 1, i => i with { Actual = i.Actual! with { Text = "按期完成" } }),
        ["actual removed"] = d => WithIndicator(d, 0, i => i with { Actual = null }),
        ["stated score"] = d => WithIndicator(d, 0, i => i with { Score = 18m }),
        ["computed score"] = d => WithIndicator(d, 1, i => i with { ComputedScore = 8m }),
        // The same number read as the stated score instead of the computed one is another reading.
        ["computed score read as stated"] = d => WithIndicator(d, 1, i => i with { Score = i.ComputedScore, ComputedScore = null }),
        ["deviation reason"] = d => WithIndicator(d, 2, i => i with { DeviationReason = "宣传经费不足" }),
        ["budget executed"] = d => WithProject(d, p => p with { Budget = p.Budget! with { Executed = 16m } }),
        ["budget score"] = d => WithProject(d, p => p with { Budget = p.Budget! with { Score = 9m } }),
        ["budget rate computed, not read"] = d => WithProject(d, p => p with { Budget = p.Budget! with { ExecutionRateComputed = true } }),
        ["budget source row"] = d => WithProject(d, p => p with { Budget = p.Budget! with { Source = new SourceRef(null, 7, 1) } }),
        ["stated total weight"] = d => WithProject(d, p => p with { StatedTotal = p.StatedTotal! with { Weight = 90m } }),
        ["stated total score"] = d => WithProject(d, p => p with { StatedTotal = p.StatedTotal! with { Score = 91m } }),
        ["level weight level 1"] = d => WithProject(d, p => p with { LevelWeights = [p.LevelWeights[0] with { Level1 = "效益指标" }] }),
        ["level weight level 2"] = d => WithProject(d, p => p with { LevelWeights = [p.LevelWeights[0] with { Level2 = "数量指标" }] }),
        ["level weight"] = d => WithProject(d, p => p with { LevelWeights = [p.LevelWeights[0] with { Weight = 40m }] }),
        ["project computed score"] = d => WithProject(d, p => p with { ComputedScore = 90m }),
        ["project grade"] = d => d with { Projects = [d.Projects[0], d.Projects[1] with { Grade = "优" }] },
    };

    public static TheoryData<string> SelfEvaluationReadingChanges() => new(SelfEvaluationChanges.Keys);

    [Theory]
    [MemberData(nameof(SelfEvaluationReadingChanges))]
    public void Each_change_to_what_a_self_evaluation_states_changes_the_hash(string change)
    {
        var original = SelfEvaluation();
        var changed = SelfEvaluationChanges[change](original);
        Assert.NotEqual(ContentHash.Of(original), ContentHash.Of(changed));
    }

    [Fact]
    public void Attributes_read_in_another_order_are_not_a_change()
    {
        var original = TestDisclosures.Make();
        var attributes = new Dictionary<string, string> { ["实施单位"] = "商务局", ["主管部门"] = "门源县" };
        var reordered = new Dictionary<string, string> { ["主管部门"] = "门源县", ["实施单位"] = "商务局" };
        Assert.Equal(ContentHash.Of(WithProject(original, p => p with { Attributes = attributes })),
            ContentHash.Of(WithProject(original, p => p with { Attributes = reordered })));
    }

    [Theory]
    [MemberData(nameof(ReadingChanges))]
    public void Each_change_to_what_was_read_changes_the_hash(string change)
    {
        var original = TestDisclosures.Make();
        Assert.NotEmpty(original.Findings);
        var changed = Changes[change](original);
        Assert.NotEqual(ContentHash.Of(original), ContentHash.Of(changed));
    }
}
