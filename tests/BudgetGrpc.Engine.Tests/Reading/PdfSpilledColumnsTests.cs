using UglyToad.PdfPig.Writer;
using Xunit;
using static BudgetGrpc.Engine.Tests.Reading.ReadingFixtures;

namespace BudgetGrpc.Engine.Tests.Reading;

/// <summary>
/// A sheet printed wider than its paper (no fit-to-width): the columns that do not fit are printed on later pages,
/// down then over (all rows' left-hand columns first) or over then down (left and right parts alternating). Portrait
/// A4 pages drawn for the test, 60 pt margins on both sides, as spreadsheets print them.
/// </summary>
public class PdfSpilledColumnsTests
{
    /// <summary>The left-hand part's columns: it fills the page up to the right margin (595 − 60).</summary>
    private static readonly double[] Left = [60, 160, 260, 360, 460, 535];

    /// <summary>The right-hand part's columns, printed from the left margin of a later page.</summary>
    private static readonly double[] Right = [60, 140, 220];

    /// <summary>
    /// A ruled part: rows of the given heights from <paramref name="top"/> down, cells split by '|'. Rows listed in
    /// <paramref name="openAt"/> leave out their rule on the page's cut side (a merged cell that goes on over the
    /// page edge); <paramref name="clipped"/> is text a spreadsheet draws beyond the printable area there.
    /// </summary>
    private static void Part(PdfPageBuilder page, PdfDocumentBuilder.AddedFont font, double[] columns, (double Height, string Cells)[] rows,
        string number, double top = 760, bool cutOnTheRight = true, int[]? openAt = null, (string Text, double X, int Row)? clipped = null)
    {
        SyntheticPdf.Text(page, font, "Sheet1", 280, 785); // the running header, 57 pt down
        SyntheticPdf.Text(page, font, "Page " + number, 280, 40);
        var y = top;
        var tops = new List<double>();
        foreach (var (height, _) in rows)
        {
            tops.Add(y);
            y -= height;
        }
        tops.Add(y);
        foreach (var t in tops) SyntheticPdf.HLine(page, t, columns[0], columns[^1]);
        for (var i = 0; i < rows.Length; i++)
        {
            var cells = rows[i].Cells.Split('|');
            for (var c = 0; c < columns.Length; c++)
            {
                var open = openAt?.Contains(i) == true && c == (cutOnTheRight ? columns.Length - 1 : 0);
                if (!open) SyntheticPdf.VLine(page, columns[c], tops[i + 1], tops[i]);
            }
            for (var c = 0; c < cells.Length && c + 1 < columns.Length; c++)
                if (cells[c].Length > 0) SyntheticPdf.Text(page, font, cells[c], columns[c] + 5, tops[i] - 14);
        }
        if (clipped is var (text, x, row)) SyntheticPdf.Text(page, font, text, x, tops[row] - 14);
    }

    // Two bands of rows, each row as high as its text made it (heights differ from band to band).
    private static readonly (double, string)[] LeftBand1 =
        [(30, "Name|Level|Target|Unit|Budget"), (20, "roads|output|1200|km|100"), (40, "bridges|output|8|seats|50"), (25, "costs|cost|1|yuan|30")];
    private static readonly (double, string)[] RightBand1 = [(30, "|Score"), (20, "98|9.5"), (40, "49|4"), (25, "30|3")];
    private static readonly (double, string)[] LeftBand2 = [(20, "safety|output|45|km|20"), (35, "service|benefit|90|%|10")];
    private static readonly (double, string)[] RightBand2 = [(20, "19|2"), (35, "10|1")];

    private const string Joined =
        "1:|Name|Level|Target|Unit|Budget|^Budget|Score\n2:|roads|output|1200|km|100|98|9.5\n3:|bridges|output|8|seats|50|49|4\n" +
        "4:|costs|cost|1|yuan|30|30|3\n5:|safety|output|45|km|20|19|2\n6:|service|benefit|90|%|10|10|1\n";

    [Fact]
    public void Right_hand_columns_printed_after_all_rows_join_their_rows()
    {
        // Down, then over: pages 1–2 hold the left-hand columns of all rows, pages 3–4 the right-hand ones. The header's
        // Budget is merged over the page edge: no rule there on either page, and page 3 draws its clipped text left of
        // the margin.
        var pdf = SyntheticPdf.Build(
            (p, f) => Part(p, f, Left, LeftBand1, "1", openAt: [0]),
            (p, f) => Part(p, f, Left, LeftBand2, "2"),
            (p, f) => Part(p, f, Right, RightBand1, "3", cutOnTheRight: false, openAt: [0], clipped: ("Budget", 10, 0)),
            (p, f) => Part(p, f, Right, RightBand2, "4", cutOnTheRight: false));
        var content = Read(pdf, "t.pdf");
        Assert.Equal([Joined], content.Grids.Select(Dump));
    }

