using System.Buffers.Binary;
using System.Text;

namespace BudgetGrpc.Engine.Reading;

/// <summary>
/// Lists the stream names of an OLE2 compound file (the container of .xls, .doc, .wps, .et and of encrypted
/// OOXML) without reading any stream: the header, the allocation table sectors it names and the directory chain.
/// Only detection uses it: which application wrote the file decides the reader. Every walk is bounded by the
/// number of sectors the file can hold, so a looping chain or a lying header ends in null, not a hang.
/// </summary>
internal static class CompoundFile
{
    private const uint EndOfChain = 0xFFFFFFFE;
    private const int HeaderDifatEntries = 109;
    private const int DirectoryEntrySize = 128;

    /// <summary>The names of the streams and storages in the directory, or null when the structure is damaged.</summary>
    public static IReadOnlyList<string>? EntryNames(ReadOnlySpan<byte> file)
    {
        if (file.Length < 512 || file is not [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, ..]) return null;
        var shift = BinaryPrimitives.ReadUInt16LittleEndian(file[0x1E..]);
        if (shift is not (9 or 12)) return null;
        var sectorSize = 1 << shift;
        var sectorCount = (file.Length - sectorSize + sectorSize - 1) / sectorSize; // sectors after the header sector
        if (sectorCount <= 0) return null;

        var fatSectors = FatSectors(file, sectorSize, sectorCount);
        if (fatSectors is null) return null;
        var firstDirectory = BinaryPrimitives.ReadUInt32LittleEndian(file[0x30..]);

        var names = new List<string>();
        var sector = firstDirectory;
        for (var steps = 0; sector != EndOfChain; steps++)
        {
            if (steps > sectorCount || sector >= (uint)sectorCount) return null;
            var data = Sector(file, sector, sectorSize);
            for (var offset = 0; offset + DirectoryEntrySize <= data.Length; offset += DirectoryEntrySize)
            {
                var entry = data.Slice(offset, DirectoryEntrySize);
                var type = entry[0x42];
                if (type is not (1 or 2 or 5)) continue; // unused slot
                var nameBytes = BinaryPrimitives.ReadUInt16LittleEndian(entry[0x40..]);
                if (nameBytes is < 2 or > 64) continue;
                names.Add(Encoding.Unicode.GetString(entry[..(nameBytes - 2)]));
            }
            if (Next(file, fatSectors, sector, sectorSize) is not { } next) return null;
            sector = next;
        }
        return names;
    }

    /// <summary>The sector numbers that hold the allocation table: the header's 109, then the DIFAT chain.</summary>
    private static List<uint>? FatSectors(ReadOnlySpan<byte> file, int sectorSize, int sectorCount)
    {
        var count = BinaryPrimitives.ReadUInt32LittleEndian(file[0x2C..]);
        if (count == 0 || count > (uint)sectorCount) return null;
        var sectors = new List<uint>((int)count);
        for (var i = 0; i < HeaderDifatEntries && sectors.Count < count; i++)
            sectors.Add(BinaryPrimitives.ReadUInt32LittleEndian(file[(0x4C + 4 * i)..]));
        var difat = BinaryPrimitives.ReadUInt32LittleEndian(file[0x44..]);
        for (var steps = 0; sectors.Count < count; steps++)
        {
            if (difat >= (uint)sectorCount || steps > sectorCount) return null;
            var data = Sector(file, difat, sectorSize);
            // A DIFAT sector cut short by the end of the file holds neither all its entries nor its next pointer.
            if (data.Length < sectorSize) return null;
            var perSector = sectorSize / 4 - 1;
            for (var i = 0; i < perSector && sectors.Count < count; i++)
                sectors.Add(BinaryPrimitives.ReadUInt32LittleEndian(data[(4 * i)..]));
            difat = BinaryPrimitives.ReadUInt32LittleEndian(data[(sectorSize - 4)..]);
        }
        return sectors;
    }

    private static uint? Next(ReadOnlySpan<byte> file, List<uint> fatSectors, uint sector, int sectorSize)
    {
        var perSector = (uint)(sectorSize / 4);
        var index = sector / perSector;
        if (index >= (uint)fatSectors.Count) return null;
        var fatSector = fatSectors[(int)index];
        var start = (long)(fatSector + 1) * sectorSize + (sector % perSector) * 4;
        if (start + 4 > file.Length) return null;
        return BinaryPrimitives.ReadUInt32LittleEndian(file[(int)start..]);
    }

    /// <summary>A sector's bytes; the last sector of a file cut short is returned as far as it goes.</summary>
    private static ReadOnlySpan<byte> Sector(ReadOnlySpan<byte> file, uint sector, int sectorSize)
    {
        var start = (long)(sector + 1) * sectorSize;
        if (start >= file.Length) return [];
        return file.Slice((int)start, (int)Math.Min(sectorSize, file.Length - start));
    }
}
