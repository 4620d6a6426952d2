using System.Runtime.InteropServices;
using System.Text;

namespace BudgetGrpc.Worker.Folders;

/// <summary>
/// A regular file whose name is not valid UTF-8: on Linux a name is raw bytes, and a table unzipped from an archive made
/// on Chinese Windows keeps its GBK names. .NET shows such a name with U+FFFD in it and cannot open it by that name, so
/// the file is moved by its bytes instead (into quarantine, with a report saying why).
/// </summary>
/// <param name="Folder">The folder holding it (its own name is readable).</param>
/// <param name="RawName">The name's bytes, without a terminating zero.</param>
/// <param name="RelativeFolder">The folder below the department folder, "" at its top.</param>
public sealed record UnreadableName(string Folder, byte[] RawName, string Department, string RelativeFolder)
{
    static UnreadableName() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Hex of the name's bytes, for the report: the only exact way to name the file.</summary>
    public string NameHex => Convert.ToHexStringLower(RawName);

    /// <summary>The name for the quarantine: the bytes read as GB18030 when they are that, else hex.</summary>
    public string ReadableName
    {
        get
        {
            try
            {
                var gb18030 = Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
                var name = gb18030.GetString(RawName);
                if (name.Length > 0 && !name.Any(c => char.IsControl(c) || c is '/' or '\0')) return name;
            }
            catch (DecoderFallbackException) { }
            return "name-" + NameHex;
        }
    }
}

/// <summary>Lists and moves files by the raw bytes of their names (Linux, 64-bit: the dirent layout of glibc and musl).</summary>
public static partial class RawNames
{
    private const int NameOffset = 19;
    private const int TypeOffset = 18;
    private const byte RegularFileType = 8;

    public static bool Supported => OperatingSystem.IsLinux() && Environment.Is64BitProcess;

    static RawNames() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The regular files in <paramref name="folder"/> whose names are not valid UTF-8.</summary>
    public static unsafe List<byte[]> NotUtf8(string folder)
    {
        var found = new List<byte[]>();
        if (!Supported) return found;
        var strict = new UTF8Encoding(false, throwOnInvalidBytes: true);
        var directory = OpenDir(Zero(folder));
        if (directory == 0) return found;
        try
        {
            for (var entry = (byte*)ReadDir(directory); entry != null; entry = (byte*)ReadDir(directory))
            {
                if (entry[TypeOffset] != RegularFileType) continue;
                var name = new ReadOnlySpan<byte>(entry + NameOffset, 256);
                name = name[..name.IndexOf((byte)0)];
                try { strict.GetCharCount(name); }
                catch (DecoderFallbackException) { found.Add(name.ToArray()); }
            }
        }
        finally
        {
            _ = CloseDir(directory);
        }
        return found;
    }

    /// <summary>rename(2) of folder/rawName to <paramref name="target"/>; false when the target exists (nothing overwritten).</summary>
    public static bool MoveNoReplace(string folder, byte[] rawName, string target)
    {
        if (File.Exists(target) || Directory.Exists(target)) return false;
        var source = Encoding.UTF8.GetBytes(folder.TrimEnd('/') + "/").Concat(rawName).Append((byte)0).ToArray();
        if (Rename(source, Zero(target)) == 0) return true;
        throw new IOException($"cannot move the file named {Convert.ToHexStringLower(rawName)} in {folder}: errno {Marshal.GetLastPInvokeError()}");
    }

    private static byte[] Zero(string path) => Encoding.UTF8.GetBytes(path + "\0");

    [LibraryImport("libc", EntryPoint = "opendir", SetLastError = true)]
    private static partial nint OpenDir(byte[] path);

    [LibraryImport("libc", EntryPoint = "readdir")]
    private static partial nint ReadDir(nint directory);

    [LibraryImport("libc", EntryPoint = "closedir")]
    private static partial int CloseDir(nint directory);

    [LibraryImport("libc", EntryPoint = "rename", SetLastError = true)]
    private static partial int Rename(byte[] source, byte[] target);
}
