using System.Buffers.Binary;
using System.Text;

namespace BudgetGrpc.Engine.Tests.Reading;

/// <summary>
/// Writes a BIFF8 workbook stream (the Workbook stream of an .xls, which ExcelDataReader also reads on its own, outside
/// a compound file): the globals (BOF, optional records such as FILEPASS, one BOUNDSHEET per sheet, EOF), then each
/// sheet's substream (BOF, its records, EOF). The globals hold three cell formats (XF records): <see cref="General"/>,
/// <see cref="Date"/> (built-in number format 14, m/d/yyyy) and <see cref="Elapsed"/> (built-in 46, [h]:mm:ss).
/// </summary>
internal static class SyntheticBiff
{
    public const byte Visible = 0, Hidden = 1, VeryHidden = 2;
    public const ushort General = 0, Date = 1, Elapsed = 2;
    private static readonly ushort[] NumberFormats = [0, 14, 46];

    public sealed record Sheet(string Name, byte Visibility, params byte[][] Records)
    {
        public Sheet(string name, params byte[][] records) : this(name, Visible, records) { }
    }

    public static byte[] Workbook(params Sheet[] sheets) => Workbook([], sheets);

    public static byte[] Workbook(byte[][] globals, params Sheet[] sheets)
    {
        var head = new List<byte[]> { Bof(0x0005) };
        head.AddRange(globals);
        head.AddRange(NumberFormats.Select(Xf));
        var boundSheets = sheets.Select(s => BoundSheet(0, s.Visibility, s.Name)).ToList();
        var globalsLength = head.Sum(r => r.Length) + boundSheets.Sum(r => r.Length) + Eof().Length;

        var substreams = new List<byte[]>();
        var offset = globalsLength;
        for (var i = 0; i < sheets.Length; i++)
        {
            boundSheets[i] = BoundSheet(offset, sheets[i].Visibility, sheets[i].Name);
            var substream = Concat([Bof(0x0010), .. sheets[i].Records, Eof()]);
            substreams.Add(substream);
            offset += substream.Length;
        }
        return Concat([.. head, .. boundSheets, Eof(), .. substreams]);
    }

