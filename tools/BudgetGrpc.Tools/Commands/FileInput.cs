using BudgetGrpc.Engine;
using BudgetGrpc.Engine.Model;

namespace BudgetGrpc.Tools.Commands;

/// <summary>Reads a file from disk for the offline commands and hands its bytes to the engine.</summary>
internal static class FileInput
{
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
        var engine = new DisclosureEngine();
        return validate ? engine.Parse(bytes, file.Name) : engine.ParseWithoutValidation(bytes, file.Name);
    }

    public static int ReportError(CliConsole console, DisclosureError error)
    {
        console.Error.WriteLine($"error {error.Reason}: {error}");
        return ExitCodes.Unreadable;
    }
}
