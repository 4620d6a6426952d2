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

    public string Archive(InboxFile file, string department) =>
        Move(target => MoveFile(file.Path, target), Target(options.Value.Archive, department, file.RelativePath), null);

    /// <summary>Writes the error report first, so a quarantined file is never found without its reason.</summary>
    public string Quarantine(InboxFile file, string department, QuarantineReport report) =>
        Move(target => MoveFile(file.Path, target), Target(options.Value.Quarantine, department, file.RelativePath), report);

    /// <summary>A file whose name is not UTF-8, moved by its bytes under a readable name.</summary>
    public string Quarantine(UnreadableName file, QuarantineReport report) =>
        Move(target => RawNames.MoveNoReplace(file.Folder, file.RawName, target),
            Target(options.Value.Quarantine, file.Department, Path.Combine(file.RelativeFolder, file.ReadableName)), report);

    private string Target(string root, string department, string relativePath)
    {
        var zone = options.Value.ResolveTimeZone();
        var day = TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var folder = department.Length == 0 ? "_unknown" : FitName(SafeName(department), 0);
        return Path.Combine(root, folder, day, relativePath);
    }

    private static bool MoveFile(string source, string target)
    {
        try
        {
            File.Move(source, target, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(target))
        {
            return false;
        }
    }

    /// <param name="moveTo">Moves the file to the target given, false when that name was taken meanwhile.</param>
    private static string Move(Func<string, bool> moveTo, string target, QuarantineReport? report)
    {
        var directory = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(directory);
        var (stem, extension) = Fit(Path.GetFileName(target));
        for (var n = 0; ; n++)
        {
            var candidate = Path.Combine(directory, n == 0 ? stem + extension : $"{stem}-{n}{extension}");
            var errorFile = candidate + ReportSuffix;
            if (File.Exists(candidate) || (report is not null && File.Exists(errorFile))) continue;
            if (report is not null && !TryWriteNew(errorFile, report)) continue;
            try
            {
                // False: someone took the name between the check and the move; ours is the error file we just wrote.
                if (moveTo(candidate)) return candidate;
                if (report is not null) File.Delete(errorFile);
            }
            catch
            {
                if (report is not null) File.Delete(errorFile);
                throw;
            }
        }
    }

    private const string ReportSuffix = ".error.json";

    /// <summary>Most file systems allow 255 bytes (ext4, XFS) or 255 UTF-16 units (NTFS) per name: UTF-8 bytes bound both.</summary>
    internal const int MaxNameBytes = 255;

    /// <summary>Room kept in every archive and quarantine name for "-123456" and ".error.json".</summary>
    private const int Reserved = 7 + 11;

    /// <summary>
    /// The stem and extension of a parked name, shortened when the name with a clash number and the report suffix would
    /// not fit in one file name: cut at a character boundary, then "~" and 8 hex digits of the whole name's SHA-256, so
    /// two long names that share their first 200 bytes still park apart. Without this the move fails on every run and
    /// the file, already imported, is sent again each night.
    /// </summary>
    internal static (string Stem, string Extension) Fit(string name)
    {
        var stem = Path.GetFileNameWithoutExtension(name);
        var extension = Path.GetExtension(name);
        if (Utf8(extension) > 32) (stem, extension) = (name, "");
        return (FitName(stem, Utf8(extension) + Reserved, name), extension);
    }

    private static string FitName(string text, int reserve, string? whole = null)
    {
        var budget = MaxNameBytes - reserve;
        if (Utf8(text) <= budget) return text;
        var tag = "~" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(whole ?? text)))[..8];
        var kept = new System.Text.StringBuilder();
        var used = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (used + rune.Utf8SequenceLength > budget - tag.Length) break;
            kept.Append(rune.ToString());
            used += rune.Utf8SequenceLength;
        }
        return kept + tag;
    }

    private static int Utf8(string text) => System.Text.Encoding.UTF8.GetByteCount(text);

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