    /// <summary>
    /// A BIFF5 (Excel 5.0/95) workbook stream of one visible sheet, without a CODEPAGE record: its sheet name and labels
    /// stored as <paramref name="encoding"/> bytes, as a Chinese system wrote them.
    /// </summary>
    public static byte[] Biff5Workbook(Encoding encoding, string sheetName, params (int Row, int Column, string Text)[] labels)
    {
        static byte[] Bof5(ushort type)
        {
            var data = new byte[8];
            BinaryPrimitives.WriteUInt16LittleEndian(data, 0x0500);
            BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(2), type);
            return Record(0x0809, data);
        }
        var name = encoding.GetBytes(sheetName);
        var cells = labels.Select(label =>
        {
            var text = encoding.GetBytes(label.Text);
            var data = new byte[8 + text.Length];
            Cell(data, label.Row, label.Column, 0);
            BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(6), (ushort)text.Length);
            text.CopyTo(data, 8);
            return Record(0x0204, data);
        });
        var sheet = Concat([Bof5(0x0010), .. cells, Eof()]);
        byte[] BoundSheet5(int offset)
        {
            var data = new byte[7 + name.Length];
            BinaryPrimitives.WriteUInt32LittleEndian(data, (uint)offset);
            data[6] = (byte)name.Length;
            name.CopyTo(data, 7);
            return Record(0x0085, data);
        }
        var globalsLength = Bof5(0x0005).Length + BoundSheet5(0).Length + Eof().Length;
        return Concat([Bof5(0x0005), BoundSheet5(globalsLength), Eof(), sheet]);
    }

    public static byte[] Label(int row, int column, string text, ushort xf = 0)
    {
        var chars = Encoding.Unicode.GetBytes(text);
        var data = new byte[6 + 3 + chars.Length];
        Cell(data, row, column, xf);
        BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(6), (ushort)text.Length);
        data[8] = 1; // UTF-16
        chars.CopyTo(data, 9);
        return Record(0x0204, data);
    }

    public static byte[] Number(int row, int column, double value, ushort xf = 0)
    {
        var data = new byte[14];
        Cell(data, row, column, xf);
        BinaryPrimitives.WriteDoubleLittleEndian(data.AsSpan(6), value);
        return Record(0x0203, data);
    }

    public static byte[] Boolean(int row, int column, bool value)
    {
        var data = new byte[8];
        Cell(data, row, column, 0);
        data[6] = (byte)(value ? 1 : 0);
        return Record(0x0205, data);
    }

    public static byte[] Blank(int row, int column)
    {
        var data = new byte[6];
        Cell(data, row, column, 0);
        return Record(0x0201, data);
    }

    /// <summary>A MERGECELLS record; each range as stored: first row, last row, first column, last column (0-based).</summary>
    public static byte[] Merges(params (int Row1, int Row2, int Column1, int Column2)[] ranges)
    {
        var data = new byte[2 + 8 * ranges.Length];
        BinaryPrimitives.WriteUInt16LittleEndian(data, (ushort)ranges.Length);
        for (var i = 0; i < ranges.Length; i++)
        {
            var at = data.AsSpan(2 + 8 * i);
            BinaryPrimitives.WriteUInt16LittleEndian(at, (ushort)ranges[i].Row1);
            BinaryPrimitives.WriteUInt16LittleEndian(at[2..], (ushort)ranges[i].Row2);
            BinaryPrimitives.WriteUInt16LittleEndian(at[4..], (ushort)ranges[i].Column1);
            BinaryPrimitives.WriteUInt16LittleEndian(at[6..], (ushort)ranges[i].Column2);
        }
        return Record(0x00E5, data);
    }

    /// <summary>FILEPASS with XOR obfuscation whose verifier matches no password tried (not even Excel's VelvetSweatshop).</summary>
    public static byte[] FilePass()
    {
        var data = new byte[6];
        BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(2), 0x1234); // key
        BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(4), 0x0001); // verifier
        return Record(0x002F, data);
    }

    public static byte[] Record(ushort id, byte[] data)
    {
        var record = new byte[4 + data.Length];
        BinaryPrimitives.WriteUInt16LittleEndian(record, id);
        BinaryPrimitives.WriteUInt16LittleEndian(record.AsSpan(2), (ushort)data.Length);
        data.CopyTo(record, 4);
        return record;
    }

    private static void Cell(byte[] data, int row, int column, ushort xf)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(data, (ushort)row);
        BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(2), (ushort)column);
        BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(4), xf);
    }

    private static byte[] Bof(ushort type)
    {
        var data = new byte[16];
        BinaryPrimitives.WriteUInt16LittleEndian(data, 0x0600); // BIFF8
        BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(2), type);
        BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(4), 0x0DBB); // build
        BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(6), 0x07CC); // year
        return Record(0x0809, data);
    }

    private static byte[] Xf(ushort numberFormat)
    {
        var data = new byte[20];
        BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(2), numberFormat);
        return Record(0x00E0, data);
    }

    private static byte[] Eof() => Record(0x000A, []);

    private static byte[] BoundSheet(int offset, byte visibility, string name)
    {
        var chars = Encoding.Unicode.GetBytes(name);
        var data = new byte[8 + chars.Length];
        BinaryPrimitives.WriteUInt32LittleEndian(data, (uint)offset);
        data[4] = visibility;
        data[5] = 0; // worksheet
        data[6] = (byte)name.Length;
        data[7] = 1; // UTF-16
        chars.CopyTo(data, 8);
        return Record(0x0085, data);
    }

    private static byte[] Concat(IEnumerable<byte[]> parts) => [.. parts.SelectMany(p => p)];
}
