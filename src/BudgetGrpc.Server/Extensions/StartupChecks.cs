using BudgetGrpc.Server.Auth;

namespace BudgetGrpc.Server.Extensions;

/// <summary>Mistakes that would leave a started server useless, said in one line before it listens.</summary>
public static class StartupChecks
{
    /// <summary>The exit code of a server that refuses to start over its configuration.</summary>
    public const int ConfigurationExitCode = 2;

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
