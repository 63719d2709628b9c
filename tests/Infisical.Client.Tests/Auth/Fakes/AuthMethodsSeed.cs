using System.Text.Json.Nodes;

namespace Infisical.Client.Tests.Auth.Fakes;

/// <summary>A seed with one identity per auth method, each configured the way docs/local-server.md describes.</summary>
public static class AuthMethodsSeed
{
    public const string AwsIdentityId = "a1000000-0000-4000-8000-000000000001";
    public const string OidcIdentityId = "a1000000-0000-4000-8000-000000000002";
    public const string JwtIdentityId = "a1000000-0000-4000-8000-000000000003";
    public const string KubernetesIdentityId = "a1000000-0000-4000-8000-000000000004";
    public const string LdapIdentityId = "a1000000-0000-4000-8000-000000000005";
    public const string AzureIdentityId = "a1000000-0000-4000-8000-000000000006";
    public const string GcpIdentityId = "a1000000-0000-4000-8000-000000000007";
    public const string UniversalIdentityId = "a1000000-0000-4000-8000-000000000008";
    public const string TokenIdentityId = "a1000000-0000-4000-8000-000000000009";
    public const string UniversalClientId = "ua-auth-methods-client";
    public const string UniversalClientSecret = "ua-auth-methods-secret";
    public const string ProjectId = "b2000000-0000-4000-8000-000000000001";

    public const string Account = "123456789012";
    public const string UserKeyId = "AKIAUSERBUILDER00001";
    public const string UserSecret = "builder/secret+key-0001";
    public const string RoleKeyId = "ASIAROLESESSION00001";
    public const string RoleSecret = "role/secret+key-0001";
    public const string RoleSessionToken = "FwoGZXIvYXdzEXAMPLEsessiontoken==";
    public const string OtherAccountKeyId = "AKIAOTHERACCOUNT0001";
    public const string WrongRoleKeyId = "AKIAWRONGROLE0000001";

    public const string OidcIssuer = "https://ci.example";
    public const string JwtIssuer = "https://issuer.example";
    public const string GcpServiceAccount = "builder@proj.iam.gserviceaccount.com";
    public const string AzureResource = "https://management.azure.com/";

    public static string Json(TestJwt keys)
    {
        var seed = new JsonObject
        {
            ["identities"] = new JsonArray(
                new JsonObject
                {
                    ["id"] = AwsIdentityId, ["name"] = "aws-builder",
                    ["awsAuth"] = new JsonObject
                    {
                        ["allowedAccountIds"] = Account,
                        ["allowedPrincipalArns"] = $"arn:aws:iam::{Account}:role/ci-*,arn:aws:iam::{Account}:user/builder",
                        ["callers"] = new JsonObject
                        {
                            [UserKeyId] = Caller(Account, $"arn:aws:iam::{Account}:user/builder", UserSecret),
                            [RoleKeyId] = Caller(Account, $"arn:aws:sts::{Account}:assumed-role/ci-deploy/session-7", RoleSecret, RoleSessionToken),
                            [OtherAccountKeyId] = Caller("999999999999", "arn:aws:iam::999999999999:user/builder", "other-secret"),
                            [WrongRoleKeyId] = Caller(Account, $"arn:aws:iam::{Account}:role/other", "wrong-role-secret"),
                        },
                    },
                },
                new JsonObject
                {
                    ["id"] = OidcIdentityId, ["name"] = "oidc-ci",
                    ["oidcAuth"] = new JsonObject
                    {
                        ["boundIssuer"] = OidcIssuer, ["boundAudiences"] = "infisical,other-aud", ["boundSubject"] = "repo:acme/*",
                        ["jwks"] = keys.Jwks, ["accessTokenTTL"] = 60, ["accessTokenMaxTTL"] = 60,
                    },
                },
                new JsonObject
                {
                    ["id"] = JwtIdentityId, ["name"] = "jwt-svc",
                    ["jwtAuth"] = new JsonObject
                    {
                        ["boundIssuer"] = JwtIssuer, ["boundClaims"] = new JsonObject { ["env"] = "prod,stage-*" },
                        ["publicKeysPem"] = new JsonArray(keys.PublicKeyPem),
                    },
                },
                new JsonObject
                {
                    ["id"] = KubernetesIdentityId, ["name"] = "k8s-runner",
                    ["kubernetesAuth"] = new JsonObject
                    {
                        ["allowedNamespaces"] = "build", ["allowedNames"] = "runner",
                        ["accessTokenTTL"] = 60, ["accessTokenMaxTTL"] = 60,
                        ["tokens"] = new JsonObject
                        {
                            ["sa-token-1"] = new JsonObject { ["namespace"] = "build", ["name"] = "runner" },
                            ["sa-token-2"] = new JsonObject { ["sub"] = "system:serviceaccount:build:runner" },
                            ["sa-token-kube-system"] = new JsonObject { ["namespace"] = "kube-system", ["name"] = "runner" },
                        },
                    },
                },
                new JsonObject
                {
                    ["id"] = LdapIdentityId, ["name"] = "ldap-user",
                    ["ldapAuth"] = new JsonObject
                    {
                        ["users"] = new JsonArray(new JsonObject { ["username"] = "alice", ["password"] = "correct horse" }),
                    },
                },
                new JsonObject
                {
                    ["id"] = AzureIdentityId, ["name"] = "azure-vm",
                    ["azureAuth"] = new JsonObject
                    {
                        ["tenantId"] = "tenant-1", ["resource"] = AzureResource, ["allowedServicePrincipalIds"] = "sp-allowed",
                        ["tokens"] = new JsonObject
                        {
                            ["azure-token-good"] = AzureClaims("sp-allowed"),
                            ["azure-token-other-sp"] = AzureClaims("sp-other"),
                        },
                    },
                },
                new JsonObject
                {
                    ["id"] = GcpIdentityId, ["name"] = "gcp-vm",
                    ["gcpAuth"] = new JsonObject
                    {
                        ["allowedServiceAccounts"] = GcpServiceAccount,
                        ["publicKeysPem"] = new JsonArray(keys.PublicKeyPem),
                    },
                },
                new JsonObject
                {
                    ["id"] = TokenIdentityId, ["name"] = "token-holder", ["tokenAuth"] = new JsonObject { ["accessTokenTTL"] = 0, ["accessTokenMaxTTL"] = 0 },
                },
                new JsonObject
                {
                    ["id"] = UniversalIdentityId, ["name"] = "ua", ["clientId"] = UniversalClientId, ["clientSecret"] = UniversalClientSecret,
                }),
            ["projects"] = new JsonArray(new JsonObject
            {
                ["id"] = ProjectId, ["slug"] = "auth-methods", ["name"] = "Auth methods", ["environments"] = new JsonArray("dev"),
            }),
        };
        return seed.ToJsonString();
    }

    private static JsonObject Caller(string account, string arn, string secret, string? sessionToken = null)
    {
        var caller = new JsonObject { ["account"] = account, ["arn"] = arn, ["userId"] = "AIDA" + account, ["secretAccessKey"] = secret };
        if (sessionToken != null)
        {
            caller["sessionToken"] = sessionToken;
        }

        return caller;
    }

    private static JsonObject AzureClaims(string oid) => new()
    {
        ["iss"] = "https://sts.windows.net/tenant-1/", ["aud"] = "https://management.azure.com", ["oid"] = oid,
    };
}
