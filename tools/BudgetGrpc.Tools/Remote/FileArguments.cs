using Microsoft.Extensions.FileSystemGlobbing;

namespace BudgetGrpc.Tools.Remote;

/// <summary>
/// Turns the FILE… arguments into files: a folder gives its files (not subfolders, like the server's seed folder),
/// a pattern with * or ? (** for any depth) is expanded here because shells on Windows and quoted arguments do not.
/// </summary>
internal static class FileArguments
{
    public sealed record Expanded(IReadOnlyList<string> Files, IReadOnlyList<string> Unmatched);

    private static readonly char[] Wildcards = ['*', '?'];
    private static readonly char[] Separators = ['/', '\\'];

    public static Expanded Expand(IEnumerable<string> arguments)
    {
        var files = new List<string>();
        var seen = new HashSet<string>(OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        var unmatched = new List<string>();
        foreach (var argument in arguments)
        {
            var found = Directory.Exists(argument) ? FolderFiles(argument)
                : argument.IndexOfAny(Wildcards) >= 0 ? Glob(argument)
                // A missing file is kept: the import reports it in its row, beside the files that did import.
                : [Path.GetFullPath(argument)];
            if (found.Count == 0) unmatched.Add(argument);
            foreach (var file in found.Where(seen.Add)) files.Add(file);
        }
        return new Expanded(files, unmatched);
    }

    /// <summary>How a file is named in the summary: relative to the working folder when it is under it.</summary>
    public static string Display(string fullPath)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, fullPath);
        return relative.StartsWith("..", StringComparison.Ordinal) ? fullPath : relative;
    }

    private static bool IsHidden(string path) => Path.GetFileName(path).StartsWith('.');

    private static List<string> FolderFiles(string folder) =>
        Directory.EnumerateFiles(Path.GetFullPath(folder))
            .Where(f => !IsHidden(f))
            .Order(StringComparer.Ordinal)
            .ToList();

    private static List<string> Glob(string pattern)
    {
        // The folder part before the first wildcard segment is where matching starts; the rest is the pattern.
        var segments = pattern.Split(Separators);
        var firstWild = Array.FindIndex(segments, s => s.IndexOfAny(Wildcards) >= 0);
        var root = string.Join(Path.DirectorySeparatorChar, segments[..firstWild]);
        if (root.Length == 0) root = pattern.Length > 0 && Separators.Contains(pattern[0]) ? Path.GetPathRoot(Environment.CurrentDirectory)! : ".";
        if (!Directory.Exists(root)) return [];
        var matcher = new Matcher(OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
        matcher.AddInclude(string.Join('/', segments[firstWild..]));
        // Like a shell's *, a pattern does not pick up hidden files (editor backups, .DS_Store).
        return matcher.GetResultsInFullPath(Path.GetFullPath(root)).Where(f => !IsHidden(f)).Order(StringComparer.Ordinal).ToList();
    }
}
