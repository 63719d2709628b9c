using System.Collections.Generic;
using System.Text.Json.Serialization;
using Infisical.Client.Auth.Methods.Aws;

namespace Infisical.Client.Auth.Methods;

/// <summary>Source-generated JSON for the login bodies of the non-universal auth methods (trimming- and AOT-safe).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(AwsIamLoginRequest))]
[JsonSerializable(typeof(JwtLoginRequest))]
[JsonSerializable(typeof(LdapLoginRequest))]
[JsonSerializable(typeof(TokenAuthCreateRequest))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(AzureTokenResponse))]
[JsonSerializable(typeof(AwsInstanceIdentityDocument))]
internal sealed partial class AuthMethodsJsonContext : JsonSerializerContext
{
}

/// <summary>Body of the AWS IAM login.</summary>
internal sealed class AwsIamLoginRequest
{
    [JsonPropertyName("identityId")]
    public string IdentityId { get; set; } = "";

    [JsonPropertyName("iamHttpRequestMethod")]
    public string IamHttpRequestMethod { get; set; } = "POST";

    [JsonPropertyName("iamRequestBody")]
    public string IamRequestBody { get; set; } = "";

    [JsonPropertyName("iamRequestHeaders")]
    public string IamRequestHeaders { get; set; } = "";
}

/// <summary>Body shared by the OIDC, JWT, Kubernetes, Azure and GCP logins: an identity and a token to verify.</summary>
internal sealed class JwtLoginRequest
{
    [JsonPropertyName("identityId")]
    public string IdentityId { get; set; } = "";

    [JsonPropertyName("jwt")]
    public string Jwt { get; set; } = "";
}

/// <summary>Body of the LDAP login.</summary>
internal sealed class LdapLoginRequest
{
    [JsonPropertyName("identityId")]
    public string IdentityId { get; set; } = "";

    [JsonPropertyName("username")]
    public string Username { get; set; } = "";

    [JsonPropertyName("password")]
    public string Password { get; set; } = "";
}

/// <summary>The part of Azure IMDS's token answer that is used.</summary>
internal sealed class AzureTokenResponse
{
    [JsonPropertyName("access_token")]
    public string? AccessToken { get; set; }
}

/// <summary>The part of EC2's instance identity document that is used.</summary>
internal sealed class AwsInstanceIdentityDocument
{
    [JsonPropertyName("region")]
    public string? Region { get; set; }
}

/// <summary>Body of Token Auth's token creation.</summary>
internal sealed class TokenAuthCreateRequest
{
    [JsonPropertyName("name")]
    public string? Name { get; set; }
}
