using System.ComponentModel.DataAnnotations;

namespace BudgetGrpc.Engine;

/// <summary>Bounds that keep a hostile or broken file from exhausting memory or time.</summary>
public sealed class EngineLimits
{
    /// <summary>Largest input accepted, in bytes.</summary>
    [Range(1, long.MaxValue)]
    public long MaxFileBytes { get; set; } = 32 * 1024 * 1024;

    /// <summary>Largest total uncompressed size of the parts of an OOXML zip that are read, in bytes.</summary>
    [Range(1, long.MaxValue)]
    public long MaxExpandedBytes { get; set; } = 128 * 1024 * 1024;

    /// <summary>Largest number of cells read from all tables together.</summary>
    [Range(1, int.MaxValue)]
    public int MaxCells { get; set; } = 2_000_000;

    /// <summary>Longest cell text kept, in characters; longer cells are cut.</summary>
    [Range(1, int.MaxValue)]
    public int MaxCellChars { get; set; } = 64 * 1024;

    /// <summary>Most pages read from one PDF; a document with more is refused before any page is read.</summary>
    [Range(1, int.MaxValue)]
    public int MaxPdfPages { get; set; } = 500;

    /// <summary>Most characters read from one PDF's text layer, all pages together.</summary>
    [Range(1, int.MaxValue)]
    public int MaxPdfGlyphs { get; set; } = 4_000_000;
}
