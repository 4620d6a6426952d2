using System.Buffers.Binary;
using System.Text;

namespace BudgetGrpc.Engine.Tests.Reading;

/// <summary>
/// Builds an OLE2 compound file (version 3 with 512-byte sectors, or version 4 with 4096-byte sectors) whose directory
/// lists the given streams, all empty:
/// the header, one allocation table sector and the directory chain, as Office, WPS and Works write them. Format
/// detection reads only the directory, so the stream names are what these files are about.
/// </summary>
internal static class SyntheticCompoundFile
{
    private const int EntrySize = 128;
    private const uint EndOfChain = 0xFFFFFFFE;
    private const uint FreeSector = 0xFFFFFFFF;
    private const uint FatSector = 0xFFFFFFFD;
    private const uint NoEntry = 0xFFFFFFFF;

    public static byte[] WithStreams(params string[] streamNames) => WithSectorShift(9, streamNames);

    /// <param name="sectorShift">9 (512-byte sectors, version 3) or 12 (4096-byte sectors, version 4).</param>
    public static byte[] WithSectorShift(int sectorShift, params string[] streamNames)
    {
        var sectorSize = 1 << sectorShift;
        var entries = new List<(string Name, byte Type)> { ("Root Entry", 5) };
        entries.AddRange(streamNames.Select(name => (name, (byte)2)));
        var directorySectors = (entries.Count + sectorSize / EntrySize - 1) / (sectorSize / EntrySize);
        var file = new byte[sectorSize * (2 + directorySectors)];

        var header = file.AsSpan(0, 512);
        byte[] signature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        signature.CopyTo(header);
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x18..], 0x3E); // minor version
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x1A..], (ushort)(sectorShift == 12 ? 4 : 3)); // major version
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x1C..], 0xFFFE); // little-endian
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x1E..], (ushort)sectorShift); // sector size
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x20..], 6); // 64-byte mini sectors
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x2C..], 1); // allocation table sectors
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x30..], 1); // first directory sector
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x38..], 0x1000); // mini stream cutoff
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x3C..], EndOfChain); // no mini allocation table
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x44..], EndOfChain); // no DIFAT sectors
        for (var i = 0; i < 109; i++)
            BinaryPrimitives.WriteUInt32LittleEndian(header[(0x4C + 4 * i)..], i == 0 ? 0 : FreeSector);

        // Sector 0 is the allocation table; sectors 1..n the directory, chained in order.
        var fat = file.AsSpan(sectorSize, sectorSize);
        for (var i = 0; i < sectorSize / 4; i++)
            BinaryPrimitives.WriteUInt32LittleEndian(fat[(4 * i)..], i switch
            {
                0 => FatSector,
                _ when i == directorySectors => EndOfChain,
                _ when i < directorySectors => (uint)i + 1,
                _ => FreeSector,
            });

        var directory = file.AsSpan(2 * sectorSize);
        for (var e = 0; e < directorySectors * (sectorSize / EntrySize); e++)
        {
            var entry = directory.Slice(e * EntrySize, EntrySize);
            BinaryPrimitives.WriteUInt32LittleEndian(entry[0x44..], NoEntry); // left sibling
            BinaryPrimitives.WriteUInt32LittleEndian(entry[0x48..], NoEntry); // right sibling
            BinaryPrimitives.WriteUInt32LittleEndian(entry[0x4C..], NoEntry); // child
            if (e >= entries.Count) continue;
            var name = Encoding.Unicode.GetBytes(entries[e].Name);
            name.CopyTo(entry);
            BinaryPrimitives.WriteUInt16LittleEndian(entry[0x40..], (ushort)(name.Length + 2)); // with its terminator
            entry[0x42] = entries[e].Type;
            entry[0x43] = 1; // black
            // The root's child is the first stream; each stream's right sibling the next one.
            if (e == 0 && entries.Count > 1) BinaryPrimitives.WriteUInt32LittleEndian(entry[0x4C..], 1);
            if (e > 0 && e + 1 < entries.Count) BinaryPrimitives.WriteUInt32LittleEndian(entry[0x48..], (uint)e + 1);
            BinaryPrimitives.WriteUInt32LittleEndian(entry[0x74..], EndOfChain); // empty: no first sector
        }
        return file;
    }
}
