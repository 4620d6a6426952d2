using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using BudgetGrpc.Engine.Model;
using Xunit.Sdk;

namespace BudgetGrpc.Engine.Tests.Robustness;

/// <summary>
/// Runs generated cases with fixed seeds. A failing case names its seed and index and leaves its input in
/// <c>fuzz-failures/</c> under the test output folder, so it can be replayed byte for byte. Each run counts the
/// distinct inputs it tried and the distinct outcomes it saw (docs/testing.md says how the case counts were chosen).
/// </summary>
internal static class Fuzz
{
    /// <summary>
    /// Case counts are multiplied by BUDGET_FUZZ_SCALE (default 1): above 1 for a deeper run on a developer's machine,
    /// below 1 (0.1) under mutation testing, where every reader mutant runs these tests. At least one case runs.
    /// </summary>
    public static double Scale { get; } =
        double.TryParse(Environment.GetEnvironmentVariable("BUDGET_FUZZ_SCALE"), NumberStyles.Float, CultureInfo.InvariantCulture, out var scale)
        && scale > 0 && double.IsFinite(scale) ? scale : 1;

    public static string FailureFolder => Path.Combine(AppContext.BaseDirectory, "fuzz-failures");

    /// <summary>A seed that is the same in every process (unlike <see cref="string.GetHashCode()"/>): FNV-1a over the UTF-8 bytes.</summary>
    public static int StableSeed(string text)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(text)) hash = (hash ^ b) * 16777619u;
        return (int)(hash & 0x7fffffff);
    }

    public sealed record Coverage(int Cases, int DistinctInputs, int DistinctOutcomes)
    {
        public override string ToString() => $"{Cases} cases, {DistinctInputs} distinct inputs, {DistinctOutcomes} distinct outcomes";
    }

    /// <summary>
    /// Runs <paramref name="cases"/> (times <see cref="Scale"/>) cases: <paramref name="make"/> builds case i's input from
    /// a generator seeded with <paramref name="seed"/>; <paramref name="check"/> asserts on it and returns an outcome label
    /// (for instance the error reason) that is only counted; <paramref name="bytes"/> is what is hashed and saved.
    /// </summary>
    public static Coverage Run<T>(string label, int seed, int cases, Func<int, Random, T> make, Func<T, byte[]> bytes,
        Func<T, string> check, string extension = ".bin")
    {
        var random = new Random(seed);
        var inputs = new HashSet<string>(StringComparer.Ordinal);
        var outcomes = new HashSet<string>(StringComparer.Ordinal);
        var total = Math.Max(1, (int)Math.Round(cases * Scale));
        for (var i = 0; i < total; i++)
        {
            var input = make(i, random);
            var raw = bytes(input);
            inputs.Add(Convert.ToHexString(SHA256.HashData(raw)));
            try
            {
                outcomes.Add(check(input));
            }
            catch (Exception ex)
            {
                Directory.CreateDirectory(FailureFolder);
                var path = Path.Combine(FailureFolder, $"{Safe(label)}-seed{seed}-case{i}{extension}");
                File.WriteAllBytes(path, raw);
                var shown = input is byte[] ? "" : $" ({Cut(input?.ToString() ?? "", 300)})";
                throw new XunitException($"{label}: case {i} of seed {seed} failed; its input{shown}, {raw.Length} bytes, is saved in {path}\n{ex}");
            }
        }
        return new Coverage(total, inputs.Count, outcomes.Count);
    }

    /// <summary>Byte cases, saved with the extension of the file name they are read as.</summary>
    public static Coverage Bytes(string label, int seed, int cases, Func<int, Random, byte[]> make, Func<byte[], string> check,
        string extension = ".bin") =>
        Run(label, seed, cases, make, b => b, check, extension);

    /// <summary>Text cases, saved as UTF-8.</summary>
    public static Coverage Text(string label, int seed, int cases, Func<int, Random, string> make, Func<string, string> check) =>
        Run(label, seed, cases, make, Encoding.UTF8.GetBytes, check, ".txt");

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max] + "…";

    private static string Safe(string label) => string.Concat(label.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));
}

/// <summary>
/// Tells a damaged file from a bug behind the engine's last-resort catches: a <see cref="DisclosureError.Cause"/> that is
/// a programming error. NullReference, IndexOutOfRange, InvalidCast, KeyNotFound, DivideByZero and NotImplemented are
/// bugs wherever they are thrown (no library reports damage that way); ArgumentException (ArgumentOutOfRange,
/// ArgumentNull …), InvalidOperation, Overflow and Format are bugs when raised by the engine's own code, that is when
/// the first stack frame outside the base library's plumbing is in a BudgetGrpc assembly (the libraries that read the
/// containers, System.IO.Packaging's FileFormatException included, do report damage that way).
/// </summary>
internal static class ProgrammingErrors
{
    private static readonly Type[] AlwaysBugs =
    [
        typeof(NullReferenceException), typeof(IndexOutOfRangeException), typeof(InvalidCastException),
        typeof(KeyNotFoundException), typeof(DivideByZeroException), typeof(NotImplementedException),
    ];

    private static readonly Type[] BugsWhenOurs =
    [
        typeof(ArgumentException), typeof(InvalidOperationException), typeof(OverflowException), typeof(FormatException),
    ];

    /// <summary>Null when the error is a clean refusal; else what the bug is, with its stack.</summary>
    public static string? Describe(DisclosureError? error)
    {
        for (var ex = error?.Cause; ex is not null; ex = ex.InnerException)
        {
            var type = ex.GetType();
            if (AlwaysBugs.Any(t => t.IsAssignableFrom(type)))
                return $"the typed error {error!.Reason} hides a programming error: {ex}";
            if (BugsWhenOurs.Any(t => t.IsAssignableFrom(type)) && RaisedByOurCode(ex))
                return $"the typed error {error!.Reason} hides a programming error of the engine's own: {ex}";
        }
        return null;
    }

    public static void AssertNone(DisclosureError? error)
    {
        if (Describe(error) is { } bug) throw new XunitException(bug);
    }

    /// <summary>
    /// The base library's plumbing (collections, LINQ, strings, spans, regular expressions) throws on behalf of its
    /// caller: an ArgumentOutOfRange from List's indexer or Substring is the caller's bug. The readers of the framework
    /// (System.IO.Packaging, System.IO.Compression, System.Xml, encodings) report damaged input instead.
    /// </summary>
    private static readonly string[] Plumbing =
    [
        "System.Private.CoreLib", "System.Runtime", "System.Linq", "System.Collections", "System.Collections.Concurrent",
        "System.Collections.Immutable", "System.Memory", "System.Text.RegularExpressions", "System.Runtime.Numerics",
    ];

    private static bool RaisedByOurCode(Exception ex)
    {
        foreach (var frame in new StackTrace(ex, false).GetFrames())
        {
            var assembly = frame.GetMethod()?.DeclaringType?.Assembly.GetName().Name;
            if (assembly is null || Plumbing.Contains(assembly)) continue;
            return assembly.StartsWith("BudgetGrpc", StringComparison.Ordinal);
        }
        return false;
    }
}
