namespace BudgetGrpc.Tools;

/// <summary>The exit codes of every `budget` command, documented in the README.</summary>
public static class ExitCodes
{
    /// <summary>Done; for validate: no error findings (warnings and infos allowed).</summary>
    public const int Ok = 0;
    /// <summary>validate: the file has error findings. Remote commands: the server refused the request.</summary>
    public const int Findings = 1;
    /// <summary>The file cannot be read (typed parse error), or the command line is wrong.</summary>
    public const int Unreadable = 2;
    /// <summary>The server cannot be reached or answered unexpectedly.</summary>
    public const int Unavailable = 3;
    /// <summary>Cancelled by Ctrl+C or SIGTERM (128 + SIGINT, as shells report it).</summary>
    public const int Cancelled = 130;
}
