using System.Runtime.InteropServices;

namespace BudgetGrpc.Worker.Folders;

/// <summary>What a directory entry is, as lstat() tells it: the entry itself, never what a link points to.</summary>
public enum EntryKind
{
    Regular,
    Directory,
    SymbolicLink,
    Fifo,
    Device,
    Socket,
    /// <summary>Gone, or not reachable by its name (a name that is not valid UTF-8 on Linux).</summary>
    Missing,
    Other,
}

/// <summary>
/// The file type of a path without following a link and without opening it: opening a FIFO blocks until a writer comes,
/// and .NET's file APIs report a FIFO, a device or a socket as an ordinary file. On Unix this asks the runtime's own
/// native shim (libSystem.Native, shipped with every .NET runtime) for lstat(): its FileStatus starts with two 32-bit
/// fields, flags and the mode with the S_IFMT type bits, a layout that has not changed since .NET Core 1.0. On Windows
/// the attributes say it (a reparse point is a symbolic link or a junction; named pipes do not live in folders).
/// </summary>
public static partial class EntryKinds
{
    private const int TypeMask = 0xF000;
    private const int FifoType = 0x1000;
    private const int CharacterDeviceType = 0x2000;
    private const int DirectoryType = 0x4000;
    private const int BlockDeviceType = 0x6000;
    private const int RegularType = 0x8000;
    private const int LinkType = 0xA000;
    private const int SocketType = 0xC000;

    public static EntryKind Of(string path) => OperatingSystem.IsWindows() ? OfWindows(path) : OfUnix(path);

    /// <summary>What a skipped entry's reason says about it.</summary>
    public static string Describe(EntryKind kind) => kind switch
    {
        EntryKind.SymbolicLink => "a symbolic link (or junction); links are not followed",
        EntryKind.Fifo => "a FIFO (named pipe); only regular files are read",
        EntryKind.Device => "a device; only regular files are read",
        EntryKind.Socket => "a socket; only regular files are read",
        EntryKind.Missing => "cannot be reached by its name",
        _ => "not a regular file",
    };

    private static EntryKind OfWindows(string path)
    {
        FileAttributes attributes;
        try { attributes = File.GetAttributes(path); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { return EntryKind.Missing; }
        if (attributes.HasFlag(FileAttributes.ReparsePoint)) return EntryKind.SymbolicLink;
        if (attributes.HasFlag(FileAttributes.Device)) return EntryKind.Device;
        return attributes.HasFlag(FileAttributes.Directory) ? EntryKind.Directory : EntryKind.Regular;
    }

    private static unsafe EntryKind OfUnix(string path)
    {
        // Room for any FileStatus the shim has had (about 120 bytes today); only the first 8 are read.
        var status = stackalloc byte[512];
        if (LStat(path, status) != 0) return EntryKind.Missing;
        var mode = ((int*)status)[1];
        return (mode & TypeMask) switch
        {
            RegularType => EntryKind.Regular,
            DirectoryType => EntryKind.Directory,
            LinkType => EntryKind.SymbolicLink,
            FifoType => EntryKind.Fifo,
            CharacterDeviceType or BlockDeviceType => EntryKind.Device,
            SocketType => EntryKind.Socket,
            _ => EntryKind.Other,
        };
    }

    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_LStat", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static unsafe partial int LStat(string path, byte* status);
}
