namespace BudgetGrpc.Worker.Folders;

/// <summary>A file found in a department folder, with what a stat() said about it when it was seen.</summary>
/// <param name="Path">Full path.</param>
/// <param name="RelativePath">Path below the department folder; kept under archive/quarantine so sub-folders survive.</param>
/// <param name="Department">The department name sent as the hint; empty for a file directly in the inbox root.</param>
public sealed record InboxFile(string Path, string RelativePath, string Department, FileStamp Stamp);

/// <summary>Size and last write time: a file whose stamp changes is still being written.</summary>
public readonly record struct FileStamp(long Length, DateTime LastWriteUtc)
{
    /// <summary>The file's stamp now, or null when it is gone.</summary>
    public static FileStamp? Of(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? new FileStamp(info.Length, info.LastWriteTimeUtc) : null;
    }
}
