using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace BudgetGrpc.Engine.Tests.Samples;

/// <summary>
/// The acceptance measure itself: runs <c>../shared/tools/score_extraction.py GOLD PARSED --verbose</c> (the shared
/// folder beside the repository, as every developer and CI has it) and reads its last line,
/// <c>strictF1=… looseF1=… projects=a/b document=c/d actuals=e/f</c>. No port of its rules lives in the tests: what the
/// script counts is what the tests assert.
/// </summary>
internal static partial class SharedScorer
{
    public sealed record Score(
        double StrictF1, double LooseF1, int ProjectsOk, int Projects, int DocumentOk, int Document, int ActualsOk, int Actuals,
        string Output)
    {
        public bool Perfect => StrictF1 == 1.0 && LooseF1 == 1.0 && ProjectsOk == Projects && DocumentOk == Document && ActualsOk == Actuals;
        public string Summary => Output.TrimEnd().Split('\n')[^1];
    }

    /// <summary>The shared folder: SHARED_DIR when set, else <c>shared</c> beside the repository root (the folder of BudgetGrpc.sln).</summary>
    public static string SharedDirectory
    {
        get
        {
            if (Environment.GetEnvironmentVariable("SHARED_DIR") is { Length: > 0 } set) return set;
            return Path.GetFullPath(Path.Combine(global::BudgetGrpc.Testing.Repository.Root, "..", "shared"));
        }
    }

    public static string ScriptPath
    {
        get
        {
            var script = Path.Combine(SharedDirectory, "tools", "score_extraction.py");
            if (!File.Exists(script))
                throw new InvalidOperationException($"the shared scorer is not at {script}: the shared folder must lie beside the repository (or set SHARED_DIR)");
            return script;
        }
    }

    private static int _written;

    /// <summary>Scores publication JSON against a gold file; the JSON is kept under the test output folder for a failure's reader.</summary>
    public static Score ScoreJson(string goldPath, byte[] publicationJson, string label)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "scored");
        Directory.CreateDirectory(folder);
        // Numbered: two test classes may score the same sample at once, and neither may read the other's half-written file.
        var parsed = Path.Combine(folder, $"{label.Replace('/', '_').Replace('\\', '_')}.{Interlocked.Increment(ref _written)}.json");
        File.WriteAllBytes(parsed, publicationJson);
        return ScoreFile(goldPath, parsed);
    }

    public static Score ScoreFile(string goldPath, string parsedPath)
    {
        var start = new ProcessStartInfo("python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        start.Environment["PYTHONIOENCODING"] = "utf-8";
        foreach (var arg in new[] { ScriptPath, goldPath, parsedPath, "--verbose" }) start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start python3");
        var stderr = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(1)))
        {
            process.Kill();
            throw new TimeoutException($"the scorer did not finish on {parsedPath}");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"the scorer exited {process.ExitCode} on {parsedPath}: {stderr.Result}");
        var last = output.TrimEnd().Split('\n')[^1];
        var m = SummaryLine().Match(last);
        if (!m.Success) throw new InvalidOperationException($"the scorer's last line is not its summary: '{last}'");
        double D(string g) => double.Parse(m.Groups[g].Value, CultureInfo.InvariantCulture);
        int I(string g) => int.Parse(m.Groups[g].Value, CultureInfo.InvariantCulture);
        return new Score(D("strict"), D("loose"), I("pa"), I("pb"), I("da"), I("db"), I("aa"), I("ab"), output);
    }

    /// <summary>A gold file of tests/samples/expected, parsed.</summary>
    public static JsonElement LoadGold(string fileName) =>
        JsonDocument.Parse(File.ReadAllText(GoldPath(fileName))).RootElement;

    public static string GoldPath(string fileName) => global::BudgetGrpc.Data.Tests.Infrastructure.Samples.Path("expected", fileName);

    [GeneratedRegex(@"^strictF1=(?<strict>[0-9.]+) looseF1=(?<loose>[0-9.]+) projects=(?<pa>\d+)/(?<pb>\d+) document=(?<da>\d+)/(?<db>\d+) actuals=(?<aa>\d+)/(?<ab>\d+)$")]
    private static partial Regex SummaryLine();
}
