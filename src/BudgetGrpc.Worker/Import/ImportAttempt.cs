using BudgetGrpc.Contracts.Client;
using BudgetGrpc.Contracts.V1;

namespace BudgetGrpc.Worker.Import;

/// <summary>What became of one file at the service, reduced to what the job does next.</summary>
public enum ImportVerdict
{
    /// <summary>Committed (created, new revision or unchanged): archive it.</summary>
    Imported,
    /// <summary>The service read the file and refused it (INVALID_ARGUMENT): quarantine it.</summary>
    Rejected,
    /// <summary>The key may not import it (PERMISSION_DENIED, UNAUTHENTICATED): quarantine it, saying so.</summary>
    NotAllowed,
    /// <summary>The service stayed unreachable through every retry: leave the file, end the run.</summary>
    Unavailable,
    /// <summary>Anything else (INTERNAL, …): leave the file for the next run and carry on with the others.</summary>
    Failed,
}

public sealed record ImportAttempt(ImportVerdict Verdict, ImportDisclosureResponse? Response, RpcFailure? Failure)
{
    public static ImportAttempt Imported(ImportDisclosureResponse response) => new(ImportVerdict.Imported, response, null);
}
