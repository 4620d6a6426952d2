namespace BudgetGrpc.Tools.Remote;

/// <summary>Writes exported bytes unchanged: no re-encoding, no added BOM or newline.</summary>
internal static class ExportFile
{
    /// <summary>Through a temporary file in the same folder, so an interrupted export never leaves half a file behind.</summary>
    public static async Task WriteAsync(FileInfo file, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        var folder = file.Directory ?? throw new CliInputException($"--out '{file}' has no folder");
        if (!folder.Exists) throw new CliInputException($"--out: the folder {folder.FullName} does not exist");
        var temporary = Path.Combine(folder.FullName, $".{file.Name}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
                await stream.WriteAsync(bytes, cancellationToken);
            File.Move(temporary, file.FullName, overwrite: true);
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
