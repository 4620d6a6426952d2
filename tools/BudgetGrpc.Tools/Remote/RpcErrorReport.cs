using System.Text;
using Google.Rpc;
using Grpc.Core;

namespace BudgetGrpc.Tools.Remote;

/// <summary>
/// Turns a failed call into `error CODE (REASON): message` plus the BadRequest field violations the server put in
/// the google.rpc.Status details, and into an exit code: 1 when the server refused, 3 when it could not be reached
/// or failed on its own.
/// </summary>
internal static class RpcErrorReport
{
    public static int Write(CliConsole console, RpcException ex, BudgetConnection? connection = null)
    {
        console.Error.WriteLine(Describe(ex));
        if (ex.StatusCode == StatusCode.Unavailable && connection is not null)
            console.Error.WriteLine($"  is the server running at {connection.Address}? (--server or ${RemoteOptions.ServerVariable})");
        return ExitCode(ex.StatusCode);
    }

    public static string Describe(RpcException ex)
    {
        var status = ex.GetRpcStatus();
        var reason = status?.GetDetail<ErrorInfo>()?.Reason;
        var message = status?.Message ?? ex.Status.Detail;
        // The transport's own failures (connection refused, reset) only say "Error connecting to subchannel."; the cause is inside.
        if (status is null && ex.Status.DebugException is { } cause && !message.Contains(cause.Message, StringComparison.Ordinal))
            message = $"{message} ({cause.InnerException?.Message ?? cause.Message})";

        var text = new StringBuilder("error ").Append(CodeName(ex.StatusCode));
        if (!string.IsNullOrEmpty(reason)) text.Append(" (").Append(reason).Append(')');
        text.Append(": ").Append(message);
        foreach (var violation in status?.GetDetail<BadRequest>()?.FieldViolations ?? [])
        {
            // The field alone is news when the description only repeats the message.
            text.Append("\n  ").Append(violation.Field);
            if (violation.Description != message) text.Append(": ").Append(violation.Description);
        }
        return text.ToString();
    }

    public static int ExitCode(StatusCode code) => code switch
    {
        StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Unknown or StatusCode.Internal
            or StatusCode.DataLoss or StatusCode.Unimplemented => ExitCodes.Unavailable,
        _ => ExitCodes.Findings,
    };

    /// <summary>The canonical name of a status code as the gRPC spec writes it: INVALID_ARGUMENT, UNAUTHENTICATED, …</summary>
    public static string CodeName(StatusCode code) => Output.RemoteText.UpperSnake(code.ToString());
}
