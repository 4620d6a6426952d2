using System.Diagnostics;
using BudgetGrpc.Conversion;
using BudgetGrpc.Engine.Model;
using Xunit;
using static BudgetGrpc.Engine.Tests.Reading.ReadingFixtures;

namespace BudgetGrpc.Engine.Tests.Conversion;

/// <summary>
/// Legacy Word through the LibreOffice converter the hosts register. The real conversions need soffice, which
/// tools/run-tests.sh installs (libreoffice-writer-nogui); the failure paths use stand-in executables.
/// </summary>
public sealed class LibreOfficeConverterTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("budget-converter-tests-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private static LibreOfficeConverter RealConverter(string? tempRoot = null)
    {
        var converter = new LibreOfficeConverter(new LibreOfficeOptions { TempRoot = tempRoot });
        Assert.True(converter.Executable is not null,
            "LibreOffice (soffice) is not installed; tools/run-tests.sh installs it (apt-get install libreoffice-writer-nogui)");
        return converter;
    }

    /// <summary>A stand-in soffice: a shell script with the given body.</summary>
    private string Script(string body)
    {
        var path = Path.Combine(_temp, $"fake-soffice-{Guid.NewGuid():N}.sh");
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    [Theory]
    [InlineData("yangli-2025-edu-form.docx", "containers/yangli-2025-edu-form.docx.doc", "form.doc")]
    [InlineData("yangli-2025-edu-form.docx", "containers/yangli-2025-edu-form.docx.doc", "form.wps")]
    public void A_doc_reads_into_the_grids_of_its_docx_original(string original, string legacy, string name)
    {
        using var converter = RealConverter(_temp);
        var expected = ReadSample(original);
        var actual = Engine.Reading.ContainerReader.Read(Sample(legacy), name, new EngineLimits(), converter);
        Assert.Equal(name.EndsWith(".wps") ? "wps" : "doc", actual.Format);
        Assert.Equal(expected.Grids.Count, actual.Grids.Count);
        for (var i = 0; i < expected.Grids.Count; i++)
        {
            Assert.Equal(Dump(expected.Grids[i]), Dump(actual.Grids[i]));
            Assert.Equal(expected.Grids[i].Preamble, actual.Grids[i].Preamble);
        }
        Assert.Empty(Directory.EnumerateFileSystemEntries(_temp, "budget-convert-*")); // private folders are removed
    }

    [Fact]
    public void Rtf_is_converted_too()
    {
        using var converter = RealConverter();
        const string rtf = @"{\rtf1\ansi\ansicpg936\deff0{\fonttbl{\f0\fnil SimSun;}}" +
            @"\trowd\cellx2000\cellx4000 \intbl \u39033?\u30446?\cell \intbl 12.5\cell\row" +
            @"\trowd\cellx2000\cellx4000 \intbl A\cell \intbl B\cell\row\pard}";
        var content = Engine.Reading.ContainerReader.Read(System.Text.Encoding.ASCII.GetBytes(rtf), "table.doc", new EngineLimits(), converter);
        Assert.Equal("rtf", content.Format);
        var grid = Assert.Single(content.Grids);
        Assert.Equal(["项目", "12.5"], grid.Row(0));
        Assert.Equal(["A", "B"], grid.Row(1));
    }

    [Fact]
    public void A_missing_soffice_is_converter_unavailable()
    {
        using var converter = new LibreOfficeConverter(new LibreOfficeOptions { Executable = Path.Combine(_temp, "no-such-soffice") });
        var result = new DisclosureEngine(converter: converter).Parse(Sample("containers/yangli-2025-edu-form.docx.doc"), "form.doc");
        Assert.Equal(DisclosureErrorCode.ConverterUnavailable, result.Error!.Code);
        Assert.Contains("not installed", result.Error.Message);
    }

    [Fact]
    public void A_hanging_converter_is_killed_at_the_timeout()
    {
        var pidFile = Path.Combine(_temp, "pid");
        var script = Script($"echo $$ > '{pidFile}'\nexec sleep 60");
        using var converter = new LibreOfficeConverter(new LibreOfficeOptions { Executable = script, Timeout = TimeSpan.FromSeconds(1), TempRoot = _temp });
        var watch = Stopwatch.StartNew();
        var result = new DisclosureEngine(converter: converter).Parse(Sample("containers/yangli-2025-edu-form.docx.doc"), "form.doc");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(15), $"took {watch.Elapsed}");
        Assert.Equal(DisclosureErrorCode.Unreadable, result.Error!.Code);
        Assert.Contains("in time", result.Error.Message);
        var pid = int.Parse(File.ReadAllText(pidFile).Trim());
        Assert.False(Directory.Exists($"/proc/{pid}") && !File.ReadAllText($"/proc/{pid}/stat").Contains(") Z "), "the converter process still runs");
        Assert.Empty(Directory.EnumerateFileSystemEntries(_temp, "budget-convert-*"));
    }

    [Fact]
    public void A_converter_that_produces_nothing_is_an_unreadable_file()
    {
        var script = Script("echo 'Error: source file could not be loaded' >&2\nexit 1");
        using var converter = new LibreOfficeConverter(new LibreOfficeOptions { Executable = script });
        var result = new DisclosureEngine(converter: converter).Parse(Sample("containers/yangli-2025-edu-form.docx.doc"), "form.doc");
        Assert.Equal(DisclosureErrorCode.Unreadable, result.Error!.Code);
        Assert.Contains("could not be loaded", result.Error.Message);
    }

    [Fact]
    public void Conversions_beyond_the_concurrency_bound_wait_their_turn()
    {
        var script = Script("sleep 1\nexit 1");
        using var converter = new LibreOfficeConverter(new LibreOfficeOptions { Executable = script, MaxConcurrency = 1, Timeout = TimeSpan.FromSeconds(30) });
        var watch = Stopwatch.StartNew();
        Parallel.For(0, 3, new ParallelOptions { MaxDegreeOfParallelism = 3 }, _ =>
            Assert.Throws<DocumentConversionException>(() => converter.ConvertToDocx(new byte[] { 0xD0, 0xCF, 0x11, 0xE0 }, "x.doc")));
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(2.8), $"three one-second conversions one at a time took {watch.Elapsed}");
    }
}
