using System.Diagnostics;
using BudgetGrpc.Conversion;

namespace BudgetGrpc.Engine.Tests.Variants;

/// <summary>The containers departments send that only LibreOffice writes: .xls from a workbook, .doc from a document, PDF from a page.</summary>
public enum LegacyContainer
{
    Xls,
    Doc,
    Pdf,
    /// <summary>A workbook printed to PDF by Calc, as a finance office prints its spreadsheet.</summary>
    PdfFromWorkbook,
    /// <summary>A Word document printed to PDF by Writer.</summary>
    PdfFromDocument,
}

/// <summary>
/// Converts generated variants with one headless LibreOffice run per target format (all files at once: one start-up
/// instead of one per file), with a private profile in a temporary folder and a time limit.
/// </summary>
internal static class VariantLegacy
{
    public static string? Soffice => new LibreOfficeConverter().Executable;

    public static (VariantContainer Source, string Filter, string Extension) Route(LegacyContainer legacy) => legacy switch
    {
        LegacyContainer.Xls => (VariantContainer.Xlsx, "xls:MS Excel 97", ".xls"),
        LegacyContainer.Doc => (VariantContainer.Docx, "doc:MS Word 97", ".doc"),
        LegacyContainer.PdfFromWorkbook => (VariantContainer.Xlsx, "pdf:calc_pdf_Export", ".pdf"),
        LegacyContainer.PdfFromDocument => (VariantContainer.Docx, "pdf:writer_pdf_Export", ".pdf"),
        // A published PDF: the page printed by Writer on landscape A4 with a small font, as wide tables are printed.
        _ => (VariantContainer.Html, "pdf:writer_pdf_Export", ".pdf"),
    };

    /// <summary>Converts each (name, bytes) of the source container; returns the converted bytes by name.</summary>
    public static Dictionary<string, byte[]> Convert(LegacyContainer legacy, IReadOnlyList<(string Name, byte[] Bytes)> sources, TimeSpan timeout)
    {
        var soffice = Soffice ?? throw new InvalidOperationException("LibreOffice (soffice) is not installed; tools/run-tests.sh installs it");
        var (_, filter, extension) = Route(legacy);
        var work = Path.Combine(Path.GetTempPath(), "budget-variants-" + Guid.NewGuid().ToString("N"));
        var input = Path.Combine(work, "in");
        var output = Path.Combine(work, "out");
        Directory.CreateDirectory(input);
        Directory.CreateDirectory(output);
        try
        {
            foreach (var (name, bytes) in sources)
            {
                var content = bytes;
                if (legacy == LegacyContainer.Pdf)
                    content = System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(bytes)
                        .Replace("</head>", "<style>@page { size: 297mm 210mm; margin: 10mm } td { font-size: 8pt }</style></head>"));
                File.WriteAllBytes(Path.Combine(input, name), content);
            }
            var start = new ProcessStartInfo(soffice)
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = work,
            };
            // The office programs of Chinese departments run in a Chinese locale: dates print as 2026-6-30, not 6/30/2026.
            start.Environment["LANG"] = start.Environment["LC_ALL"] = "zh_CN.UTF-8";
            foreach (var argument in new[]
                     {
                         "-env:UserInstallation=" + new Uri(Path.Combine(work, "profile")).AbsoluteUri,
                         "--headless", "--norestore", "--nologo", "--nolockcheck", "--convert-to", filter, "--outdir", output,
                     })
                start.ArgumentList.Add(argument);
            foreach (var (name, _) in sources) start.ArgumentList.Add(Path.Combine(input, name));
            using (var process = Process.Start(start)!)
            {
                process.StandardOutput.ReadToEndAsync();
                process.StandardError.ReadToEndAsync();
                if (!process.WaitForExit(timeout))
                {
                    process.Kill(entireProcessTree: true);
                    throw new TimeoutException($"soffice did not convert {sources.Count} files to {extension} within {timeout.TotalSeconds:0} s");
                }
            }
            var converted = new Dictionary<string, byte[]>();
            foreach (var (name, _) in sources)
            {
                var produced = Path.Combine(output, Path.GetFileNameWithoutExtension(name) + extension);
                if (File.Exists(produced)) converted[name] = File.ReadAllBytes(produced);
            }
            return converted;
        }
        finally
        {
            try { Directory.Delete(work, recursive: true); } catch (IOException) { }
        }
    }
}
