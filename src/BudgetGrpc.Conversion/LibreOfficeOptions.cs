using System.ComponentModel.DataAnnotations;

namespace BudgetGrpc.Conversion;

/// <summary>How the hosts run LibreOffice to turn legacy .doc/.wps/RTF into .docx (configuration section "Conversion").</summary>
public sealed class LibreOfficeOptions
{
    public const string Section = "Conversion";

    /// <summary>The soffice executable; empty means the first of PATH and the usual install folders.</summary>
    public string? Executable { get; set; }

    /// <summary>Longest one conversion may take, start-up included; the process tree is killed after it.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Conversions that may run at once; further callers wait (within the timeout) for a free slot.</summary>
    [Range(1, 64)]
    public int MaxConcurrency { get; set; } = 2;

    /// <summary>Folder under which each conversion gets its private temporary folder; empty means the system's.</summary>
    public string? TempRoot { get; set; }
}
