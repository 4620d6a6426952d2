using BudgetGrpc.Server.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace BudgetGrpc.Server.Extensions;

public static class AuthExtensions
{
    /// <summary>
    /// API keys as bearer tokens (section "Auth"). Every endpoint needs at least a reader key unless it
    /// opts out with AllowAnonymous (health, reflection); service methods ask for more with [Authorize(Policy)].
    /// </summary>
    public static IHostApplicationBuilder AddBudgetAuth(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>();
        builder.Services.AddSingleton<ApiKeyRegistry>();
        builder.Services.AddAuthentication(ApiKeyRegistry.Scheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyRegistry.Scheme, null);
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, GrpcAuthorizationResultHandler>();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Reader, p => p.RequireAuthenticatedUser().RequireRole(Roles.Reader))
            .AddPolicy(Policies.Importer, p => p.RequireAuthenticatedUser().RequireRole(Roles.Importer))
            .AddPolicy(Policies.Operator, p => p.RequireAuthenticatedUser().RequireRole(Roles.Operator))
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(ApiKeyRegistry.Scheme)
                .RequireAuthenticatedUser().RequireRole(Roles.Reader).Build());
        return builder;
    }
}
