using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Runtime.Loader;

namespace BudgetGrpc.Benchmarks;

/// <summary>
/// Parse time of this tree's engine against another tree's engine in one process, batches interleaved, so that
/// the machine's load drifts over both alike and the ratio is taken minute by minute. Each engine is loaded from a
/// Release build of that tree's benchmark project into an <see cref="AssemblyLoadContext"/> of its own, with its own
/// copies of its packages; both are called the same way (reflection, a cost of well under a microsecond against a
/// parse of hundreds). Usage: <c>pair BASELINE_BIN [rounds] [warm-up seconds]</c>, BASELINE_BIN being the other tree's
/// <c>tools/BudgetGrpc.Benchmarks/bin/Release/net10.0</c>.
/// </summary>
internal static class PairRun
{
    private static readonly string[] Files = ["000_c21431a6439d21ac.txt", "yangli-2025-agri.xlsx", "yangli-2025-edu-form.xlsx"];
    private static readonly TimeSpan Batch = TimeSpan.FromMilliseconds(40);

    public static int Run(string[] args)
    {
        if (args.Length < 1 || !File.Exists(Path.Combine(args[0], "BudgetGrpc.Engine.dll")))
        {
            Console.Error.WriteLine("usage: pair BASELINE_BIN [rounds] [warm-up seconds]  (BASELINE_BIN holds the other tree's Release BudgetGrpc.Engine.dll)");
            return 2;
        }
        var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 40;
        // Long enough for both engines' methods to reach their final tier (with dynamic PGO) on a busy machine.
        var warmup = TimeSpan.FromSeconds(args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10);
        var baseline = EngineHandle.Load("baseline", args[0]);
        var main = EngineHandle.Load("main", AppContext.BaseDirectory);
        Console.WriteLine($"baseline {args[0]}; main {AppContext.BaseDirectory}; {warmup.TotalSeconds} s warm-up each, {rounds} rounds of {Batch.TotalMilliseconds} ms batches, order alternating");
        Console.WriteLine("file | baseline µs (median) | main µs (median) | main ÷ baseline: median [quartiles] of the rounds' ratios");
        foreach (var file in Files)
            Console.WriteLine(Measure(file, baseline, main, rounds, warmup));
        return 0;
    }

    private static string Measure(string file, EngineHandle baseline, EngineHandle main, int rounds, TimeSpan warmup)
    {
        var content = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "samples", file));
        var perBatch = Math.Max(1, Calls(baseline, content, file, warmup) / (int)(warmup / Batch));
        Calls(main, content, file, warmup);
        var ratios = new List<double>();
        var baseTimes = new List<double>();
        var mainTimes = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            var first = round % 2 == 0;
            var a = Time(first ? baseline : main, content, file, perBatch);
            var b = Time(first ? main : baseline, content, file, perBatch);
            var (baseUs, mainUs) = first ? (a, b) : (b, a);
            baseTimes.Add(baseUs);
            mainTimes.Add(mainUs);
            ratios.Add(mainUs / baseUs);
        }
        ratios.Sort();
        return string.Create(CultureInfo.InvariantCulture,
            $"{file} | {Median(baseTimes):F1} | {Median(mainTimes):F1} | {Median(ratios):F3} [{Quantile(ratios, 0.25):F3}–{Quantile(ratios, 0.75):F3}]");
    }

    /// <summary>How many parses fit in <paramref name="span"/>: the warm-up, and the size of a batch.</summary>
    private static int Calls(EngineHandle engine, byte[] content, string file, TimeSpan span)
    {
        var watch = Stopwatch.StartNew();
        var calls = 0;
        while (watch.Elapsed < span)
        {
            engine.Parse(content, file);
            calls++;
        }
        return calls;
    }

    /// <summary>Mean microseconds per parse over one batch, after a full collection so neither engine pays for the other's garbage.</summary>
    private static double Time(EngineHandle engine, byte[] content, string file, int calls)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < calls; i++)
            engine.Parse(content, file);
        return watch.Elapsed.TotalMicroseconds / calls;
    }

    private static double Median(List<double> values) => Quantile([.. values.Order()], 0.5);

    private static double Quantile(List<double> sorted, double q)
    {
        var at = q * (sorted.Count - 1);
        var low = (int)Math.Floor(at);
        var high = Math.Min(low + 1, sorted.Count - 1);
        return sorted[low] + (sorted[high] - sorted[low]) * (at - low);
    }

    /// <summary>One tree's engine, loaded with its own packages, and its parse without validation.</summary>
    private sealed class EngineHandle(object engine, MethodInfo parse)
    {
        public static EngineHandle Load(string name, string binFolder)
        {
            var context = new FolderLoadContext(name, Path.GetFullPath(binFolder));
            var assembly = context.LoadFromAssemblyPath(Path.Combine(Path.GetFullPath(binFolder), "BudgetGrpc.Engine.dll"));
            var type = assembly.GetType("BudgetGrpc.Engine.DisclosureEngine", throwOnError: true)!;
            var constructor = type.GetConstructors().Single(); // every argument optional: its limits, its catalog, …
            var engine = constructor.Invoke(new object?[constructor.GetParameters().Length]);
            var parse = type.GetMethod("ParseWithoutValidation", [typeof(ReadOnlyMemory<byte>), typeof(string)])
                ?? throw new InvalidOperationException($"{name}: no ParseWithoutValidation(ReadOnlyMemory<byte>, string)");
            return new EngineHandle(engine, parse);
        }

        public void Parse(byte[] content, string file)
        {
            var result = parse.Invoke(engine, [new ReadOnlyMemory<byte>(content), file])!;
            if (result.GetType().GetProperty("Disclosure")!.GetValue(result) is null)
                throw new InvalidOperationException($"{file} did not parse");
        }
    }

    /// <summary>Resolves a tree's assemblies from its own bin folder; the framework's from the default context.</summary>
    private sealed class FolderLoadContext(string name, string folder) : AssemblyLoadContext(name)
    {
        protected override Assembly? Load(AssemblyName assemblyName)
        {
            var path = Path.Combine(folder, assemblyName.Name + ".dll");
            return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
        }
    }
}
