using System.Net;
using System.Net.Sockets;
using BudgetGrpc.Server.Auth;
using Microsoft.Extensions.Options;

namespace BudgetGrpc.Server.Extensions;

/// <summary>Mistakes that would leave a started server useless, said in one line before it listens.</summary>
public static class StartupChecks
{
    /// <summary>The exit code of a server that refuses to start over its configuration.</summary>
    public const int ConfigurationExitCode = 2;

    /// <summary>
    /// The first reason not to start, with the exit code to end on, or null when the server can start: configuration
    /// mistakes first (exit 2), then a data folder that cannot be written (exit 74).
    /// </summary>
    public static (string Message, int ExitCode)? Refusal(WebApplication app)
    {
        if ((MissingKeys(app) ?? PortInUse(app)) is { } problem) return (problem, ConfigurationExitCode);
        if (DataFolderProblem(app) is { } folder) return (folder, DataFolderExitCode);
        return null;
    }

    /// <summary>The exit code of a server whose data folder cannot be written (EX_IOERR).</summary>
    public const int DataFolderExitCode = 74;

    /// <summary>
    /// The SQLite data folder must exist or be creatable, and take a file: a read-only folder would otherwise stop the
    /// start with an unhandled exception in the migration. Null when it can be written (or there is none).
    /// </summary>
    private static string? DataFolderProblem(WebApplication app)
    {
        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Data.DatabaseOptions>>().Value;
        if (Data.BudgetDataExtensions.SqliteFolder(options) is not { } folder) return null;
        var probe = Path.Combine(folder, $".write-probe-{Environment.ProcessId}");
        try
        {
            Directory.CreateDirectory(folder);
            File.WriteAllBytes(probe, [1]);
            File.Delete(probe);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return $"error: the data folder {folder} (from Database:ConnectionString) cannot be written: {ex.Message}";
        }
    }

    /// <summary>
    /// A Production server with no API key answers every call UNAUTHENTICATED: nobody could use it, and the example keys
    /// live only in appsettings.Development.json (which `dotnet publish` leaves out).
    /// </summary>
    private static string? MissingKeys(WebApplication app)
    {
        if (!app.Environment.IsProduction()) return null;
        var keys = app.Configuration.GetSection(AuthOptions.Section).Get<AuthOptions>()?.Keys ?? [];
        return keys.Count > 0 ? null
            : "error: no API keys are configured (Auth:Keys is empty) and the environment is Production; set at least "
              + "Auth__Keys__0__Name, Auth__Keys__0__KeyHash (SHA-256 of the key) and Auth__Keys__0__Roles__0 (docs/deployment.md)";
    }

    /// <summary>
    /// A port another process listens on would end Kestrel's start in a stack trace; said here instead, naming the
    /// setting that chose the port. A port taken between this check and the listen still fails the start.
    /// </summary>
    private static string? PortInUse(WebApplication app)
    {
        var endpoints = app.Services.GetRequiredService<IOptions<ServerEndpointOptions>>().Value;
        foreach (var (setting, url) in new[] { ("GrpcUrl", endpoints.GrpcUrl), ("HttpUrl", endpoints.HttpUrl) })
        {
            if (url.Length == 0 || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || !IsTaken(uri)) continue;
            var key = $"{ServerEndpointOptions.Section}:{setting}";
            return $"error: port {uri.Port} ({key} = {url}) is already in use by another process; stop it, or choose "
                   + $"another port with --{key}=http://{uri.Host}:PORT (or the variable {ServerEndpointOptions.Section}__{setting})";
        }
        return null;
    }

    private static bool IsTaken(Uri uri)
    {
        var address = uri.Host switch
        {
            "localhost" => IPAddress.Loopback,
            "*" or "+" or "0.0.0.0" => IPAddress.Any,
            var host => IPAddress.TryParse(host.Trim('[', ']'), out var parsed) ? parsed : null,
        };
        if (address is null) return false;
        using var probe = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        // As Kestrel binds on Unix: connections of a stopped server waiting out TIME_WAIT do not make the port taken.
        if (!OperatingSystem.IsWindows()) probe.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        try
        {
            probe.Bind(new IPEndPoint(address, uri.Port));
            probe.Listen();
            return false;
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            return true;
        }
    }
}
