using Google.Rpc;
using Grpc.Core;

namespace BudgetGrpc.Server.Tests.Infrastructure;

public static class RpcAssert
{
    public static async Task<RpcException> ThrowsAsync(StatusCode code, Func<Task> call)
    {
        var ex = await Assert.ThrowsAsync<RpcException>(call);
        Assert.True(ex.StatusCode == code, $"expected {code}, got {ex.StatusCode}: {ex.Status.Detail}");
        return ex;
    }

    /// <summary>The ErrorInfo of the rich status; fails when there is none or its domain is not budget.v1.</summary>
    public static ErrorInfo ErrorInfo(RpcException ex)
    {
        var status = ex.GetRpcStatus();
        Assert.NotNull(status);
        var info = status.GetDetail<ErrorInfo>();
        Assert.NotNull(info);
        Assert.Equal("budget.v1", info.Domain);
        return info;
    }
}
