using BudgetGrpc.Worker.Options;
using Microsoft.Extensions.FileSystemGlobbing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BudgetGrpc.Worker.Folders;

/// <summary>
/// Lists the files waiting in the department folders: matched by the include/exclude globs, without lock and temp
/// files, each with its department and a first stat(). Only regular files are listed, each checked with lstat() before
/// anything opens it: a symbolic link (to a folder or a file, inside the inbox or out of it) is never followed, and a
/// FIFO, a device or a socket is never opened. Those are noted as skipped (logged once while they stay) and shown by
/// `budget worker status`. Files whose names are not valid UTF-8 are noted for quarantine. Streams, so a large inbox
/// is never held in memory twice.
/// </summary>
public sealed partial class InboxScanner(IOptions<FolderImportOptions> options, ILogger<InboxScanner> logger)
{
    private readonly HashSet<SkippedEntry> logged = [];
    private readonly Lock gate = new();

    public IEnumerable<InboxFile> Scan() => Scan(new ScanNotes());

    public IEnumerable<InboxFile> Scan(ScanNotes notes)
    {
        var o = options.Value;
        var matcher = new Matcher(StringComparison.OrdinalIgnoreCase);
        matcher.AddIncludePatterns(o.Include);
        matcher.AddExcludePatterns(o.Exclude);

        foreach (var (folder, department) in DepartmentFolders(o, notes))
        {
            foreach (var file in FilesIn(folder, department, o.Recursive, matcher, notes)) yield return file;
        }
        if (!string.IsNullOrWhiteSpace(o.Inbox) && Directory.Exists(o.Inbox))
        {
            // Files dropped straight into the inbox root: the server may still find the department in the file itself.
            foreach (var file in FilesIn(o.Inbox, "", recursive: false, matcher, notes)) yield return file;
        }
        LogNewSkips(notes.Skipped);
    }

    private IEnumerable<(string Folder, string Department)> DepartmentFolders(FolderImportOptions o, ScanNotes notes)
    {
        if (!string.IsNullOrWhiteSpace(o.Inbox))
        {
            if (!Directory.Exists(o.Inbox))
            {
                LogFolderMissing(logger, o.Inbox);
            }
            else
            {
                foreach (var directory in Directory.EnumerateDirectories(o.Inbox).Order(StringComparer.Ordinal))
                {
                    var name = Path.GetFileName(directory);
                    if (FileRules.IsTemporaryOrLock(name)) continue;
                    var kind = EntryKinds.Of(directory);
                    if (kind != EntryKind.Directory)
                    {
                        notes.Skip(directory, kind);
                        continue;
                    }
                    yield return (directory, o.Departments.GetValueOrDefault(name, name));
                }
            }
        }
        // Configured folders are the operator's choice: one may be a link to a share, but nothing below it is followed.
        foreach (var folder in o.Folders)
        {
            if (!Directory.Exists(folder.Path)) { LogFolderMissing(logger, folder.Path); continue; }
            yield return (folder.Path, o.Departments.GetValueOrDefault(folder.Department, folder.Department));
        }
    }

    /// <summary>A walk that descends only into real folders, in ordinal order of the paths.</summary>
    private static IEnumerable<InboxFile> FilesIn(string root, string department, bool recursive, Matcher matcher, ScanNotes notes)
    {
        var enumeration = new EnumerationOptions
        {
            RecurseSubdirectories = false,
            IgnoreInaccessible = true,
            AttributesToSkip = FileAttributes.Hidden | FileAttributes.System,
            MatchType = MatchType.Simple,
        };
        var folders = new Stack<string>();
        folders.Push(root);
        while (folders.TryPop(out var folder))
        {
            var subFolders = new List<string>();
            var unreadableHere = false;
            foreach (var path in Directory.EnumerateFileSystemEntries(folder, "*", enumeration).Order(StringComparer.Ordinal))
            {
                if (FileRules.IsTemporaryOrLock(Path.GetFileName(path))) continue;
                var relative = Path.GetRelativePath(root, path);
                var kind = EntryKinds.Of(path);
                switch (kind)
                {
                    case EntryKind.Directory:
                        if (recursive) subFolders.Add(path);
                        continue;
                    case EntryKind.Regular:
                        if (!matcher.Match(relative.Replace(Path.DirectorySeparatorChar, '/')).HasMatches) continue;
                        if (FileStamp.Of(path) is not { } stamp) continue;
                        yield return new InboxFile(path, relative, department, stamp);
                        continue;
                    case EntryKind.Missing when path.Contains('\uFFFD'):
                        // A name .NET could not decode: moved by its bytes, when it is a table's name at all.
                        if (matcher.Match(relative.Replace(Path.DirectorySeparatorChar, '/')).HasMatches) unreadableHere = true;
                        continue;
                    case EntryKind.Missing:
                        continue; // gone since it was listed
                    default:
                        notes.Skip(path, kind);
                        continue;
                }
            }
            if (unreadableHere) NoteUnreadable(root, folder, department, notes);
            // Pushed in reverse so the walk visits sub-folders in ordinal order.
            for (var i = subFolders.Count - 1; i >= 0; i--) folders.Push(subFolders[i]);
        }
    }

    private static void NoteUnreadable(string root, string folder, string department, ScanNotes notes)
    {
        var relativeFolder = Path.GetRelativePath(root, folder);
        if (relativeFolder == ".") relativeFolder = "";
        var names = RawNames.NotUtf8(folder);
        if (names.Count == 0)
        {
            notes.Skip(folder, "holds a file whose name is not valid UTF-8; rename it, this platform cannot move it by its bytes");
            return;
        }
        foreach (var raw in names) notes.Unreadable.Add(new UnreadableName(folder, raw, department, relativeFolder));
    }

    /// <summary>Each skipped entry is logged when first seen, not on every run; one that went away is logged again if it comes back.</summary>
    private void LogNewSkips(List<SkippedEntry> skipped)
    {
        lock (gate)
        {
            foreach (var entry in skipped)
            {
                if (logged.Add(entry)) LogSkipped(logger, entry.Path, entry.Reason);
            }
            logged.IntersectWith(skipped);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Import folder {Folder} does not exist; nothing taken from it")]
    private static partial void LogFolderMissing(ILogger logger, string folder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped {Path}: {Reason}; it stays where it is (logged once while it stays)")]
    private static partial void LogSkipped(ILogger logger, string path, string reason);
}

/// <summary>An inbox entry the scan left alone, and why.</summary>
public sealed record SkippedEntry(string Path, string Reason)
{
    public override string ToString() => $"{Path}: {Reason}";
}

/// <summary>What a scan noticed besides the files it listed.</summary>
public sealed class ScanNotes
{
    private readonly HashSet<string> skippedPaths = [];

    public List<SkippedEntry> Skipped { get; } = [];

    /// <summary>Regular files whose names cannot be read: the job quarantines them.</summary>
    public List<UnreadableName> Unreadable { get; } = [];

    internal void Skip(string path, EntryKind kind) => Skip(path, EntryKinds.Describe(kind));

    /// <summary>Once per path: the inbox root's own pass meets the department folders again.</summary>
    internal void Skip(string path, string reason)
    {
        if (skippedPaths.Add(path)) Skipped.Add(new SkippedEntry(path, reason));
    }
}
