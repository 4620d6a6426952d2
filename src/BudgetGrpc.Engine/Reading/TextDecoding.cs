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

    private static bool IsControl(byte b) => b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or (byte)'\r');

    /// <summary>
    /// Decodes by BOM, else as UTF-16 when the zero bytes say so (Excel's "Unicode text" without its mark),
    /// else as UTF-8 when the bytes are valid UTF-8, else as GB18030.
    /// </summary>
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (FromBom(bytes) is var (encoding, length)) return encoding.GetString(bytes[length..]);
        if (Utf16WithoutBom(bytes) is { } utf16) return utf16.GetString(bytes);
        return Utf8Valid(bytes) ? Utf8NoBom.GetString(bytes) : Gb18030.GetString(bytes);
    }

    /// <summary>
    /// UTF-16 text without a byte order mark: its ASCII characters (tabs, line ends, digits) leave zero bytes on one
    /// side of each pair and never on the other. Binary files have zeros on both sides.
    /// </summary>
    private static Encoding? Utf16WithoutBom(ReadOnlySpan<byte> bytes)
    {
        var sample = bytes[..(Math.Min(bytes.Length, 4096) & ~1)];
        if (sample.Length < 4) return null;
        int evenZeros = 0, oddZeros = 0;
        for (var i = 0; i < sample.Length; i += 2)
        {
            // An ASCII control other than tab and line ends beside the zero is binary, not text.
            if (sample[i] == 0)
            {
                evenZeros++;
                if (IsControl(sample[i + 1])) return null;
            }
            if (sample[i + 1] == 0)
            {
                oddZeros++;
                if (IsControl(sample[i])) return null;
            }
        }
        var pairs = sample.Length / 2;
        if (evenZeros == 0 && oddZeros * 10 >= pairs) return Encoding.Unicode;
        if (oddZeros == 0 && evenZeros * 10 >= pairs) return Encoding.BigEndianUnicode;
        return null;
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
