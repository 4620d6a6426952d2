using BudgetGrpc.Engine.Model;
using BudgetGrpc.Engine.Reading;
using Xunit;
using static BudgetGrpc.Engine.Tests.Reading.RawOoxml;
using static BudgetGrpc.Engine.Tests.Reading.ReadingFixtures;

namespace BudgetGrpc.Engine.Tests.Reading;

/// <summary>
/// A Word body's tables as the walker reads them: merges of every kind (gridSpan, vMerge, the legacy hMerge, gridBefore),
/// their odd values, tables nested in a cell, paragraphs in text boxes, run content, the preamble's bounds. Each body is
/// written as XML text (<see cref="RawOoxml"/>).
/// </summary>
public class DocxBodyWalkerTests
{
    private static IReadOnlyList<CellGrid> ReadBody(string body, EngineLimits? limits = null) =>
        Read(Document(body), "body.docx", limits).Grids;

    [Fact]
    public void Merges_of_every_kind_fill_their_cells_and_flag_the_continuations()
    {
        var grid = Assert.Single(ReadBody(Tbl(
            Tr(Tc("<w:hMerge w:val=\"restart\"/>", P("甲")), Tc("<w:hMerge/>", P("被并")), Tc("<w:gridSpan xmlns:x=\"urn:example\" x:note=\"9\" w:val=\"2\"/>", P("乙"))),
            Tr(Tc("<w:gridSpan w:val=\"2\"/><w:vMerge w:val=\"continue\"/>", ""), Tc("<w:vMerge/>", ""), Tc("<w:gridSpan w:val=\"0\"/>", P("丙")), Tc("丁")),
            Tr(Tc("<w:hMerge/>", P("戊")), Tc("<w:vMerge/>", ""), Tc("<w:gridSpan w:val=\"x\"/>", P("己")), Tc("庚")),
            Tr("<w:trPr><w:gridBefore w:val=\"4\"/></w:trPr>" + Tc("<w:vMerge/>", "")))));

        Assert.Equal(
            "1:|甲|^甲|乙|^乙\n"
            + "2:|^甲|^甲|^乙|丙|丁\n"
            + "3:|戊|^甲|己|庚\n"
            + "4:|||||^\n", Dump(grid));
    }

    [Fact]
    public void A_continued_cell_in_the_first_row_or_column_keeps_its_own_text_and_a_legacy_merge_restarts_anywhere()
    {
        var grid = Assert.Single(ReadBody(Tbl(
            Tr(Tc("<w:vMerge/>", P("甲")), Tc("乙")),
            Tr(Tc("<w:hMerge/>", P("丙")), Tc("丁")),
            // A legacy merge restarted past the first column, continued over two grid columns; one continued from a
            // column a gridBefore skipped continues nothing.
            Tr(Tc("子"), Tc("<w:hMerge w:val=\"restart\"/>", P("丑")), Tc("<w:gridSpan w:val=\"2\"/><w:hMerge/>", "")),
            Tr("<w:trPr><w:gridBefore w:val=\"2\"/></w:trPr>" + Tc("<w:hMerge/>", "")))));

        Assert.Equal("1:|甲|乙\n2:|丙|丁\n3:|子|丑|^丑|^丑\n4:|||^\n", Dump(grid));
    }

    [Fact]
    public void Spans_and_shifts_are_read_as_numbers_and_capped()
    {
        var grids = ReadBody(
            Tbl(Tr(Tc("<w:gridSpan w:val=\"5000\"/>", P("宽"))))
            + Tbl(Tr("<w:trPr><w:gridBefore/></w:trPr>" + Tc("甲")),
                Tr("<w:trPr><w:gridBefore w:val=\"-1\"/></w:trPr>" + Tc("乙")),
                Tr("<w:trPr><w:gridBefore w:val=\"2\"/></w:trPr>" + Tc("丙"))));

        Assert.Equal(1000, grids[0].Row(0).Count);
        Assert.True(grids[0].IsMergedContinuation(0, 999));
        Assert.Equal("1:|甲\n2:|乙\n3:|||丙\n", Dump(grids[1]));
    }

    [Fact]
    public void A_table_in_a_cell_adds_its_text_to_that_cell_and_nothing_to_the_outer_grid()
    {
        var inner = Tbl(
            Tr("<w:trPr><w:gridBefore w:val=\"2\"/></w:trPr>" + Tc("<w:gridSpan w:val=\"3\"/><w:vMerge w:val=\"restart\"/>", P("内一"))),
            Tr(Tc("<w:vMerge/><w:hMerge/>", P("内二"))));
        var grids = ReadBody(Tbl(
            Tr(Tc("甲"), Tc("乙")),
            Tr(Tc("丙"), Tc("", P("丁"), inner, P("尾")), Tc("戊"))));

        var grid = Assert.Single(grids);
        Assert.Equal("1:|甲|乙\n2:|丙|丁\n内一\n内二\n尾|戊\n", Dump(grid));
    }

