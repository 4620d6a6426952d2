using BudgetGrpc.Server.Observability;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.EntityFrameworkCore;

namespace BudgetGrpc.Server.Grpc;

/// <summary>
/// The one place where exceptions that are not already an <see cref="RpcException"/> become a status code.
/// Unexpected failures are logged and answered INTERNAL; their message reaches the client only in Development.
/// </summary>
public sealed class ExceptionMappingInterceptor(ILogger<ExceptionMappingInterceptor> logger, IHostEnvironment environment, Import.StorageHealth storage) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            throw Map(ex, context);
        }
    }

    private RpcException Map(Exception ex, ServerCallContext context) => ex switch
    {
        _ when Import.StorageHealth.IsFull(ex) => StorageFull(ex, context),
        OperationCanceledException when context.CancellationToken.IsCancellationRequested =>
            new RpcException(new Status(StatusCode.Cancelled, "the call was cancelled")),
        DbUpdateConcurrencyException =>
            RpcErrors.Build(StatusCode.Aborted, "CONCURRENT_UPDATE", "another call changed the same disclosure; retry"),
        KeyNotFoundException => RpcErrors.Build(StatusCode.NotFound, "RESOURCE_NOT_FOUND", ex.Message),
        ArgumentException argument => RpcErrors.InvalidArgument(Field(argument.ParamName), Contracts.ErrorReasons.InvalidArgument,
            argument.ParamName is null ? argument.Message : argument.Message.Replace($" (Parameter '{argument.ParamName}')", "", StringComparison.Ordinal)),
        FormatException => RpcErrors.Build(StatusCode.InvalidArgument, Contracts.ErrorReasons.InvalidArgument, ex.Message),
        TimeoutException => new RpcException(new Status(StatusCode.DeadlineExceeded, RpcErrors.Clip(ex.Message))),
        _ => Unexpected(ex, context),
    };

    /// <summary>The store names parameters in C# (pageToken); clients know the proto field (page_token).</summary>
    private static string Field(string? parameter) => parameter is null
        ? ""
        : string.Concat(parameter.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    private RpcException Unexpected(Exception ex, ServerCallContext context)
    {
        Log.UnexpectedFailure(logger, ex, context.Method);
        var message = environment.IsDevelopment() ? $"{ex.GetType().Name}: {ex.Message}" : "internal error";
        return new RpcException(new Status(StatusCode.Internal, RpcErrors.Clip(message)));
    }

    /// <summary>No room left on the disk or in the database: retry later; health says NOT_SERVING until a write succeeds.</summary>
    private RpcException StorageFull(Exception ex, ServerCallContext context)
    {
        Log.StorageFull(logger, ex, context.Method);
        storage.WriteFailed(ex.GetBaseException().Message);
        return RpcErrors.Build(StatusCode.ResourceExhausted, Contracts.ErrorReasons.StorageFull,
            "the server has no storage space left; nothing was stored, retry later");
    }
}
