using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace BudgetGrpc.Server.Auth;

/// <summary>
/// Authenticates <c>authorization: Bearer &lt;key&gt;</c> against the configured key hashes. Refusals (401 with
/// <c>WWW-Authenticate: Bearer</c>, 403) are written by <see cref="GrpcAuthorizationResultHandler"/>, which never
/// challenges through the scheme.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyRegistry registry)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string MissingKey = "API_KEY_MISSING";
    public const string InvalidKey = "API_KEY_INVALID";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(header)) return Task.FromResult(AuthenticateResult.NoResult());
        const string prefix = "Bearer ";
        if (!header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            return Task.FromResult(AuthenticateResult.Fail("the authorization header is not `Bearer <key>`"));
        var principal = registry.Find(header[prefix.Length..].Trim());
        return Task.FromResult(principal is null
            ? AuthenticateResult.Fail("the API key is not known")
            : AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name)));
    }
}
