using System.Diagnostics;
using BudgetGrpc.Server.Observability;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace BudgetGrpc.Server.Grpc;

/// <summary>Records every unary call's duration with its method and final status code.</summary>
public sealed class MetricsInterceptor(ServerMetrics metrics) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        var started = Stopwatch.GetTimestamp();
        var status = "OK";
        try
        {
            return await continuation(request, context);
        }
        catch (RpcException ex)
        {
            status = ex.StatusCode.ToString();
            throw;
        }
        catch
        {
            status = nameof(StatusCode.Unknown);
            throw;
        }
        finally
        {
            metrics.RpcCompleted(context.Method, status, Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
    }
}