    [Fact]
    public void Left_and_right_parts_printed_in_turn_with_repeated_title_rows_join_their_rows()
    {
        // Over, then down, with the header row printed again on top of every page (print titles): each right-hand part
        // joins the left-hand part before it, and the repeated header is dropped as on any page.
        var header = LeftBand1[0];
        var pdf = SyntheticPdf.Build(
            (p, f) => Part(p, f, Left, LeftBand1, "1", openAt: [0]),
            (p, f) => Part(p, f, Right, RightBand1, "2", cutOnTheRight: false, openAt: [0]),
            (p, f) => Part(p, f, Left, [header, .. LeftBand2], "3", openAt: [0]),
            (p, f) => Part(p, f, Right, [RightBand1[0], .. RightBand2], "4", cutOnTheRight: false, openAt: [0]));
        var content = Read(pdf, "t.pdf");
        Assert.Equal([Joined], content.Grids.Select(Dump));
    }

    [Fact]
    public void With_rows_of_equal_heights_the_next_bands_left_hand_part_is_no_third_part()
    {
        // Over, then down, every row 20 pt high and both parts filling their pages: page 3's rows lie where page 1's
        // do and its first column would not fit beside page 2's part, but its columns are page 1's: the next band.
        double[] right = [60, 200, 340, 535];
        var pdf = SyntheticPdf.Build(
            (p, f) => Part(p, f, Left, [(20, "Name|Level|Target|Unit|Budget"), (20, "roads|output|1200|km|100")], "1"),
            (p, f) => Part(p, f, right, [(20, "Executed|Score|Note"), (20, "98|9.5|a")], "2", cutOnTheRight: false),
            (p, f) => Part(p, f, Left, [(20, "bridges|output|8|seats|50"), (20, "costs|cost|1|yuan|30")], "3"),
            (p, f) => Part(p, f, right, [(20, "49|4|b"), (20, "30|3|c")], "4", cutOnTheRight: false));
        Assert.Equal(
            ["1:|Name|Level|Target|Unit|Budget|Executed|Score|Note\n2:|roads|output|1200|km|100|98|9.5|a\n" +
             "3:|bridges|output|8|seats|50|49|4|b\n4:|costs|cost|1|yuan|30|30|3|c\n"],
            Read(pdf, "t.pdf").Grids.Select(Dump));
    }

    [Fact]
    public void A_single_column_printed_on_the_next_page_joins_its_rows()
    {
        // Only the last column did not fit: a part one column wide, its rows at the heights of page 1's.
        var pdf = SyntheticPdf.Build(
            (p, f) => Part(p, f, Left, LeftBand1, "1"),
            (p, f) => Part(p, f, [60, 130], [(30, "Score"), (20, "9.5"), (40, "4"), (25, "3")], "2", cutOnTheRight: false));
        Assert.Equal(
            ["1:|Name|Level|Target|Unit|Budget|Score\n2:|roads|output|1200|km|100|9.5\n3:|bridges|output|8|seats|50|4\n4:|costs|cost|1|yuan|30|3\n"],
            Read(pdf, "t.pdf").Grids.Select(Dump));
    }

    [Fact]
    public void A_table_that_leaves_room_on_its_page_is_not_continued_by_other_columns_at_the_same_heights()
    {
        // The next page's table has its rows at the same heights, but the first one ends well short of the margin: a
        // column would have fitted beside it, so the second is another table (the next sheet), not its right-hand part.
        var pdf = SyntheticPdf.Build(
            (p, f) => Part(p, f, [60, 160, 260, 360], [(30, "Name|Level|Target"), (20, "roads|output|1200"), (40, "bridges|output|8")], "1"),
            (p, f) => Part(p, f, Right, [(30, "Name|Score"), (20, "a|1"), (40, "b|2")], "2", cutOnTheRight: false));
        Assert.Equal(
            ["1:|Name|Level|Target\n2:|roads|output|1200\n3:|bridges|output|8\n", "1:|Name|Score\n2:|a|1\n3:|b|2\n"],
            Read(pdf, "t.pdf").Grids.Select(Dump));
    }

    [Fact]
    public void Forms_filling_pages_of_their_own_with_rows_of_equal_heights_stay_apart()
    {
        // Sheets of one template printed fit to width: each fills its page from the same margin and every row is 20 pt
        // high, so the second page's row boundaries are all the first's; but it ends rows earlier: a form of its own
        // (the variant suite's workbooks of several forms, one a sheet).
        var pdf = SyntheticPdf.Build(
            (p, f) => Part(p, f, Left, [(20, "Name|Level|Target|Unit|Budget"), (20, "roads|output|1200|km|100"), (20, "bridges|output|8|seats|50")], "1"),
            (p, f) => Part(p, f, [60, 150, 300, 535], [(20, "Name|Target|Budget"), (20, "schools|12|80")], "2", cutOnTheRight: false));
        Assert.Equal(2, Read(pdf, "t.pdf").Grids.Count);
    }

