using System.CommandLine;
using Grpc.Core;

namespace BudgetGrpc.Tools.Remote;

/// <summary>The frame of every remote command: connect, run, and map failures to messages and exit codes.</summary>
internal static class RemoteAction
{
    private const int UnwrappedWidth = 1000;

    public delegate Task<int> Body(ParseResult parse, BudgetConnection connection, CancellationToken cancellationToken);

    public static Command WithRemoteAction(this Command command, CliConsole console, RemoteOptions remote, Body body)
    {
        remote.AddTo(command);
        command.SetAction(async (parse, invocationToken) =>
        {
            using var interrupt = CancellationTokenSource.CreateLinkedTokenSource(invocationToken);
            using var signals = InterruptSignals.Cancel(interrupt);
            var cancellationToken = interrupt.Token;
            BudgetConnection? connection = null;
            // Piped output is read by scripts and grep: a row wrapped at Spectre's default 80 columns would be split
            // across lines, so tables only wrap for a person at a terminal, at its width.
            if (!console.Interactive) console.Ansi.Profile.Width = UnwrappedWidth;
            try
            {
                connection = remote.Connect(parse);
                return await body(parse, connection, cancellationToken);
            }
            catch (CliInputException ex)
            {
                console.Error.WriteLine($"error: {ex.Message}");
                return ExitCodes.Unreadable;
            }
            // After Ctrl+C a call may end as CANCELLED or, when it was still connecting, as UNAVAILABLE: either way it was us.
            catch (Exception ex) when (cancellationToken.IsCancellationRequested && ex is OperationCanceledException or RpcException)
            {
                return ReportCancelled(console);
            }
            catch (RpcException ex)
            {
                return RpcErrorReport.Write(console, ex, connection);
            }
            finally
            {
                connection?.Dispose();
            }
        });
        return command;
    }

    public static int ReportCancelled(CliConsole console)
    {
        console.Error.WriteLine("cancelled");
        return ExitCodes.Cancelled;
    }
}
