using System.Text.Json;
using System.Text.Json.Serialization;
using BudgetGrpc.Worker.Options;
using Microsoft.Extensions.Options;

namespace BudgetGrpc.Worker.Folders;

/// <summary>
/// Moves a file out of the inbox: to archive/&lt;department&gt;/&lt;yyyy-MM-dd&gt;/ once the server has committed it, or to
/// quarantine/… with &lt;name&gt;.error.json beside it. Nothing is deleted and nothing is overwritten: a name already taken
/// gets -1, -2, … before its extension.
/// </summary>
public sealed class FileParking(IOptions<FolderImportOptions> options, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string Archive(InboxFile file, string department) => Move(file.Path, Target(options.Value.Archive, department, file.RelativePath), null);

    /// <summary>Writes the error report first, so a quarantined file is never found without its reason.</summary>
    public string Quarantine(InboxFile file, string department, QuarantineReport report) =>
        Move(file.Path, Target(options.Value.Quarantine, department, file.RelativePath), report);

    private string Target(string root, string department, string relativePath)
    {
        var zone = options.Value.ResolveTimeZone();
        var day = TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var folder = department.Length == 0 ? "_unknown" : SafeName(department);
        return Path.Combine(root, folder, day, relativePath);
    }

    private static string Move(string source, string target, QuarantineReport? report)
    {
        var directory = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(directory);
        var stem = Path.GetFileNameWithoutExtension(target);
        var extension = Path.GetExtension(target);
        for (var n = 0; ; n++)
        {
            var candidate = Path.Combine(directory, n == 0 ? stem + extension : $"{stem}-{n}{extension}");
            var errorFile = candidate + ".error.json";
            if (File.Exists(candidate) || (report is not null && File.Exists(errorFile))) continue;
            if (report is not null && !TryWriteNew(errorFile, report)) continue;
            try
            {
                File.Move(source, candidate, overwrite: false);
                return candidate;
            }
            catch (IOException) when (File.Exists(candidate))
            {
                // Someone took the name between the check and the move; ours is the error file we just wrote.
                if (report is not null) File.Delete(errorFile);
            }
            catch
            {
                if (report is not null) File.Delete(errorFile);
                throw;
            }
        }
    }

    private static bool TryWriteNew(string path, QuarantineReport report)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            JsonSerializer.Serialize(stream, report, Json);
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            return false;
        }
    }

    /// <summary>A department name as a folder name: path separators and characters Windows refuses become '_'.</summary>
    internal static string SafeName(string name)
    {
        var invalid = Path.GetInvalidFileNameChars().Concat(['/', '\\', ':', '*', '?', '"', '<', '>', '|']).ToHashSet();
        var safe = new string(name.Trim().Select(c => invalid.Contains(c) || char.IsControl(c) ? '_' : c).ToArray()).Trim('.', ' ');
        return safe.Length == 0 ? "_" : safe;
    }
}

/// <summary>What &lt;name&gt;.error.json says about a quarantined file.</summary>
public sealed record QuarantineReport(
    string File,
    string SourcePath,
    string Department,
    DateTimeOffset QuarantinedAt,
    string Sha256,
    long SizeBytes,
    string Server,
    string Status,
    string Reason,
    string Message,
    IReadOnlyList<FieldViolationReport> FieldViolations,
    IReadOnlyDictionary<string, string> Metadata);

public sealed record FieldViolationReport(string Field, string Description);
