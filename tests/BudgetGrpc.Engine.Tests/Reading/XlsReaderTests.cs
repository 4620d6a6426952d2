using BudgetGrpc.Engine.Model;
using BudgetGrpc.Engine.Reading;
using Xunit;
using static BudgetGrpc.Engine.Tests.Reading.ReadingFixtures;
using static BudgetGrpc.Engine.Tests.Reading.SyntheticBiff;

namespace BudgetGrpc.Engine.Tests.Reading;

/// <summary>
/// The .xls reader on BIFF8 workbook streams written in the test (<see cref="SyntheticBiff"/>): sheet names and
/// visibility, cell kinds, sparse rows, merges and the guards on their ranges, the refusals.
/// </summary>
public class XlsReaderTests
{
    private static ContainerContent ReadXls(byte[] workbook, string name = "预算.xls", EngineLimits? limits = null) =>
        XlsReader.Read(workbook, new ReadContext(name, limits ?? new EngineLimits()));

    private static DisclosureError Refusal(byte[] workbook, string name = "预算.xls") =>
        Assert.Throws<DisclosureException>(() => ReadXls(workbook, name)).Error;

    [Fact]
    public void Every_cell_kind_is_written_as_the_xlsx_reader_writes_it()
    {
        var content = ReadXls(Workbook(new Sheet("预算",
            Label(0, 0, "项目"), Number(0, 1, 12500000), Number(0, 2, 0.57999999999999996), Boolean(0, 3, true),
            Boolean(0, 4, false), Number(0, 5, 45306, xf: Date), Number(0, 6, 1.5, xf: Elapsed), Blank(0, 7), Label(0, 8, "尾"), Number(0, 9, 45306.5, xf: Date))));

        Assert.Equal("xls", content.Format);
        var grid = Assert.Single(content.Grids);
        Assert.Equal("预算", grid.Name);
        Assert.Equal("1:|项目|12500000|0.58|TRUE|FALSE|2024-01-15|1.5||尾|2024-01-15 12:00\n", Dump(grid));
    }

    [Fact]
    public void Empty_rows_are_left_out_and_rows_keep_their_sheet_numbers()
    {
        var grid = Assert.Single(ReadXls(Workbook(new Sheet("S",
            Label(1, 0, "名称"), Label(1, 1, "金额"), Blank(2, 0), Label(4, 2, "备注")))).Grids);

        Assert.Equal("2:|名称|金额\n5:|||备注\n", Dump(grid));
        Assert.Equal(3, grid.ColumnCount);
    }

    [Fact]
    public void Hidden_and_very_hidden_sheets_are_left_out()
    {
        var content = ReadXls(Workbook(
            new Sheet("隐藏", Hidden, Label(0, 0, "a")),
            new Sheet("可见", Label(0, 0, "b")),
            new Sheet("深藏", VeryHidden, Label(0, 0, "c"))));

        Assert.Equal(["可见"], content.Grids.Select(g => g.Name));
        Assert.Equal("b", content.Grids[0][0, 0]);
    }

    [Fact]
    public void An_unnamed_sheet_is_named_by_its_place_among_the_grids_read()
    {
        var content = ReadXls(Workbook(
            new Sheet("", Label(0, 0, "一")),
            new Sheet("", Hidden, Label(0, 0, "藏")),
            new Sheet(""),
            new Sheet("第二", Label(0, 0, "二")),
            new Sheet("", Label(0, 0, "三"))));

        Assert.Equal(["sheet 1", "第二", "sheet 3"], content.Grids.Select(g => g.Name));
        Assert.Equal(["一", "二", "三"], content.Grids.Select(g => g[0, 0]));
    }

    [Fact]
    public void A_workbook_whose_visible_sheets_are_empty_has_no_table()
    {
        var error = Refusal(Workbook(new Sheet("空", Blank(0, 0)), new Sheet("藏", Hidden, Label(0, 0, "x"))), "空表.xls");

        Assert.Equal(DisclosureErrorCode.NoTable, error.Code);
        Assert.Equal("no table found in the workbook: every visible sheet is empty", error.Message);
        Assert.Equal("空表.xls", error.FileName);
        Assert.Null(error.Location);
    }

    [Fact]
    public void A_password_protected_workbook_asks_for_it_without_the_password()
    {
        var error = Refusal(Workbook([FilePass()], new Sheet("S", Label(0, 0, "x"))), "加密.xls");

        Assert.Equal(DisclosureErrorCode.UnsupportedFormat, error.Code);
        Assert.Equal("the workbook is password-protected; save it again without a password", error.Message);
        Assert.Equal("加密.xls", error.FileName);
    }

    [Fact]
    public void A_merge_is_filled_from_its_anchor_and_its_other_cells_flagged()
    {
        // A1:B2 merged (rows 0–1, columns 0–1 as stored), C3 below it holds data.
        var grid = Assert.Single(ReadXls(Workbook(new Sheet("S",
            Label(0, 0, "绩效指标"), Label(0, 2, "值"), Label(2, 2, "36"), Merges((0, 1, 0, 1))))).Grids);

        Assert.Equal("1:|绩效指标|^绩效指标|值\n2:|^绩效指标|^绩效指标\n3:|||36\n", Dump(grid));
    }

