using BudgetGrpc.Engine.Reading;
using Xunit;

namespace BudgetGrpc.Engine.Tests.Reading;

/// <summary>HtmlText's lines from text and breaks appended directly: collapsing, trimming, dropping empty lines.</summary>
public class HtmlTextTests
{
    private static HtmlText Of(params string[] parts)
    {
        var text = new HtmlText();
        foreach (var part in parts)
        {
            if (part == "<br>") text.AppendBreak();
            else text.AppendText(part);
        }
        return text;
    }

    [Fact]
    public void Spaces_collapse_and_lines_are_trimmed_and_empty_ones_dropped() =>
        Assert.Equal(["甲 乙丙 丁", "戊"], Of("  甲 \t 乙", "丙 丁  ", "<br>", " ", "<br>", "<br>", " 戊 ").Lines());

    [Fact]
    public void A_space_before_a_break_does_not_open_the_next_line() =>
        Assert.Equal(["甲", "乙"], Of("甲 ", "<br>", "乙").Lines());

    [Fact]
    public void Cell_text_is_empty_one_line_or_lines_joined() 
    {
        Assert.Equal("", Of(" ", "<br>").CellText());
        Assert.Equal("甲", Of("甲").CellText());
        Assert.Equal("甲\n乙", Of("甲", "<br>", "乙").CellText());
    }

    [Fact]
    public void Clear_forgets_what_was_appended()
    {
        var text = Of("甲", "<br>");
        text.Clear();
        text.AppendText("乙");

        Assert.Equal(["乙"], text.Lines());
    }
}
