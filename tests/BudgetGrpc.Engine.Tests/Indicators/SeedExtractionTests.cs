using BudgetGrpc.Engine.Indicators;
using BudgetGrpc.Engine.Model;
using BudgetGrpc.Engine.Publishing;
using BudgetGrpc.Engine.Tests.Samples;
using Xunit;
using Xunit.Abstractions;

namespace BudgetGrpc.Engine.Tests.Indicators;

/// <summary>
/// The seed table (a wide county table, one cell of headings and items per project) against its hand-labelled gold,
/// with the scorer's matching rules. The TSV is split here so these tests do not depend on the container readers.
/// </summary>
public sealed class SeedExtractionTests(ITestOutputHelper output)
{
    private const string SeedFile = "000_c21431a6439d21ac.txt";
    private const string GoldFile = "000_c21431a6439d21ac.gold.json";

    private sealed record SeedRow(int Row, string Code, string Name, string Objectives, string Indicators);

    private static List<SeedRow> ReadSeed()
    {
        var lines = File.ReadAllLines(SampleGoldTests.SamplePath(SeedFile));
        var rows = new List<SeedRow>();
        for (int i = 0; i < lines.Length; i++)
        {
            var cells = lines[i].Split('\t');
            if (cells.Length >= 5 && cells[0].Length > 0 && cells[0].All(char.IsAsciiDigit))
                rows.Add(new SeedRow(i + 1, cells[0], cells[1], cells[3], cells[4]));
        }
        return rows;
    }

    private static IndicatorBlock Extract(SeedRow row) =>
        FreeTextIndicators.Extract(row.Indicators, new SourceRef(null, row.Row, 5, "绩效指标"));

    public static TheoryData<string> ProjectCodes()
    {
        var data = new TheoryData<string>();
        foreach (var p in SharedScorer.LoadGold(GoldFile).GetProperty("projects").EnumerateArray())
            data.Add(p.GetProperty("code").GetString()!);
        return data;
    }

    [Fact]
    public void Seed_has_the_nine_projects_of_the_gold()
    {
        var codes = ReadSeed().Select(r => r.Code).ToList();
        var gold = SharedScorer.LoadGold(GoldFile).GetProperty("projects").EnumerateArray().Select(p => p.GetProperty("code").GetString()!).ToList();
        Assert.Equal(gold, codes);
    }

    [Theory]
    [MemberData(nameof(ProjectCodes))]
    public void Each_project_yields_as_many_indicators_as_the_gold(string code)
    {
        var row = ReadSeed().Single(r => r.Code == code);
        var gold = GoldProject(code);
        var block = Extract(row);
        foreach (var i in block.Indicators) output.WriteLine($"{i.Level1} {i.Level2} {i.Name} {i.Comparator.ToWire()} {i.Value} {i.Unit} {i.QualitativeValue}");
        Assert.Equal(gold.GetProperty("indicators").GetArrayLength(), block.Indicators.Count);
    }

    [Theory]
    [MemberData(nameof(ProjectCodes))]
    public void Each_project_yields_as_many_objectives_as_the_gold(string code)
    {
        var row = ReadSeed().Single(r => r.Code == code);
        var objectives = ObjectiveText.Split(row.Objectives);
        foreach (var o in objectives) output.WriteLine(o);
        Assert.Equal(GoldProject(code).GetProperty("objectives").GetInt32(), objectives.Count);
    }

    /// <summary>
    /// The extraction alone (no container reader, no layout) published and scored by the shared scorer: every gold
    /// indicator found, strictly, and nothing else. Projects and document fields are the layout's, not checked here.
    /// </summary>
    [Fact]
    public void Seed_extraction_alone_scores_full_marks_with_the_shared_scorer()
    {
        var disclosure = new Disclosure
        {
            Source = new SourceInfo(SeedFile, "", "tsv", Layout.Wide),
            Projects = ReadSeed().Select(row => new Project
            {
                Code = row.Code,
                Name = row.Name,
                Objectives = ObjectiveText.Split(row.Objectives),
                Indicators = Extract(row).Indicators,
                Source = new SourceRef(null, row.Row, 0),
            }).ToList(),
        };
        var score = SharedScorer.ScoreJson(SharedScorer.GoldPath(GoldFile), PublicationJson.ToUtf8Bytes(disclosure), "seed-extraction");
        output.WriteLine(score.Output);
        Assert.True(score.StrictF1 == 1.0 && score.LooseF1 == 1.0, score.Output);
    }

    [Fact]
    public void Project_9_declares_an_empty_sustainability_heading()
    {
        var block = Extract(ReadSeed().Single(r => r.Code == "9"));
        Assert.Contains(block.Headings, h => h.Level1 == "效益指标" && h.Level2 == "可持续影响指标");
        Assert.DoesNotContain(block.Indicators, i => i.Level2 == "可持续影响指标");
    }

    [Fact]
    public void Project_6_declares_no_timeliness_heading()
    {
        var block = Extract(ReadSeed().Single(r => r.Code == "6"));
        Assert.DoesNotContain(block.Headings, h => h.Level2 == "时效指标");
        Assert.Equal(["产出指标", "效益指标", "满意度指标"], block.Headings.Where(h => h.Level2 == "").Select(h => h.Level1));
    }

    [Fact]
    public void Project_9_flags_numbers_written_after_qualitative()
    {
        var block = Extract(ReadSeed().Single(r => r.Code == "9"));
        var flagged = block.Indicators.Where(i => i.Flags.HasFlag(IndicatorFlags.QualitativeWithNumber)).Select(i => i.Value).ToList();
        Assert.Equal([3.375m, 7.026m, 3.23m], flagged);
    }

    [Fact]
    public void Satisfaction_items_without_a_second_level_are_inferred_and_flagged()
    {
        var block = Extract(ReadSeed().Single(r => r.Code == "4"));
        var satisfaction = Assert.Single(block.Indicators, i => i.Level1 == "满意度指标");
        Assert.Equal("服务对象满意度指标", satisfaction.Level2);
        Assert.True(satisfaction.Flags.HasFlag(IndicatorFlags.InferredLevel2));
        Assert.Equal("社会满意度", satisfaction.Name);
    }

    [Fact]
    public void Indicator_text_has_no_markup_and_source_is_the_cell()
    {
        foreach (var row in ReadSeed())
        {
            foreach (var indicator in Extract(row).Indicators)
            {
                Assert.DoesNotContain("<", indicator.Text);
                Assert.DoesNotContain("\\", indicator.Text);
                Assert.Equal(row.Row, indicator.Source.Row);
            }
        }
    }

    private static System.Text.Json.JsonElement GoldProject(string code) =>
        SharedScorer.LoadGold(GoldFile).GetProperty("projects").EnumerateArray().Single(p => p.GetProperty("code").GetString() == code);
}
