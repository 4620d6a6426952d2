namespace BudgetGrpc.Tools.Remote;

/// <summary>Writes exported bytes unchanged: no re-encoding, no added BOM or newline.</summary>
internal static class ExportFile
{
    /// <summary>Refuses, before anything is asked of the server, a file that exists unless it may be replaced.</summary>
    public static void CheckWritable(FileInfo file, bool overwrite)
    {
        var folder = file.Directory ?? throw new CliInputException($"--out '{file}' has no folder");
        if (!folder.Exists) throw new CliInputException($"--out: the folder {folder.FullName} does not exist");
        if (!overwrite && (file.Exists || Directory.Exists(file.FullName)))
            throw new CliInputException($"--out: {file.FullName} exists; pass --overwrite to replace it");
    }

    /// <summary>Through a temporary file in the same folder, so an interrupted export never leaves half a file behind.</summary>
    public static async Task WriteAsync(FileInfo file, ReadOnlyMemory<byte> bytes, bool overwrite, CancellationToken cancellationToken)
    {
        CheckWritable(file, overwrite);
        var folder = file.Directory!;
        var temporary = Path.Combine(folder.FullName, $".{file.Name}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
                await stream.WriteAsync(bytes, cancellationToken);
            File.Move(temporary, file.FullName, overwrite);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliInputException($"--out: cannot write {file.FullName}: {ex.Message}");
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>
    /// The process's standard output gets the raw bytes; an injected writer (tests) can only take text, so it gets
    /// the UTF-8 decoding of them, which is what both export formats are.
    /// </summary>
    public static async Task WriteToStandardOutputAsync(CliConsole console, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        if (ReferenceEquals(console.Out, Console.Out))
        {
            await console.Out.FlushAsync(cancellationToken);
            await using var stdout = Console.OpenStandardOutput();
            await stdout.WriteAsync(bytes, cancellationToken);
            await stdout.FlushAsync(cancellationToken);
        }
        else
        {
            await console.Out.WriteAsync(new System.Text.UTF8Encoding(false).GetString(bytes.Span).AsMemory(), cancellationToken);
        }
    }
}
