using BudgetGrpc.Engine.Model;
using BudgetGrpc.Engine.Validation;

namespace BudgetGrpc.Engine.Tests.Validation;

/// <summary>
/// Small hand-made disclosures for rule tests. <see cref="CleanProject"/> passes every rule; each test changes
/// the one thing its rule is about, so a finding can only come from that rule.
/// </summary>
internal static class Make
{
    private static int _row = 10;

    public static Indicator Ind(string level1, string level2, string name, Comparator comparator = Comparator.Equal,
        decimal? value = null, string unit = "", string qualitative = "", IndicatorFlags flags = IndicatorFlags.None,
        string direction = "", string? text = null) => new()
    {
        Level1 = level1,
        Level2 = level2,
        Name = name,
        Comparator = comparator,
        Value = value,
        Unit = unit,
        QualitativeValue = qualitative,
        Flags = flags,
        Direction = direction,
        Text = text ?? name + (value?.ToString() ?? qualitative) + unit,
        Source = new SourceRef(null, Interlocked.Increment(ref _row), 5, "绩效指标"),
    };

    public static Indicator Quantity(string name, Comparator c, decimal value, string unit) => Ind("产出指标", "数量指标", name, c, value, unit);
    public static Indicator Quality(string name, decimal value, string unit = "%") => Ind("产出指标", "质量指标", name, Comparator.Equal, value, unit);
    public static Indicator Timeliness(string name, string qualitative) => Ind("产出指标", "时效指标", name, Comparator.Qualitative, qualitative: qualitative);
    public static Indicator Cost(string name, Comparator c, decimal? value, string unit) => Ind("产出指标", "成本指标", name, c, value, unit);
    public static Indicator Social(string name, string qualitative) => Ind("效益指标", "社会效益指标", name, Comparator.Qualitative, qualitative: qualitative);
    public static Indicator Satisfaction(string name, Comparator c, decimal value, string unit = "%") => Ind("满意度指标", "服务对象满意度指标", name, c, value, unit);

    /// <summary>A complete, consistent project: 10.00 万元, one cost cap, every standard level, objectives.</summary>
    public static Project CleanProject(string code = "1", string name = "招商引资工作经费", decimal amount = 10.00m) =>
        Project(code, name, amount,
            [
                Quantity("开展招商活动", Comparator.GreaterOrEqual, 5, "次"),
                Quality("活动组织合规率", 100),
                Timeliness("完成时间", "年内"),
                Cost("项目总成本", Comparator.LessOrEqual, amount, "万元"),
                Social("带动企业发展", "效果明显"),
                Satisfaction("服务对象满意度", Comparator.GreaterOrEqual, 90),
            ]);

    /// <summary>A project whose headings are exactly the levels its indicators use, as a reader would record them.</summary>
    public static Project Project(string code, string name, decimal? amount, IReadOnlyList<Indicator> indicators,
        IReadOnlyList<string>? objectives = null, IReadOnlyList<IndicatorHeading>? headings = null, string unit = "") => new()
    {
        Code = code,
        Name = name,
        Amount = amount,
        Unit = unit,
        Objectives = objectives ?? ["完成年度工作任务，提升服务水平。"],
        Indicators = indicators,
        Headings = headings ?? HeadingsOf(indicators),
        Source = new SourceRef(null, int.TryParse(code, out var row) ? row + 4 : 5, 2, "单位及项目名称"),
    };

    public static IReadOnlyList<IndicatorHeading> HeadingsOf(IEnumerable<Indicator> indicators)
    {
        var headings = new List<IndicatorHeading>();
        foreach (var i in indicators)
        {
            if (!headings.Exists(h => h.Level1 == i.Level1 && h.Level2 == ""))
                headings.Add(new IndicatorHeading(i.Level1, "", i.Source));
            if (!headings.Exists(h => h.Level1 == i.Level1 && h.Level2 == i.Level2))
                headings.Add(new IndicatorHeading(i.Level1, i.Level2, i.Source));
        }
        return headings;
    }

    /// <summary>A 2024 disclosure in 万元 whose 合计 matches its projects.</summary>
    public static Disclosure Disclosure(params Project[] projects) => new()
    {
        Source = new SourceInfo("test.txt", "00", "tsv", Layout.Wide),
        Title = "测试局2024年部门预算项目支出绩效目标公开表",
        Department = "测试局",
        FiscalYear = 2024,
        AmountUnit = AmountUnits.TenThousandYuan,
        DeclaredTotal = projects.Sum(p => p.Amount ?? 0m),
        DeclaredTotalSource = new SourceRef(null, 4, 3, "金额(万元)"),
        Projects = projects,
    };

    /// <summary>The clean disclosure with one project replaced.</summary>
    public static Disclosure With(Project project) => Disclosure(project);

    /// <summary>The clean project with its indicators changed.</summary>
    public static Project WithIndicators(this Project project, params Indicator[] indicators) =>
        project with { Indicators = indicators, Headings = HeadingsOf(indicators) };

    /// <summary>The clean project with some indicators added.</summary>
    public static Project Adding(this Project project, params Indicator[] extra) =>
        project.WithIndicators([.. project.Indicators, .. extra]);

    /// <summary>The clean project without the indicators of one second level.</summary>
    public static Project Without(this Project project, string level2) =>
        project.WithIndicators([.. project.Indicators.Where(i => i.Level2 != level2)]);

    public static IReadOnlyList<Finding> Run(Disclosure disclosure, ValidationOptions? options = null) =>
        new Validator(options).Validate(disclosure);

    public static IReadOnlyList<Finding> Run(Project project) => Run(Disclosure(project));

    public static List<Finding> Of(this IReadOnlyList<Finding> findings, string ruleId) =>
        findings.Where(f => f.RuleId == ruleId).ToList();
}
