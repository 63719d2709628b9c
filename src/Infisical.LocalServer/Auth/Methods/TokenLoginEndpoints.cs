using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Infisical.LocalServer;

/// <summary>
/// The logins that present a token for the server to verify: OIDC, JWT, Kubernetes, Azure and GCP (docs/infisical-api-notes.md, "Token-presenting logins").
/// Verification uses the identity's seed section (see <see cref="SeededTokenVerifier"/>); each method then applies
/// its own bound-claim rules.
/// </summary>
internal sealed class TokenLoginEndpoints : IEndpointModule
{
    private static readonly MethodSpec[] Methods =
    {
        new("OIDC", "oidcAuth", "oidc-auth", "oidc", BoundClaimRules),
        new("JWT", "jwtAuth", "jwt-auth", "jwt", BoundClaimRules),
        new("Kubernetes", "kubernetesAuth", "kubernetes-auth", "kubernetes", KubernetesRules),
        new("Azure", "azureAuth", "azure-auth", "azure", AzureRules),
        new("GCP", "gcpAuth", "gcp-auth", "gcp", GcpRules),
    };

    private delegate string? Rules(JsonElement section, JsonObject claims, string identityId);

    /// <inheritdoc />
    public void Map(IEndpointRouteBuilder routes)
    {
        foreach (var method in Methods)
        {
            routes.MapPost($"/api/v1/auth/{method.Route}/login", (HttpContext http, ServerState state, TokenService tokens) =>
                LoginAsync(http, state, tokens, method));
        }
    }

    private static async Task<IResult> LoginAsync(HttpContext http, ServerState state, TokenService tokens, MethodSpec method)
    {
        var (start, error) = await AuthMethodLogin.BeginAsync(http, state, method.Section, method.Display, false, "jwt");
        if (error != null)
        {
            return error;
        }

        var errors = start!.Errors;
        var (claims, failure) = await SeededTokenVerifier.VerifyAsync(start.Section, start.Fields["jwt"], state.Clock.UtcNow);
        switch (failure)
        {
            case SeededTokenVerifier.Failure.Unknown:
                return errors.Unauthorized($"Access denied: {method.Display} token not recognised.");
            case SeededTokenVerifier.Failure.Malformed:
                return errors.InvalidJwt(JwtFailure.Malformed);
            case SeededTokenVerifier.Failure.BadSignature:
                return errors.InvalidJwt(JwtFailure.InvalidSignature);
            case SeededTokenVerifier.Failure.Expired:
                return errors.InvalidJwt(JwtFailure.Expired);
            case SeededTokenVerifier.Failure.NotConfigured:
                return errors.BadRequest($"{method.Display} auth for this identity has no \"tokens\", \"jwks\" or \"publicKeysPem\" in the local server seed");
        }

        var refused = method.Rules(start.Section, claims!, start.Identity.Id);
        if (refused != null)
        {
            return errors.Unauthorized($"Access denied: {method.Display} {refused} not allowed.");
        }

        return AuthMethodLogin.Issue(tokens, start, method.Route, new JsonObject
        {
            [method.ClaimKey] = new JsonObject { ["claims"] = claims!.DeepClone() },
        });
    }

    // OIDC and JWT: boundIssuer, boundAudiences, boundSubject (glob), boundClaims {claim: "glob,glob"}.
    private static string? BoundClaimRules(JsonElement section, JsonObject claims, string identityId)
    {
        var issuer = ClaimRules.Text(section, "boundIssuer");
        if (!string.IsNullOrEmpty(issuer) && !ClaimRules.ClaimValues(claims, "iss").Contains(issuer))
        {
            return "issuer";
        }

        if (!ClaimRules.Allowed(ClaimRules.List(section, "boundAudiences"), ClaimRules.ClaimValues(claims, "aud")))
        {
            return "audience";
        }

        var subject = ClaimRules.Text(section, "boundSubject");
        if (!string.IsNullOrEmpty(subject) && !ClaimRules.ClaimValues(claims, "sub").Any(s => ClaimRules.Glob(subject, s)))
        {
            return "subject";
        }

        if (section.TryGetProperty("boundClaims", out var bound) && bound.ValueKind == JsonValueKind.Object)
        {
            foreach (var rule in bound.EnumerateObject())
            {
                var allowed = ClaimRules.List(bound, rule.Name);
                var values = ClaimRules.ClaimValues(claims, rule.Name);
                if (values.Count == 0 || !ClaimRules.Allowed(allowed, values))
                {
                    return "claim";
                }
            }
        }

        return null;
    }

    // Kubernetes: the service account as TokenReview would report it (claims namespace/name, or sub
    // "system:serviceaccount:<namespace>:<name>"), checked against allowedNamespaces/allowedNames/allowedAudience.
    private static string? KubernetesRules(JsonElement section, JsonObject claims, string identityId)
    {
        var ns = claims["namespace"]?.ToString();
        var name = claims["name"]?.ToString();
        var sub = claims["sub"]?.ToString();
        if ((ns == null || name == null) && sub != null && sub.StartsWith("system:serviceaccount:", StringComparison.Ordinal))
        {
            var parts = sub.Split(':');
            if (parts.Length == 4)
            {
                ns ??= parts[2];
                name ??= parts[3];
            }
        }

        if (!ClaimRules.Allowed(ClaimRules.List(section, "allowedNamespaces"), new[] { ns ?? string.Empty }))
        {
            return "namespace";
        }

        if (!ClaimRules.Allowed(ClaimRules.List(section, "allowedNames"), new[] { name ?? string.Empty }))
        {
            return "name";
        }

        var audience = ClaimRules.Text(section, "allowedAudience");
        return string.IsNullOrEmpty(audience) || ClaimRules.ClaimValues(claims, "aud").Contains(audience) ? null : "audience";
    }

    // Azure: issuer of the configured tenant, audience = resource, oid among allowedServicePrincipalIds.
    private static string? AzureRules(JsonElement section, JsonObject claims, string identityId)
    {
        var tenant = ClaimRules.Text(section, "tenantId");
        if (!string.IsNullOrEmpty(tenant) && !ClaimRules.ClaimValues(claims, "iss").Contains($"https://sts.windows.net/{tenant}/"))
        {
            return "tenant";
        }

        var resource = ClaimRules.Text(section, "resource");
        if (!string.IsNullOrEmpty(resource)
            && !ClaimRules.ClaimValues(claims, "aud").Any(a => a.TrimEnd('/') == resource.TrimEnd('/')))
        {
            return "resource";
        }

        return ClaimRules.Allowed(ClaimRules.List(section, "allowedServicePrincipalIds"), ClaimRules.ClaimValues(claims, "oid"))
            ? null
            : "service principal";
    }

    // GCP ID tokens: audience = configured audience or the identity id (when the token carries aud), email among
    // allowedServiceAccounts.
    private static string? GcpRules(JsonElement section, JsonObject claims, string identityId)
    {
        var audiences = ClaimRules.ClaimValues(claims, "aud");
        var expected = ClaimRules.Text(section, "audience") ?? identityId;
        if (audiences.Count > 0 && !audiences.Contains(expected))
        {
            return "audience";
        }

        return ClaimRules.Allowed(ClaimRules.List(section, "allowedServiceAccounts"), ClaimRules.ClaimValues(claims, "email"))
            ? null
            : "service account";
    }

    private sealed record MethodSpec(string Display, string Section, string Route, string ClaimKey, Rules Rules);
}
