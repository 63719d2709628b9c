using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Infisical.LocalServer;

/// <summary>
/// AWS IAM login (docs/infisical-api-notes.md, "AWS IAM login"). STS cannot be called offline, so the seed plays STS: <c>"awsAuth": {"callers":
/// {"&lt;accessKeyId&gt;": {"account", "arn", "userId", "secretAccessKey"?}}, "callerIdentity": {...}}</c>; then the
/// real server's allowedAccountIds / allowedPrincipalArns rules apply.
/// </summary>
internal sealed partial class AwsIamLoginEndpoints : IEndpointModule
{
    /// <inheritdoc />
    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/v1/auth/aws-auth/login", async (HttpContext http, ServerState state, TokenService tokens) =>
        {
            var (start, error) = await AuthMethodLogin.BeginAsync(http, state, "awsAuth", "AWS", false, "iamRequestBody", "iamRequestHeaders");
            if (error != null)
            {
                return error;
            }

            var errors = start!.Errors;
            var method = (start.Body["iamHttpRequestMethod"] as JsonValue)?.ToString() ?? "POST";
            var (request, problem) = AwsSignedRequest.Decode(method, start.Fields["iamRequestBody"], start.Fields["iamRequestHeaders"]);
            if (request == null)
            {
                return errors.BadRequest("Invalid AWS IAM login request: " + problem);
            }

            if (!RegionPattern().IsMatch(request.Region))
            {
                return errors.BadRequest("Invalid AWS region");
            }

            var caller = FindCaller(start.Section, request.AccessKeyId);
            var refusal = request.CheckShape(state.Clock.UtcNow, MaxSkew(start.Section))
                ?? (caller == null ? "the access key is not known to STS (InvalidClientTokenId)" : null)
                ?? CheckSignature(caller!.Value, request);
            if (refusal != null)
            {
                // Offline stand-in for STS refusing the replayed request; the message says what STS would object to.
                return errors.Unauthorized("Access denied: AWS STS rejected the GetCallerIdentity request: " + refusal);
            }

            var account = ClaimRules.Text(caller!.Value, "account") ?? string.Empty;
            var arn = ClaimRules.Text(caller.Value, "arn") ?? string.Empty;
            var allowedAccounts = ClaimRules.List(start.Section, "allowedAccountIds");
            if (allowedAccounts.Count > 0 && !allowedAccounts.Contains(account))
            {
                return errors.Unauthorized("Access denied: AWS account ID not allowed.");
            }

            var allowedArns = ClaimRules.List(start.Section, "allowedPrincipalArns");
            var principal = NormalizeArn(arn);
            if (allowedArns.Count > 0 && !allowedArns.Any(a => ClaimRules.Glob(a, principal) || ClaimRules.Glob(a, arn)))
            {
                return errors.Unauthorized($"Access denied: AWS principal ARN not allowed. [principal-arn={principal}]");
            }

            return AuthMethodLogin.Issue(tokens, start, "aws-auth", new JsonObject
            {
                ["aws"] = new JsonObject
                {
                    ["accountId"] = account,
                    ["arn"] = arn,
                    ["userId"] = ClaimRules.Text(caller.Value, "userId"),
                },
            });
        });
    }

    /// <summary>STS assumed-role ARNs name a session; the rules are written against the role.</summary>
    internal static string NormalizeArn(string arn)
    {
        var match = AssumedRolePattern().Match(arn);
        return match.Success ? $"arn:{match.Groups["partition"].Value}:iam::{match.Groups["account"].Value}:role/{match.Groups["role"].Value}" : arn;
    }

    private static JsonElement? FindCaller(JsonElement section, string accessKeyId)
    {
        if (section.TryGetProperty("callers", out var callers) && callers.ValueKind == JsonValueKind.Object
            && callers.TryGetProperty(accessKeyId, out var caller) && caller.ValueKind == JsonValueKind.Object)
        {
            return caller;
        }

        return section.TryGetProperty("callerIdentity", out var fallback) && fallback.ValueKind == JsonValueKind.Object ? fallback : null;
    }

    private static string? CheckSignature(JsonElement caller, AwsSignedRequest request)
    {
        var secret = ClaimRules.Text(caller, "secretAccessKey");
        if (secret != null && !request.SignatureMatches(secret))
        {
            return "the signature does not match (SignatureDoesNotMatch)";
        }

        var sessionToken = ClaimRules.Text(caller, "sessionToken");
        if (sessionToken != null && (!request.Headers.TryGetValue("X-Amz-Security-Token", out var sent) || sent != sessionToken))
        {
            return "the session token is missing or wrong";
        }

        return null;
    }

    private static int MaxSkew(JsonElement section) =>
        section.TryGetProperty("maxClockSkewSeconds", out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : 900;

    [GeneratedRegex("^[a-z0-9-]{1,20}$")]
    private static partial Regex RegionPattern();

    [GeneratedRegex("^arn:(?<partition>[^:]+):sts::(?<account>[0-9]+):assumed-role/(?<role>[^/]+)/.+$")]
    private static partial Regex AssumedRolePattern();
}
