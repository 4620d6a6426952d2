using System.Buffers.Binary;
using System.Text;

namespace BudgetGrpc.Engine.Tests.Reading;

/// <summary>Rewrites zip header fields to build hostile test input; production code never does this.</summary>
internal static class ZipHeaders
{
    private const uint LocalSignature = 0x04034b50;
    private const uint CentralSignature = 0x02014b50;

    /// <summary>Sets the declared uncompressed size of <paramref name="entryName"/> in its local and central headers.</summary>
    public static byte[] DeclareUncompressedSize(byte[] zip, string entryName, uint size)
    {
        var bytes = (byte[])zip.Clone();
        var name = Encoding.UTF8.GetBytes(entryName);
        var patched = 0;
        for (var i = 0; i + 46 < bytes.Length; i++)
        {
            var signature = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i));
            if (signature == LocalSignature)
            {
                var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(i + 26));
                if (nameLength == name.Length && bytes.AsSpan(i + 30, nameLength).SequenceEqual(name))
                {
                    BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i + 22), size);
                    patched++;
                }
            }
            else if (signature == CentralSignature)
            {
                var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(i + 28));
                if (nameLength == name.Length && bytes.AsSpan(i + 46, nameLength).SequenceEqual(name))
                {
                    BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i + 24), size);
                    patched++;
                }
            }
        }
        if (patched < 2) throw new InvalidOperationException($"entry {entryName} not found in both zip headers");
        return bytes;
    }
}
