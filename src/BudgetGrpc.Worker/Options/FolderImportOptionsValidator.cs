using Microsoft.Extensions.Options;
using Quartz;

namespace BudgetGrpc.Worker.Options;

/// <summary>
/// Checks what data annotations cannot: that there is something to scan, that the cron and time zone parse, and that
/// archive and quarantine lie outside every scanned folder (or the job would import its own archive again).
/// </summary>
public sealed class FolderImportOptionsValidator : IValidateOptions<FolderImportOptions>
{
    public ValidateOptionsResult Validate(string? name, FolderImportOptions options)
    {
        var failures = new List<string>();
        var roots = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.Inbox)) roots.Add(options.Inbox);
        for (var i = 0; i < options.Folders.Count; i++)
        {
            var folder = options.Folders[i];
            if (string.IsNullOrWhiteSpace(folder.Path)) failures.Add($"{FolderImportOptions.Section}:Folders:{i}:Path is required");
            else roots.Add(folder.Path);
            if (string.IsNullOrWhiteSpace(folder.Department)) failures.Add($"{FolderImportOptions.Section}:Folders:{i}:Department is required");
        }
        if (roots.Count == 0) failures.Add($"{FolderImportOptions.Section}: give Inbox (a folder per department) or Folders (each with Path and Department)");

        foreach (var (label, target) in new[] { ("Archive", options.Archive), ("Quarantine", options.Quarantine) })
        {
            if (string.IsNullOrWhiteSpace(target)) continue;
            foreach (var root in roots.Where(r => IsSameOrUnder(target, r)))
                failures.Add($"{FolderImportOptions.Section}:{label} ({target}) lies inside the scanned folder {root}; put it beside the inbox");
        }
        if (options.Include.Count == 0) failures.Add($"{FolderImportOptions.Section}:Include needs at least one pattern");
        if (!IsCron(options.Cron)) failures.Add($"{FolderImportOptions.Section}:Cron '{options.Cron}' is not a valid Quartz cron expression");
        try { options.ResolveTimeZone(); }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            failures.Add($"{FolderImportOptions.Section}:TimeZone '{options.TimeZone}' is unknown on this machine");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsCron(string expression)
    {
        try
        {
            _ = new CronExpression(expression);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    internal static bool IsSameOrUnder(string path, string root)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path)) + Path.DirectorySeparatorChar;
        var rootFull = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)) + Path.DirectorySeparatorChar;
        return full.StartsWith(rootFull, OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
    }
}
