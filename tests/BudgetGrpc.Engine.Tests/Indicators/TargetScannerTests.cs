using BudgetGrpc.Engine.Indicators;
using Xunit;

namespace BudgetGrpc.Engine.Tests.Indicators;

/// <summary>
/// Targets found in free text: where each starts and ends and its parts as written. The scanner runs on every line of
/// every indicator cell, so each of its boundaries is pinned here.
/// </summary>
public sealed class TargetScannerTests
{
    [Theory]
    [InlineData("慰问企业≥3家", 4, 3, "≥", "3", "家", "")]
    [InlineData("完成率达到95% 以上，", 3, 8, "达到", "95", "%", "以上")] // a bound word one space away
    [InlineData("不低于 90%", 0, 7, "不低于", "90", "%", "")]             // a comparator word one space before
    [InlineData("下达100万元", 2, 5, "", "100", "万元", "")]               // handed down, not reached
    [InlineData("送达3份", 2, 2, "", "3", "份", "")]
    [InlineData("达100%", 0, 5, "达", "100", "%", "")]
    [InlineData("全年达100%", 2, 5, "达", "100", "%", "")]
    [InlineData("1,250元/亩", 0, 8, "", "1,250", "元/亩", "")]
    [InlineData("1,25元", 0, 1, "", "1", "", "")]                       // not a thousands group
    [InlineData("1,2345人", 0, 1, "", "1", "", "")]
    [InlineData("12,345,678元", 0, 11, "", "12,345,678", "元", "")]
    [InlineData("≥95.5%", 0, 6, "≥", "95.5", "%", "")]
    [InlineData("共1.", 1, 1, "", "1", "", "")]
    [InlineData("3 个月内", 0, 5, "", "3", "个月", "内")]
    [InlineData("3 人", 0, 3, "", "3", "人", "")]
    [InlineData("3 abc", 0, 1, "", "3", "", "")]
    [InlineData("52万头(只)", 0, 7, "", "52", "万头(只)", "")]
    [InlineData("5万头(标准)", 0, 3, "", "5", "万头", "")]
    [InlineData("10元/吨*日标准", 0, 7, "", "10", "元/吨*日", "")]
    [InlineData("5元/人/天/次", 0, 6, "", "5", "元/人/天", "")]          // two parts after the first at most
    [InlineData("10元/标准", 0, 3, "", "10", "元", "")]
    [InlineData("达到**%", 0, 5, "达到", "**", "%", "")]
    [InlineData("xx人", 0, 3, "", "xx", "人", "")]
    [InlineData("合格率XX%以上", 3, 5, "", "XX", "%", "以上")]
    [InlineData("2024年底完成", 0, 5, "", "2024", "年", "")]
    public void A_target_in_text_is_found_with_its_parts(string text, int index, int length, string pre, string digits, string unit, string post)
    {
        var hit = TargetScanner.Next(text, 0);
        Assert.NotNull(hit);
        Assert.Equal((index, length, pre, digits, unit, post, false),
            (hit.Value.Index, hit.Value.Length, hit.Value.Pre, hit.Value.Digits, hit.Value.Unit, hit.Value.Post, hit.Value.IsPeriod));
        Assert.Equal(index + length, hit.Value.End);
    }

    [Theory]
    [InlineData("COVID-19患者")]  // inside a word
    [InlineData("x5")]            // one x is no placeholder, and 5 follows a letter
    [InlineData("尺码xxL")]        // xx followed by a letter is a word
    [InlineData("v2.0版本")]
    [InlineData("无数字")]
    [InlineData("")]
    public void No_target_where_a_number_is_part_of_a_word(string text) => Assert.Null(TargetScanner.Next(text, 0));

    [Theory]
    [InlineData("2023.07-2024.01完成", 15)]
    [InlineData("2024-01-15前", 10)]
    [InlineData("2024/1/5前", 8)]
    [InlineData("2023年7月至2024年1月", 15)]
    public void A_period_or_date_is_one_hit_in_words(string text, int length)
    {
        var hit = TargetScanner.Next(text, 0);
        Assert.NotNull(hit);
        Assert.True(hit.Value.IsPeriod);
        Assert.Equal((0, length, "", "", "", ""), (hit.Value.Index, hit.Value.Length, hit.Value.Pre, hit.Value.Digits, hit.Value.Unit, hit.Value.Post));
    }

    [Fact]
    public void A_scan_from_an_offset_takes_no_word_before_the_offset()
    {
        const string text = "≥3家，≥5人";
        Assert.Equal((4, 3, "≥"), Key(TargetScanner.Next(text, 4)));
        Assert.Equal((5, 2, ""), Key(TargetScanner.Next(text, 5)));
        // From the start the first hit comes first; from just after it, the second.
        Assert.Equal((0, 3, "≥"), Key(TargetScanner.Next(text, 0)));
        Assert.Equal((4, 3, "≥"), Key(TargetScanner.Next(text, 3)));
        Assert.Null(TargetScanner.Next(text, text.Length));
        // 达 right at the offset: the word before it is out of reach, so it stays a comparator.
        Assert.Equal((1, 6, "达"), Key(TargetScanner.Next("下达100万元", 1)));
    }

    [Fact]
    public void Hits_follow_one_another_through_a_cell()
    {
        const string text = "培训3次，覆盖200人以上，满意度≥90%";
        var found = new List<string>();
        int at = 0;
        while (TargetScanner.Next(text, at) is { } hit)
        {
            found.Add(text.Substring(hit.Index, hit.Length));
            at = hit.End;
        }
        Assert.Equal(["3次", "200人以上", "≥90%"], found);
    }

    private static (int, int, string) Key(TargetHit? hit)
    {
        Assert.NotNull(hit);
        return (hit.Value.Index, hit.Value.Length, hit.Value.Pre);
    }
}
