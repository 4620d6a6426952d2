using BudgetGrpc.Tools.Tests.Infrastructure;
using Xunit;

namespace BudgetGrpc.Tools.Tests;

/// <summary>`budget parse` on the containers departments really send: .xls, .doc (through LibreOffice), PDF.</summary>
public sealed class LegacyContainerCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("budget-legacy-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("containers/yangli-2025-agri.xlsx.xls", "xls", 3)]
    [InlineData("containers/yangli-2025-agri.html.pdf", "pdf", 3)]
    [InlineData("containers/yangli-2025-edu-form.docx.doc", "doc", 1)]
    public async Task Legacy_containers_parse_like_their_originals(string sample, string format, int projects)
    {
        var run = await Cli.RunAsync("parse", Cli.Sample(sample), "--format", "json");
        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Equal(format, run.Json().GetProperty("source").GetProperty("format").GetString());
        Assert.Equal(projects, run.Json().GetProperty("projects").GetArrayLength());
    }

    [Theory]
    [InlineData("containers/yangli-2025-agri.xlsx.xls", "broken.xls", 600, "UNREADABLE_FILE")]
    [InlineData("containers/yangli-2025-edu-form.docx.doc", "broken.doc", 700, "UNREADABLE_FILE")]
    [InlineData("containers/yangli-2025-agri.html.pdf", "broken.pdf", 900, "")]
    public async Task A_damaged_legacy_file_exits_2_with_a_clear_reason(string sample, string name, int keep, string reason)
    {
        var file = Path.Combine(_dir, name);
        File.WriteAllBytes(file, File.ReadAllBytes(Cli.Sample(sample))[..keep]);
        var run = await Cli.RunAsync("validate", file, "--format", "json");
        Assert.True(run.ExitCode == ExitCodes.Unreadable, run.ToString());
        var error = run.Json().GetProperty("error").GetString();
        Assert.False(string.IsNullOrEmpty(error));
        if (reason.Length > 0) Assert.Equal(reason, error);
        Assert.DoesNotContain("   at ", run.Error + run.Out); // never a stack trace
    }

    [Fact]
    public async Task A_scanned_pdf_says_ocr_is_needed()
    {
        // One page that only draws a rectangle: a scan's image is no text either.
        byte[] pdf;
        using (var builder = new UglyToad.PdfPig.Writer.PdfDocumentBuilder())
        {
            builder.AddPage(595, 842).DrawRectangle(new UglyToad.PdfPig.Core.PdfPoint(100, 100), 200, 200);
            pdf = builder.Build();
        }
        var file = Path.Combine(_dir, "scan.pdf");
        File.WriteAllBytes(file, pdf);
        var run = await Cli.RunAsync("parse", file);
        Assert.True(run.ExitCode == ExitCodes.Unreadable, run.ToString());
        Assert.Contains("NO_TEXT_LAYER", run.Error);
        Assert.Contains("OCR", run.Error);
    }
}
