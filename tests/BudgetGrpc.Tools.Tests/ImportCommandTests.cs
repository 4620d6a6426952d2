using System.Text.Json;
using BudgetGrpc.Tools.Tests.Infrastructure;
using Xunit;

namespace BudgetGrpc.Tools.Tests;

/// <summary>`budget import` against an empty server of its own.</summary>
public sealed class ImportCommandTests(BudgetServerFixture server) : IClassFixture<BudgetServerFixture>, IDisposable
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("budget-import-").FullName;

    [Fact]
    public async Task A_corrupt_file_is_rejected_with_its_reason_and_the_other_files_still_import()
    {
        var corrupt = Path.Combine(_scratch, "broken.xlsx");
        await File.WriteAllBytesAsync(corrupt, [0x50, 0x4B, 0x03, 0x04, 0xDE, 0xAD, 0xBE, 0xEF, 0x00, 0x01]);
        var good = Sample("yangli-2025-edu-form.docx");

        var run = await server.RunAsync(BudgetServerFixture.OperatorKey, "import", corrupt, good);

        Assert.True(run.ExitCode == ExitCodes.Findings, run.ToString());
        var brokenLine = Assert.Single(run.Out.Split('\n'), l => l.Contains("broken.xlsx"));
        Assert.Contains("REJECTED", brokenLine);
        // error CODE (REASON): message, with the ErrorInfo reason the server chose.
        Assert.Matches(@"error INVALID_ARGUMENT \([A-Z_]+\): ", brokenLine);
        var goodLine = Assert.Single(run.Out.Split('\n'), l => l.Contains("yangli-2025-edu-form.docx"));
        Assert.Matches("CREATED|NEW_REVISION|UNCHANGED", goodLine);
        Assert.Contains("disclosures/", goodLine);

        // The server kept the rejected upload with its reason; an operator sees it.
        var uploads = await server.RunAsync(BudgetServerFixture.OperatorKey, "uploads", "--rejected", "--all", "--format", "json");
        Assert.True(uploads.ExitCode == ExitCodes.Ok, uploads.ToString());
        var rejected = uploads.Json().GetProperty("uploads").EnumerateArray().ToList();
        Assert.Contains(rejected, u => u.GetProperty("fileName").GetString() == "broken.xlsx"
            && u.GetProperty("outcome").GetString() == "UPLOAD_OUTCOME_REJECTED"
            && u.GetProperty("reason").GetString()!.Length > 0);
    }

    [Fact]
    public async Task A_file_for_a_department_the_key_may_not_import_for_is_forbidden_and_the_rest_imports()
    {
        var allowed = Sample("yangli-2025-agri.csv");
        var otherDepartment = Sample("yangli-2025-edu-form.html");

        var run = await server.RunAsync(BudgetServerFixture.ImporterKey, "import", otherDepartment, allowed);

        Assert.True(run.ExitCode == ExitCodes.Findings, run.ToString());
        Assert.Contains("FORBIDDEN", Assert.Single(run.Out.Split('\n'), l => l.Contains("yangli-2025-edu-form.html")));
        Assert.Contains("PERMISSION_DENIED", run.Out);
        Assert.DoesNotContain("FORBIDDEN", Assert.Single(run.Out.Split('\n'), l => l.Contains("yangli-2025-agri.csv")));

        // The refused file is among the refused uploads an operator lists, with its reason.
        var uploads = await server.RunAsync(BudgetServerFixture.OperatorKey, "uploads", "--rejected", "--all", "--format", "json");
        Assert.True(uploads.ExitCode == ExitCodes.Ok, uploads.ToString());
        var refused = uploads.Json().GetProperty("uploads").EnumerateArray().ToList();
        Assert.Contains(refused, u => u.GetProperty("fileName").GetString() == "yangli-2025-edu-form.html"
            && u.GetProperty("outcome").GetString() == "UPLOAD_OUTCOME_FORBIDDEN"
            && u.GetProperty("reason").GetString() == "FORBIDDEN_DEPARTMENT");
        Assert.DoesNotContain(refused, u => u.GetProperty("fileName").GetString() == "yangli-2025-agri.csv");
    }

    [Fact]
    public async Task Validate_only_stores_nothing()
    {
        var copy = Path.Combine(_scratch, "validate-only.txt");
        File.Copy(Sample("000_c21431a6439d21ac.txt"), copy);
        var before = await server.RunAsync(BudgetServerFixture.ReaderKey, "list", "--all", "--format", "json");

        var run = await server.RunAsync(BudgetServerFixture.OperatorKey, "import", copy, "--validate-only", "--format", "json");

        Assert.True(run.ExitCode is ExitCodes.Ok or ExitCodes.Findings, run.ToString());
        var row = Assert.Single(Rows(run));
        Assert.Equal("VALIDATED_ONLY", row.Outcome);
        // Error findings make a validate-only run fail, like `budget validate`.
        var errors = run.Json()[0].GetProperty("findingCounts").TryGetProperty("errors", out var e) ? e.GetInt32() : 0;
        Assert.Equal(errors > 0 ? ExitCodes.Findings : ExitCodes.Ok, run.ExitCode);
        var after = await server.RunAsync(BudgetServerFixture.ReaderKey, "list", "--all", "--format", "json");
        Assert.Equal(before.Out, after.Out);
    }

    [Fact]
    public async Task A_missing_file_is_unreadable_exit_2_and_does_not_stop_the_others()
    {
        var missing = Path.Combine(_scratch, "nowhere.xlsx");

        var run = await server.RunAsync(BudgetServerFixture.OperatorKey, "import", missing, Sample("yangli-2025-agri.xlsx"), Path.Combine(_scratch, "*.docx"));

        Assert.True(run.ExitCode == ExitCodes.Unreadable, run.ToString());
        Assert.Contains("UNREADABLE", Assert.Single(run.Out.Split('\n'), l => l.Contains("nowhere.xlsx")));
        Assert.Contains("no such file, folder or match", Assert.Single(run.Out.Split('\n'), l => l.Contains("*.docx")));
        Assert.Matches("CREATED|NEW_REVISION|UNCHANGED", Assert.Single(run.Out.Split('\n'), l => l.Contains("yangli-2025-agri.xlsx")));
    }

    [Fact]
    public async Task A_pattern_expands_to_the_matching_files()
    {
        var run = await server.RunAsync(BudgetServerFixture.OperatorKey, "import", Path.Combine(Cli.SamplesFolder, "yangli-2025-edu-form.*"), "--format", "json");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Equal(["yangli-2025-edu-form.docx", "yangli-2025-edu-form.html", "yangli-2025-edu-form.xlsx"],
            Rows(run).Select(r => Path.GetFileName(r.File)));
    }

    [Fact]
    public async Task A_reader_key_may_not_import()
    {
        var run = await server.RunAsync(BudgetServerFixture.ReaderKey, "import", Sample("yangli-2025-agri.csv"));

        Assert.True(run.ExitCode == ExitCodes.Findings, run.ToString());
        Assert.Contains("error PERMISSION_DENIED (ROLE_REQUIRED)", run.Error);
    }

    [Fact]
    public async Task An_interactive_import_of_several_files_shows_progress_and_still_prints_the_summary()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = new CliConsole(output, error, interactive: true);
        // A wide terminal: at a terminal the tables wrap at its width, and a StringWriter reports 80 columns.
        console.Ansi.Profile.Width = 300;

        var exitCode = await BudgetCli.RunAsync(["import", Sample("yangli-2025-agri.html"), Sample("yangli-2025-agri.gb18030.csv"),
            "--server", server.Address, "--api-key", BudgetServerFixture.OperatorKey], console);

        Assert.True(exitCode == ExitCodes.Ok, $"{output}\n{error}");
        Assert.Contains("yangli-2025-agri.html", output.ToString());
        Assert.Contains("yangli-2025-agri.gb18030.csv", output.ToString());
        Assert.Contains("2 files: ", output.ToString());
    }

    private static string Sample(string name) => Cli.Sample(name);

    private sealed record Row(string File, string Outcome, string Revision, string Disclosure);

    private static List<Row> Rows(CliRun run) => run.Json().EnumerateArray()
        .Select(r => new Row(r.GetProperty("file").GetString()!, r.GetProperty("outcome").GetString()!,
            r.GetProperty("revision").GetString()!, r.GetProperty("disclosure").GetString()!))
        .ToList();

    public void Dispose() => Directory.Delete(_scratch, recursive: true);
}
