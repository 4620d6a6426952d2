using BudgetGrpc.Worker.Options;
using Microsoft.Extensions.FileSystemGlobbing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BudgetGrpc.Worker.Folders;

/// <summary>
/// Lists the files waiting in the department folders: matched by the include/exclude globs, without lock and temp
/// files, each with its department and a first stat(). Streams, so a large inbox is never held in memory twice.
/// </summary>
public sealed partial class InboxScanner(IOptions<FolderImportOptions> options, ILogger<InboxScanner> logger)
{
    public IEnumerable<InboxFile> Scan()
    {
        var o = options.Value;
        var matcher = new Matcher(StringComparison.OrdinalIgnoreCase);
        matcher.AddIncludePatterns(o.Include);
        matcher.AddExcludePatterns(o.Exclude);

        foreach (var (folder, department) in DepartmentFolders(o))
        {
            foreach (var file in FilesIn(folder, department, o.Recursive, matcher)) yield return file;
        }
        if (!string.IsNullOrWhiteSpace(o.Inbox) && Directory.Exists(o.Inbox))
        {
            // Files dropped straight into the inbox root: the server may still find the department in the file itself.
            foreach (var file in FilesIn(o.Inbox, "", recursive: false, matcher)) yield return file;
        }
    }

    private IEnumerable<(string Folder, string Department)> DepartmentFolders(FolderImportOptions o)
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
                    yield return (directory, o.Departments.GetValueOrDefault(name, name));
                }
            }
        }
        foreach (var folder in o.Folders)
        {
            if (!Directory.Exists(folder.Path)) { LogFolderMissing(logger, folder.Path); continue; }
            yield return (folder.Path, o.Departments.GetValueOrDefault(folder.Department, folder.Department));
        }
    }

    private static IEnumerable<InboxFile> FilesIn(string folder, string department, bool recursive, Matcher matcher)
    {
        var enumeration = new EnumerationOptions
        {
            RecurseSubdirectories = recursive,
            IgnoreInaccessible = true,
            AttributesToSkip = FileAttributes.Hidden | FileAttributes.System,
            MatchType = MatchType.Simple,
        };
        foreach (var path in Directory.EnumerateFiles(folder, "*", enumeration).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(folder, path);
            if (relative.Split(Path.DirectorySeparatorChar).Any(FileRules.IsTemporaryOrLock)) continue;
            if (!matcher.Match(relative.Replace(Path.DirectorySeparatorChar, '/')).HasMatches) continue;
            if (FileStamp.Of(path) is not { } stamp) continue;
            yield return new InboxFile(path, relative, department, stamp);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Import folder {Folder} does not exist; nothing taken from it")]
    private static partial void LogFolderMissing(ILogger logger, string folder);
}
