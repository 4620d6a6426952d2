using System.Text;
using System.Text.Unicode;

namespace BudgetGrpc.Engine.Reading;

/// <summary>
/// Turns the bytes of a text container into a string: a BOM wins, then valid UTF-8,
/// then GB18030 (a superset of GBK/GB2312), which is what Chinese desktop software writes by default.
/// </summary>
internal static class TextDecoding
{
    private static readonly Encoding Utf8NoBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    public static readonly Encoding Gb18030 = CreateGb18030();

    private static Encoding CreateGb18030()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030");
    }

    /// <summary>The encoding announced by a byte order mark, and the mark's length; null without one.</summary>
    public static (Encoding Encoding, int Length)? FromBom(ReadOnlySpan<byte> bytes)
    {
        if (bytes is [0xEF, 0xBB, 0xBF, ..]) return (Utf8NoBom, 3);
        if (bytes is [0xFF, 0xFE, 0x00, 0x00, ..]) return (Encoding.UTF32, 4);
        if (bytes is [0xFF, 0xFE, ..]) return (Encoding.Unicode, 2);
        if (bytes is [0xFE, 0xFF, ..]) return (Encoding.BigEndianUnicode, 2);
        if (bytes is [0x84, 0x31, 0x95, 0x33, ..]) return (Gb18030, 4);
        return null;
    }

    /// <summary>Decodes by BOM, else as UTF-8 when the bytes are valid UTF-8, else as GB18030.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (FromBom(bytes) is var (encoding, length)) return encoding.GetString(bytes[length..]);
        return Utf8Valid(bytes) ? Utf8NoBom.GetString(bytes) : Gb18030.GetString(bytes);
    }

    private static bool Utf8Valid(ReadOnlySpan<byte> bytes) => Utf8.IsValid(bytes);

    /// <summary>An encoding by its web name (meta charset); GBK and GB2312 widen to GB18030.</summary>
    public static Encoding? ByName(string name)
    {
        var key = name.Trim().ToLowerInvariant();
        if (key is "gbk" or "gb2312" or "gb18030" or "x-gbk" or "cp936" or "windows-936") return Gb18030;
        if (key is "utf-8" or "utf8") return Utf8NoBom;
        try
        {
            _ = Gb18030; // registers the code page provider before the lookup
            return Encoding.GetEncoding(key);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
