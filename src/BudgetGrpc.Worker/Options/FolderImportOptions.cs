using System.ComponentModel.DataAnnotations;

namespace BudgetGrpc.Worker.Options;

/// <summary>
/// Section "Worker:FolderImport": where departments drop their tables, where they go afterwards, and when the job runs.
/// Give <see cref="Inbox"/> (one folder per department under it), <see cref="Folders"/> (each folder mapped to a
/// department), or both.
/// </summary>
public sealed class FolderImportOptions
{
    public const string Section = "Worker:FolderImport";

    /// <summary>One root whose first-level folders are departments; the folder name is the department's code or name.</summary>
    public string? Inbox { get; set; }

    /// <summary>Folders each mapped to one department, for shares that do not sit under one root.</summary>
    public List<DepartmentFolder> Folders { get; set; } = [];

    /// <summary>Folder name (or a <see cref="DepartmentFolder.Department"/> code) → the department name the server knows.
    /// A name not listed is sent as it is.</summary>
    public Dictionary<string, string> Departments { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Look into sub-folders of a department folder too.</summary>
    public bool Recursive { get; set; } = true;

    /// <summary>Glob patterns, relative to the department folder, of the files to take. Others are left alone.</summary>
    public List<string> Include { get; set; } = ["**/*.xlsx", "**/*.xls", "**/*.et", "**/*.docx", "**/*.doc", "**/*.wps", "**/*.rtf", "**/*.pdf", "**/*.html", "**/*.htm", "**/*.csv", "**/*.tsv", "**/*.txt", "**/*.md", "**/*.xml", "**/*.mht", "**/*.mhtml"];

    /// <summary>Glob patterns, relative to the department folder, of files never to take.</summary>
    public List<string> Exclude { get; set; } = [];

    /// <summary>How long a file's size and modification time must stay unchanged before it is taken.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan StableFor { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Imported files move to Archive/&lt;department&gt;/&lt;yyyy-MM-dd&gt;/.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Archive { get; set; } = "";

    /// <summary>Refused files move to Quarantine/&lt;department&gt;/&lt;yyyy-MM-dd&gt;/ with &lt;name&gt;.error.json beside them.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Quarantine { get; set; } = "";

    /// <summary>Quartz cron expression (seconds first). Default: every night at 02:00.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Cron { get; set; } = "0 0 2 * * ?";

    /// <summary>Time zone of <see cref="Cron"/> and of the dated archive folders (IANA or Windows id); empty for the machine's.</summary>
    public string? TimeZone { get; set; }

    /// <summary>Larger files are quarantined (FILE_TOO_LARGE) without being sent. Not a key of this section: it is the one
    /// maximum file size the server uses too, configuration key Limits:MaxFileBytes (default 32 MiB).</summary>
    [Range(1, 1L << 30)]
    public long MaxFileBytes { get; set; } = BudgetGrpc.Contracts.FileLimits.DefaultMaxFileBytes;

    public TimeZoneInfo ResolveTimeZone() =>
        string.IsNullOrWhiteSpace(TimeZone) ? TimeZoneInfo.Local : TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
}

/// <summary>A folder whose files all belong to one department.</summary>
public sealed class DepartmentFolder
{
    [Required(AllowEmptyStrings = false)]
    public string Path { get; set; } = "";

    /// <summary>The department's code or name.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Department { get; set; } = "";
}
