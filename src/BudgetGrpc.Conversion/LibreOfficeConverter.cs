using System.ComponentModel;
using System.Diagnostics;
using BudgetGrpc.Engine;

namespace BudgetGrpc.Conversion;

/// <summary>
/// Converts legacy word-processing documents (Word 97–2003 and WPS binaries, RTF, Word 2003 XML) to .docx with a
/// headless LibreOffice. No maintained .NET library reads the tables of a Word binary with their merges, and
/// LibreOffice's import filters are the most complete outside Word itself (docs/engine.md says more).
/// Each call runs its own soffice process with a private user profile and temporary folder (so calls never share
/// a profile lock and leave nothing behind), is killed with its children after <see cref="LibreOfficeOptions.Timeout"/>,
/// and at most <see cref="LibreOfficeOptions.MaxConcurrency"/> run at once.
/// </summary>
public sealed class LibreOfficeConverter : IDocumentConverter, IDisposable
{
    private static readonly string[] KnownLocations =
    [
        "/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice", "/opt/libreoffice/program/soffice",
        "/usr/local/bin/soffice", "/Applications/LibreOffice.app/Contents/MacOS/soffice",
        @"C:\Program Files\LibreOffice\program\soffice.exe",
    ];

    private readonly LibreOfficeOptions _options;
    private readonly SemaphoreSlim _slots;
    private readonly Lazy<string?> _executable;

    public LibreOfficeConverter(LibreOfficeOptions? options = null)
    {
        _options = options ?? new LibreOfficeOptions();
        _slots = new SemaphoreSlim(Math.Max(1, _options.MaxConcurrency));
        _executable = new Lazy<string?>(() => Locate(_options.Executable));
    }

    /// <summary>The soffice found, or null when LibreOffice is not installed.</summary>
    public string? Executable => _executable.Value;

    public byte[] ConvertToDocx(ReadOnlyMemory<byte> content, string fileName)
    {
        var executable = Executable ?? throw new DocumentConversionException(ConversionFailure.Unavailable,
            "LibreOffice (soffice) is not installed; install libreoffice-writer-nogui (Debian/Ubuntu) or set Conversion:Executable");
        var started = Stopwatch.StartNew();
        if (!_slots.Wait(_options.Timeout))
            throw new DocumentConversionException(ConversionFailure.TimedOut,
                $"all {_options.MaxConcurrency} conversion slots stayed busy for {_options.Timeout.TotalSeconds:0} s");
        try
        {
            return Convert(executable, content, _options.Timeout - started.Elapsed);
        }
        finally
        {
            _slots.Release();
        }
    }

    private byte[] Convert(string executable, ReadOnlyMemory<byte> content, TimeSpan timeLeft)
    {
        var root = string.IsNullOrWhiteSpace(_options.TempRoot) ? Path.GetTempPath() : _options.TempRoot;
        var work = Path.Combine(root, "budget-convert-" + Guid.NewGuid().ToString("N"));
        var input = Path.Combine(work, "in", "source" + InputExtension(content.Span));
        var output = Path.Combine(work, "out");
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(input)!);
            Directory.CreateDirectory(output);
            using (var file = File.Create(input)) file.Write(content.Span);

            var start = new ProcessStartInfo(executable)
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                WorkingDirectory = work,
            };
            foreach (var argument in new[]
                     {
                         "-env:UserInstallation=" + new Uri(Path.Combine(work, "profile")).AbsoluteUri,
                         "--headless", "--invisible", "--norestore", "--nologo", "--nodefault", "--nolockcheck",
                         "--convert-to", "docx:MS Word 2007 XML", "--outdir", output, input,
                     })
                start.ArgumentList.Add(argument);
            // LibreOffice writes caches under HOME even with a private profile; keep them in the private folder.
            start.Environment["HOME"] = work;
            start.Environment["TMPDIR"] = work;

            using var process = StartProcess(start);
            process.StandardInput.Close();
            var errors = process.StandardError.ReadToEndAsync();
            var messages = process.StandardOutput.ReadToEndAsync();
            if (timeLeft <= TimeSpan.Zero || !process.WaitForExit(timeLeft))
            {
                Kill(process);
                throw new DocumentConversionException(ConversionFailure.TimedOut,
                    $"LibreOffice did not finish the conversion within {_options.Timeout.TotalSeconds:0} s and was stopped");
            }
            process.WaitForExit(); // flushes the redirected streams
            Task.WaitAll([errors, messages], TimeSpan.FromSeconds(5)); // grandchildren may hold the pipes open

            var produced = Path.Combine(output, "source.docx");
            if (!File.Exists(produced))
                throw new DocumentConversionException(ConversionFailure.Failed,
                    $"LibreOffice produced no document (exit code {process.ExitCode}{Tail(errors, messages)})");
            return File.ReadAllBytes(produced);
        }
        catch (IOException ex)
        {
            throw new DocumentConversionException(ConversionFailure.Failed, $"the conversion's temporary files failed: {ex.Message}", ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new DocumentConversionException(ConversionFailure.Unavailable, $"the conversion's temporary folder is not writable: {ex.Message}", ex);
        }
        finally
        {
            try
            {
                if (Directory.Exists(work)) Directory.Delete(work, recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // A leftover temporary folder is not worth failing a finished conversion for.
            }
        }
    }

    private static Process StartProcess(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start) ?? throw new DocumentConversionException(ConversionFailure.Unavailable,
                $"LibreOffice ({start.FileName}) did not start");
        }
        catch (Win32Exception ex)
        {
            throw new DocumentConversionException(ConversionFailure.Unavailable,
                $"LibreOffice ({start.FileName}) could not be started: {ex.Message}", ex);
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }
        catch (Exception ex) when (ex is InvalidOperationException or Win32Exception)
        {
            // It ended on its own meanwhile.
        }
    }

    private static string Tail(Task<string> errors, Task<string> messages)
    {
        var text = (errors.IsCompletedSuccessfully ? errors.Result : "") + (messages.IsCompletedSuccessfully ? messages.Result : "");
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => !l.Contains("javaldx", StringComparison.Ordinal)).ToArray();
        var tail = string.Join(" | ", lines.TakeLast(3));
        return tail.Length == 0 ? "" : ": " + (tail.Length > 400 ? tail[..400] : tail);
    }

    /// <summary>An extension that lets LibreOffice pick its import filter; it detects the type from the content too.</summary>
    private static string InputExtension(ReadOnlySpan<byte> bytes)
    {
        if (bytes is [0xD0, 0xCF, 0x11, 0xE0, ..]) return ".doc";
        if (bytes is [(byte)'{', (byte)'\\', (byte)'r', (byte)'t', (byte)'f', ..]) return ".rtf";
        return ".xml";
    }

    private static string? Locate(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured)) return File.Exists(configured) ? configured : null;
        var names = OperatingSystem.IsWindows() ? new[] { "soffice.exe", "soffice.com" } : ["soffice", "libreoffice"];
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            foreach (var name in names)
            {
                var candidate = Path.Combine(folder, name);
                if (File.Exists(candidate)) return candidate;
            }
        return KnownLocations.FirstOrDefault(File.Exists);
    }

    public void Dispose() => _slots.Dispose();
}
