using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;
using BudgetGrpc.Server.Grpc;

namespace BudgetGrpc.Server.Auth;

/// <summary>
/// The default handler answers a refused gRPC call with a bare HTTP 401/403, which clients only see as
/// "bad gRPC response". This one answers with a trailers-only gRPC response: UNAUTHENTICATED or
/// PERMISSION_DENIED with an ErrorInfo that names the reason. JSON-transcoded calls keep HTTP 401/403, with the same
/// JSON status body (code, message, details) that JSON transcoding writes for its own errors (400, 404, …).
/// </summary>
public sealed class GrpcAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Succeeded)
        {
            await _default.HandleAsync(next, context, policy, authorizeResult);
            return;
        }

        var status = authorizeResult.Challenged ? await UnauthenticatedAsync(context) : PermissionDenied(context, authorizeResult);
        if (context.Request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) != true)
        {
            await WriteJsonAsync(context, status, authorizeResult.Challenged);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/grpc";
        context.Response.Headers["grpc-status"] = status.Code.ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.Response.Headers["grpc-message"] = Uri.EscapeDataString(status.Message);
        context.Response.Headers["grpc-status-details-bin"] = Convert.ToBase64String(status.ToByteArray());
    }

    private static readonly JsonFormatter StatusJson = new(JsonFormatter.Settings.Default.WithTypeRegistry(TypeRegistry.FromMessages(ErrorInfo.Descriptor)));

    private static async Task WriteJsonAsync(HttpContext context, Google.Rpc.Status status, bool challenged)
    {
        context.Response.StatusCode = challenged ? StatusCodes.Status401Unauthorized : StatusCodes.Status403Forbidden;
        if (challenged) context.Response.Headers.WWWAuthenticate = "Bearer";
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(StatusJson.Format(status), context.RequestAborted);
    }

    private static async Task<Google.Rpc.Status> UnauthenticatedAsync(HttpContext context)
    {
        // The authentication middleware keeps only successful results; the handler caches its result per request.
        var failure = (await context.AuthenticateAsync(ApiKeyRegistry.Scheme)).Failure;
        var (reason, message) = failure is null
            ? (ApiKeyAuthenticationHandler.MissingKey, "an API key is required: send `authorization: Bearer <key>`")
            : (ApiKeyAuthenticationHandler.InvalidKey, failure.Message);
        return Build(StatusCode.Unauthenticated, reason, message);
    }

    private static Google.Rpc.Status PermissionDenied(HttpContext context, PolicyAuthorizationResult result)
    {
        var roles = result.AuthorizationFailure?.FailedRequirements
            .OfType<RolesAuthorizationRequirement>()
            .SelectMany(r => r.AllowedRoles)
            .ToList() ?? [];
        var needed = roles.Count == 0 ? "a role it does not have" : $"the role {string.Join(" or ", roles)}";
        return Build(StatusCode.PermissionDenied, "ROLE_REQUIRED",
            $"the API key '{context.User.KeyName()}' lacks {needed} for this call");
    }

    private static Google.Rpc.Status Build(StatusCode code, string reason, string message) => new()
    {
        Code = (int)code,
        Message = message,
        Details = { Any.Pack(new ErrorInfo { Reason = reason, Domain = RpcErrors.Domain }) },
    };
}
