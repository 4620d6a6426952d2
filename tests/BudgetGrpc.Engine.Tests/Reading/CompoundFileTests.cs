using System.Buffers.Binary;
using BudgetGrpc.Engine.Reading;
using Xunit;

namespace BudgetGrpc.Engine.Tests.Reading;

/// <summary>
/// The OLE2 directory walk on compound files of ours (<see cref="SyntheticCompoundFile"/>, then patched): both sector
/// sizes, the allocation table named by the header and by a DIFAT chain, and every way a header or chain can lie, each
/// ending in null (damaged), never an exception or a hang.
/// </summary>
public class CompoundFileTests
{
    private const uint EndOfChain = 0xFFFFFFFE;
    private const uint FreeSector = 0xFFFFFFFF;

    // In SyntheticCompoundFile's 512-byte layout sector 0 (file offset 512) is the allocation table and sector 1
    // (file offset 1024) the first directory sector.
    private const int Fat = 512, Directory = 1024;

    private static byte[] File(params string[] streams) => SyntheticCompoundFile.WithStreams(streams);

    private static void Put(byte[] file, int offset, uint value) => BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(offset), value);

    private static byte[] Grow(byte[] file, int sectorsAfterHeader)
    {
        var grown = new byte[512 * (1 + sectorsAfterHeader)];
        file.CopyTo(grown, 0);
        return grown;
    }

    [Fact]
    public void A_file_with_512_byte_sectors_lists_its_entries_in_directory_order() =>
        Assert.Equal(["Root Entry", "Workbook", "\u0005SummaryInformation"], CompoundFile.EntryNames(File("Workbook", "\u0005SummaryInformation")));

    [Fact]
    public void A_file_with_4096_byte_sectors_lists_its_entries()
    {
        var streams = Enumerable.Range(1, 20).Select(i => $"S{i}").ToArray(); // 21 entries: one 4096-byte directory sector
        Assert.Equal(["Root Entry", .. streams], CompoundFile.EntryNames(SyntheticCompoundFile.WithSectorShift(12, streams)));
    }

    [Fact]
    public void A_directory_over_several_sectors_is_followed_along_its_chain()
    {
        var streams = Enumerable.Range(1, 9).Select(i => $"Stream{i}").ToArray(); // 10 entries: three directory sectors
        Assert.Equal(["Root Entry", .. streams], CompoundFile.EntryNames(File(streams)));
    }

    [Theory]
    [InlineData(8)] // the signature alone
    [InlineData(511)]
    [InlineData(512)] // a header and nothing after it
    public void A_file_too_short_for_a_header_and_a_sector_is_damaged(int length)
    {
        var file = File("Workbook")[..length];
        Assert.Null(CompoundFile.EntryNames(file));
    }

    [Fact]
    public void The_whole_signature_is_checked()
    {
        var file = File("Workbook");
        file[7] = 0xE0;
        Assert.Null(CompoundFile.EntryNames(file));
    }

    [Theory]
    [InlineData(8)]
    [InlineData(10)]
    [InlineData(11)]
    [InlineData(13)]
    public void Only_sector_sizes_of_512_and_4096_bytes_are_read(int shift)
    {
        var file = File("Workbook");
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(0x1E), (ushort)shift);
        Assert.Null(CompoundFile.EntryNames(file));
    }

    [Fact]
    public void A_header_naming_no_allocation_table_sector_is_damaged()
    {
        var file = File("Workbook");
        Put(file, 0x2C, 0);
        Assert.Null(CompoundFile.EntryNames(file));
    }

    [Fact]
    public void The_allocation_table_may_have_as_many_sectors_as_the_file_but_not_more()
    {
        var file = File("Workbook"); // two sectors after the header
        Put(file, 0x2C, 2);
        Assert.Equal(["Root Entry", "Workbook"], CompoundFile.EntryNames(file));
        Put(file, 0x2C, 3);
        Assert.Null(CompoundFile.EntryNames(file));
    }

    [Fact]
    public void A_directory_that_starts_past_the_file_is_damaged()
    {
        var file = File("Workbook");
        Put(file, 0x30, 2); // sectors 0 and 1 only
        Put(file, Fat + 4 * 2, EndOfChain); // were sector 2 read, it would end the chain at once
        Assert.Null(CompoundFile.EntryNames(file));
        Put(file, 0x30, 0xFFFFFFF0);
        Assert.Null(CompoundFile.EntryNames(file));
    }

    [Fact]
    public void An_empty_directory_chain_lists_nothing()
    {
        var file = File("Workbook");
        Put(file, 0x30, EndOfChain);
        Assert.Equal([], CompoundFile.EntryNames(file));
    }

    [Fact]
    public void A_directory_chain_that_loops_ends_as_damaged()
    {
        var file = File("Workbook");
        Put(file, Fat + 4 * 1, 1); // sector 1 is followed by itself
        Assert.Null(CompoundFile.EntryNames(file));
    }

    [Fact]
    public void A_directory_chain_that_ends_in_a_free_sector_is_damaged()
    {
        var file = File("Workbook");
        Put(file, Fat + 4 * 1, FreeSector);
        Assert.Null(CompoundFile.EntryNames(file));
    }

    [Fact]
    public void An_allocation_table_sector_past_the_file_is_damaged()
    {
        var file = File("Workbook");
        Put(file, 0x4C, 1000);
        Assert.Null(CompoundFile.EntryNames(file));
    }

    [Fact]
    public void An_allocation_table_entry_in_the_last_four_bytes_of_the_file_is_read()
    {
        // The table moves to a third sector cut after its first two entries: the directory sector's entry (1) is the
        // file's last four bytes.
        var file = File("Workbook");
        var cut = new byte[512 * 3 + 8];
        file.CopyTo(cut, 0);
        Put(cut, 0x4C, 2);
        Put(cut, 512 * 3, 0xFFFFFFFD);
        Put(cut, 512 * 3 + 4, EndOfChain);
        Assert.Equal(["Root Entry", "Workbook"], CompoundFile.EntryNames(cut));

        Assert.Null(CompoundFile.EntryNames(cut[..^1]));
    }

    [Fact]
    public void The_directory_index_past_the_allocation_table_is_damaged()
    {
        // One table sector covers sectors 0–127; a directory at sector 128 has no entry in it.
        var file = Grow(File("Workbook"), 130);
        File("Workbook").AsSpan(Directory, 512).CopyTo(file.AsSpan(512 * 129));
        Put(file, 0x30, 128);
        Assert.Null(CompoundFile.EntryNames(file));
    }

    [Fact]
    public void A_directory_past_sector_127_is_followed_through_the_second_table_sector()
    {
        // Two table sectors: 0 (sectors 0–127) and 2 (sectors 128–255), whose first entry ends the directory at 128.
        var file = Grow(File("Workbook"), 130);
        File("Workbook").AsSpan(Directory, 512).CopyTo(file.AsSpan(512 * 129));
        Put(file, 0x30, 128);
        Put(file, 0x2C, 2);
        Put(file, 0x4C + 4, 2);
        Put(file, 512 * 3, EndOfChain);
        Assert.Equal(["Root Entry", "Workbook"], CompoundFile.EntryNames(file));

        // With one table sector named, the second header entry is not read: sector 128 has no table entry.
        Put(file, 0x2C, 1);
        Assert.Null(CompoundFile.EntryNames(file));
    }

    [Fact]
    public void A_last_directory_sector_cut_short_is_read_as_far_as_whole_entries_go()
    {
        var file = File("Workbook", "Second", "Third");
        var cut = file[..(Directory + 3 * 128 - 1)]; // the third entry lacks its last byte
        Assert.Equal(["Root Entry", "Workbook"], CompoundFile.EntryNames(cut));
        Assert.Equal(["Root Entry", "Workbook", "Second"], CompoundFile.EntryNames(file[..(Directory + 3 * 128)]));
    }

    [Fact]
    public void Unused_slots_and_entries_of_unknown_type_are_skipped_and_storages_are_listed()
    {
        var file = File("A", "B", "C", "D", "E", "F");
        file[Directory + 128 * 1 + 0x42] = 1; // A: a storage
        file[Directory + 128 * 2 + 0x42] = 0; // B: unused
        file[Directory + 128 * 3 + 0x42] = 3; // C: a lock bytes entry
        file[Directory + 128 * 4 + 0x42] = 4; // D: a property
        file[Directory + 128 * 5 + 0x42] = 6; // E: unknown
        Assert.Equal(["Root Entry", "A", "F"], CompoundFile.EntryNames(file));
    }

    [Fact]
    public void Names_of_2_to_64_bytes_with_their_terminator_are_read_and_others_skipped()
    {
        var longest = new string('长', 31); // 62 bytes, 64 with the terminator
        var file = File(longest, "x", "y", "z", "w");
        void Length(int entry, ushort bytes) => BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(Directory + 128 * entry + 0x40), bytes);
        Length(2, 2); // "x" read as the empty name
        Length(3, 1);
        Length(4, 66);
        Length(5, 0);
        Assert.Equal(["Root Entry", longest, ""], CompoundFile.EntryNames(file));

        Length(1, 65);
        Assert.Equal(["Root Entry", ""], CompoundFile.EntryNames(file));
    }

    [Fact]
    public void More_than_109_allocation_table_sectors_are_found_through_the_difat_chain()
    {
        var file = DifatFile(out var difat);
        Assert.Equal(["Root Entry", "Workbook"], CompoundFile.EntryNames(file));

        Put(file, 0x44, EndOfChain); // the header says there is more, but no DIFAT sector
        Assert.Null(CompoundFile.EntryNames(file));
        Put(file, 0x44, 112); // past the file's 112 sectors (0–111)
        Assert.Null(CompoundFile.EntryNames(file));
        Put(file, 0x44, FreeSector); // (sector + 1) wraps to 0 here: it must not read the header as a DIFAT sector
        Assert.Null(CompoundFile.EntryNames(file));

        Put(file, 0x44, (uint)difat);
        Put(file, 512 * (difat + 1), 1000); // the 110th table sector lies past the file, but only table sector 0 is used
        Assert.Equal(["Root Entry", "Workbook"], CompoundFile.EntryNames(file));
    }

    [Fact]
    public void A_difat_sector_holds_127_table_sectors_and_then_the_next_one()
    {
        // 237 table sectors: 109 in the header, 127 in the first DIFAT sector, one in the second.
        var file = Grow(File("Workbook"), 240);
        Put(file, 0x2C, 237);
        for (var i = 0; i < 109; i++) Put(file, 0x4C + 4 * i, 0);
        Put(file, 0x44, 238);
        for (var i = 0; i < 127; i++) Put(file, 512 * 239 + 4 * i, 0);
        Put(file, 512 * 239 + 508, 239);
        Put(file, 512 * 240, 0);
        for (var i = 1; i < 127; i++) Put(file, 512 * 240 + 4 * i, FreeSector);
        Put(file, 512 * 240 + 508, EndOfChain);
        Assert.Equal(["Root Entry", "Workbook"], CompoundFile.EntryNames(file));

        Put(file, 512 * 239 + 508, 5000); // the chain leaves the file before the table is complete
        Assert.Null(CompoundFile.EntryNames(file));
    }

    [Fact]
    public void A_difat_sector_that_names_itself_as_the_next_is_read_until_the_count_is_reached()
    {
        // 237 table sectors asked for, the first DIFAT sector naming itself as the next: its entries are taken again
        // until the count is reached (each step adds 127, so the walk is bounded by the count).
        var file = Grow(File("Workbook"), 240);
        Put(file, 0x2C, 237);
        for (var i = 0; i < 109; i++) Put(file, 0x4C + 4 * i, 0);
        Put(file, 0x44, 238);
        Put(file, 512 * 239 + 508, 238);
        Assert.Equal(["Root Entry", "Workbook"], CompoundFile.EntryNames(file));
    }

    [Fact]
    public void A_difat_sector_cut_short_is_damaged()
    {
        // The DIFAT sector is the file's last, cut after 100 bytes: it cannot hold its entries and its next pointer.
        var file = DifatFile(out var difat)[..(512 * (difat + 1) + 100)];
        Assert.Null(CompoundFile.EntryNames(file));
    }

    [Fact]
    public void A_compound_file_cut_in_its_difat_is_a_typed_error_through_the_container_reader()
    {
        var file = DifatFile(out var difat)[..(512 * (difat + 1) + 100)];
        var error = Assert.Throws<BudgetGrpc.Engine.Model.DisclosureException>(() => ReadingFixtures.Read(file, "预算.xls")).Error;
        Assert.Equal(BudgetGrpc.Engine.Model.DisclosureErrorCode.Unreadable, error.Code);
        Assert.Equal("the file starts like an OLE2 compound file (.xls/.doc/.wps/.et) but its directory is damaged or cut short",
            error.Message);
    }

    /// <summary>110 allocation table sectors (all naming sector 0, the real one): 109 in the header, one in a DIFAT
    /// sector, the file's last (111) of 112.</summary>
    private static byte[] DifatFile(out int difat)
    {
        difat = 111;
        var file = Grow(File("Workbook"), 112);
        Put(file, 0x2C, 110);
        for (var i = 0; i < 109; i++) Put(file, 0x4C + 4 * i, 0);
        Put(file, 0x44, (uint)difat);
        var sector = 512 * (difat + 1);
        Put(file, sector, 0);
        for (var i = 1; i < 127; i++) Put(file, sector + 4 * i, FreeSector);
        Put(file, sector + 508, EndOfChain);
        return file;
    }
}
