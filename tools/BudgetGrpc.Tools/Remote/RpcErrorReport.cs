using System.Text;
using BudgetGrpc.Contracts.Client;
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
        if (ex.StatusCode == StatusCode.Unauthenticated)
            console.Error.WriteLine($"  the console sends the key given with --api-key or in ${RemoteOptions.ApiKeyVariable} (export {RemoteOptions.ApiKeyVariable}=<key>)");
        return ExitCode(ex.StatusCode);
    }

    public static string Describe(RpcException ex)
    {
        var failure = RpcFailure.From(ex);
        var text = new StringBuilder("error ").Append(failure.CodeName);
        if (failure.Reason.Length > 0) text.Append(" (").Append(failure.Reason).Append(')');
        text.Append(": ").Append(failure.Message);
        foreach (var (field, description) in failure.FieldViolations)
        {
            // The field alone is news when the description only repeats the message.
            text.Append("\n  ").Append(field);
            if (description != failure.Message) text.Append(": ").Append(description);
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
    public static string CodeName(StatusCode code) => RpcFailure.NameOf(code);
}
