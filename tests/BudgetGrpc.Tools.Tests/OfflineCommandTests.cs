using System.Text;
using BudgetGrpc.Engine;
using BudgetGrpc.Engine.Publishing;
using BudgetGrpc.Tools.Tests.Infrastructure;
using Xunit;

namespace BudgetGrpc.Tools.Tests;

/// <summary>`budget parse`, `validate` and `rules`: offline, no server, with the documented exit codes.</summary>
public sealed class OfflineCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("budget-offline-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Parse_prints_publication_json_exactly_as_the_engine_renders_it()
    {
        var file = Cli.Sample("000_c21431a6439d21ac.txt");
        var run = await Cli.RunAsync("parse", file, "--format", "json");
        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        var expected = new DisclosureEngine().Parse(File.ReadAllBytes(file), Path.GetFileName(file)).Disclosure!;
        Assert.Equal(Encoding.UTF8.GetString(PublicationJson.ToUtf8Bytes(expected)).TrimEnd(), run.Out.TrimEnd());
        Assert.Equal("门源县工业商务和信息化局", run.Json().GetProperty("department").GetString());
    }

    [Fact]
    public async Task Parse_as_csv_has_one_row_per_indicator_and_as_table_names_every_project()
    {
        var csv = await Cli.RunAsync("parse", Cli.Sample("yangli-2025-agri.xlsx"), "--format", "csv");
        Assert.Equal(ExitCodes.Ok, csv.ExitCode);
        Assert.Equal(1 + 24, csv.Out.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        var table = await Cli.RunAsync("parse", Cli.Sample("yangli-2025-agri.xlsx"), "--format", "table");
        Assert.Equal(ExitCodes.Ok, table.ExitCode);
        Assert.Contains("高标准农田建设项目", table.Out);
        Assert.Contains("动物防疫补助经费", table.Out);
    }

    [Fact]
    public async Task Grid_prints_each_table_as_the_readers_grid_it_with_source_rows_and_merges()
    {
        var run = await Cli.RunAsync("grid", Cli.Sample("yangli-2025-agri.xlsx"));
        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        var grids = BudgetGrpc.Engine.Reading.ContainerReader.Read(File.ReadAllBytes(Cli.Sample("yangli-2025-agri.xlsx")), "agri.xlsx", new EngineLimits()).Grids;
        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal($"xlsx: {grids.Count} table(s)", lines[0]);
        Assert.Equal(grids.Count, lines.Count(l => l.StartsWith("== ", StringComparison.Ordinal)));
        Assert.Equal(grids.Sum(g => g.RowCount), lines.Count(l => l.StartsWith("  row ", StringComparison.Ordinal)));
        // A merged cell's continuations are marked, its anchor holds the text; a row keeps its sheet row number.
        Assert.Contains(lines, l => l.Contains(" | ^", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith($"  row {grids[0].SourceRow(grids[0].RowCount - 1)}: ", StringComparison.Ordinal));
        Assert.Contains("高标准农田建设项目", run.Out);
    }

    [Fact]
    public async Task Grid_of_a_file_no_reader_takes_exits_2_with_the_reason()
    {
        var file = Path.Combine(_dir, "notes.bin");
        await File.WriteAllBytesAsync(file, [0x00, 0x01, 0x02, 0xFF, 0xFE, 0x00, 0x10]);
        var run = await Cli.RunAsync("grid", file);
        Assert.Equal(ExitCodes.Unreadable, run.ExitCode);
        Assert.StartsWith("error UNSUPPORTED_FORMAT", run.Error);
    }

    [Fact]
    public async Task Validate_exits_0_on_warnings_only()
    {
        var run = await Cli.RunAsync("validate", Cli.Sample("000_c21431a6439d21ac.txt"), "--format", "json");
        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Equal(0, run.Json().GetProperty("errors").GetInt32());
        Assert.True(run.Json().GetProperty("warnings").GetInt32() > 0);
    }

    [Fact]
    public async Task Validate_exits_1_when_the_total_does_not_add_up()
    {
        // The agri table with its 合计 changed: the declared total no longer matches the projects.
        var csv = File.ReadAllText(Cli.Sample("yangli-2025-agri.csv")).Replace("\"合计\",,13930000", "\"合计\",,13940000");
        var file = Path.Combine(_dir, "agri-bad-total.csv");
        File.WriteAllText(file, csv);
        var run = await Cli.RunAsync("validate", file);
        Assert.True(run.ExitCode == ExitCodes.Findings, run.ToString());
        Assert.Contains("error", run.Out);
    }

    [Fact]
    public async Task An_unreadable_file_exits_2_with_the_reason()
    {
        var file = Path.Combine(_dir, "broken.xlsx");
        File.WriteAllBytes(file, [0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5]);
        var parse = await Cli.RunAsync("parse", file);
        Assert.Equal(ExitCodes.Unreadable, parse.ExitCode);
        Assert.Contains("broken.xlsx", parse.Error);
        var validate = await Cli.RunAsync("validate", file, "--format", "json");
        Assert.Equal(ExitCodes.Unreadable, validate.ExitCode);
        Assert.Equal("UNREADABLE_FILE", validate.Json().GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_wrong_command_line_exits_2()
    {
        var run = await Cli.RunAsync("parse", Cli.Sample("yangli-2025-agri.csv"), "--format", "yaml");
        Assert.Equal(ExitCodes.Unreadable, run.ExitCode);
    }

    [Fact]
    public async Task Rules_prints_the_catalog_that_docs_rules_md_holds()
    {
        var run = await Cli.RunAsync("rules");
        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal(BudgetGrpc.Engine.Validation.RuleCatalog.ToMarkdown(), run.Out);
        Assert.Contains("BG101", run.Out);
    }
}
