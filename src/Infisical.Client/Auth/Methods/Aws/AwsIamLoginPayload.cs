using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using Amazon.Runtime;

namespace Infisical.Client.Auth.Methods.Aws;

/// <summary>
/// Builds the body of <c>POST /api/v1/auth/aws-auth/login</c>: a SigV4-signed STS <c>GetCallerIdentity</c>
/// request that the Infisical server replays to STS to learn who the caller is. The AWS secret key is only used
/// to sign; what leaves the machine is the signature, as with the official SDKs.
/// </summary>
internal static class AwsIamLoginPayload
{
    /// <summary>The STS call the server replays; the server compares nothing else in the body.</summary>
    internal const string GetCallerIdentityBody = "Action=GetCallerIdentity&Version=2011-06-15";

    internal const string ContentType = "application/x-www-form-urlencoded; charset=utf-8";

    /// <summary>Signs the STS request for <paramref name="region"/> and encodes it the way the login route expects.</summary>
    public static AwsIamLoginRequest Build(string identityId, ImmutableCredentials credentials, string region, DateTime signedAt)
    {
        var url = new Uri("https://sts." + region + ".amazonaws.com/");
        var body = Encoding.UTF8.GetBytes(GetCallerIdentityBody);

        // The official SDKs sign Content-Length too and then leave it out of the map: the server's HTTP library
        // recomputes the same value when it replays the request.
        var headers = new Dictionary<string, string>
        {
            ["Content-Type"] = ContentType,
            ["Content-Length"] = body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var signed = AwsSigV4Signer.Sign(credentials, region, "sts", "POST", url, headers, body, signedAt);

        // No Accept header: the server relies on its own default Accept to get JSON back from STS.
        var sent = new Dictionary<string, string>();
        foreach (var header in signed.Headers)
        {
            if (!string.Equals(header.Key, "Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                sent[header.Key] = header.Value;
            }
        }

        return new AwsIamLoginRequest
        {
            IdentityId = identityId,
            IamHttpRequestMethod = "POST",
            IamRequestBody = Convert.ToBase64String(body),
            IamRequestHeaders = Convert.ToBase64String(
                JsonSerializer.SerializeToUtf8Bytes(sent, AuthMethodsJsonContext.Default.DictionaryStringString)),
        };
    }
}
