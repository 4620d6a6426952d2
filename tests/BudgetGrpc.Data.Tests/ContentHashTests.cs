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
    };

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