    [Fact]
    public void A_merge_below_the_first_row_and_right_of_the_first_column_is_placed_by_its_own_coordinates()
    {
        var grid = Assert.Single(ReadXls(Workbook(new Sheet("S",
            Label(0, 0, "表头"), Label(1, 1, "甲"), Label(2, 3, "末"), Merges((1, 2, 1, 2))))).Grids);

        Assert.Equal("1:|表头\n2:||甲|^甲\n3:||^甲|^甲|末\n", Dump(grid));
    }

    [Fact]
    public void A_merge_whose_columns_run_backwards_adds_no_rows()
    {
        // Rows 0–2 over columns 1..0: nothing to fill, and the empty sheet row 2 must not enter the grid through it.
        var grid = Assert.Single(ReadXls(Workbook(new Sheet("S",
            Label(0, 0, "a"), Label(0, 1, "b"), Label(2, 0, "c"), Merges((0, 2, 1, 0))))).Grids);

        Assert.Equal("1:|a|b\n3:|c\n", Dump(grid));
    }

    [Fact]
    public void Merges_outside_the_sheet_or_running_backwards_are_ignored()
    {
        var grid = Assert.Single(ReadXls(Workbook(new Sheet("S",
            Label(0, 0, "a"), Label(0, 1, "b"), Label(1, 0, "c"), Label(1, 1, "d"),
            Merges((0xFFFF, 1, 0, 1), (0, 1, 0xFFFF, 1), (1, 0, 0, 1), (0, 0, 1, 0))))).Grids);

        Assert.Equal("1:|a|b\n2:|c|d\n", Dump(grid));
    }

    [Fact]
    public void A_biff5_workbook_without_a_code_page_is_read_as_gb18030()
    {
        var content = ReadXls(Biff5Workbook(TextDecoding.Gb18030, "预算表", (0, 0, "项目名称"), (0, 1, "资金（万元）")));

        var grid = Assert.Single(content.Grids);
        Assert.Equal("预算表", grid.Name);
        Assert.Equal("1:|项目名称|资金（万元）\n", Dump(grid));
    }

    [Fact]
    public void The_cell_budget_is_spent_on_an_xls_too()
    {
        var error = Assert.Throws<DisclosureException>(() => ReadXls(Workbook(new Sheet("S",
            Label(0, 0, "a"), Label(0, 1, "b"), Label(1, 0, "c"), Label(1, 1, "d"))), limits: new EngineLimits { MaxCells = 3 })).Error;

        Assert.Equal(DisclosureErrorCode.TooLarge, error.Code);
    }

    [Fact]
    public void Through_the_container_reader_a_damaged_workbook_stream_is_unreadable_as_an_xls()
    {
        // The compound file names a Workbook stream, but it is empty: ExcelDataReader's own exception becomes Unreadable.
        var error = Assert.Throws<DisclosureException>(() =>
            Read(SyntheticCompoundFile.WithStreams("Workbook"), "坏.xls")).Error;

        Assert.Equal(DisclosureErrorCode.Unreadable, error.Code);
        Assert.StartsWith("the file looks like a legacy Excel workbook (.xls) but is damaged and could not be read (", error.Message);
        Assert.NotNull(error.Cause);
        Assert.EndsWith($"({error.Cause!.GetType().Name}: {error.Cause.Message})", error.Message);
    }

    [Theory]
    [InlineData(7, "7")]
    [InlineData(-12, "-12")]
    public void Integers_are_written_invariantly(int value, string expected) =>
        Assert.Equal(expected, XlsReader.CellText(value));

    [Fact]
    public void Other_values_are_written_invariantly_and_null_is_empty()
    {
        Assert.Equal("", XlsReader.CellText(null));
        Assert.Equal("1.25", XlsReader.CellText(1.25m));
        Assert.Equal("FALSE", XlsReader.CellText(false));
        Assert.Equal("-0.5", XlsReader.CellText(TimeSpan.FromHours(-12)));
    }

    [Fact]
    public void Dates_round_to_the_nearest_second()
    {
        Assert.Equal("2024-01-15 12:00", XlsReader.CellText(new DateTime(2024, 1, 15, 12, 0, 0, 499)));
        Assert.Equal("2024-01-15 12:00:01", XlsReader.CellText(new DateTime(2024, 1, 15, 12, 0, 0, 500)));
        Assert.Equal("2024-01-16", XlsReader.CellText(new DateTime(2024, 1, 15, 23, 59, 59, 500)));
        Assert.Equal("2024-01-15 08:30:05", XlsReader.CellText(new DateTime(2024, 1, 15, 8, 30, 5)));
    }

    [Fact]
    public void A_time_of_day_alone_has_no_date()
    {
        Assert.Equal("00:00", XlsReader.CellText(new DateTime(1899, 12, 30)));
        Assert.Equal("23:59:59", XlsReader.CellText(new DateTime(1899, 12, 30, 23, 59, 59)));
        Assert.Equal("1899-12-31", XlsReader.CellText(new DateTime(1899, 12, 31)));
        Assert.Equal("1899-12-29 06:00", XlsReader.CellText(new DateTime(1899, 12, 29, 6, 0, 0)));
    }
}
