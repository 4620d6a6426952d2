using System.Runtime.InteropServices;

namespace BudgetGrpc.Tools.Remote;

/// <summary>
/// Ctrl+C (SIGINT) and SIGTERM cancel the running command instead of killing the process, so a call in flight is
/// cancelled and the command reports what it finished. System.CommandLine 2.0.0 only does this when
/// InvocationConfiguration.ProcessTerminationTimeout is set, which it no longer is by default. A second Ctrl+C
/// while the first is still being honoured ends the process at once.
/// </summary>
internal sealed class InterruptSignals : IDisposable
{
    private readonly PosixSignalRegistration[] _registrations;

    private InterruptSignals(CancellationTokenSource interrupt)
    {
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, context => Handle(context, interrupt)),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => Handle(context, interrupt)),
        ];
    }

    public static IDisposable Cancel(CancellationTokenSource interrupt) => new InterruptSignals(interrupt);

    private static void Handle(PosixSignalContext context, CancellationTokenSource interrupt)
    {
        if (interrupt.IsCancellationRequested) return;
        context.Cancel = true;
        interrupt.Cancel();
    }

    public void Dispose()
    {
        foreach (var registration in _registrations) registration.Dispose();
    }
}
