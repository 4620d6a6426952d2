using BudgetGrpc.Engine.Model;
using BudgetGrpc.Engine.Reading;
using Xunit;
using static BudgetGrpc.Engine.Tests.Reading.ReadingFixtures;

namespace BudgetGrpc.Engine.Tests.Reading;

/// <summary>
/// Legacy .xls workbooks (LibreOffice's "MS Excel 97" rendering of the samples, tools/make-legacy-samples.sh) read into
/// the same grids as their .xlsx originals: texts, numbers, merges and their flags, source rows, sheet names.
/// </summary>
public class LegacyExcelTests
{
    [Theory]
    [InlineData("yangli-2025-agri.xlsx", "containers/yangli-2025-agri.xlsx.xls")]
    [InlineData("yangli-2025-edu-form.xlsx", "containers/yangli-2025-edu-form.xlsx.xls")]
    [InlineData("yangli-2025-dept.xlsx", "containers/yangli-2025-dept.xlsx.xls")]
    [InlineData("yangli-2025-agri-selfeval.xlsx", "containers/yangli-2025-agri-selfeval.xlsx.xls")]
    [InlineData("containers/synthetic-sheets.xlsx", "containers/synthetic-sheets.xlsx.xls")] // hidden sheet, dates, merge
    public void An_xls_reads_into_the_grids_of_its_xlsx_original(string original, string legacy)
    {
        var expected = ReadSample(original);
        var actual = ReadSample(legacy);
        Assert.Equal("xls", actual.Format);
        Assert.Equal(expected.Grids.Select(g => g.Name), actual.Grids.Select(g => g.Name));
        for (var i = 0; i < expected.Grids.Count; i++)
            Assert.Equal(Dump(expected.Grids[i]), Dump(actual.Grids[i]));
    }

    [Fact]
    public void Hidden_sheets_are_left_out_and_dates_stay_dates()
    {
        var content = ReadSample("containers/synthetic-sheets.xlsx.xls");
        Assert.Equal(["预算", "第二"], content.Grids.Select(g => g.Name));
        var grid = content.Grids[0];
        Assert.Equal(["高标准农田", "2024-01-15", "2024-01-15 12:00", "1.5", "12500000", "0.58"], grid.Row(1));
        Assert.Equal(4, grid.SourceRow(2)); // the empty row 3 is left out, the sheet's numbering kept
        Assert.Equal(3, grid.RowCount); // the merge A4:A6 reaches past the data and adds no rows
    }

    [Fact]
    public void The_seed_text_imported_into_excel_keeps_every_cell()
    {
        var text = ReadSample("000_c21431a6439d21ac.txt").Grids[0];
        var xls = Assert.Single(ReadSample("containers/000_c21431a6439d21ac.txt.xls").Grids);
        Assert.Equal(text.RowCount, xls.RowCount);
        // A sheet has no trailing empty cells where a text line has empty fields after its last value.
        static IEnumerable<string> Trimmed(IReadOnlyList<string> row) =>
            row.Take(row.Count - row.Reverse().TakeWhile(c => c.Length == 0).Count());
        // Calc's text import stores "18.00" as the number 18, which the sheet then holds: same value, shorter text.
        static string Value(string cell) =>
            decimal.TryParse(cell, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var d)
                ? d.ToString("G29", System.Globalization.CultureInfo.InvariantCulture) : cell;
        for (var r = 0; r < text.RowCount; r++)
            Assert.Equal(Trimmed(text.Row(r)).Select(Value), xls.Row(r).Select(Value));
    }

    [Theory]
    [InlineData(12500000d, "12500000")]
    [InlineData(0.57999999999999996d, "0.58")]
    [InlineData(1e15d, "1000000000000000")]
    [InlineData(true, "TRUE")]
    [InlineData("项目", "项目")]
    public void Cell_values_are_written_as_the_xlsx_reader_writes_them(object value, string expected) =>
        Assert.Equal(expected, XlsReader.CellText(value));

    [Fact]
    public void Dates_and_durations_are_written_as_the_xlsx_reader_writes_them()
    {
        Assert.Equal("2024-01-15", XlsReader.CellText(new DateTime(2024, 1, 15)));
        Assert.Equal("2024-01-15 12:00", XlsReader.CellText(new DateTime(2024, 1, 15, 12, 0, 0)));
        Assert.Equal("2024-01-15 12:00:01", XlsReader.CellText(new DateTime(2024, 1, 15, 12, 0, 0, 999)));
        Assert.Equal("08:30", XlsReader.CellText(DateTime.FromOADate(8.5 / 24)));
        Assert.Equal("1.5", XlsReader.CellText(TimeSpan.FromDays(1.5)));
    }

    [Fact]
    public void A_damaged_workbook_stream_is_a_typed_error()
    {
        var bytes = Sample("containers/yangli-2025-agri.xlsx.xls");
        var damaged = (byte[])bytes.Clone();
        // Keep the compound file's header and directory, wipe the middle where the workbook stream lives.
        Array.Clear(damaged, 1024, Math.Min(4096, damaged.Length - 2048));
        try
        {
            var content = Read(damaged, "agri.xls");
            Assert.Equal("xls", content.Format);
        }
        catch (DisclosureException ex)
        {
            Assert.Contains(ex.Error.Code, new[] { DisclosureErrorCode.Unreadable, DisclosureErrorCode.NoTable });
        }
    }
}
