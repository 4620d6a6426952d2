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
}
