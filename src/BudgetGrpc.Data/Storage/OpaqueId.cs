using System.Security.Cryptography;

namespace BudgetGrpc.Data;

/// <summary>Short random ids for resource names: 12 lowercase base32 characters (60 bits), safe in URLs and file names.</summary>
internal static class OpaqueId
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";
    public const int Length = 12;

    public static string New()
    {
        Span<byte> bytes = stackalloc byte[8];
        RandomNumberGenerator.Fill(bytes);
        var value = BitConverter.ToUInt64(bytes);
        Span<char> chars = stackalloc char[Length];
        for (var i = 0; i < Length; i++)
        {
            chars[i] = Alphabet[(int)(value & 31)];
            value >>= 5;
        }
        return new string(chars);
    }
}
