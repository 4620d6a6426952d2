using BudgetGrpc.Conversion;
using BudgetGrpc.Engine;
using BudgetGrpc.Engine.Model;

namespace BudgetGrpc.Tools.Commands;

/// <summary>Reads a file from disk for the offline commands and hands its bytes to the engine.</summary>
internal static class FileInput
{
    /// <summary>
    /// The engine of the offline commands. Legacy .doc/.wps/RTF are converted with LibreOffice when it is installed
    /// (soffice on PATH or in its usual folder; BUDGET_SOFFICE names another), as on the server.
    /// </summary>
    public static DisclosureEngine Engine { get; } = new(converter: new LibreOfficeConverter(new LibreOfficeOptions
    {
        Executable = Environment.GetEnvironmentVariable("BUDGET_SOFFICE"),
    }));

    public static ParseResult Parse(FileInfo file, bool validate)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(file.FullName);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ParseResult.Fail(new DisclosureError(DisclosureErrorCode.Unreadable, $"cannot open the file: {ex.Message}", file.Name));
        }
        var engine = Engine;
        return validate ? engine.Parse(bytes, file.Name) : engine.ParseWithoutValidation(bytes, file.Name);
    }

    public static int ReportError(CliConsole console, DisclosureError error)
    {
        console.Error.WriteLine($"error {error.Reason}: {error}");
        return ExitCodes.Unreadable;
    }
}
