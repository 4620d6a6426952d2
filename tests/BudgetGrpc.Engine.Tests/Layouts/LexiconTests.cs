using BudgetGrpc.Engine.Layouts;
using Xunit;

namespace BudgetGrpc.Engine.Tests.Layouts;

/// <summary>The lexicon is data: every line well-formed, traceable to where it was seen, and naming a role the code knows.</summary>
public sealed class LexiconTests
{
    private static readonly string[] Lines = ReadLines();

    private static string[] ReadLines()
    {
        using var stream = typeof(DisclosureEngine).Assembly.GetManifestResourceStream("BudgetGrpc.Engine.Layouts.lexicon.tsv")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n').Where(l => l.Length > 0 && l[0] != '#').ToArray();
    }

    [Fact]
    public void Every_entry_names_a_known_role_a_match_a_score_and_its_source()
    {
        var roles = new Dictionary<string, HashSet<string>>
        {
            ["column"] = [.. Enum.GetNames<ColumnRole>()],
            ["label"] = [.. Enum.GetNames<FormField>()],
            ["row"] = ["Note", "Total"],
            ["valuepart"] = ["Target", "Other"],
            ["notecolumn"] = ["Describes"],
            // Self-evaluation blocks (SelfEvaluationWords).
            ["budgetcolumn"] = [.. Enum.GetNames<BudgetColumn>()],
            ["budgetrow"] = [.. Enum.GetNames<BudgetRow>()],
            ["budgetgroup"] = ["Group"],
            ["objectivesheader"] = ["Target", "Achieved"],
            ["selfevalrow"] = ["ScoreTotal", "ProjectReason", "BelowTable"],
            // Level names and qualitative targets (LevelNames, QualitativeWords).
            ["level1"] = ["Output", "Benefit", "Satisfaction", "Cost"],
            ["qualitative"] = ["Target"],
            // The sense of a rate (BG309).
            ["sense"] = ["Lower", "Higher"],
            // A project's period (the fiscal year where no title states it).
            ["period"] = ["Label"],
            // Stacked indicator blocks of one form (FormLayout).
            ["indicatorblock"] = ["LongTerm", "Year"],
        };
        foreach (var line in Lines)
        {
            var f = line.Split('\t');
            Assert.True(f.Length == 5, $"five columns expected: {line}");
            var (group, role) = (f[0][..f[0].IndexOf('.')], f[0][(f[0].IndexOf('.') + 1)..]);
            Assert.True(roles.TryGetValue(group, out var known) && known.Contains(role), $"unknown group or role: {line}");
            Assert.Contains(f[1], new[] { "exact", "prefix", "suffix", "contains" });
            Assert.True(int.TryParse(f[3], out var score) && score is > 0 and <= 100, $"score 1–100: {line}");
            Assert.Contains(f[4], new[] { "survey", "samples", "framework", "domain" });
        }
    }

    [Fact]
    public void No_word_is_listed_twice_for_the_same_role_and_match()
    {
        var duplicates = Lines.Select(l => l.Split('\t')).GroupBy(f => (f[0], f[1], f[2])).Where(g => g.Count() > 1).Select(g => g.Key);
        Assert.Empty(duplicates);
    }

    [Theory]
    [InlineData("指标值（包含数字及文字描述）", "Value")]
    [InlineData("指标值说明", "Note")]
    [InlineData("三级指标名称", "Level3")]
    [InlineData("一级 指标", "Level1")]
    [InlineData("*指标值", "Value")]
    [InlineData("评（扣）分标准", "Note")]
    [InlineData("金额（万元）", "Amount")]
    [InlineData("单位（专项）名称", "ProjectName")]
    [InlineData("指标方向性", "Direction")]
    [InlineData("计算符号", "Comparator")]
    public void Header_words_with_extra_fewer_or_spaced_out_words_find_their_role(string header, string role) =>
        Assert.Equal(role, ColumnRoles.Of(CellValues.Key(header)).ToString());
}
