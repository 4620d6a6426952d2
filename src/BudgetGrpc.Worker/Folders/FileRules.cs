namespace BudgetGrpc.Worker.Folders;

/// <summary>Names that are never a department's table: office lock files, partial downloads, editor and OS leftovers.</summary>
public static class FileRules
{
    private static readonly string[] TemporaryExtensions = [".tmp", ".temp", ".part", ".partial", ".crdownload", ".download", ".swp", ".lock"];
    private static readonly string[] SystemNames = ["thumbs.db", "desktop.ini"];

    /// <summary>True for `~$…` lock files, `.~lock…#` (LibreOffice), dotfiles, temp and partial-download names.</summary>
    public static bool IsTemporaryOrLock(string fileName) =>
        fileName.StartsWith("~$", StringComparison.Ordinal)
        || fileName.StartsWith('~')
        || fileName.StartsWith('.')
        || fileName.EndsWith('#')
        || TemporaryExtensions.Any(e => fileName.EndsWith(e, StringComparison.OrdinalIgnoreCase))
        || SystemNames.Contains(fileName, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// True while an office program holds the file open: Excel writes `~$name.xlsx`, Word drops the first two characters
    /// of longer names (`~$me.docx` for `name.docx`), LibreOffice `.~lock.name#`. A file open for editing may be saved
    /// again at any moment, so it waits for the next run.
    /// </summary>
    public static bool IsOpenInOffice(string path)
    {
        var directory = Path.GetDirectoryName(path)!;
        var name = Path.GetFileName(path);
        return File.Exists(Path.Combine(directory, "~$" + name))
            || (name.Length > 2 && File.Exists(Path.Combine(directory, "~$" + name[2..])))
            || File.Exists(Path.Combine(directory, ".~lock." + name + "#"));
    }
}
