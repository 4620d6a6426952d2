using System.IO.Compression;
using System.Runtime.InteropServices;
using BudgetGrpc.Engine.Model;

namespace BudgetGrpc.Engine.Reading;

/// <summary>
/// Looks into a zip before the OOXML readers expand it: which package it is, and whether the sizes
/// its entries declare stay within the expansion limit. Entries that lie about their size cannot
/// expand past it either: .NET's zip reader stops inflating at the declared size, and the OOXML
/// readers are opened with a per-part character limit as a second fence.
/// </summary>
internal static class ZipGuard
{
    public static Stream OpenStream(ReadOnlyMemory<byte> content) =>
        MemoryMarshal.TryGetArray(content, out var segment) && segment.Array is not null
            ? new MemoryStream(segment.Array, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(content.ToArray(), writable: false);

    /// <summary>"xlsx", "docx", or null for another kind of zip.</summary>
    public static string? Inspect(ReadOnlyMemory<byte> content, ReadContext context)
    {
        using var stream = OpenStream(content);
        try
        {
            using var archive = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            long declared = 0;
            string? kind = null;
            foreach (var entry in archive.Entries)
            {
                declared += entry.Length;
                if (declared > context.Limits.MaxExpandedBytes)
                    throw context.Fail(DisclosureErrorCode.TooLarge,
                        $"the zip package would expand to more than {context.Limits.MaxExpandedBytes:N0} bytes " +
                        $"(entry '{entry.FullName}' alone declares {entry.Length:N0}); it is refused unread");
                var name = entry.FullName;
                if (name.Equals("xl/workbook.xml", StringComparison.OrdinalIgnoreCase)) kind ??= "xlsx";
                else if (name.Equals("word/document.xml", StringComparison.OrdinalIgnoreCase)) kind ??= "docx";
            }
            return kind ?? KindByFolder(archive, context.FileName);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or ArgumentException or NotSupportedException)
        {
            context.Cause = ex;
            // The directory is read lazily, so damage can surface while listing the entries too.
            throw context.Fail(DisclosureErrorCode.Unreadable,
                $"the file starts like a zip package (.xlsx/.docx) but its zip directory is damaged: {ex.Message}");
        }
    }

    /// <summary>
    /// Some generators name the main part differently (xl/workbook2.xml); the readers find it through the package
    /// relationships, so a spreadsheet or text-document name (WPS's .et/.wps included) plus the package's folder
    /// is enough to try.
    /// </summary>
    private static string? KindByFolder(ZipArchive archive, string fileName)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        var folder = extension switch
        {
            ".xlsx" or ".xlsm" or ".xls" or ".et" or ".ett" => "xl/",
            ".docx" or ".docm" or ".doc" or ".wps" or ".wpt" => "word/",
            _ => null,
        };
        if (folder is null) return null;
        foreach (var entry in archive.Entries)
            if (entry.FullName.StartsWith(folder, StringComparison.OrdinalIgnoreCase))
                return folder == "xl/" ? "xlsx" : "docx";
        return null;
    }

    /// <summary>Largest characters one part may hold when an OOXML reader parses it.</summary>
    public static long MaxCharactersInPart(EngineLimits limits) => Math.Max(1, limits.MaxExpandedBytes);
}
