using System.Diagnostics;

namespace BudgetGrpc.Worker.Tests;

/// <summary>A Production start with no API key configured: one line and a non-zero exit, not a server nobody can call.</summary>
public sealed class ProductionStartTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "budget-production-" + Guid.NewGuid().ToString("N")[..8]);

    [Theory]
    [InlineData("BudgetGrpc.Server.dll")]
    [InlineData("budget-host.dll")]
    public async Task Production_without_keys_says_so_in_one_line_and_exits_2(string assembly)
    {
        Directory.CreateDirectory(folder);
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, assembly), "--environment", "Production",
            "--Server:GrpcUrl", "http://127.0.0.1:0", "--Server:HttpUrl", "http://127.0.0.1:0"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = folder,
        };
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("Auth__", StringComparison.Ordinal) || k.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || k.StartsWith("DOTNET_ENVIRONMENT", StringComparison.Ordinal)).ToList())
            start.Environment.Remove(name);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        try { await process.WaitForExitAsync(timeout.Token); }
        catch (OperationCanceledException) { process.Kill(entireProcessTree: true); throw; }

        Assert.Equal(2, process.ExitCode);
        var lines = (await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var line = Assert.Single(lines);
        Assert.StartsWith("error: no API keys are configured", line);
        Assert.Contains("Auth__Keys__0__KeyHash", line);
        Assert.DoesNotContain("Exception", await stdout);
    }

    public void Dispose()
    {
        try { Directory.Delete(folder, recursive: true); }
        catch (IOException) { }
    }
}
