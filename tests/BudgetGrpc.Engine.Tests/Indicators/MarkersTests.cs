using BudgetGrpc.Engine.Indicators;
using Xunit;

namespace BudgetGrpc.Engine.Tests.Indicators;

/// <summary>
/// The numbering that cuts a line of an indicator cell into headings and items, each segment pinned to its kind,
/// number and text span.
/// </summary>
public sealed class MarkersTests
{
    private static readonly Func<string, bool> NoHeading = _ => false;

    private static List<(MarkerKind, int, string)> Split(string line, Func<string, bool>? isHeading = null) =>
        Markers.Split(line, isHeading ?? NoHeading).Select(s => (s.Kind, s.Number, line[s.TextStart..s.End])).ToList();

    [Fact]
    public void A_first_level_heading() =>
        Assert.Equal([(MarkerKind.Level1, 1, "产出指标")], Split("一、产出指标"));

    [Theory]
    [InlineData("二、 效益指标", 2, " 效益指标")]
    [InlineData("三.满意度指标", 3, "满意度指标")]
    [InlineData("四、成 本指标", 4, "成 本指标")]
    public void First_levels_before_each_framework_word(string line, int number, string text) =>
        Assert.Equal([(MarkerKind.Level1, number, text)], Split(line));

    [Fact]
    public void A_second_level_heading() =>
        Assert.Equal([(MarkerKind.Level2, 1, "数量指标")], Split("(一)数量指标"));

    [Theory]
    [InlineData("( 二 )质量指标", 2)]
    [InlineData("(十)其他", 10)]
    [InlineData("(十二)其他", 12)]
    public void Second_levels_with_spaces_and_larger_numbers(string line, int number)
    {
        var first = Split(line)[0];
        Assert.Equal((MarkerKind.Level2, number), (first.Item1, first.Item2));
    }

    [Fact]
    public void Items_glued_to_the_text_before_them_count_when_they_continue_the_sequence() =>
        Assert.Equal([(MarkerKind.Item, 1, "慰问企业3家"), (MarkerKind.Item, 2, "培训100人")], Split("1.慰问企业3家2.培训100人"));

    [Fact]
    public void A_number_out_of_sequence_does_not_split() =>
        Assert.Equal([(MarkerKind.None, 0, "满意度≥90%3.其他")], Split("满意度≥90%3.其他"));

    [Theory]
    [InlineData("资金4.87亿元")]
    [InlineData("投入2.6万元")]
    [InlineData("3人参加")]
    [InlineData("任务二、完成")]
    [InlineData("共123.项")]
    [InlineData("见附件1.")]
    public void Figures_and_words_that_are_no_numbering(string line) =>
        Assert.Equal([(MarkerKind.None, 0, line)], Split(line));

    [Fact]
    public void Circled_numbers_are_items() =>
        Assert.Equal([(MarkerKind.Item, 1, "培训"), (MarkerKind.Item, 2, "宣传")], Split("①培训②宣传"));

    [Fact]
    public void Bracketed_figures_are_items() =>
        Assert.Equal([(MarkerKind.Item, 1, "培训"), (MarkerKind.Item, 2, "宣传")], Split("(1)培训(2)宣传"));

    [Theory]
    [InlineData("(123)项")]
    [InlineData("(一项")]
    [InlineData("()空")]
    public void Brackets_that_hold_no_number_or_a_long_one_are_text(string line) =>
        Assert.Equal([(MarkerKind.None, 0, line)], Split(line));

    [Fact]
    public void A_number_glued_to_the_first_word_of_a_line_is_an_item() =>
        Assert.Equal([(MarkerKind.Item, 1, "提升编外人员素质")], Split("1提升编外人员素质"));

    [Fact]
    public void A_chinese_numeral_with_a_comma_at_the_line_start_is_an_item() =>
        Assert.Equal([(MarkerKind.Item, 2, "完成任务")], Split("二、完成任务"));

    [Fact]
    public void Leading_blanks_do_not_hide_a_line_start()
    {
        Assert.Equal([(MarkerKind.None, 0, "  "), (MarkerKind.Item, 2, "完成任务")], Split("  二、完成任务"));
        Assert.Equal([(MarkerKind.Item, 1, "提升素质")], Split("  1提升素质"));
    }

    [Fact]
    public void A_bare_heading_restarts_the_item_numbers()
    {
        static bool Heading(string text) => text.EndsWith("成本指标", StringComparison.Ordinal);
        const string line = "1.培训3次成本指标1.每人10元";
        Assert.Equal([(MarkerKind.Item, 1, "培训3次成本指标"), (MarkerKind.Item, 1, "每人10元")], Split(line, Heading));
        // Without the heading a glued 1 after item 1 is out of sequence.
        Assert.Equal([(MarkerKind.Item, 1, "培训3次成本指标1.每人10元")], Split(line));
    }

    [Fact]
    public void After_a_heading_marker_items_start_again_at_one() =>
        Assert.Equal([(MarkerKind.Level2, 1, "数量指标"), (MarkerKind.Item, 1, "培训3次"), (MarkerKind.Item, 2, "宣传5次")],
            Split("(一)数量指标1.培训3次2.宣传5次"));

    [Fact]
    public void A_separated_one_restarts_a_list() =>
        Assert.Equal([(MarkerKind.Item, 1, "培训;"), (MarkerKind.Item, 2, "宣传; "), (MarkerKind.Item, 1, "回访")],
            Split("1.培训;2.宣传; 1.回访"));

    [Theory]
    [InlineData("十", 10)]
    [InlineData("十二", 12)]
    [InlineData("二十", 20)]
    [InlineData("二十三", 23)]
    [InlineData("三", 3)]
    [InlineData("九", 9)]
    [InlineData("", 0)]
    public void Chinese_numbers(string text, int value) => Assert.Equal(value, Markers.ChineseNumber(text));
}