    [Fact]
    public void A_part_whose_rows_lie_elsewhere_is_not_joined()
    {
        // A full-width table, then a narrower one on the next page whose rows are printed at other heights: the next
        // sheet's table (or another form), not more columns of the first one's rows.
        var pdf = SyntheticPdf.Build(
            (p, f) => Part(p, f, Left, LeftBand1, "1"),
            (p, f) => Part(p, f, Right, [(25, "Name|Score"), (30, "a|1"), (20, "b|2"), (40, "c|3")], "2", cutOnTheRight: false));
        Assert.Equal(2, Read(pdf, "t.pdf").Grids.Count);
    }
}

/// <summary>
/// Generated workbooks printed by LibreOffice Calc on portrait A4 without fit-to-width, as a finance office prints a
/// sheet left at the program's defaults: the right-hand columns go to later pages (down, then over). The PDF reads as
/// the workbook's gold. Needs soffice, which tools/run-tests.sh installs.
/// </summary>
public class PdfSpilledPrintTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Theory]
    [InlineData("SelfEvaluation", 50000)]
    [InlineData("SelfEvaluation", 50001)]
    [InlineData("Wide", 10000)]
    [InlineData("Form", 30001)]
    public void A_workbook_printed_wider_than_its_portrait_page_reads_as_its_gold(string familyName, int seed)
    {
        var family = Enum.Parse<Variants.VariantFamily>(familyName);
        Assert.True(Variants.VariantLegacy.Soffice is not null, "LibreOffice (soffice) is not installed; tools/run-tests.sh installs it");
        var variant = Variants.VariantRenderer.Generate(family, seed, Variants.VariantContainer.Xlsx);
        var workbook = PortraitWithoutFitToWidth(Variants.VariantContainers.Write(variant.Document, Variants.VariantContainer.Xlsx));
        var pdf = Variants.VariantLegacy.Convert(Variants.LegacyContainer.PdfFromWorkbook, [(variant.FileName, workbook)], TimeSpan.FromMinutes(2))
            .GetValueOrDefault(variant.FileName);
        Assert.NotNull(pdf);
        using (var document = UglyToad.PdfPig.PdfDocument.Open(pdf))
        {
            // The print spilled: some page starts at the left margin with columns that are not the first page's.
            Assert.True(document.NumberOfPages >= 2, $"{document.NumberOfPages} page(s)");
            output.WriteLine($"{document.NumberOfPages} pages");
        }
        var result = new DisclosureEngine().Parse(pdf, Path.ChangeExtension(variant.FileName, ".pdf"));
        var gold = Variants.VariantGold.For(variant);
        Assert.True(result.Disclosure is not null, result.Error?.ToString());
        using var json = System.Text.Json.JsonDocument.Parse(BudgetGrpc.Engine.Publishing.PublicationJson.ToUtf8Bytes(result.Disclosure));
        var score = Variants.PublicationScorer.Evaluate(gold, json.RootElement);
        var line = $"strictF1 {score.StrictF1:0.000} document {score.DocumentOk}/{score.DocumentFields} actuals {score.ActualsOk}/{score.Actuals} projects {score.ProjectsOk}/{score.Projects}";
        output.WriteLine(line);
        foreach (var grid in Read(pdf, "t.pdf").Grids) output.WriteLine(Dump(grid));
        Assert.True(score.StrictF1 == 1 && score.DocumentRight && score.ActualsRight && score.ProjectsOk == score.Projects,
            line + "\n" + string.Join("\n", score.Notes.Take(8)));
    }

    /// <summary>The workbook's sheets left at Calc's print defaults: portrait A4, its margins, no scaling.</summary>
    private static byte[] PortraitWithoutFitToWidth(byte[] xlsx)
    {
        using var stream = new MemoryStream();
        stream.Write(xlsx);
        using (var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(stream, isEditable: true))
        {
            foreach (var part in document.WorkbookPart!.WorksheetParts)
            {
                var sheet = part.Worksheet;
                foreach (var element in sheet.Elements<DocumentFormat.OpenXml.Spreadsheet.SheetProperties>().ToList()) element.Remove();
                foreach (var element in sheet.Elements<DocumentFormat.OpenXml.Spreadsheet.PageMargins>().ToList()) element.Remove();
                foreach (var element in sheet.Elements<DocumentFormat.OpenXml.Spreadsheet.PageSetup>().ToList()) element.Remove();
                sheet.Save();
            }
        }
        return stream.ToArray();
    }
}
