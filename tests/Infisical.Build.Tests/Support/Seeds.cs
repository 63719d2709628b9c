using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace Infisical.Build.Tests.Support;

/// <summary>Seed documents for the local server, with values chosen to break naive quoting.</summary>
internal static class Seeds
{
    public const string ClientId = "build-tests-client-id";
    public const string ClientSecret = "build-tests-client-secret-Qv7rX2mZ";
    public const string ProjectId = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
    public const string ProjectSlug = "build-tests";

    /// <summary>The project's KMS key, for encrypt mode (InfisicalKmsKeyName=settings-key).</summary>
    public const string KmsKeyId = "8d0f7780-8536-41ef-a55b-f18ad2e01bf8";
    public const string KmsKeyName = "settings-key";

    /// <summary>Awkward values, each carrying a distinctive marker so a leak check can look for it.</summary>
    public static readonly IReadOnlyDictionary<string, string> AwkwardDev = new Dictionary<string, string>
    {
        ["ConnectionStrings__Db"] = "Server=db;User Id=app;Password=p@ss=w0rd;Zk1",
        ["Logging__LogLevel__Default"] = "Warning-Zk2",
        ["DOUBLE_QUOTES"] = "say \"hello\" to Zk3",
        ["SINGLE_QUOTE"] = "it's Zk4 o'clock",
        ["SINGLE_QUOTE_MULTILINE"] = "it's Zk5\nsecond line",
        ["HASH"] = "abc#def # not-a-comment Zk6",
        ["DOLLARS"] = "$HOME and ${PATH} and $1 Zk7",
        ["EQUALS"] = "a=b==c Zk8",
        ["SPACES_INSIDE"] = "many   inner   spaces Zk9",
        ["PADDED"] = "   padded on both sides Zk10   ",
        ["UNICODE"] = "héllo wörld — 日本語 🔑 Zk11",
        ["MULTILINE"] = "-----BEGIN KEY-----\nMIIB Zk12\n  indented line\n-----END KEY-----",
        ["BACKSLASHES"] = @"C:\path\to\Zk13\n not a newline",
        ["JSON_LIKE"] = "{\"a\": [1, 2], \"b\": \"Zk14\"}",
        ["EMPTY"] = "",
        ["Api__Endpoints__Primary"] = "https://api.example.test/v1?key=Zk15&x=1",
    };

    /// <summary>The environment variables that log the seeded identity in with Universal Auth (a fresh copy to modify).</summary>
    public static Dictionary<string, string?> UniversalAuth() => new()
    {
        ["INFISICAL_UNIVERSAL_AUTH_CLIENT_ID"] = ClientId,
        ["INFISICAL_UNIVERSAL_AUTH_CLIENT_SECRET"] = ClientSecret,
    };

    /// <summary>A seed with one identity that can read one project holding the given dev secrets.</summary>
    public static string Document(IReadOnlyDictionary<string, string> devSecrets, IReadOnlyDictionary<string, string>? prodSecrets = null)
    {
        var secrets = devSecrets.Select(p => new { environment = "dev", path = "/", key = p.Key, value = p.Value })
            .Concat((prodSecrets ?? new Dictionary<string, string>()).Select(p => new { environment = "prod", path = "/", key = p.Key, value = p.Value }));
        return JsonSerializer.Serialize(new
        {
            identities = new[] { new { id = "3f2c1b4a-5d6e-4f70-8a9b-0c1d2e3f4a5b", name = "build-tests", clientId = ClientId, clientSecret = ClientSecret } },
            projects = new[] { new { id = ProjectId, slug = ProjectSlug, name = "Build tests", environments = new[] { "dev", "prod" }, secrets, kmsKeys = new[] { new { id = KmsKeyId, name = KmsKeyName } } } },
        });
    }
}
