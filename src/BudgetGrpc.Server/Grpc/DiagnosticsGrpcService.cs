using BudgetGrpc.Contracts.V1;
using BudgetGrpc.Server.Auth;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace BudgetGrpc.Server.Grpc;

/// <summary>
/// Echo goes through the same pipeline as the real reads (auth, interceptors) but touches no storage,
/// so comparing a read against it isolates the cost of the read itself.
/// </summary>
[Authorize(Policy = Policies.Reader)]
public sealed class DiagnosticsGrpcService : DiagnosticsService.DiagnosticsServiceBase
{
    public override Task<EchoResponse> Echo(EchoRequest request, ServerCallContext context) =>
        Task.FromResult(new EchoResponse { Message = request.Message });
}
