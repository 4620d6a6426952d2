using BudgetGrpc.Server.Auth;

namespace BudgetGrpc.Server.Extensions;

/// <summary>Mistakes that would leave a started server useless, said in one line before it listens.</summary>
public static class StartupChecks
{
    /// <summary>The exit code of a server that refuses to start over its configuration.</summary>
    public const int ConfigurationExitCode = 2;

    /// <summary>The exit code of a server whose data folder cannot be written (EX_IOERR).</summary>
    public const int DataFolderExitCode = 74;

    /// <summary>
    /// The SQLite data folder must exist or be creatable, and take a file: a read-only folder would otherwise stop the
    /// start with an unhandled exception in the migration. Null when it can be written (or there is none).
    /// </summary>
    public static string? DataFolderProblem(WebApplication app)
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
    /// live only in appsettings.Development.json (which `dotnet publish` leaves out). Null when there is nothing to say.
    /// </summary>
    public static string? Problem(WebApplication app)
    {
        if (!app.Environment.IsProduction()) return null;
        var keys = app.Configuration.GetSection(AuthOptions.Section).Get<AuthOptions>()?.Keys ?? [];
        return keys.Count > 0 ? null
            : "error: no API keys are configured (Auth:Keys is empty) and the environment is Production; set at least "
              + "Auth__Keys__0__Name, Auth__Keys__0__KeyHash (SHA-256 of the key) and Auth__Keys__0__Roles__0 (docs/deployment.md)";
    }
}
