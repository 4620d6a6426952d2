using BudgetGrpc.Conversion;
using BudgetGrpc.Engine;
using BudgetGrpc.Engine.Model;
using BudgetGrpc.Engine.Reading;

namespace BudgetGrpc.Tools.Commands;

/// <summary>Reads a file from disk for the offline commands and hands its bytes to the engine.</summary>
internal static class FileInput
{
    /// <summary>
    /// The engine of the offline commands. Legacy .doc/.wps/RTF are converted with LibreOffice when it is installed
    /// (soffice on PATH or in its usual folder; BUDGET_SOFFICE names another), as on the server.
    /// </summary>
    private static readonly LibreOfficeConverter Converter = new(new LibreOfficeOptions
    {
        Executable = Environment.GetEnvironmentVariable("BUDGET_SOFFICE"),
    });

    public static DisclosureEngine Engine { get; } = new(converter: Converter);

    public static ParseResult Parse(FileInfo file, bool validate)
    {
        var (bytes, error) = ReadBytes(file);
        if (bytes is null) return ParseResult.Fail(error!);
        var engine = Engine;
        return validate ? engine.Parse(bytes, file.Name) : engine.ParseWithoutValidation(bytes, file.Name);
    }

    /// <summary>The file's tables as the engine's readers grid them (the step before layouts), or the error.</summary>
    public static (ContainerContent? Content, DisclosureError? Error) Grids(FileInfo file)
    {
        var (bytes, error) = ReadBytes(file);
        if (bytes is null) return (null, error);
        try
        {
            return (ContainerReader.Read(bytes, file.Name, new EngineLimits(), Converter), null);
        }
        catch (DisclosureException ex)
        {
            return (null, ex.Error);
        }
    }

    private static (byte[]? Bytes, DisclosureError? Error) ReadBytes(FileInfo file)
    {
        try
        {
            return (File.ReadAllBytes(file.FullName), null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (null, new DisclosureError(DisclosureErrorCode.Unreadable, $"cannot open the file: {ex.Message}", file.Name));
        }
    }

    public static int ReportError(CliConsole console, DisclosureError error)
    {
        console.Error.WriteLine($"error {error.Reason}: {error}");
        return ExitCodes.Unreadable;
    }
}
