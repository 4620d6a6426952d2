using BudgetGrpc.Engine.Reading;
using Xunit;

namespace BudgetGrpc.Engine.Tests.Reading;

public sealed class CellMarkupTests
{
    [Theory]
    [InlineData("<p>一、产出指标</p> <p>(一) 数量指标</p>", new[] { "一、产出指标", "(一) 数量指标" })]
    [InlineData("<ol style=\"list-style-type: none\"> <li>1. 慰问企业≥3家</li> </ol>", new[] { "1. 慰问企业≥3家" })]
    [InlineData("<p>1. 项目资金金额<math>\\geq</math>30万元</p>", new[] { "1. 项目资金金额≥30万元" })]
    [InlineData("<p>拨付网络经费<math>\\geq 12</math>次</p>", new[] { "拨付网络经费≥12次" })]
    [InlineData("<p>平台<math>\\geq 95\\%</math>以上</p>", new[] { "平台≥95%以上" })]
    [InlineData("经费:10万元<math>\\leq</math>18万元", new[] { "经费:10万元≤18万元" })]
    [InlineData("a &gt; b&nbsp;&nbsp;c &lt; d", new[] { "a > b c < d" })]
    [InlineData("合格率\\geq 98\\%", new[] { "合格率≥ 98%" })]
    [InlineData("第一行<br>第二行<br/>第三行", new[] { "第一行", "第二行", "第三行" })]
    [InlineData("<span>满意 </span><span>  度</span>", new[] { "满意 度" })]
    [InlineData("<p>1. 甲\n乙</p>", new[] { "1. 甲 乙" })]
    [InlineData("面积 \\times 2", new[] { "面积 × 2" })]
    [InlineData("<table><tr><td>a</td></tr><tr><td>b</td></tr></table>", new[] { "a", "b" })]
    [InlineData("<P>甲</P><P>乙<MATH>\\geq 3</MATH>家</P>", new[] { "甲", "乙≥3家" })]
    [InlineData("<p>甲<script>alert(1)</script>乙</p><!-- 注释 -->", new[] { "甲乙" })]
    [InlineData("<p>甲 &amp;gt; 乙</p>", new[] { "甲 &gt; 乙" })]
    [InlineData("<div><p>甲</p>乙</div>", new[] { "甲", "乙" })]
    public void Markup_becomes_plain_lines(string raw, string[] expected) => Assert.Equal(expected, CellMarkup.ToLines(raw));

    [Theory]
    [InlineData("一、产出指标\n(一)数量指标\r\n\n 1. 受益人数≥9000人 ", new[] { "一、产出指标", "(一)数量指标", "1. 受益人数≥9000人" })]
    [InlineData("  满意度   指标  ", new[] { "满意度 指标" })]
    [InlineData("甲&amp;乙\n丙", new[] { "甲&乙", "丙" })]
    [InlineData("", new string[0])]
    public void Plain_text_is_split_on_line_breaks(string raw, string[] expected) => Assert.Equal(expected, CellMarkup.ToLines(raw));

    [Fact]
    public void Text_joins_lines_with_newlines() =>
        Assert.Equal("一、产出指标\n1. 甲", CellMarkup.ToText("<p>一、产出指标</p><p>1. 甲</p>"));

    [Fact]
    public void A_less_than_sign_that_opens_no_tag_is_kept() =>
        Assert.Equal(["费用<5万元"], CellMarkup.ToLines("费用<5万元"));

    [Theory]
    [InlineData("p")] [InlineData("div")] [InlineData("li")] [InlineData("br")] [InlineData("tr")] [InlineData("td")]
    [InlineData("th")] [InlineData("ol")] [InlineData("ul")] [InlineData("table")] [InlineData("h1")] [InlineData("h2")]
    [InlineData("h3")] [InlineData("h4")] [InlineData("h5")] [InlineData("h6")] [InlineData("section")]
    [InlineData("article")] [InlineData("blockquote")] [InlineData("pre")] [InlineData("dd")] [InlineData("dt")]
    [InlineData("hr")]
    public void Each_block_tag_ends_a_line(string name) =>
        Assert.Equal(["甲", "乙", "丙"], CellMarkup.ToLines($"甲<{name}>乙</{name}>丙"));

    [Fact]
    public void Inline_tags_without_blocks_keep_the_text_on_one_line() =>
        Assert.Equal(["甲乙 丙"], CellMarkup.ToLines("甲<b>乙</b> <i>丙</i>"));

    [Fact]
    public void A_fragment_starting_with_an_entity_is_decoded() =>
        Assert.Equal([">5万元"], CellMarkup.ToLines("&gt;5万元"));

    [Fact]
    public void A_fragment_starting_with_a_tag_is_markup() =>
        Assert.Equal(["甲"], CellMarkup.ToLines("<b>甲</b>"));

