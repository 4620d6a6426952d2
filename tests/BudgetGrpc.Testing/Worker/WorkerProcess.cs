using System.Collections.Concurrent;
using System.Diagnostics;

namespace BudgetGrpc.Worker.Tests.Infrastructure;

/// <summary>
/// The worker as operators run it: `dotnet BudgetGrpc.Worker.dll`, configured through Worker__* variables. The
/// scale-out test starts the server the same way (`dotnet BudgetGrpc.Server.dll`).
/// </summary>
public sealed class WorkerProcess : IDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();

    private WorkerProcess(Process process)
    {
        this.process = process;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Output => string.Join('\n', output);
    public bool HasExited => process.HasExited;

    /// <param name="assembly">The product's entry assembly beside the tests: the worker unless said otherwise.</param>
    public static WorkerProcess Start(Dictionary<string, string?> settings, string workingDirectory, string assembly = "BudgetGrpc.Worker.dll")
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, assembly));
        foreach (var (key, value) in settings) start.Environment[key.Replace(":", "__")] = value;
        start.Environment["DOTNET_ENVIRONMENT"] = "Test";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Test";
        return new WorkerProcess(Process.Start(start) ?? throw new InvalidOperationException("could not start " + assembly));
    }

    /// <summary>SIGKILL: no shutdown hook runs, as in a power cut or an OOM kill.</summary>
    public void Kill()
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit(10_000);
    }

    /// <summary>Waits until the worker logs <paramref name="text"/>.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (process.HasExited) throw new InvalidOperationException($"the worker exited ({process.ExitCode}):\n{Output}");
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"the worker did not log '{text}':\n{Output}");
            await Task.Delay(50);
        }
    }

    public void Dispose()
    {
        if (!process.HasExited) Kill();
        process.Dispose();
    }
}