    [Fact]
    public void Runs_keep_hyphens_breaks_tabs_and_spaces_and_text_boxes_stay_in_their_paragraph()
    {
        var textBox = "<w:r><w:pict><w:txbxContent><w:p><w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"720\"/></w:tabs></w:pPr>"
            + "<w:r><w:t>框</w:t></w:r></w:p></w:txbxContent></w:pict></w:r>";
        var grid = Assert.Single(ReadBody(Tbl(Tr(
            Tc("", "<w:p><w:r><w:t>甲</w:t><w:noBreakHyphen/><w:t>乙</w:t><w:cr/><w:t>丙</w:t><w:t xml:space=\"preserve\"> </w:t>"
                + "<w:t>丁</w:t><w:tab/><w:t>戊</w:t></w:r></w:p>"),
            Tc("", "<w:p><w:r><w:t>前</w:t></w:r>" + textBox + "<w:r><w:t>后</w:t></w:r></w:p>")))));

        Assert.Equal(["甲-乙\n丙 丁\t戊", "前框后"], grid.Row(0));
    }

    [Fact]
    public void The_preamble_keeps_the_last_twenty_paragraphs_before_a_table_each_cut_to_the_cell_limit()
    {
        var paragraphs = string.Concat(Enumerable.Range(1, 21).Select(i => P($"第{i}段")));
        var grids = ReadBody(P("这一段比十个字符更长，要被截断") + paragraphs + P("  ") + Tbl(Tr(Tc("甲"))), new EngineLimits { MaxCellChars = 10 });

        Assert.Equal(Enumerable.Range(2, 20).Select(i => $"第{i}段"), Assert.Single(grids).Preamble);

        var cut = ReadBody(P("这一段比十个字符更长，要被截断") + Tbl(Tr(Tc("", P("一二三四五"), P("六七八九十")))), new EngineLimits { MaxCellChars = 10 });
        Assert.Equal(["这一段比十个字符更长"], Assert.Single(cut).Preamble);
        Assert.Equal("一二三四五\n六七八九", Assert.Single(cut)[0, 0]);
    }

    [Fact]
    public void Empty_paragraphs_rows_and_cells_keep_their_places()
    {
        var grid = Assert.Single(ReadBody("<w:p/>" + P("标题") + Tbl(
            Tr(Tc("", "<w:p/>", P("甲")), Tc("乙")),
            "<w:tr/>",
            Tr(Tc(""), "<w:tc/>", Tc("丙")),
            Tr())));

        Assert.Equal(["标题"], grid.Preamble);
        Assert.Equal("1:|甲|乙\n2:\n3:|||丙\n4:\n", Dump(grid));
    }

    [Fact]
    public void A_cell_outside_any_row_lands_in_the_first()
    {
        var grid = Assert.Single(ReadBody("<w:tbl>" + Tc("孤") + "</w:tbl>"));

        Assert.Equal("1:|孤\n", Dump(grid));
    }

    [Fact]
    public void Rows_are_charged_to_the_cell_limit_at_the_row_they_start()
    {
        var error = Assert.Throws<DisclosureException>(() => ReadBody(Tbl(Tr(Tc("一")), Tr(Tc("二")), Tr(Tc("三"))), new EngineLimits { MaxCells = 4 })).Error;

        Assert.Equal(DisclosureErrorCode.TooLarge, error.Code);
        Assert.Equal(new SourceRef("table 1", 3, 0), error.Location);
    }

    [Fact]
    public void A_cell_past_the_cell_limit_is_too_large_at_its_row()
    {
        var error = Assert.Throws<DisclosureException>(() => ReadBody(Tbl(Tr(Tc("一"), Tc("二"), Tc("三"))), new EngineLimits { MaxCells = 3 })).Error;

        Assert.Equal(DisclosureErrorCode.TooLarge, error.Code);
        Assert.Equal(new SourceRef("table 1", 1, 0), error.Location);
    }

    [Fact]
    public void A_word_package_without_its_document_part_is_unreadable_naming_it()
    {
        var bytes = Zip(("word/styles.xml", $"<w:styles xmlns:w=\"{Word}\"/>"));

        var error = Assert.Throws<DisclosureException>(() => Read(bytes, "nobody.docx")).Error;

        Assert.Equal(DisclosureErrorCode.Unreadable, error.Code);
        Assert.Equal("the Word package has no main part (word/document.xml or one its relationships name)", error.Message);
    }

    [Fact]
    public void A_document_with_paragraphs_only_says_so()
    {
        var error = Assert.Throws<DisclosureException>(() => ReadBody(P("只有文字"))).Error;

        Assert.Equal(DisclosureErrorCode.NoTable, error.Code);
        Assert.Equal("no table found in the Word document: its body has paragraphs only", error.Message);
    }
}