    [Theory]
    [InlineData("<p>甲<style><b>粗</b>x</style>乙</p>", "甲乙")]
    [InlineData("<p>甲<style>td{}</style>乙</p>", "甲乙")]
    [InlineData("<p>甲<script src=\"a.js\"/>乙</p>", "甲乙")]
    [InlineData("甲</script>乙", "甲乙")]
    [InlineData("<p>甲<math/>乙 丙</p>", "甲乙 丙")]
    public void Scripts_and_styles_are_skipped_to_their_own_end_tag(string raw, string expected) =>
        Assert.Equal([expected], CellMarkup.ToLines(raw));

    [Theory]
    [InlineData("<p>甲<math>\\geq 3</math> 乙 丙</p>", "甲≥3 乙 丙")]
    [InlineData("甲</math>乙<math>\\geq 3</math>", "甲乙≥3")]
    [InlineData("甲<math>\\geq</math>3，乙<math>\\leq</math>5", "甲≥3，乙≤5")]
    [InlineData("<p>甲<math>1<br>2</math></p>", "甲12")]
    [InlineData("甲<math>\\geq 3", "甲≥3")]
    [InlineData("<p>合格率\\geq 98\\%</p>", "合格率≥ 98%")]
    public void Math_is_one_formula_without_spaces(string raw, string expected) =>
        Assert.Equal([expected], CellMarkup.ToLines(raw));

    [Fact]
    public void A_block_with_only_spaces_gives_no_line() =>
        Assert.Equal(["甲"], CellMarkup.ToLines("<p> \u3000 </p><p>甲</p><p>\u00A0</p>"));

    [Theory]
    [InlineData("甲\r乙\r丙", new[] { "甲", "乙", "丙" })]
    [InlineData("甲\r", new[] { "甲" })]
    [InlineData("甲\n\n\r\n乙", new[] { "甲", "乙" })]
    [InlineData("甲\t乙", new[] { "甲 乙" })]
    [InlineData("甲  乙 丙", new[] { "甲 乙 丙" })]
    [InlineData("\u3000甲\u3000\u3000乙\u00A0", new[] { "甲 乙" })]
    [InlineData("甲\u00A0乙", new[] { "甲 乙" })]
    [InlineData("   ", new string[0])]
    [InlineData("{甲}", new[] { "{甲}" })]
    public void Plain_text_lines_are_collapsed_and_trimmed(string raw, string[] expected) =>
        Assert.Equal(expected, CellMarkup.ToLines(raw));

    [Theory]
    [InlineData("<p> 甲 \t 乙  丙 </p>", new[] { "甲 乙 丙" })]
    [InlineData("<p>\u3000甲\u00A0\u00A0乙</p>", new[] { "甲 乙" })]
    [InlineData("甲&amp;乙\r丙", new[] { "甲&乙", "丙" })]
    public void Markup_lines_are_collapsed_and_trimmed(string raw, string[] expected) =>
        Assert.Equal(expected, CellMarkup.ToLines(raw));

    [Theory]
    [InlineData("\\geqslant", "≥")] [InlineData("\\geq", "≥")] [InlineData("\\ge", "≥")]
    [InlineData("\\leqslant", "≤")] [InlineData("\\leq", "≤")] [InlineData("\\le", "≤")]
    [InlineData("\\gt", ">")] [InlineData("\\lt", "<")] [InlineData("\\neq", "≠")] [InlineData("\\ne", "≠")]
    [InlineData("\\times", "×")] [InlineData("\\cdot", "·")] [InlineData("\\pm", "±")] [InlineData("\\sim", "~")]
    [InlineData("\\approx", "≈")] [InlineData("\\n", "\n")] [InlineData("\\r", "")] [InlineData("\\t", " ")]
    [InlineData("\\%", "%")] [InlineData("\\$", "")] [InlineData("\\,", "")] [InlineData("\\;", "")]
    [InlineData("\\ ", " ")] [InlineData("\\!", "")] [InlineData("\\alpha", "")] [InlineData("\\frac{1}{2}", "12")]
    public void Tex_commands_become_their_characters(string command, string expected) =>
        Assert.Equal($"甲{expected}乙", CellMarkup.ConvertTex($"甲{command}乙"));

    [Fact]
    public void Text_without_a_backslash_keeps_its_braces() =>
        Assert.Equal("{甲}", CellMarkup.ConvertTex("{甲}"));

    [Fact]
    public void A_tex_command_at_the_start_is_converted() =>
        Assert.Equal(["≥3"], CellMarkup.ToLines("\\geq3"));

    [Fact]
    public void An_escaped_line_break_splits_the_cell() =>
        Assert.Equal(["甲", "乙"], CellMarkup.ToLines("甲\\n乙"));
}
