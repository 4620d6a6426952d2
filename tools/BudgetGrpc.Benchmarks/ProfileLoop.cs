using System.Diagnostics;
using System.Globalization;
using BudgetGrpc.Engine;

namespace BudgetGrpc.Benchmarks;

/// <summary>
/// Parses one sample over and over for a while, for a profiler to watch (<c>dotnet-trace collect -- dotnet
/// BudgetGrpc.Benchmarks.dll loop FILE [seconds]</c>); prints the mean time per parse of each second.
/// </summary>
internal static class ProfileLoop
{
    public static int Run(string[] args)
    {
        if (args.Length < 1)
        {
            Console.Error.WriteLine("usage: loop SAMPLE_FILE [seconds]  (a file name under the benchmarks' samples folder)");
            return 2;
        }
        var file = args[0];
        var seconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
        var content = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "samples", file));
        var engine = new DisclosureEngine();
        var total = Stopwatch.StartNew();
        while (total.Elapsed.TotalSeconds < seconds)
        {
            var (pause, gen0, gen1, gen2) = (GC.GetTotalPauseDuration(), GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
            var second = Stopwatch.StartNew();
            var calls = 0;
            while (second.ElapsedMilliseconds < 1000)
            {
                _ = engine.ParseWithoutValidation(content, file).Disclosure ?? throw new InvalidOperationException($"{file} did not parse");
                calls++;
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{second.Elapsed.TotalMicroseconds / calls:F1} µs per parse ({calls} parses); GC pauses {(GC.GetTotalPauseDuration() - pause) / second.Elapsed:P1}, collections {GC.CollectionCount(0) - gen0}/{GC.CollectionCount(1) - gen1}/{GC.CollectionCount(2) - gen2} (gen 0/1/2)"));
        }
        return 0;
    }
}
