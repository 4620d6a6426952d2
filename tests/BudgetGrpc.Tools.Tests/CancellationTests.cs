using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Xunit;

namespace BudgetGrpc.Tools.Tests;

/// <summary>Ctrl+C is a signal to a process, so this runs the real `budget` executable and sends it SIGINT.</summary>
public sealed class CancellationTests
{
    [Fact]
    public async Task Ctrl_c_during_a_call_cancels_it_and_exits_130()
    {
        if (OperatingSystem.IsWindows()) return; // no SIGINT to send from here; the handler is the same PosixSignal code

        // A server that accepts the connection and never answers keeps the call in flight until it is cancelled.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "budget.dll"), "list", "--server", $"http://127.0.0.1:{port}", "--api-key", "k" })
            start.ArgumentList.Add(arg);

        using var budget = Process.Start(start)!;
        var stderr = budget.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var connection = await silent.AcceptTcpClientAsync(timeout.Token);
        // The channel is open and the call waits for an answer: now the person presses Ctrl+C.
        await Task.Delay(500, timeout.Token);
        using (var kill = Process.Start("kill", ["-INT", budget.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            await kill.WaitForExitAsync(timeout.Token);
        await budget.WaitForExitAsync(timeout.Token);

        Assert.True(budget.ExitCode == 130, $"exit {budget.ExitCode}: {await stderr}");
        Assert.Equal("cancelled", (await stderr).Trim());
    }
}
