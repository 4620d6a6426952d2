using System.Diagnostics;

namespace BudgetGrpc.Worker.Tests;

/// <summary>What `dotnet publish` of the single box ships: the production settings, never the example keys.</summary>
public sealed class PublishTests : IDisposable
{
    private readonly string output = Path.Combine(Path.GetTempPath(), "budget-publish-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public async Task The_published_box_has_its_production_settings_and_no_example_key()
    {
        var root = BudgetGrpc.Testing.Repository.Root;
        var publish = new ProcessStartInfo("dotnet", ["publish", Path.Combine(root, "src", "BudgetGrpc.Host"), "-c", "Release", "-o", output, "-nologo", "-v", "quiet"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = root,
        };
        using var process = Process.Start(publish)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, await stdout + await stderr);

        Assert.True(File.Exists(Path.Combine(output, "appsettings.json")));
        Assert.True(File.Exists(Path.Combine(output, "budget-host.dll")));
        Assert.False(File.Exists(Path.Combine(output, "appsettings.Development.json")), "the example keys were published");
        // The example keys and their hashes, as appsettings.Development.json has them, appear in no published text file.
        var development = await File.ReadAllTextAsync(Path.Combine(root, "src", "BudgetGrpc.Server", "appsettings.Development.json"));
        var secrets = System.Text.RegularExpressions.Regex.Matches(development, "[0-9a-f]{64}|example-[a-z]+-key").Select(m => m.Value).Distinct().ToList();
        Assert.True(secrets.Count >= 4, "the example keys were not found where this test looks for them");
        foreach (var file in Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories)
                     .Where(f => Path.GetExtension(f) is ".json" or ".config" or ".xml" or ".txt" or ".env"))
        {
            var text = await File.ReadAllTextAsync(file);
            Assert.DoesNotContain(secrets, s => text.Contains(s, StringComparison.Ordinal));
        }
    }

    public void Dispose()
    {
        try { Directory.Delete(output, recursive: true); }
        catch (IOException) { }
    }
}
